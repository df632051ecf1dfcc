import { checkedPair, findCheckedPoint, lastKnownValue } from './checkBaseline.ts';
import { shortCommit } from './commitLinks.ts';
import { figureIds } from './figures.ts';
import { figureNow } from './figureNow.ts';
import type { CoverageConfig } from '../schemas/config.ts';
import type { TrendFile, TrendPoint } from '../schemas/trend.ts';
import { escapeHtml } from '../text/escape.ts';
import { formatChange, formatPercent, formatPoints } from '../text/format.ts';

/** How one figure fared in a check. */
export type CheckStatus = 'ok' | 'dropped' | 'below-target' | 'vanished' | 'no-data';

/** One row of the check: a figure now, before, and against its target. */
export interface CheckRow {
	id: string;
	label: string;
	now: number | null;
	/** The figure's last known value on the base branch before this point (null when it never had one). */
	previous: number | null;
	change: number | null;
	target: number | null;
	status: CheckStatus;
	/** Whether this row fails the check. */
	fails: boolean;
}

/** The verdict of `trend check`. */
export interface CheckResult {
	passed: boolean;
	point: TrendPoint;
	/** The nearest earlier point of the base branch, or null when there is none. */
	previous: TrendPoint | null;
	maxDrop: number;
	failBelowTarget: boolean;
	rows: CheckRow[];
}

/** Which point to judge and which branch's points are its baseline. */
export interface CheckSelection {
	/** Commit of the run to judge (default: the newest point). */
	commit?: string | undefined;
	/** Branch whose earlier points are the baseline (default: every branch). */
	baseBranch?: string | undefined;
}

/**
 * Judge one point (the run's commit, else the newest) against the base branch's earlier points and the
 * targets; null when no point has that commit. Each figure is compared with its last known value, so a
 * run where a domain matched nothing hides no drop. A drop of more than `maxDrop` points fails; a domain
 * that had files and now matches none fails (or warns, by `gate.vanished_domain`); a figure below target
 * warns, or fails by `gate.fail_below_target`.
 */
export function checkTrend(
	trend: TrendFile,
	config: CoverageConfig,
	maxDrop: number,
	selection: CheckSelection = {},
): CheckResult | null {
	const index = findCheckedPoint(trend.coverage_history, selection.commit);
	if (index === null) return null;
	const { point, baseline } = checkedPair(trend.coverage_history, index, selection.baseBranch);
	// "The figure now" as of the judged point: its value, and the target in force when it was recorded.
	const upToPoint = { coverage_history: trend.coverage_history.slice(0, index + 1), targets: trend.targets };
	const failBelowTarget = config.gate.fail_below_target;
	const rows = figureIds(config).map((id): CheckRow => {
		const { label, value: now, target } = figureNow(upToPoint, config, id);
		const before = lastKnownValue(baseline, id)?.value ?? null;
		const change = now !== null && before !== null ? Math.round((now - before) * 100) / 100 : null;
		let status: CheckStatus = 'ok';
		if (now === null) status = before === null ? 'no-data' : 'vanished';
		// Compare on the stored two-decimal figures so 1.00 drop with max 1.0 is not a regression by float noise.
		else if (change !== null && Math.round(-change * 100) > Math.round(maxDrop * 100)) status = 'dropped';
		else if (target !== null && now < target) status = 'below-target';
		const fails =
			status === 'dropped' ||
			(status === 'vanished' && config.gate.vanished_domain === 'fail') ||
			(status === 'below-target' && failBelowTarget);
		return { id, label, now, previous: before, change, target, status, fails };
	});
	const previous = baseline.at(-1) ?? null;
	return { passed: !rows.some((r) => r.fails), point, previous, maxDrop, failBelowTarget, rows };
}

/** Escape text from data for GitHub Markdown: no HTML, no table breaks, no emphasis or code spans. */
export function markdownText(text: string): string {
	// Markdown punctuation first: escaping HTML after it adds `#` (in `&#60;`) that must stay as it is.
	return escapeHtml(text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]|#~])/g, '\\$1'));
}

const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));

const STATUS_TEXT: Record<CheckStatus, string> = {
	ok: '✅ ok',
	dropped: '❌ dropped',
	'below-target': '⚠️ below target',
	vanished: '⚠️ matches no file',
	'no-data': '— no data',
};

/** GitHub's limit for one step summary. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

/** The check as GitHub-flavoured Markdown (a heading, one line on what was compared, a table), under 1 MiB. */
export function checkMarkdown(result: CheckResult): string {
	const { point, previous } = result;
	const head = [
		`## Coverage check: ${result.passed ? 'passed ✅' : 'failed ❌'}`,
		'',
		`Commit ${markdownText(shortCommit(point.commit))}${point.branch ? ` on ${markdownText(point.branch)}` : ''} (${markdownText(point.date)})` +
			(previous
				? ` compared with ${markdownText(shortCommit(previous.commit))} (${markdownText(previous.date)}); largest allowed drop ${formatPoints(result.maxDrop)} points.`
				: '; no earlier point to compare with.'),
		'',
		'| Figure | Now | Previous | Change | Target | Status |',
		'| --- | ---: | ---: | ---: | ---: | --- |',
	];
	const lines = result.rows.map((r) => {
		// A warning that the config turns into a failure shows as one.
		const status = r.fails ? STATUS_TEXT[r.status].replace('⚠️', '❌') : STATUS_TEXT[r.status];
		return `| ${markdownText(r.label)} | ${pct(r.now)} | ${pct(r.previous)} | ${formatChange(r.change) || '—'} | ${r.target === null ? '—' : `${r.target}%`} | ${status} |`;
	});
	let text = `${[...head, ...lines].join('\n')}\n`;
	// Thousands of domains could pass GitHub's limit; cut rows rather than lose the summary.
	while (Buffer.byteLength(text) > STEP_SUMMARY_LIMIT - 200 && lines.length > 0) {
		lines.splice(Math.floor(lines.length / 2));
		text = `${[...head, ...lines, '', `_Table cut to ${lines.length} rows to stay under GitHub's 1 MiB summary limit._`].join('\n')}\n`;
	}
	return text;
}
