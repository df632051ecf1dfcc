import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DataError, parseJsonText, parseWith } from '../../../src/lib/dataDir/dataError.ts';
import { trendFileSchema } from '../../../src/lib/schemas/trend.ts';

const seed = JSON.parse(readFileSync('data/coverage_trend.json', 'utf8'));
const point = seed.coverage_history[0];

/** The one-line message a trend document produces, or null when it is valid. */
function problem(doc: unknown): string | null {
	try {
		parseWith(trendFileSchema, 'coverage_trend.json', doc);
		return null;
	} catch (err) {
		if (!(err instanceof DataError)) throw err;
		return err.message;
	}
}

describe('coverage_trend.json contract', () => {
	test('accepts the seed format verbatim', () => {
		const parsed = parseWith(trendFileSchema, 'coverage_trend.json', seed);
		expect(parsed.coverage_history[0]!.overall_percent).toBe(15.57);
		expect(parsed.coverage_history[0]!['security_percent']).toBe(22.4);
		expect(parsed.targets).toEqual({ overall: 80, governance: 80, security: 80, episodes: 80 });
	});

	test('accepts the optional fields later issues add', () => {
		const rich = {
			...point,
			commit: 'a1b2c3d4e5f6',
			date: '2026-03-01',
			timestamp: '2026-03-01T10:15:00Z',
			branch: 'main',
			message: 'Add governance tests',
			branch_coverage: 61.5,
			counts: {
				overall: {
					files: 3,
					num_statements: 10,
					covered_lines: 5,
					num_branches: 4,
					covered_branches: 2,
					num_partial_branches: 1,
				},
			},
			targets: { overall: 80 },
			tests_failed: 0,
			tests_skipped: 2,
			duration_seconds: 12.5,
			snapshot: '2026-03-01_a1b2c3d_coverage.json',
			test_run: '2026-03-01_a1b2c3d_tests.json',
			governance_percent: null,
		};
		expect(problem({ ...seed, coverage_history: [point, rich] })).toBeNull();
	});

	describe.each([
		[
			'a percentage of 140',
			{ ...point, security_percent: 140 },
			'coverage_history[0].security_percent: expected a percentage from 0 to 100, or null, found 140',
		],
		[
			'a string where a number belongs',
			{ ...point, overall_percent: '15.57' },
			'coverage_history[0].overall_percent: expected a number, found the string "15.57"',
		],
		[
			'a missing date',
			(({ date: _d, ...rest }) => rest)(point),
			'coverage_history[0].date: expected a string, found nothing',
		],
		[
			'a date that is not ISO',
			{ ...point, date: '11/02/2026' },
			'coverage_history[0].date: expected an ISO 8601 date such as 2026-02-11, found the string "11/02/2026"',
		],
		[
			'a negative test count',
			{ ...point, test_count: -1 },
			'coverage_history[0].test_count: expected a number at least 0, found -1',
		],
		[
			'a fractional test count',
			{ ...point, test_count: 1.5 },
			'coverage_history[0].test_count: expected a whole number, found 1.5',
		],
	])('rejects %s', (_name, bad, message) => {
		test('with a message that names the file, the JSON path, the expectation and the value', () => {
			expect(problem({ ...seed, coverage_history: [bad] })).toBe(`coverage_trend.json: ${message}`);
		});
	});

	test('rejects two points for one commit, pointing at the second', () => {
		const second = { ...point, date: '2026-02-12' };
		expect(problem({ ...seed, coverage_history: [point, second] })).toBe(
			'coverage_trend.json: coverage_history[1].commit: expected a commit not recorded before (it is also coverage_history[0]), found the string "initial"',
		);
	});

	test('rejects points out of date order', () => {
		const later = { ...point, commit: 'b', date: '2026-03-01' };
		const earlier = { ...point, commit: 'c', date: '2026-02-20' };
		expect(problem({ ...seed, coverage_history: [point, later, earlier] })).toBe(
			'coverage_trend.json: coverage_history[2].date: expected points in date order (not before coverage_history[1], 2026-03-01), found the string "2026-02-20"',
		);
	});

	test('orders points of one day by their timestamps', () => {
		const a = { ...point, commit: 'a', timestamp: '2026-02-11T10:00:00Z' };
		const b = { ...point, commit: 'b', timestamp: '2026-02-11T09:00:00Z' };
		expect(problem({ ...seed, coverage_history: [a, b] })).toMatch(
			/coverage_history\[1\]\.date: expected points in date order/,
		);
	});

	test('counts further problems in the one-line message', () => {
		const msg = problem({ ...seed, coverage_history: [{ ...point, overall_percent: -1, security_percent: 101 }] });
		expect(msg).toMatch(/ \(and 1 more problem\)$/);
		expect(msg!.split('\n')).toHaveLength(1);
	});

	test('truncated JSON is reported with the file and the parser’s position', () => {
		const text = readFileSync('data/coverage_trend.json', 'utf8').slice(0, 80);
		expect(() => parseJsonText('coverage_trend.json', text)).toThrow(/^coverage_trend\.json: not valid JSON \(.+\)$/);
	});

	test('an empty file says so', () => {
		expect(() => parseJsonText('coverage_trend.json', '  \n')).toThrow(
			'coverage_trend.json: expected JSON, found an empty file',
		);
	});
});
