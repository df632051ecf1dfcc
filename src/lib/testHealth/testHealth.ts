import { flakiness, windowStart, type Flakiness, type FlakySettings } from './flakiness.ts';
import { storyReasons, type StoryReason } from './story.ts';
import { outcomeOf } from './outcome.ts';
import { slowestTests } from './slowestTests.ts';
import { storyPages, STORY_PAGES } from './storyPages.ts';
import { orderRuns, testHistories, type RecordedRun, type RunInfo, type TestHistory } from './testHistory.ts';
import { testStats, type TestStats } from './testStats.ts';

/** One test with its counts and its flakiness. */
export interface TestReport extends TestHistory {
	stats: TestStats;
	flakiness: Flakiness;
	/** Whether the test is in the newest run (a test that is gone is history, not current). */
	current: boolean;
	/** Why it has a story; empty for the many without one (listed on `/tests/all/`). */
	story: StoryReason[];
	/** Whether it has a full page of its own: a story that ranks among the first `STORY_PAGES` (see `storyPages.ts`). */
	page: boolean;
}

/** The test-health picture of the kept runs: what the `/tests/` pages and the home tile show. */
export interface TestHealth<R extends RunInfo = RunInfo> {
	/** The kept runs, oldest first. */
	runs: R[];
	/** Every test seen in the kept runs, by label. */
	tests: TestReport[];
	/** Tests in the newest run that are flaky, most flips first. */
	flaky: TestReport[];
	/** Tests whose newest status is a failure or an error. */
	failing: TestReport[];
	/** The slowest tests of the newest run. */
	slowest: TestReport[];
	/** The tests with a story, by label. */
	stories: TestReport[];
	/** The tests with a full page of their own (the first `STORY_PAGES` stories by rank), by label. */
	pages: TestReport[];
}

/** How many of the slowest tests `/tests/` lists. */
export const SLOWEST_COUNT = 20;

/** A history's identity fields, without its observations (see `TestHistory`). */
function identityOf(h: TestHistory): Omit<TestHistory, 'observations'> {
	return { classname: h.classname, name: h.name, key: h.key, slug: h.slug };
}

/** Analyse the kept per-test records with the configured flaky settings. */
export function analyseTestHealth(
	records: readonly RecordedRun[],
	settings: FlakySettings,
	slowestCount = SLOWEST_COUNT,
): TestHealth<RecordedRun> {
	const runs = orderRuns(records);
	return analyseHistories(runs, testHistories(runs), settings, slowestCount);
}

/** Analyse test histories over the kept runs (oldest first; see `foldKeptRuns` for reading them one file at a time). */
export function analyseHistories<R extends RunInfo>(
	runs: readonly R[],
	histories: readonly TestHistory[],
	settings: FlakySettings,
	slowestCount = SLOWEST_COUNT,
	pageCount = STORY_PAGES,
): TestHealth<R> {
	const newest = runs.length - 1;
	const start = windowStart(runs.length, settings);
	const tests: TestReport[] = histories
		.map((h) => {
			// Read once and dropped with this test: a fold's history builds its observations on every read.
			const seen: TestHistory = { ...identityOf(h), observations: h.observations };
			const stats = testStats(seen);
			const flaky = flakiness(seen, runs, settings);
			const current = stats.lastRun === newest;
			const report: TestReport = {
				...identityOf(h),
				get observations() {
					return h.observations;
				},
				stats,
				flakiness: flaky,
				current,
				// Whether it is among the slowest is known once every test is counted (set again below).
				story: storyReasons({ observations: seen.observations, stats, flakiness: flaky, current }, false, start),
				page: false,
			};
			return report;
		})
		.sort((a, b) => a.classname.localeCompare(b.classname) || a.name.localeCompare(b.name));
	const current = tests.filter((t) => t.current);
	const slowest = slowestTests(current, slowestCount);
	for (const t of slowest) t.story = storyReasons(t, true, start);
	const stories = tests.filter((t) => t.story.length > 0);
	const paged = storyPages(stories, pageCount);
	for (const t of paged) t.page = true;
	return {
		runs: [...runs],
		tests,
		stories,
		pages: stories.filter((t) => t.page),
		flaky: current
			.filter((t) => t.flakiness.flaky)
			.sort(
				(a, b) => b.flakiness.flips - a.flakiness.flips || (b.flakiness.lastSeen ?? 0) - (a.flakiness.lastSeen ?? 0),
			),
		failing: current.filter((t) => outcomeOf(t.stats.lastStatus) === 'fail'),
		slowest,
	};
}
