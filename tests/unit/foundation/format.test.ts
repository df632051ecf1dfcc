import { describe, expect, test } from 'vitest';
import {
	formatChange,
	formatCount,
	formatPercent,
	formatPoints,
	formatSeconds,
	formatValue,
} from '../../../src/lib/text/format.ts';

describe('formatting numbers', () => {
	test('values and changes are formatted without NaN', () => {
		expect(formatValue(null, 2, '%')).toBe('—');
		expect(formatValue(Number.NaN, 2, '%')).toBe('—');
		expect(formatValue(0, 2, '%')).toBe('0.00%');
		expect(formatChange(1.234, 2)).toBe('+1.23');
		expect(formatChange(-0.5, 2)).toBe('−0.50');
		expect(formatChange(0.001, 2)).toBe('±0.00');
		expect(formatChange(null, 2)).toBe('');
	});
	test('a change has two decimals unless told otherwise', () => {
		expect(formatChange(0.3 - 0.1)).toBe('+0.20');
		expect(formatChange(-12.4, 0)).toBe('−12');
	});
	test('percentages have two decimals and coverage.py’s rounding', () => {
		expect(formatPercent(48.6)).toBe('48.60%');
		expect(formatPercent(0)).toBe('0.00%');
		expect(formatPercent(100)).toBe('100.00%');
		// An exact half goes to the even digit, as coverage.py's round() does; toFixed would say 0.13.
		expect(formatPercent(0.125)).toBe('0.12%');
		// Never 100 below 100, never 0 above 0.
		expect(formatPercent(99.999)).toBe('99.99%');
		expect(formatPercent(0.001)).toBe('0.01%');
		expect(formatPercent(87.5, 0)).toBe('88%');
	});
	test('points and counts', () => {
		expect(formatPoints(80 - 79.99)).toBe('0.01');
		expect(formatCount(1234567)).toBe('1,234,567');
		expect(formatCount(0)).toBe('0');
	});
	test('a run duration in words, to a tenth of a second', () => {
		expect(formatSeconds(12.34)).toBe('12.3 seconds');
		expect(formatSeconds(0)).toBe('0.0 seconds');
	});
	test('a flip rate of one in three hundred is not shown as 0%', () => {
		expect(formatPercent(100 / 300, 0)).toBe('1%');
		expect(formatPercent(50, 0)).toBe('50%');
	});
});
