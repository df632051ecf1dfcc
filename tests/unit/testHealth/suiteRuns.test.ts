import { describe, expect, test } from 'vitest';
import type { TrendPoint } from '../../../src/lib/schemas/trend.ts';
import {
	passRate,
	suiteHistory,
	suiteRunFromPoint,
	suiteRunFromRecord,
} from '../../../src/lib/testHealth/suiteRuns.ts';
import { median } from '../../../src/lib/testHealth/median.ts';
import { durationChange } from '../../../src/lib/testHealth/slowestTests.ts';
import { durationStatus, formatDuration } from '../../../src/lib/testHealth/suiteDuration.ts';
import { run } from './records.ts';

describe('suite figures', () => {
	test('a record gives counts, pass rate over the tests that ran, and the suite duration', () => {
		const r = run(
			'abc1234',
			'2026-01-02',
			{ 'm::a': 'passed', 'm::b': 'passed', 'm::c': 'failed', 'm::d': 'error', 'm::e': 'skipped' },
			12.5,
		);
		expect(suiteRunFromRecord(r)).toMatchObject({
			tests: 5,
			passed: 2,
			failed: 2,
			skipped: 1,
			passRate: 50,
			duration: 12.5,
		});
	});

	test('pass rate is null when nothing ran', () => {
		expect(passRate(0, 0)).toBeNull();
		expect(passRate(3, 1)).toBe(75);
	});

	test('a trend point without JUnit figures gives no suite run', () => {
		const point = { date: '2026-01-01', commit: 'a', overall_percent: 50, test_count: 0 } as TrendPoint;
		expect(suiteRunFromPoint(point)).toBeNull();
		expect(
			suiteRunFromPoint({ ...point, test_count: 10, tests_failed: 1, tests_skipped: 2, duration_seconds: 3 }),
		).toMatchObject({
			tests: 10,
			passed: 7,
			failed: 1,
			skipped: 2,
			duration: 3,
		});
	});

	test('history: points give the long past, kept records stand for their commits', () => {
		const points = [
			{
				date: '2026-01-01',
				commit: 'old0001',
				overall_percent: 50,
				test_count: 4,
				tests_failed: 0,
				tests_skipped: 0,
				duration_seconds: 2,
			},
			{ date: '2026-01-02', commit: 'nojunit', overall_percent: 50, test_count: 0 },
			{ date: '2026-01-03', commit: 'kept001', overall_percent: 50, test_count: 99, tests_failed: 9 },
		] as TrendPoint[];
		const records = [
			run('kept001', '2026-01-03', { 'm::a': 'passed' }),
			run('kept001', '2026-01-04', { 'm::a': 'failed' }),
		];
		expect(suiteHistory(points, records).map((s) => [s.commit, s.tests, s.failed])).toEqual([
			['old0001', 4, 0],
			['kept001', 1, 0],
			['kept001', 1, 1],
		]);
	});
});

describe('durations', () => {
	test('median of odd and even counts', () => {
		expect(median([])).toBeNull();
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});

	test('change of the newest duration against the median', () => {
		expect(durationChange({ durationNow: 3, durationMedian: 2 })).toBe(50);
		expect(durationChange({ durationNow: 3, durationMedian: 0 })).toBeNull();
		expect(durationChange({ durationNow: 0.002, durationMedian: 0.001 })).toBeNull();
	});

	test('durations read as people say them', () => {
		expect(formatDuration(0.004)).toBe('4 ms');
		expect(formatDuration(0.42)).toBe('0.42 s');
		expect(formatDuration(12.34)).toBe('12.3 s');
		expect(formatDuration(245)).toBe('4 min 05 s');
	});

	test('the suite limits: over 5 minutes warns, over 10 fails', () => {
		expect([300, 301, 600, 601].map(durationStatus)).toEqual(['ok', 'warning', 'warning', 'failure']);
	});
});
