import { describe, expect, test } from 'vitest';
import { analyseTestHealth } from '../../../src/lib/testHealth/testHealth.ts';
import { series } from './records.ts';

const settings = { window: 20, min_flips: 2 };

describe('analyseTestHealth', () => {
	const runs = series({
		'm::stable': ['passed', 'passed', 'passed', 'passed'],
		'm::flipper': ['passed', 'failed', 'passed', 'passed'],
		'm::rerun': ['passed', ['passed', 0.1, ['failed']], 'passed', 'failed'],
		'm::broken': ['failed', 'failed', 'failed', 'failed'],
		'm::gone': ['passed', 'failed', 'passed'],
		'm::slow': [
			['passed', 5],
			['passed', 5],
			['passed', 6],
			['passed', 9],
		],
	});
	const health = analyseTestHealth(runs.reverse(), settings, 2);

	test('orders the runs and keeps every test', () => {
		expect(health.runs.map((r) => r.run.date)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
		expect(health.tests.map((t) => t.name)).toEqual(['broken', 'flipper', 'gone', 'rerun', 'slow', 'stable']);
	});

	test('lists exactly the flaky tests of the newest run, most flips first', () => {
		expect(health.flaky.map((t) => t.name)).toEqual(['flipper', 'rerun']);
	});

	test('failing lists the tests failing now, flaky or not', () => {
		expect(health.failing.map((t) => t.name)).toEqual(['broken', 'rerun']);
	});

	test('a test missing from the newest run is not current', () => {
		expect(health.tests.find((t) => t.name === 'gone')).toMatchObject({ current: false, flakiness: { flaky: true } });
	});

	test('the slowest tests come from the newest run', () => {
		expect(health.slowest.map((t) => [t.name, t.stats.durationNow])).toEqual([
			['slow', 9],
			['broken', 0.01],
		]);
	});

	test('no runs give an empty picture', () => {
		expect(analyseTestHealth([], settings)).toEqual({
			runs: [],
			tests: [],
			flaky: [],
			failing: [],
			slowest: [],
			stories: [],
			pages: [],
		});
	});
});
