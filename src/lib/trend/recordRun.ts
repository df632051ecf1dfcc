import { percentBranches, percentCovered, roundPercent, summaryOf } from '../coverage/counts.ts';
import { domainCoverage, type DomainCoverage } from '../coverage/domainCoverage.ts';
import { OVERALL } from './figures.ts';
import type { JunitCase } from '../reports/junit.ts';
import type { CoverageConfig } from '../schemas/config.ts';
import type { CoverageFigures } from '../reports/coveragepyJson.ts';
import type { PatchFigures } from '../schemas/patch.ts';
import type { TestRun } from '../schemas/testRun.ts';
import { pointTime, trendFileSchema, type TrendFile, type TrendPoint } from '../schemas/trend.ts';
import { buildTestRun, summarizeTests, type RunIdentity } from '../testHealth/testRunBuild.ts';

/** What one `trend record` run was given. */
export interface RecordInput {
	config: CoverageConfig;
	trend: TrendFile;
	report: CoverageFigures;
	/** Merged JUnit results, or null when no `--junit` was given. */
	tests: { cases: JunitCase[]; duration: number } | null;
	identity: RunIdentity & { message?: string | undefined };
	/** Patch coverage since the previous recorded commit, when `--base` was given. */
	patch?: PatchFigures | undefined;
	/** File names already under `snapshots/` and `test-runs/`. */
	existingSnapshots: string[];
	existingTestRuns: string[];
	/** True when the snapshot is too big to keep: the point is recorded without one. */
	snapshotSkipped?: boolean | undefined;
}

/** Everything `record` will write and remove, decided before any file is touched. */
export interface RecordPlan {
	trend: TrendFile;
	point: TrendPoint;
	/** The point before the new one in date order, for the change shown in the summary. */
	previous: TrendPoint | null;
	/** The point the new one replaced (same commit), if any. */
	replaced: TrendPoint | null;
	coverage: DomainCoverage;
	/** The snapshot file to write (its content is the caller's: bytes cut from the input or a converted report). */
	snapshot: { name: string } | null;
	testRun: { name: string; run: TestRun } | null;
	dropSnapshots: string[];
	dropTestRuns: string[];
	/** Domains that matched no file of the report. */
	emptyDomains: string[];
}

/** The commit as it appears in the names of a run's files: 7 lower-case characters of a SHA, else the (already safe) name. */
export function commitFileStem(commit: string): string {
	return /^[0-9a-f]{8,}$/i.test(commit) ? commit.slice(0, 7).toLowerCase() : commit.slice(0, 40);
}

/** Names `record` gives the files it keeps (`<date>_<short commit>_coverage.json` / `_tests.json`); it prunes no other name. */
export const RUN_FILE_NAME = /^\d{4}-\d{2}-\d{2}_[A-Za-z0-9][A-Za-z0-9._-]{0,39}_(coverage|tests)\.json$/;

/** Names of the files one run keeps. */
export function runFileNames(date: string, commit: string): { snapshot: string; testRun: string } {
	const stem = `${date.slice(0, 10)}_${commitFileStem(commit)}`;
	return { snapshot: `${stem}_coverage.json`, testRun: `${stem}_tests.json` };
}

/** Build the trend point of a run: the seed's fields first, then the optional ones. */
export function buildPoint(input: RecordInput, coverage: DomainCoverage): TrendPoint {
	const { config, trend, report, tests, identity } = input;
	const point: TrendPoint = {
		date: identity.date,
		commit: identity.commit,
		overall_percent: roundPercent(percentCovered(coverage.overall)),
		test_count: 0,
	};
	for (const d of config.domains) {
		const c = coverage.domains[d.id];
		point[`${d.id}_percent`] = c ? roundPercent(percentCovered(c)) : null;
	}
	const summary = tests ? summarizeTests(tests.cases, tests.duration) : null;
	point.test_count = summary?.test_count ?? 0;
	if (identity.timestamp) point.timestamp = identity.timestamp;
	if (identity.branch) point.branch = identity.branch;
	if (identity.message) point.message = identity.message;
	const branchPc = report.meta.branch_coverage ? percentBranches(coverage.overall) : null;
	point.branch_coverage = branchPc === null ? null : roundPercent(branchPc);
	const counts: NonNullable<TrendPoint['counts']> = { [OVERALL]: { ...coverage.overall } };
	for (const d of config.domains) {
		const c = coverage.domains[d.id];
		if (c) counts[d.id] = { ...c };
	}
	point.counts = counts;
	if (Object.keys(trend.targets).length > 0) point.targets = { ...trend.targets };
	if (input.patch) point.patch = { ...input.patch };
	if (summary) {
		point.tests_failed = summary.tests_failed;
		point.tests_skipped = summary.tests_skipped;
		point.duration_seconds = summary.duration_seconds;
	}
	return point;
}

/** A point with the seed's key order (`date`, `commit`, `overall_percent`, `<domain>_percent`…, `test_count`), then the rest. */
export function orderPointKeys(point: TrendPoint): TrendPoint {
	const out: Record<string, unknown> = {
		date: point.date,
		commit: point.commit,
		overall_percent: point.overall_percent,
	};
	for (const [key, value] of Object.entries(point)) if (key.endsWith('_percent') && !(key in out)) out[key] = value;
	out.test_count = point.test_count;
	for (const [key, value] of Object.entries(point)) if (!(key in out)) out[key] = value;
	return out as TrendPoint;
}

/** Insert a point in date order (after points of the same time), replacing one with the same commit. */
export function insertPoint(
	history: TrendPoint[],
	point: TrendPoint,
): { history: TrendPoint[]; replaced: TrendPoint | null } {
	const replaced = history.find((p) => p.commit === point.commit) ?? null;
	const rest = history.filter((p) => p.commit !== point.commit);
	const t = pointTime(point);
	let at = rest.length;
	while (at > 0 && pointTime(rest[at - 1]!) > t) at--;
	return { history: [...rest.slice(0, at), point, ...rest.slice(at)], replaced };
}

/**
 * Which kept files to drop so that at most `keep` remain: oldest first by the position of the point
 * that links them; files no point links (left by a killed run, or by a replaced point) count as oldest.
 */
export function filesToDrop(
	names: string[],
	history: TrendPoint[],
	link: 'snapshot' | 'test_run',
	keep: number,
): string[] {
	const position = new Map<string, number>();
	history.forEach((p, i) => {
		const name = p[link];
		if (typeof name === 'string') position.set(name, i);
	});
	const ordered = [...new Set(names)].sort(
		(a, b) => (position.get(a) ?? -1) - (position.get(b) ?? -1) || a.localeCompare(b),
	);
	return ordered.slice(0, Math.max(0, ordered.length - keep));
}

/** Decide a recording: the new trend, the files to write, and the files to drop. Pure; touches no file. */
export function planRecord(input: RecordInput): RecordPlan {
	const coverage = domainCoverage(input.report.files, input.config, summaryOf);
	const point = buildPoint(input, coverage);
	const names = runFileNames(input.identity.date, input.identity.commit);
	if (!input.snapshotSkipped) point.snapshot = names.snapshot;
	if (input.tests) point.test_run = names.testRun;
	const { history, replaced } = insertPoint(input.trend.coverage_history, point);

	const dropSnapshots = filesToDrop(
		[
			...input.existingSnapshots.filter((n) => RUN_FILE_NAME.test(n) && n.endsWith('_coverage.json')),
			...(input.snapshotSkipped ? [] : [names.snapshot]),
		],
		history,
		'snapshot',
		input.config.snapshots_keep,
	);
	const dropTestRuns = filesToDrop(
		[
			...input.existingTestRuns.filter((n) => RUN_FILE_NAME.test(n) && n.endsWith('_tests.json')),
			...(input.tests ? [names.testRun] : []),
		],
		history,
		'test_run',
		input.config.test_runs_keep,
	);
	// The replaced point's files go with it unless the new point reuses the name.
	if (replaced?.snapshot && replaced.snapshot !== point.snapshot && !dropSnapshots.includes(replaced.snapshot))
		dropSnapshots.push(replaced.snapshot);
	if (replaced?.test_run && replaced.test_run !== point.test_run && !dropTestRuns.includes(replaced.test_run))
		dropTestRuns.push(replaced.test_run);
	for (const p of history) {
		if (p.snapshot && dropSnapshots.includes(p.snapshot)) delete p.snapshot;
		if (p.test_run && dropTestRuns.includes(p.test_run)) delete p.test_run;
	}

	const parsed = trendFileSchema.parse({ ...input.trend, coverage_history: history });
	// zod puts keys it knows first; keep the seed's order so the file reads (and diffs) like the seed.
	const trend = { ...parsed, coverage_history: parsed.coverage_history.map(orderPointKeys) };
	const index = history.indexOf(point);
	const snapshotKept = !input.snapshotSkipped && point.snapshot === names.snapshot;
	const testRunKept = input.tests !== null && point.test_run === names.testRun;
	return {
		trend,
		point: trend.coverage_history[index]!,
		previous: index > 0 ? trend.coverage_history[index - 1]! : null,
		replaced,
		coverage,
		snapshot: snapshotKept ? { name: names.snapshot } : null,
		testRun:
			testRunKept && input.tests
				? { name: names.testRun, run: buildTestRun(input.identity, input.tests.cases, input.tests.duration) }
				: null,
		dropSnapshots: dropSnapshots.filter((n) => n !== (snapshotKept ? names.snapshot : '')),
		dropTestRuns: dropTestRuns.filter((n) => n !== (testRunKept ? names.testRun : '')),
		emptyDomains: input.config.domains.filter((d) => coverage.domains[d.id] === null).map((d) => d.id),
	};
}
