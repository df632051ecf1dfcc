import { describe, expect, test } from 'vitest';
import {
	CLASS_INDEX,
	DURATION,
	EARLIER,
	NAME,
	STATUS,
	packTestResult,
	testResultSchema,
	unpackTestResult,
} from '../../../src/lib/schemas/testResult.ts';

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
