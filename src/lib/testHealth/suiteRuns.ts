import type { TrendPoint } from '../schemas/trend.ts';
import { pointTime } from '../schemas/trend.ts';
import type { RecordedRun } from './testHistory.ts';
import { statusOf } from '../schemas/testResult.ts';

/** The suite's figures for one recorded run. */
export interface SuiteRun {
	date: string;
	/** Milliseconds since the epoch (timestamp, else the date at 00:00 UTC), for a time axis. */
	time: number;
	commit: string;
	/** Tests in the run, skips included. */
	tests: number;
	passed: number;
	/** Failures and errors. */
	failed: number;
	skipped: number;
	/** Passed among the tests that ran (skips left out), in percent; null when none ran. */
	passRate: number | null;
	/** Wall time of the suite, in seconds; null when it was not recorded. */
	duration: number | null;
}

/** Pass rate in percent of passed among passed + failed; null when nothing ran. */
export function passRate(passed: number, failed: number): number | null {
	return passed + failed > 0 ? (100 * passed) / (passed + failed) : null;
}

/** The suite figures of a per-test record. */
export function suiteRunFromRecord({ run }: RecordedRun): SuiteRun {
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	for (const t of run.tests) {
		const status = statusOf(t);
		if (status === 'passed') passed++;
		else if (status === 'skipped') skipped++;
		else failed++;
	}
	return {
		date: run.date,
		time: pointTime(run),
		commit: run.commit,
		tests: run.tests.length,
		passed,
		failed,
		skipped,
		passRate: passRate(passed, failed),
		duration: run.duration_seconds,
	};
}

/** The suite figures of a trend point that carries JUnit figures; null for a point recorded without JUnit. */
export function suiteRunFromPoint(point: TrendPoint): SuiteRun | null {
	if (point.tests_failed === undefined) return null;
	const skipped = point.tests_skipped ?? 0;
	const failed = point.tests_failed;
	const passed = Math.max(0, point.test_count - failed - skipped);
	return {
		date: point.date,
		time: pointTime(point),
		commit: point.commit,
		tests: point.test_count,
		passed,
		failed,
		skipped,
		passRate: passRate(passed, failed),
		duration: point.duration_seconds ?? null,
	};
}

/**
 * The suite over time, oldest first. Trend points are kept forever and per-test records only for
 * the newest runs, so the long history comes from the points that carry JUnit figures, and each
 * kept record stands for its commit (its counts are exact, and two runs of one commit both show).
 */
export function suiteHistory(points: readonly TrendPoint[], records: readonly RecordedRun[]): SuiteRun[] {
	return suiteHistoryOf(points, records.map(suiteRunFromRecord));
}

/** `suiteHistory` from the kept records' suite figures (see `foldKeptRuns`). */
export function suiteHistoryOf(points: readonly TrendPoint[], recorded: readonly SuiteRun[]): SuiteRun[] {
	const commits = new Set(recorded.map((r) => r.commit));
	const fromPoints = points.map(suiteRunFromPoint).filter((r): r is SuiteRun => r !== null && !commits.has(r.commit));
	return [...fromPoints, ...recorded].sort((a, b) => a.time - b.time);
}
