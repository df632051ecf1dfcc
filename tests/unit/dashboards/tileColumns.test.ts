import { describe, expect, test } from 'vitest';
import { tileColumns } from '../../../src/lib/charts/tileColumns.ts';

describe('home tile columns', () => {
	test('up to five domains fill one row', () => {
		expect([1, 2, 3, 5].map(tileColumns)).toEqual([1, 2, 3, 5]);
	});

	test('more domains make even rows: 6 and 9 in threes, 8 and 12 in fours', () => {
		expect([6, 9, 8, 12].map(tileColumns)).toEqual([3, 3, 4, 4]);
		for (const n of [6, 8, 9, 12]) expect(n % tileColumns(n)).toBe(0);
	});

	test('no domain still gives one column', () => {
		expect(tileColumns(0)).toBe(1);
	});
});
