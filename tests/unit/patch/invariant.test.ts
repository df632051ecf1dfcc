import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AddedLines } from '../../../src/lib/git/addedLines.ts';
import { readLineCoverage } from '../../../src/lib/coverage/lineCoverage.ts';
import { patchCoverage } from '../../../src/lib/coverage/patchCoverage.ts';
import { findPathMapping } from '../../../src/lib/coverage/patchPaths.ts';
import { readCoverageReport } from '../../../src/lib/reports/readCoverageReport.ts';
import { REPORTS } from '../../helpers/trend.ts';

const BACKEND = 'examples/atom-backend';

/** Every file of the example backend as the repository names it (what `git ls-files` lists). */
const repoFiles = readdirSync(BACKEND, { recursive: true, withFileTypes: true })
	.filter((d) => d.isFile())
	.map((d) => join(d.parentPath, d.name));

/** A diff against the empty tree: every line of every file added. */
function everyLineAdded(): Map<string, AddedLines> {
	const changes = new Map<string, AddedLines>();
	for (const path of repoFiles) {
		const text = readFileSync(path, 'utf8').replace(/\n$/, '').split('\n');
		changes.set(path, { path, lines: text.map((_, i) => i + 1), text: new Map(text.map((t, i) => [i + 1, t])) });
	}
	return changes;
}

/** Every real report of the example backend: [what, file, the coverage.py JSON of the same run]. */
const reports: Array<[string, string, string]> = [
	['coverage.py 6.5 JSON with branches', 'coverage-branch.json', 'coverage-branch.json'],
	['coverage.py 6.5 JSON without branches', 'coverage-nobranch.json', 'coverage-nobranch.json'],
	['coverage.py 6.5 Cobertura XML with branches', 'coverage-branch.xml', 'coverage-branch.json'],
	['coverage.py 6.5 Cobertura XML without branches', 'coverage-nobranch.xml', 'coverage-nobranch.json'],
	['coverage.py 6.5 LCOV with branches', 'coverage-branch.lcov', 'coverage-branch.json'],
	['coverage.py 6.5 LCOV without branches', 'coverage-nobranch.lcov', 'coverage-nobranch.json'],
	['coverage.py 7.11 JSON (format 3) with branches', 'coverage7-branch.json', 'coverage7-branch.json'],
	['coverage.py 7.11 JSON (format 3) without branches', 'coverage7-nobranch.json', 'coverage7-nobranch.json'],
	['coverage.py 7.11 Cobertura XML with branches', 'coverage7-branch.xml', 'coverage7-branch.json'],
	['coverage.py 7.11 Cobertura XML without branches', 'coverage7-nobranch.xml', 'coverage7-nobranch.json'],
	['coverage.py 7.11 LCOV with branches', 'coverage7-branch.lcov', 'coverage7-branch.json'],
	['coverage.py 7.11 LCOV without branches', 'coverage7-nobranch.lcov', 'coverage7-nobranch.json'],
];

describe('a diff that adds every line of every measured file has the report’s own total as its patch figure', () => {
	test.each(reports)('%s', (name, file, jsonFile) => {
		const bytes = readFileSync(`${REPORTS}/${file}`);
		const own = readCoverageReport(bytes, name).report.totals;
		const json = JSON.parse(readFileSync(`${REPORTS}/${jsonFile}`, 'utf8'));
		const lines = readLineCoverage(bytes, name);
		const { mapping, matched } = findPathMapping(lines.paths, repoFiles);
		expect(matched).toBe(lines.paths.length);
		const result = patchCoverage(everyLineAdded(), lines, mapping);
		expect(result.statements).toBe(own.num_statements);
		expect(result.covered).toBe(own.covered_lines);
		expect(result.branches).toBe(own.num_branches ?? 0);
		expect(result.covered_branches).toBe(own.covered_branches ?? 0);
		// To the last digit: the same double coverage.py wrote into its JSON totals.
		expect(result.percent).toBe(json.totals.percent_covered);
		expect(result.percent).toBe(own.percent_covered);
	});
});

/** The diff split in two: odd lines in one, even lines in the other (no file is ever whole). */
function halfOfEveryFile(odd: boolean): Map<string, AddedLines> {
	const changes = new Map<string, AddedLines>();
	for (const [path, all] of everyLineAdded()) {
		const lines = all.lines.filter((l) => (l % 2 === 1) === odd);
		changes.set(path, { path, lines, text: new Map(lines.map((l) => [l, all.text.get(l)!])) });
	}
	return changes;
}

describe('line by line, two halves of a diff add up to the whole', () => {
	test.each(reports)('%s', (name, file) => {
		const bytes = readFileSync(`${REPORTS}/${file}`);
		const own = readCoverageReport(bytes, name).report.totals;
		const lines = readLineCoverage(bytes, name);
		const { mapping } = findPathMapping(lines.paths, repoFiles);
		const odd = patchCoverage(halfOfEveryFile(true), lines, mapping);
		const even = patchCoverage(halfOfEveryFile(false), lines, mapping);
		// Statements: exact in every format (executed docstrings are told apart by their text).
		expect(odd.statements + even.statements).toBe(own.num_statements);
		expect(odd.covered + even.covered).toBe(own.covered_lines);
		if (!/6\.5 (?:JSON|LCOV)/.test(name)) {
			// Cobertura states each line's branches, and so do coverage.py 7's JSON arcs and LCOV: exact.
			// (6.5's JSON lists arcs it does not count, its LCOV names destinations instead of sources.)
			expect(odd.branches + even.branches).toBe(own.num_branches ?? 0);
			expect(odd.covered_branches + even.covered_branches).toBe(own.covered_branches ?? 0);
		}
	});
});
