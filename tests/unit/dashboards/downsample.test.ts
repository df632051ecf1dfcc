import { describe, expect, test } from 'vitest';
import { downsampleMinMax, type SamplePoint } from '../../../src/lib/downsample.ts';

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
