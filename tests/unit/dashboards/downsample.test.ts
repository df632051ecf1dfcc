import { describe, expect, test } from 'vitest';
import type { TrendChartData } from '../../../src/lib/charts/chartData.ts';
import { downsampleMinMax, sampleChartData, type SamplePoint } from '../../../src/lib/charts/downsample.ts';

const series = (ys: number[]): SamplePoint[] => ys.map((y, i) => ({ x: i * 1000, y, i }));

describe('downsampleMinMax', () => {
	test('returns short series unchanged', () => {
		const s = series([1, 2, 3]);
		expect(downsampleMinMax(s, 10)).toEqual(s);
	});

	test('reduces 10,000 points to about the budget, first and last included', () => {
		const s = series(Array.from({ length: 10_000 }, (_, i) => 50 + 10 * Math.sin(i / 50)));
		const out = downsampleMinMax(s, 500);
		expect(out.length).toBeLessThanOrEqual(500);
		expect(out.length).toBeGreaterThan(400);
		expect(out[0]).toBe(s[0]);
		expect(out.at(-1)).toBe(s.at(-1));
		// Still sorted by x, so the line does not zig-zag back.
		for (let k = 1; k < out.length; k++) expect(out[k]!.x).toBeGreaterThan(out[k - 1]!.x);
	});

	test('keeps the extreme values of the series', () => {
		const ys = Array.from({ length: 5000 }, () => 60);
		ys[1234] = 5;
		ys[4321] = 99;
		const out = downsampleMinMax(series(ys), 100);
		expect(out.map((p) => p.y)).toContain(5);
		expect(out.map((p) => p.y)).toContain(99);
	});

	test('never drops a point it is told to keep', () => {
		const s = series(Array.from({ length: 3000 }, (_, i) => i % 7));
		const out = downsampleMinMax(s, 60, new Set([17, 2001]));
		expect(out.map((p) => p.i)).toEqual(expect.arrayContaining([17, 2001]));
	});
});

describe('sampleChartData', () => {
	const DAY = 86_400_000;
	const n = 5000;
	const data: TrendChartData = {
		x: Array.from({ length: n }, (_, i) => i * (DAY / 4)),
		dates: Array.from({ length: n }, (_, i) => `d${i}`),
		commits: Array.from({ length: n }, (_, i) => `c${i}`),
		links: Array.from({ length: n }, () => null),
		series: [
			{ id: 'a', label: 'A', values: Array.from({ length: n }, (_, i) => 50 + Math.sin(i / 30) * 10) },
			{
				id: 'a-target',
				label: 'A target',
				kind: 'threshold',
				of: 'a',
				values: Array.from({ length: n }, (_, i) => (i < 1234 ? 70 : 80)),
			},
		],
		markers: [{ series: 'a', index: 777, text: 'drop' }],
		unit: '%',
		decimals: 2,
	};

	test('keeps every point of the last 90 days, samples the rest, keeps markers and target steps', () => {
		const s = sampleChartData(data, 90, 400);
		const recent = data.x.filter((x) => x >= data.x.at(-1)! - 90 * DAY).length;
		expect(s.x.length).toBeLessThan(recent + 450);
		expect(s.index!.slice(-recent)).toEqual(Array.from({ length: recent }, (_, k) => n - recent + k));
		expect(s.totalPoints).toBe(n);
		expect(s.index).toEqual(expect.arrayContaining([0, 777, 1233, 1234]));
		// The marker now points at the same commit in the sampled arrays.
		expect(s.commits[s.markers[0]!.index]).toBe('c777');
		expect(s.series[1]!.values[s.index!.indexOf(1234)]).toBe(80);
	});

	test('leaves short histories alone', () => {
		const short = { ...data, x: data.x.slice(0, 100) };
		expect(sampleChartData(short, 90, 400)).toBe(short);
	});
});
