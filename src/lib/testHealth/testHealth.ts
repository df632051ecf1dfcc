import { flakiness, windowStart, type Flakiness, type FlakySettings } from './flakiness.ts';
import { storyReasons, type StoryReason } from './story.ts';
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
	/** Why it has a page of its own; empty for the many without a story (listed on `/tests/all/`). */
	story: StoryReason[];
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
	/** The tests with a story (a page of their own), by label. */
	stories: TestReport[];
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
			const story: StoryReason[] = [];
			return { ...h, stats, flakiness: flakiness(h, runs, settings), current: stats.lastRun === newest, story };
		})
		.sort((a, b) => a.classname.localeCompare(b.classname) || a.name.localeCompare(b.name));
	const current = tests.filter((t) => t.current);
	const slowest = slowestTests(current, slowestCount);
	const slow = new Set(slowest);
	const start = windowStart(runs.length, settings);
	for (const t of current) t.story.push(...storyReasons(t, slow.has(t), start));
	return {
		runs,
		tests,
		stories: tests.filter((t) => t.story.length > 0),
		flaky: current
			.filter((t) => t.flakiness.flaky)
			.sort(
				(a, b) => b.flakiness.flips - a.flakiness.flips || (b.flakiness.lastSeen ?? 0) - (a.flakiness.lastSeen ?? 0),
			),
		failing: current.filter((t) => outcomeOf(t.stats.lastStatus) === 'fail'),
		slowest,
	};
}
