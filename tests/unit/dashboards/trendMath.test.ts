import { describe, expect, test } from 'vitest';
import type { TrendPoint } from '../../../src/lib/schemas/trend.ts';
import { changeOverDays, changeSincePrevious, latestValue, recentValues } from '../../../src/lib/trend/trendMath.ts';

const point = (date: string, overall: number, security: number | null = null): TrendPoint =>
	({ date, commit: date, overall_percent: overall, security_percent: security, test_count: 0 }) as TrendPoint;

describe('trend math', () => {
	const history = [
		point('2026-01-01', 40, 50),
		point('2026-01-20', 45, null),
		point('2026-02-10', 47, 60),
		point('2026-02-15', 46.5, 61),
	];

	test('latest value and change since the previous point', () => {
		expect(latestValue(history, 'overall')).toBe(46.5);
		expect(changeSincePrevious(history, 'overall')).toEqual({
			change: -0.5,
			sinceDate: '2026-02-10',
			fullWindow: true,
		});
	});

	test('skips points where the figure has no value', () => {
		expect(
			changeSincePrevious(
				[point('2026-01-01', 1, 50), point('2026-01-02', 1, null), point('2026-01-03', 1, 53)],
				'security',
			)?.change,
		).toBe(3);
	});

	test('change over 30 days uses the newest point at least 30 days old', () => {
		const c = changeOverDays(history, 'overall', 30);
		expect(c?.sinceDate).toBe('2026-01-01');
		expect(c?.change).toBeCloseTo(6.5);
		expect(c?.fullWindow).toBe(true);
	});

	test('a history shorter than the window compares with its oldest point and says so', () => {
		const c = changeOverDays(history.slice(2), 'overall', 30);
		expect(c).toEqual({ change: -0.5, sinceDate: '2026-02-10', fullWindow: false });
	});

	test('one point, or none, has no change', () => {
		expect(changeSincePrevious(history.slice(0, 1), 'overall')).toBeNull();
		expect(changeOverDays(history.slice(0, 1), 'overall', 30)).toBeNull();
		expect(latestValue([], 'overall')).toBeNull();
		expect(changeSincePrevious([], 'overall')).toBeNull();
	});

	test('recent values drop gaps and keep order', () => {
		expect(recentValues(history, 'security', 2)).toEqual([60, 61]);
		expect(recentValues(history, 'security', 10)).toEqual([50, 60, 61]);
	});
});
