import { figureIds, pointValue, regressionsBetween, type Regression } from './figures.ts';
import { figureNow } from './figureNow.ts';
import type { CoverageConfig } from '../schemas/config.ts';
import type { TrendFile, TrendPoint } from '../schemas/trend.ts';
import { formatChange, formatPercent, formatPoints } from '../text/format.ts';

/** How one figure fared in a check. */
export type CheckStatus = 'ok' | 'dropped' | 'below-target' | 'no-data';

/** One row of the check: a figure now, before, and against its target. */
export interface CheckRow {
	id: string;
	label: string;
	now: number | null;
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
	previous: TrendPoint | null;
	maxDrop: number;
	failBelowTarget: boolean;
	rows: CheckRow[];
	regressions: Regression[];
}

/**
 * Compare the newest point with the one before it and with the targets. A drop of more than `maxDrop`
 * points fails; a figure below target warns, or fails when the config's gate says so.
 */
export function checkTrend(trend: TrendFile, config: CoverageConfig, maxDrop: number): CheckResult {
	const history = trend.coverage_history;
	const point = history[history.length - 1]!;
	const previous = history.length > 1 ? history[history.length - 2]! : null;
	const ids = figureIds(config);
	const regressions = previous ? regressionsBetween(previous, point, ids, maxDrop, history.length - 1) : [];
	const failBelowTarget = config.gate.fail_below_target;
	const rows = ids.map((id): CheckRow => {
		const { label, value: now, target } = figureNow(trend, config, id);
		const before = previous ? pointValue(previous, id) : null;
		const change = now !== null && before !== null ? Math.round((now - before) * 100) / 100 : null;
		let status: CheckStatus = 'ok';
		if (now === null) status = 'no-data';
		else if (regressions.some((r) => r.id === id)) status = 'dropped';
		else if (target !== null && now < target) status = 'below-target';
		const fails = status === 'dropped' || (status === 'below-target' && failBelowTarget);
		return { id, label, now, previous: before, change, target, status, fails };
	});
	return { passed: !rows.some((r) => r.fails), point, previous, maxDrop, failBelowTarget, rows, regressions };
}

/** Escape text from data for GitHub Markdown: no HTML, no table breaks, no emphasis or code spans. */
export function markdownText(text: string): string {
	return text
		.replace(/[\r\n]+/g, ' ')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/([\\`*_[\]|#~])/g, '\\$1');
}

const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));

const STATUS_TEXT: Record<CheckStatus, string> = {
	ok: '✅ ok',
	dropped: '❌ dropped',
	'below-target': '⚠️ below target',
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
		`Commit ${markdownText(point.commit.slice(0, 12))}${point.branch ? ` on ${markdownText(point.branch)}` : ''} (${markdownText(point.date)})` +
			(previous
				? ` compared with ${markdownText(previous.commit.slice(0, 12))} (${markdownText(previous.date)}); largest allowed drop ${formatPoints(result.maxDrop)} points.`
				: '; no earlier point to compare with.'),
		'',
		'| Figure | Now | Previous | Change | Target | Status |',
		'| --- | ---: | ---: | ---: | ---: | --- |',
	];
	const lines = result.rows.map((r) => {
		const status = r.status === 'below-target' && r.fails ? '❌ below target' : STATUS_TEXT[r.status];
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
