import { describe, expect, test } from 'vitest';
import { calendarTicks, tickLabel } from '../../../src/lib/charts/calendarTicks.ts';

const at = (iso: string) => Date.parse(iso);
const DAY = 86_400_000;
/** The ticks of `calendarTicks` as labels, for reading. */
const labels = (min: string, max: string, most: number) => {
	const { values, unit } = calendarTicks(at(min), at(max), most);
	return values.map((v) => tickLabel(v, unit));
};

describe('calendarTicks', () => {
	test('one point with a day each side: its day and the days around, each once', () => {
		// The chart of a single point recorded on 2026-02-11 (the site's first run).
		const point = at('2026-02-11T00:00:00Z');
		expect(labels(new Date(point - DAY).toISOString(), new Date(point + DAY).toISOString(), 7)).toEqual([
			'2026-02-10',
			'2026-02-11',
			'2026-02-12',
		]);
		const { values } = calendarTicks(point - DAY, point + DAY, 7);
		expect(values).toContain(point);
	});

	test('ticks fall at UTC midnight even when the range starts and ends within a day', () => {
		const { values, unit } = calendarTicks(at('2026-02-10T13:00:00Z'), at('2026-02-12T13:00:00Z'), 7);
		expect(unit).toBe('day');
		expect(values).toEqual([at('2026-02-11T00:00:00Z'), at('2026-02-12T00:00:00Z')]);
	});

	test('a month of points on a phone: weekly ticks on Mondays', () => {
		const { values, unit } = calendarTicks(at('2026-11-01T00:00:00Z'), at('2026-11-30T00:00:00Z'), 7);
		expect(unit).toBe('day');
		expect(values.map((v) => tickLabel(v, unit))).toEqual([
			'2026-11-02',
			'2026-11-09',
			'2026-11-16',
			'2026-11-23',
			'2026-11-30',
		]);
		for (const v of values) expect(new Date(v).getUTCDay()).toBe(1);
		// Four at most: every other Monday.
		expect(labels('2026-11-01', '2026-11-30', 4)).toEqual(['2026-11-09', '2026-11-23']);
	});

	test('a year or two: ticks on the first of a month, labelled by month', () => {
		expect(labels('2025-11-20', '2026-11-20', 7)).toEqual([
			'2026-01',
			'2026-03',
			'2026-05',
			'2026-07',
			'2026-09',
			'2026-11',
		]);
		expect(labels('2025-11-20', '2026-11-20', 4)).toEqual(['2026-01', '2026-04', '2026-07', '2026-10']);
		expect(labels('2024-11-22', '2026-11-20', 7)).toEqual(['2025-01', '2025-07', '2026-01', '2026-07']);
	});

	test('never more ticks than asked for, and the finest spacing that keeps to it', () => {
		const min = at('2024-11-22T00:00:00Z');
		for (const days of [1, 3, 10, 45, 100, 400, 800, 2000, 20000])
			for (const most of [2, 4, 7]) {
				const { values } = calendarTicks(min, min + days * DAY, most);
				expect(values.length).toBeLessThanOrEqual(most);
				for (const v of values) {
					expect(v).toBeGreaterThanOrEqual(min);
					expect(v).toBeLessThanOrEqual(min + days * DAY);
					expect(v % DAY).toBe(0);
				}
				expect(new Set(values.map((v) => tickLabel(v, calendarTicks(min, min + days * DAY, most).unit))).size).toBe(
					values.length,
				);
			}
	});

	test('years, then decades, for long ranges', () => {
		expect(labels('2019-06-01', '2026-06-01', 7)).toEqual(['2020', '2021', '2022', '2023', '2024', '2025', '2026']);
		expect(labels('1990-06-01', '2026-06-01', 4)).toEqual(['2000', '2010', '2020']);
		expect(labels('1990-06-01', '2026-06-01', 7)).toEqual(['1995', '2000', '2005', '2010', '2015', '2020', '2025']);
	});

	test('an empty or broken range has no ticks', () => {
		expect(calendarTicks(10, 5, 7).values).toEqual([]);
		expect(calendarTicks(Number.NaN, 5, 7).values).toEqual([]);
		expect(calendarTicks(0, Number.POSITIVE_INFINITY, 7).values).toEqual([]);
		expect(calendarTicks(0, DAY, 0).values).toEqual([]);
	});
});
