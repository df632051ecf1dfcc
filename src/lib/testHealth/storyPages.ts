/**
 * Which tests with a story get a full page of their own. A suite of 20,000 tests where one in twelve
 * is flaky would otherwise build 1,700 full pages that nobody reads all of, so at most `STORY_PAGES`
 * get one, ranked by what a lead opens first. The others keep their story (they are listed on
 * `/tests/` and `/tests/all/`) and their address, which forwards to their history on `/tests/all/`:
 * a link to a test works the same whether or not the test has, or keeps, a full page.
 */
import type { StoryReason } from './story.ts';
import type { Flakiness } from './flakiness.ts';
import type { TestStats } from './testStats.ts';

/** At most this many tests get a full page. */
export const STORY_PAGES = 200;

/** Reasons from the most to the least urgent: a test that fails now outranks one that flips. */
export const REASON_RANK: readonly StoryReason[] = ['failing', 'flaky', 'slow', 'status-changed', 'duration-changed'];

/** What the ranking reads of a test. */
export interface RankedStory {
	classname: string;
	name: string;
	story: StoryReason[];
	stats: Pick<TestStats, 'durationNow'>;
	flakiness: Pick<Flakiness, 'flips'>;
}

/** Index in `REASON_RANK` of a test's most urgent reason. */
function urgency(t: RankedStory): number {
	return Math.min(...t.story.map((r) => REASON_RANK.indexOf(r)));
}

/**
 * Order of the ranking: most urgent reason first; then more flips, more reasons, a longer newest
 * duration; then classname and name, so the same data always gives the same pages.
 */
export function compareStories(a: RankedStory, b: RankedStory): number {
	return (
		urgency(a) - urgency(b) ||
		b.flakiness.flips - a.flakiness.flips ||
		b.story.length - a.story.length ||
		b.stats.durationNow - a.stats.durationNow ||
		a.classname.localeCompare(b.classname) ||
		a.name.localeCompare(b.name)
	);
}

/** The tests with a story that get a full page: the first `max` by `compareStories`. */
export function storyPages<T extends RankedStory>(stories: readonly T[], max = STORY_PAGES): Set<T> {
	return new Set([...stories].sort(compareStories).slice(0, max));
}
