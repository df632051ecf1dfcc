import { flakiness, type Flakiness, type FlakySettings } from './flakiness.ts';
import { outcomeOf } from './outcome.ts';
import { slowestTests } from './slowestTests.ts';
import { orderRuns, testHistories, type RecordedRun, type TestHistory } from './testHistory.ts';
import { testStats, type TestStats } from './testStats.ts';

/** One test with its counts and its flakiness. */
export interface TestReport extends TestHistory {
	stats: TestStats;
	flakiness: Flakiness;
	/** Whether the test is in the newest run (a test that is gone is history, not current). */
	current: boolean;
}

/** The test-health picture of the kept runs: what the `/tests/` pages and the home tile show. */
export interface TestHealth {
	/** The kept runs, oldest first. */
	runs: RecordedRun[];
	/** Every test seen in the kept runs, by label. */
	tests: TestReport[];
	/** Tests in the newest run that are flaky, most flips first. */
	flaky: TestReport[];
	/** Tests whose newest status is a failure or an error. */
	failing: TestReport[];
	/** The slowest tests of the newest run. */
	slowest: TestReport[];
}

/** How many of the slowest tests `/tests/` lists. */
export const SLOWEST_COUNT = 20;

/** Analyse the kept per-test records with the configured flaky settings. */
export function analyseTestHealth(
	records: readonly RecordedRun[],
	settings: FlakySettings,
	slowestCount = SLOWEST_COUNT,
): TestHealth {
	const runs = orderRuns(records);
	const newest = runs.length - 1;
	const tests: TestReport[] = testHistories(runs)
		.map((h) => {
			const stats = testStats(h);
			return { ...h, stats, flakiness: flakiness(h, runs, settings), current: stats.lastRun === newest };
		})
		.sort((a, b) => a.classname.localeCompare(b.classname) || a.name.localeCompare(b.name));
	const current = tests.filter((t) => t.current);
	return {
		runs,
		tests,
		flaky: current
			.filter((t) => t.flakiness.flaky)
			.sort(
				(a, b) => b.flakiness.flips - a.flakiness.flips || (b.flakiness.lastSeen ?? 0) - (a.flakiness.lastSeen ?? 0),
			),
		failing: current.filter((t) => outcomeOf(t.stats.lastStatus) === 'fail'),
		slowest: slowestTests(current, slowestCount),
	};
}
