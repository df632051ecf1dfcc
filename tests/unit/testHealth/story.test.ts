import { describe, expect, test } from 'vitest';
import { analyseTestHealth } from '../../../src/lib/testHealth/testHealth.ts';
import { series } from './records.ts';

const settings = { window: 20, min_flips: 2 };
const reasons = (runs: ReturnType<typeof series>) =>
	Object.fromEntries(analyseTestHealth(runs, settings, 1).tests.map((t) => [t.name, t.story]));

describe('which tests have a page of their own', () => {
	test('flaky, failing and the slowest have a story; a stable test has none', () => {
		const story = reasons(
			series({
				'm::stable': ['passed', 'passed', 'passed', 'passed'],
				'm::flipper': ['passed', 'failed', 'passed', 'failed'],
				'm::broken': ['failed', 'failed', 'failed', 'failed'],
				'm::slow': [
					['passed', 3],
					['passed', 3],
					['passed', 3],
					['passed', 3],
				],
			}),
		);
		expect(story.stable).toEqual([]);
		expect(story.flipper).toEqual(['flaky', 'failing', 'status-changed']);
		expect(story.broken).toEqual(['failing']);
		expect(story.slow).toEqual(['slow']);
	});

	test('a status that just changed is a story; one that changed before and stayed is not', () => {
		const story = reasons(
			series({
				'm::now-skipped': ['passed', 'passed', 'passed', 'skipped'],
				'm::skipped-long-ago': ['passed', 'skipped', 'skipped', 'skipped'],
				'm::slowest': [
					['passed', 9],
					['passed', 9],
					['passed', 9],
					['passed', 9],
				],
			}),
		);
		expect(story['now-skipped']).toEqual(['status-changed']);
		expect(story['skipped-long-ago']).toEqual([]);
	});

	test('a marked duration change is a story: at least twice the median and a second apart, either way', () => {
		const story = reasons(
			series({
				'm::slowest': [
					['passed', 60],
					['passed', 60],
					['passed', 60],
					['passed', 60],
				],
				'm::doubled': [
					['passed', 1],
					['passed', 1],
					['passed', 1],
					['passed', 2.5],
				],
				'm::halved': [
					['passed', 4],
					['passed', 4],
					['passed', 4],
					['passed', 1.5],
				],
				'm::noise': [
					['passed', 0.004],
					['passed', 0.004],
					['passed', 0.004],
					['passed', 0.4],
				],
				'm::slower-but-not-double': [
					['passed', 3],
					['passed', 3],
					['passed', 3],
					['passed', 5],
				],
			}),
		);
		expect(story.doubled).toEqual(['duration-changed']);
		expect(story.halved).toEqual(['duration-changed']);
		expect(story.noise).toEqual([]);
		expect(story['slower-but-not-double']).toEqual([]);
	});

	test('a test gone from the newest run has no story, whatever its past', () => {
		const health = analyseTestHealth(
			series({ 'm::gone': ['passed', 'failed', 'passed'], 'm::here': ['passed', 'passed', 'passed', 'passed'] }),
			settings,
			0,
		);
		expect(health.tests.find((t) => t.name === 'gone')).toMatchObject({ current: false, story: [] });
		expect(health.stories.map((t) => t.name)).toEqual([]);
	});
});
