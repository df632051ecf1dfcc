import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { testTitles } from '../../../src/lib/docs/testTitles.ts';

test('lists test titles in file order, whatever the quotes, and leaves describe blocks out', () => {
	const source = `
describe('record', () => {
	test('keeps the old file on a full disk', () => {});
	it("refuses a JUnit file passed as the report", async () => {});
	test.each([1, 2])('reads case %s', () => {});
	test(\`names the file and the field\`, () => {});
	test('a report\\'s totals must add up', () => {});
});`;
	expect(testTitles(source)).toEqual([
		'keeps the old file on a full disk',
		'refuses a JUnit file passed as the report',
		'reads case %s',
		'names the file and the field',
		"a report's totals must add up",
	]);
});

test('finds the concurrency tests in their real file', () => {
	const titles = testTitles(readFileSync('tests/integration/trend/concurrency.test.ts', 'utf8'));
	expect(titles.some((t) => t.startsWith('20 parallel record runs'))).toBe(true);
});
