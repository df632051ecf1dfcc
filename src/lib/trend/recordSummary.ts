import type { CoverageFormat } from '../reports/readCoverageReport.ts';
import type { CoverageConfig } from '../schemas/config.ts';
import { formatChange, formatPercent } from '../text/format.ts';
import { plain } from '../text/plain.ts';
import { shortCommit } from './commitLinks.ts';
import { figureLabel, OVERALL, pointValue } from './figures.ts';
import type { RecordOutcome } from './recordRequest.ts';

const FORMAT_NAME: Record<CoverageFormat, string> = {
	'coveragepy-json': 'coverage.py JSON',
	cobertura: 'Cobertura XML',
	lcov: 'LCOV',
};

/** The short summary `record` prints: the figures with their change since the previous point, the files written, warnings. */
export function recordSummary({ plan, format, wrote, warnings }: RecordOutcome, config: CoverageConfig): string {
	const { point, previous } = plan;
	const out: string[] = [];
	const files = plan.coverage.overall.files;
	out.push(
		`Recorded ${plain(shortCommit(point.commit))}${point.branch ? ` on ${plain(point.branch)}` : ''} for ${point.date} (${FORMAT_NAME[format]}, ${files} file${files === 1 ? '' : 's'}).`,
	);
	if (!previous) out.push('This is the first point of the history: no change to show.');
	if (plan.replaced)
		out.push(
			`Replaced the earlier point for commit ${plain(shortCommit(point.commit))} (recorded for ${plan.replaced.date}).`,
		);
	const since = previous ? `since ${plain(shortCommit(previous.commit))} (${previous.date})` : 'first point';
	const ids = [OVERALL, ...config.domains.map((d) => d.id)];
	const width = Math.max(...ids.map((id) => figureLabel(id, config).length), 5) + 2;
	for (const id of ids) {
		const now = pointValue(point, id);
		const label = plain(figureLabel(id, config)).padEnd(width);
		if (now === null) {
			out.push(`  ${label}—        no file matched`);
			continue;
		}
		const before = previous ? pointValue(previous, id) : null;
		const delta = before === null ? '' : formatChange(now - before);
		out.push(`  ${label}${formatPercent(now).padStart(7)}  ${delta ? `${delta.padStart(6)} ${since}` : ''}`.trimEnd());
	}
	if (point.branch_coverage !== null && point.branch_coverage !== undefined)
		out.push(
			`  ${'Branches'.padEnd(width)}${formatPercent(point.branch_coverage).padStart(7)}  (branch coverage alone)`,
		);
	if (plan.testRun || point.tests_failed !== undefined)
		out.push(
			`  ${'Tests'.padEnd(width)}${point.test_count} (${point.tests_failed ?? 0} failed, ${point.tests_skipped ?? 0} skipped) in ${point.duration_seconds ?? 0} s`,
		);
	if (point.patch) {
		const p = point.patch;
		const figure = p.percent === null ? 'no executable line changed' : formatPercent(p.percent);
		out.push(
			`  ${'Patch'.padEnd(width)}${figure.padStart(7)}  (${p.covered} of ${p.statements} changed statements since ${plain(shortCommit(p.base))})`,
		);
	}
	out.push(`Wrote ${wrote.join(', ')}.`);
	const dropped = plan.dropSnapshots.length + plan.dropTestRuns.length;
	if (dropped > 0)
		out.push(
			`Dropped ${plan.dropSnapshots.length} old snapshot(s) and ${plan.dropTestRuns.length} old test run(s) beyond the configured number to keep.`,
		);
	for (const id of plan.emptyDomains) {
		const d = config.domains.find((x) => x.id === id)!;
		out.push(
			`warning: domain "${id}" matched no file of the report (include: ${d.include.join(', ')}); it gets no value.`,
		);
	}
	for (const warning of warnings) out.push(`warning: ${warning}`);
	return `${out.join('\n')}\n`;
}
