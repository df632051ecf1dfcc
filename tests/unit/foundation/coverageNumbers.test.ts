import { describe, expect, test } from 'vitest';
import {
	addCounts,
	emptyCounts,
	fileCounts,
	percentCovered,
	sumFiles,
	summaryOf,
} from '../../../src/lib/coverage/counts.ts';
import { displayPercent } from '../../../src/lib/text/format.ts';
import { domainCoverage, domainMatcher, normalizeReportPath } from '../../../src/lib/coverage/domainCoverage.ts';
import { coverageStatus } from '../../../src/lib/trend/status.ts';
import { commitUrl } from '../../../src/lib/trend/commitLinks.ts';
import { findRegressions, pointTarget } from '../../../src/lib/trend/figures.ts';

const file = (num_statements: number, covered_lines: number, num_branches = 0, covered_branches = 0) => ({
	summary: {
		num_statements,
		covered_lines,
		missing_lines: num_statements - covered_lines,
		excluded_lines: 0,
		percent_covered: 0,
		num_branches,
		covered_branches,
		num_partial_branches: 0,
		missing_branches: num_branches - covered_branches,
	},
	missing_lines: [],
});

describe('coverage.py arithmetic', () => {
	test('percent = 100 × (covered lines + covered branches) ÷ (statements + branches)', () => {
		expect(percentCovered({ num_statements: 10, covered_lines: 7, num_branches: 4, covered_branches: 1 })).toBeCloseTo(
			(100 * 8) / 14,
			12,
		);
	});
	test('nothing to cover is 100 %, as coverage.py says', () => {
		expect(percentCovered(emptyCounts())).toBe(100);
	});
	test.each([
		[0, 0, '0'],
		[0.2, 0, '1'],
		[99.7, 0, '99'],
		[100, 0, '100'],
		[66.666, 2, '66.67'],
		[99.999, 2, '99.99'],
	])('displayPercent(%d, %d) is %s (coverage.py’s display_covered)', (pc, precision, shown) => {
		expect(displayPercent(pc, precision)).toBe(shown);
	});
	test('sums add field by field', () => {
		const a = {
			files: 1,
			num_statements: 2,
			covered_lines: 1,
			num_branches: 2,
			covered_branches: 1,
			num_partial_branches: 1,
		};
		expect(addCounts(a, a)).toEqual({
			files: 2,
			num_statements: 4,
			covered_lines: 2,
			num_branches: 4,
			covered_branches: 2,
			num_partial_branches: 2,
		});
	});
	test('a sum of files counts each file once; a file without branch data adds no branches', () => {
		const files = [
			{ summary: { num_statements: 10, covered_lines: 7 } },
			{
				summary: { num_statements: 4, covered_lines: 4, num_branches: 2, covered_branches: 1, num_partial_branches: 1 },
			},
		];
		const sum = sumFiles(files, summaryOf);
		expect(sum).toEqual({
			files: 2,
			num_statements: 14,
			covered_lines: 11,
			num_branches: 2,
			covered_branches: 1,
			num_partial_branches: 1,
		});
		expect(percentCovered(sum)).toBeCloseTo((100 * 12) / 16, 12);
		expect(sumFiles([], summaryOf)).toEqual(emptyCounts());
		expect(fileCounts(files[0]!.summary)).toMatchObject({ files: 1, num_branches: 0 });
	});
});

describe('domain coverage', () => {
	const config = {
		domains: [
			{ id: 'gov', label: 'Gov', description: '', include: ['core/governance/**'], exclude: ['**/migrations/**'] },
			{ id: 'sec', label: 'Sec', description: '', include: ['core/security/**'], exclude: [] },
			{ id: 'none', label: 'None', description: '', include: ['nowhere/**'], exclude: [] },
		],
	};
	const report = {
		files: {
			'core/governance/policy.py': file(10, 5, 4, 2),
			'core/governance/migrations/0001.py': file(100, 0),
			'core\\security\\auth.py': file(20, 20),
			'app.py': file(10, 0),
		},
	};
	const result = domainCoverage(report.files, config, summaryOf);

	test('a domain sums the files its include globs match, minus its exclude globs', () => {
		expect(result.domains['gov']).toMatchObject({
			files: 1,
			num_statements: 10,
			covered_lines: 5,
			num_branches: 4,
			covered_branches: 2,
		});
		expect(result.filesByDomain['gov']).toEqual(['core/governance/policy.py']);
	});
	test('Windows separators are matched like forward slashes', () => {
		expect(result.domains['sec']).toMatchObject({ files: 1, num_statements: 20 });
		expect(normalizeReportPath('.\\core\\x.py')).toBe('core/x.py');
	});
	test('a domain that matches no file has no value, not 0 or 100', () => {
		expect(result.domains['none']).toBeNull();
	});
	test('overall covers every file in the report', () => {
		expect(result.overall).toMatchObject({ files: 4, num_statements: 140, covered_lines: 25 });
	});
	test('** matches nested folders, dot files included', () => {
		expect(domainMatcher({ include: ['core/**'], exclude: [] })('core/a/.hidden/b.py')).toBe(true);
	});
});

describe('status bands, regressions and links', () => {
	const thresholds = { red: 50, green: 80 };
	test.each([
		[49.99, 'red'],
		[50, 'yellow'],
		[79.99, 'yellow'],
		[80, 'green'],
		[null, 'none'],
	] as const)('%s %% is %s', (pc, status) => {
		expect(coverageStatus(pc, thresholds)).toBe(status);
	});

	const p = (commit: string, overall: number, sec: number | null) => ({
		date: '2026-01-01',
		commit,
		overall_percent: overall,
		security_percent: sec,
		test_count: 0,
	});
	test('a drop of more than max_drop is a regression; exactly max_drop is not', () => {
		const history = [p('a', 50, 50), p('b', 49, 48.99), p('c', 49, null), p('d', 47, 40)];
		expect(findRegressions(history, ['overall', 'security'], 1).map((r) => `${r.index}:${r.id}`)).toEqual([
			'1:security',
			'3:overall',
		]);
	});
	test('a point’s own targets win over the file’s current ones', () => {
		expect(pointTarget({ ...p('a', 1, 1), targets: { overall: 70 } }, 'overall', { targets: { overall: 80 } })).toBe(
			70,
		);
		expect(pointTarget(p('a', 1, 1), 'overall', { targets: { overall: 80 } })).toBe(80);
		expect(pointTarget(p('a', 1, 1), 'security', { targets: {} })).toBeNull();
	});
	test('commit links need a repository and a real SHA', () => {
		expect(commitUrl('https://github.com/o/r/', 'abc1234')).toBe('https://github.com/o/r/commit/abc1234');
		expect(commitUrl('https://github.com/o/r', 'initial')).toBeNull();
		expect(commitUrl(undefined, 'abc1234')).toBeNull();
	});
});
