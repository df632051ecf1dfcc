import { describe, expect, test } from 'vitest';
import {
	CLASS_INDEX,
	DURATION,
	EARLIER,
	NAME,
	STATUS,
	isTestResult,
	packTestResult,
	testResultSchema,
	unpackTestResult,
} from '../../../src/lib/schemas/testResult.ts';
import { quickTestRun, testRunSchema } from '../../../src/lib/schemas/testRun.ts';

describe('the test-result tuple', () => {
	test('packs to the positions the record format documents and unpacks back', () => {
		const fields = {
			classIndex: 3,
			name: 'test_x[a-1]',
			status: 'passed' as const,
			duration: 0.25,
			earlier: ['failed' as const],
		};
		const tuple = packTestResult(fields);
		expect(tuple[CLASS_INDEX]).toBe(3);
		expect(tuple[NAME]).toBe('test_x[a-1]');
		expect(tuple[STATUS]).toBe('passed');
		expect(tuple[DURATION]).toBe(0.25);
		expect(tuple[EARLIER]).toEqual(['failed']);
		expect(testResultSchema.parse(tuple)).toEqual(tuple);
		expect(unpackTestResult(tuple)).toEqual(fields);
	});

	test('a test that ran once has no earlier-attempts slot, so records stay compact', () => {
		const tuple = packTestResult({ classIndex: 0, name: 'a', status: 'failed', duration: 1, earlier: [] });
		expect(tuple).toHaveLength(4);
		expect(JSON.stringify(tuple)).toBe('[0,"a","failed",1]');
		expect(unpackTestResult(tuple).earlier).toEqual([]);
	});
});

describe('checking tuples in place', () => {
	// Every rule of the schema, one value on each side of it.
	const values: unknown[] = [
		[0, 'a', 'passed', 0],
		[3, 'test_x[1]', 'failed', 1.5, ['failed', 'error']],
		[0, 'a', 'skipped', 0, ['passed']],
		[-1, 'a', 'passed', 0],
		[0.5, 'a', 'passed', 0],
		[2 ** 53, 'a', 'passed', 0],
		['0', 'a', 'passed', 0],
		[0, '', 'passed', 0],
		[0, 7, 'passed', 0],
		[0, 'a', 'xfailed', 0],
		[0, 'a', 'passed', -0.1],
		[0, 'a', 'passed', '0.1'],
		[0, 'a', 'passed', null],
		[0, 'a', 'passed', Infinity],
		[0, 'a', 'passed', NaN],
		[0, 'a', 'passed', 0, []],
		[0, 'a', 'passed', 0, ['flaky']],
		[0, 'a', 'passed', 0, 'failed'],
		[0, 'a', 'passed', 0, ['failed'], 'extra'],
		[0, 'a', 'passed'],
		[],
		{ 0: 0, 1: 'a', 2: 'passed', 3: 0, length: 4 },
		'[0,"a","passed",0]',
		null,
	];

	test.each(values.map((v) => [JSON.stringify(v), v]))('agrees with the schema on %s', (_, value) => {
		expect(isTestResult(value)).toBe(testResultSchema.safeParse(value).success);
	});
});

describe('checking a record in place', () => {
	const record = {
		format: 1,
		commit: 'abc1234',
		date: '2026-01-01',
		duration_seconds: 2,
		classnames: ['m', 'n'],
		tests: [
			[0, 'a', 'passed', 0.5],
			[1, 'b', 'failed', 1, ['failed']],
		],
	};

	test('a valid record comes back as the schema gives it, its tuples not copied', () => {
		const checked = quickTestRun(record);
		expect(checked).toEqual(testRunSchema.parse(record));
		expect(Object.keys(checked!)).toEqual(Object.keys(testRunSchema.parse(record)));
		expect(checked!.tests[0]).toBe(record.tests[0]);
	});

	test.each([
		['a bad tuple', { ...record, tests: [[0, '', 'passed', 0]] }],
		['a class index past the classnames', { ...record, tests: [[2, 'a', 'passed', 0]] }],
		['a bad field around the tuples', { ...record, date: 'yesterday' }],
		['an unknown field', { ...record, extra: 1 }],
		['no tests', { ...record, tests: undefined }],
	])('%s is left to the schema, which refuses it too', (_, value) => {
		expect(quickTestRun(value)).toBeUndefined();
		expect(testRunSchema.safeParse(value).success).toBe(false);
	});
});
