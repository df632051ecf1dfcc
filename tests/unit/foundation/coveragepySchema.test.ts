import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DataError, parseWith } from '../../../src/lib/dataDir/dataError.ts';
import { coverageReportSchema } from '../../../src/lib/schemas/coveragepy.ts';

const summary = {
	covered_lines: 3,
	num_statements: 4,
	percent_covered: 75,
	percent_covered_display: '75',
	missing_lines: 1,
	excluded_lines: 0,
};
const branchSummary = {
	...summary,
	num_branches: 2,
	num_partial_branches: 1,
	covered_branches: 1,
	missing_branches: 1,
	percent_covered: 66.66666666666667,
	percent_covered_display: '67',
};
const file = { executed_lines: [1, 2, 3], summary, missing_lines: [4], excluded_lines: [] };
const branchFile = { ...file, summary: branchSummary, executed_branches: [[2, 3]], missing_branches: [[2, -1]] };
const meta6 = { version: '6.5.0', timestamp: '2026-02-11T10:00:00', branch_coverage: false, show_contexts: false };

/** Reports as each coverage.py version writes them (keys, not only the format number, differ). */
const reports: Record<string, unknown> = {
	'6.x without branches (no meta.format)': { meta: meta6, files: { 'core/a.py': file }, totals: summary },
	'6.x with branches': {
		meta: { ...meta6, branch_coverage: true },
		files: { 'core/a.py': branchFile },
		totals: branchSummary,
	},
	'7.x format 2': { meta: { ...meta6, version: '7.3.2', format: 2 }, files: { 'core/a.py': file }, totals: summary },
	'7.x format 3 with functions and classes': {
		meta: { ...meta6, version: '7.10.6', format: 3, branch_coverage: true },
		files: {
			'core/a.py': {
				...branchFile,
				functions: {
					'Policy.allows': { ...branchFile },
					'': {
						executed_lines: [1],
						summary: { ...summary, num_statements: 1, covered_lines: 1, missing_lines: 0, percent_covered: 100 },
						missing_lines: [],
						excluded_lines: [],
					},
				},
				classes: { Policy: { ...branchFile } },
			},
		},
		totals: branchSummary,
	},
	'a trimmed snapshot (no executed lists)': {
		meta: meta6,
		files: { 'core/a.py': { summary, missing_lines: [4] } },
		totals: summary,
	},
};

describe('coverage.py JSON reports and snapshots', () => {
	test.each(Object.entries(reports))('accepts %s', (_name, doc) => {
		const parsed = parseWith(coverageReportSchema, 'coverage.json', doc);
		expect(parsed.files['core/a.py']!.summary.num_statements).toBe(4);
	});

	test('accepts a real coverage.py 7.11 report with its functions and classes (tests/fixtures/reports)', () => {
		const doc = JSON.parse(readFileSync('tests/fixtures/reports/coverage7-branch.json', 'utf8'));
		const parsed = parseWith(coverageReportSchema, 'coverage7-branch.json', doc);
		expect(parsed.meta.format).toBe(3);
		const tokens = parsed.files['core/security/tokens.py']!;
		// Regions keep their own figures: one function can be untested in a file that is mostly covered.
		expect(tokens.functions?.['TokenSigner.verify']?.summary.covered_lines).toBe(
			tokens.functions?.['TokenSigner.verify']?.summary.num_statements,
		);
		expect(tokens.classes?.['TokenSigner']?.summary.num_statements).toBeGreaterThan(0);
		const functionStatements = Object.values(tokens.functions ?? {}).reduce((n, f) => n + f.summary.num_statements, 0);
		expect(functionStatements).toBe(tokens.summary.num_statements);
	});

	test.each([
		[
			'covered > total',
			{ ...file, summary: { ...summary, covered_lines: 5 } },
			'files["core/a.py"].summary.covered_lines: expected at most num_statements (4), found 5',
		],
		[
			'a negative count',
			{ ...file, summary: { ...summary, missing_lines: -1 } },
			'files["core/a.py"].summary.missing_lines: expected a number at least 0, found -1',
		],
		['a missing summary', { missing_lines: [] }, 'files["core/a.py"].summary: expected an object, found nothing'],
	])('rejects %s', (_name, badFile, message) => {
		const doc = { meta: meta6, files: { 'core/a.py': badFile }, totals: summary };
		try {
			parseWith(coverageReportSchema, 'coverage.json', doc);
			expect.unreachable();
		} catch (err) {
			expect(err).toBeInstanceOf(DataError);
			expect((err as DataError).message).toBe(`coverage.json: ${message}`);
		}
	});
});
