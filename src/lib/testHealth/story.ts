/**
 * Which tests have a story worth a page of their own: the few a lead opens (flaky, failing, among
 * the slowest, or just changed), out of a suite of thousands whose history is rarely read.
 */
import { outcomeOf } from './outcome.ts';
import type { TestHistory } from './testHistory.ts';
import type { TestStats } from './testStats.ts';
import type { Flakiness } from './flakiness.ts';
import { median } from './median.ts';

/** Why a test has a page of its own. */
export type StoryReason = 'flaky' | 'failing' | 'slow' | 'status-changed' | 'duration-changed';

/** A duration change is marked when the newest run took at least this many times the window's median, or at most its inverse… */
export const DURATION_CHANGE_FACTOR = 2;
/** …and the difference is at least this many seconds (a 4 ms test that takes 9 ms is timer noise). */
export const DURATION_CHANGE_MIN_SECONDS = 1;

/** What the story check reads of a test. */
export interface StoryInput extends Pick<TestHistory, 'observations'> {
	stats: TestStats;
	flakiness: Flakiness;
	current: boolean;
}

/**
 * The reasons a current test has a story: flaky or failing now, among the slowest of the newest run,
 * its status in the newest run differs from the run before, or its newest duration is at least
 * `DURATION_CHANGE_FACTOR` times (or at most the inverse of) its median over the window and at
 * least `DURATION_CHANGE_MIN_SECONDS` apart. A test that is gone from the newest run has none.
 */
export function storyReasons(test: StoryInput, slowest: boolean, windowStart: number): StoryReason[] {
	if (!test.current) return [];
	const reasons: StoryReason[] = [];
	if (test.flakiness.flaky) reasons.push('flaky');
	if (outcomeOf(test.stats.lastStatus) === 'fail') reasons.push('failing');
	if (slowest) reasons.push('slow');
	const obs = test.observations;
	const last = obs[obs.length - 1]!;
	const before = obs[obs.length - 2];
	if (before && before.run >= windowStart && before.status !== last.status) reasons.push('status-changed');
	const inWindow = obs.filter((o) => o.run >= windowStart).map((o) => o.duration);
	const typical = inWindow.length > 1 ? median(inWindow) : null;
	if (
		typical !== null &&
		Math.abs(last.duration - typical) >= DURATION_CHANGE_MIN_SECONDS &&
		(last.duration >= typical * DURATION_CHANGE_FACTOR || last.duration * DURATION_CHANGE_FACTOR <= typical)
	)
		reasons.push('duration-changed');
	return reasons;
}
