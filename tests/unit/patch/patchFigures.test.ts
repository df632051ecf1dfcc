import { describe, expect, test } from 'vitest';
import { patchFigures, patchSummary } from '../../../src/lib/coverage/patchFigures.ts';
import { trendPointSchema } from '../../../src/lib/schemas/trend.ts';

const BASE = '0123456789abcdef0123456789abcdef01234567';

describe('what a trend point keeps of a patch', () => {
	test('the counts, the base and the percentage rounded to two decimals as the trend stores figures', () => {
		const stored = patchFigures(
			{ statements: 21, covered: 13, branches: 8, covered_branches: 3, percent: (100 * 16) / 29 },
			BASE,
		);
		expect(stored).toEqual({
			base: BASE,
			statements: 21,
			covered: 13,
			branches: 8,
			covered_branches: 3,
			percent: 55.17,
		});
		// Valid on a point, and a point without it stays valid (old points).
		const point = { date: '2026-03-05', commit: 'abc1234', overall_percent: 80, test_count: 3 };
		expect(trendPointSchema.safeParse({ ...point, patch: stored }).success).toBe(true);
		expect(trendPointSchema.safeParse(point).success).toBe(true);
		expect(trendPointSchema.safeParse({ ...point, patch: { ...stored, base: 'main' } }).success).toBe(false);
	});

	test('no changed statement keeps no percentage', () => {
		expect(
			patchFigures({ statements: 0, covered: 0, branches: 0, covered_branches: 0, percent: null }, BASE).percent,
		).toBeNull();
	});
});

describe('a stored patch in words', () => {
	test.each([
		[
			{ statements: 4, covered: 3, branches: 2, covered_branches: 1, percent: 66.67 },
			'66.67% (3 of 4 changed statements, 1 of 2 branches)',
		],
		[
			{ statements: 1, covered: 1, branches: 0, covered_branches: 0, percent: 100 },
			'100.00% (1 of 1 changed statement)',
		],
		[{ statements: 0, covered: 0, branches: 0, covered_branches: 0, percent: null }, 'no executable line changed'],
	])('%j reads %j', (figures, text) => {
		expect(patchSummary({ base: BASE, ...figures })).toBe(text);
	});
});
