import { describe, expect, test } from 'vitest';
import { flakiness, windowStart } from '../../../src/lib/testHealth/flakiness.ts';
import { testHistories } from '../../../src/lib/testHealth/testHistory.ts';
import { run, series, type HandTest } from './records.ts';

const defaults = { window: 20, min_flips: 2 };
const P: HandTest = 'passed';
const F: HandTest = 'failed';
const E: HandTest = 'error';
const S: HandTest = 'skipped';

/** Flakiness of the single test `t::x` over a status series. */
function judge(statuses: HandTest[], settings = defaults) {
	const runs = series({ 't::x': statuses });
	return flakiness(testHistories(runs)[0]!, runs, settings);
}

describe('flakiness', () => {
	test('a test that always passes is not flaky', () => {
		expect(judge([P, P, P, P])).toMatchObject({ flaky: false, flips: 0, reasons: [] });
	});

	test('a test that always fails is failing, not flaky', () => {
		expect(judge([F, F, E, F])).toMatchObject({ flaky: false, flips: 0, comparisons: 3, flipRate: 0 });
	});

	test('one break that stays broken is one flip: not flaky', () => {
		expect(judge([P, P, F, F])).toMatchObject({ flaky: false, flips: 1 });
	});

	test('two flips in the window make it flaky, with the flip rate and where it was seen', () => {
		const f = judge([P, F, P, P]);
		expect(f).toMatchObject({ flaky: true, reasons: ['flips'], flips: 2, comparisons: 3, firstSeen: 1, lastSeen: 2 });
		expect(f.flipRate).toBeCloseTo(2 / 3);
	});

	test('errors count as failures and skips are left out of the flips', () => {
		expect(judge([P, S, E, S, P])).toMatchObject({ flaky: true, flips: 2, comparisons: 2 });
		expect(judge([P, S, P, S, P])).toMatchObject({ flaky: false, flips: 0 });
	});

	test('flips older than the window do not count', () => {
		const statuses = [P, F, P, ...Array<HandTest>(20).fill(P)];
		expect(judge(statuses)).toMatchObject({ flaky: false, flips: 0 });
		expect(judge(statuses, { window: 23, min_flips: 2 })).toMatchObject({ flaky: true, flips: 2 });
	});

	test('min_flips is read from the settings', () => {
		expect(judge([P, F, P], { window: 20, min_flips: 3 }).flaky).toBe(false);
		expect(judge([P, F, P, F], { window: 20, min_flips: 3 }).flaky).toBe(true);
	});

	test('a rerun that passed after a failure is flaky in one run', () => {
		const f = judge([P, ['passed', 0.1, ['failed']], P]);
		expect(f).toMatchObject({ flaky: true, reasons: ['rerun'], flips: 0, firstSeen: 1, lastSeen: 1 });
	});

	test('a rerun that ended in a pass is flaky even when the earlier attempt looks like a pass (rerunfailures ≥ 16.6.1 layout)', () => {
		expect(judge([['passed', 0.1, ['passed']]])).toMatchObject({ flaky: true, reasons: ['rerun'] });
	});

	test('reruns that all failed are not flakiness', () => {
		expect(judge([['failed', 0.1, ['failed', 'failed']]])).toMatchObject({ flaky: false, reasons: [] });
	});

	test('two runs of one commit that disagree make the test flaky', () => {
		const runs = [
			run('abc1234', '2026-01-01', { 't::x': 'passed' }),
			run('abc1234', '2026-01-02', { 't::x': 'failed' }),
		];
		const f = flakiness(testHistories(runs)[0]!, runs, defaults);
		expect(f).toMatchObject({ flaky: true, reasons: ['same-commit'], flips: 1, firstSeen: 0, lastSeen: 1 });
	});

	test('the window starts at the newest runs', () => {
		expect(windowStart(5, defaults)).toBe(0);
		expect(windowStart(25, defaults)).toBe(5);
	});
});
