import { describe, expect, test } from 'vitest';
import { durationChart, passRateChart, testCountChart } from '../../../src/lib/testHealth/suiteCharts.ts';
import type { SuiteRun } from '../../../src/lib/testHealth/suiteRuns.ts';

const DAY = 86_400_000;

/** `n` daily runs ending on 2026-03-01. */
function runs(n: number): SuiteRun[] {
	const end = Date.UTC(2026, 2, 1);
	return Array.from({ length: n }, (_, i) => {
		const time = end - (n - 1 - i) * DAY;
		return {
			date: new Date(time).toISOString().slice(0, 10),
			time,
			commit: (i + 1).toString(16).padStart(40, 'a'),
			tests: 100 + i,
			passed: 95,
			failed: i % 2,
			skipped: 4,
			passRate: 100 * (95 / (95 + (i % 2))),
			duration: i === 1 ? null : 60 + i,
		};
	});
}

describe('suite charts', () => {
	test('duration carries the 5-minute warning and 10-minute failure lines, owned by the duration line', () => {
		const data = durationChart(runs(3), 'https://github.com/o/r');
		expect(data.series.map((s) => [s.id, s.kind ?? 'line', s.of ?? null, s.values])).toEqual([
			['duration', 'line', null, [60, null, 62]],
			['warning', 'threshold', 'duration', [300, 300, 300]],
			['failure', 'threshold', 'duration', [600, 600, 600]],
		]);
		expect(data.unit).toBe(' s');
		expect(data.bounds![0]).toBe(0);
		expect(data.links[0]).toBe(`https://github.com/o/r/commit/${'1'.padStart(40, 'a')}`);
		expect(data.commits[0]).toBe('aaaaaaa');
	});

	test('test counts and pass rate per run', () => {
		expect(testCountChart(runs(2), undefined).series.map((s) => s.values)).toEqual([
			[100, 101],
			[0, 1],
			[4, 4],
		]);
		const rate = passRateChart(runs(2), undefined);
		expect(rate.bounds).toEqual([0, 100]);
		expect(rate.series[0]!.values[1]).toBeCloseTo(98.958, 2);
		expect(rate.links).toEqual([null, null]);
	});

	test('a long history is sampled at build time, keeping the last 90 days whole', () => {
		const data = durationChart(runs(10_000), undefined);
		expect(data.x.length).toBeLessThan(3000);
		expect(data.x.length).toBeGreaterThan(90);
		expect(data.x.slice(-91)).toEqual(
			runs(10_000)
				.slice(-91)
				.map((r) => r.time),
		);
	});
});
