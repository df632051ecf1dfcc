import { describe, expect, test } from 'vitest';
import { compareStories, storyPages } from '../../../src/lib/testHealth/storyPages.ts';
import type { StoryReason } from '../../../src/lib/testHealth/story.ts';
import { analyseHistories, analyseTestHealth } from '../../../src/lib/testHealth/testHealth.ts';
import { orderRuns, testHistories } from '../../../src/lib/testHealth/testHistory.ts';
import { series } from './records.ts';

const story = (name: string, reasons: StoryReason[], flips = 0, durationNow = 0.01) => ({
	classname: 'm',
	name,
	story: reasons,
	stats: { durationNow },
	flakiness: { flips },
});

describe('which tests with a story get a full page', () => {
	test('failing outranks flaky, flaky outranks slow and changed; more flips first among the flaky', () => {
		const tests = [
			story('changed', ['duration-changed']),
			story('slow', ['slow'], 0, 9),
			story('flaky-2', ['flaky'], 2),
			story('failing', ['failing']),
			story('flaky-5', ['flaky'], 5),
			story('status', ['status-changed']),
		];
		expect([...tests].sort(compareStories).map((t) => t.name)).toEqual([
			'failing',
			'flaky-5',
			'flaky-2',
			'slow',
			'status',
			'changed',
		]);
	});

	test('only the first `max` by rank get a page, whatever order they come in', () => {
		const tests = [story('b', ['flaky'], 2), story('a', ['flaky'], 2), story('c', ['failing']), story('d', ['slow'])];
		const pick = (list: typeof tests) => [...storyPages(list, 2)].map((t) => t.name).sort();
		expect(pick(tests)).toEqual(['a', 'c']);
		expect(pick([...tests].reverse())).toEqual(['a', 'c']);
	});

	test('the analysis marks the paged stories, keeps every story, and gives no page beyond the cap', () => {
		const runs = series({
			'm::flip1': ['passed', 'failed', 'passed', 'failed', 'passed'],
			'm::flip2': ['passed', 'failed', 'passed', 'passed', 'passed'],
			'm::broken': ['failed', 'failed', 'failed', 'failed', 'failed'],
			'm::stable': ['passed', 'passed', 'passed', 'passed', 'passed'],
		});
		const settings = { window: 20, min_flips: 2 };
		const ordered = orderRuns(runs);
		const health = analyseHistories(ordered, testHistories(ordered), settings, 0, 2);
		expect(health.stories.map((t) => t.name)).toEqual(['broken', 'flip1', 'flip2']);
		// broken fails now; flip1 flipped four times, flip2 twice.
		expect(health.pages.map((t) => t.name)).toEqual(['broken', 'flip1']);
		expect(health.tests.filter((t) => t.page).map((t) => t.name)).toEqual(['broken', 'flip1']);
		// With the default cap every story of a small suite has its page.
		expect(analyseTestHealth(runs, settings, 0).pages).toHaveLength(3);
	});
});
