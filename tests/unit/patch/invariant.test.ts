import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AddedLines } from '../../../src/lib/git/addedLines.ts';
import { readLineCoverage } from '../../../src/lib/coverage/lineCoverage.ts';
import { patchCoverage } from '../../../src/lib/coverage/patchCoverage.ts';
import { findPathMapping } from '../../../src/lib/coverage/patchPaths.ts';
import { readCoverageReport } from '../../../src/lib/reports/readCoverageReport.ts';
import { REPORTS } from '../../helpers/trend.ts';
import { coverage7Json } from './coverage7.ts';

const BACKEND = 'examples/atom-backend';

/** Every file of the example backend as the repository names it (what `git ls-files` lists). */
const repoFiles = (readdirSync(BACKEND, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
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

const reports: Array<[string, () => Buffer]> = [
	['coverage.py 6.5 JSON with branches', () => readFileSync(`${REPORTS}/coverage-branch.json`)],
	['coverage.py 6.5 JSON without branches', () => readFileSync(`${REPORTS}/coverage-nobranch.json`)],
	['coverage.py 7 JSON (format 3) with branches', () => coverage7Json(`${REPORTS}/coverage-branch.json`)],
	['coverage.py 7 JSON (format 3) without branches', () => coverage7Json(`${REPORTS}/coverage-nobranch.json`)],
	['Cobertura XML with branches', () => readFileSync(`${REPORTS}/coverage-branch.xml`)],
	['Cobertura XML without branches', () => readFileSync(`${REPORTS}/coverage-nobranch.xml`)],
	['LCOV with branches', () => readFileSync(`${REPORTS}/coverage-branch.lcov`)],
	['LCOV without branches', () => readFileSync(`${REPORTS}/coverage-nobranch.lcov`)],
];

describe('a diff that adds every line of every measured file has the report’s own total as its patch figure', () => {
	test.each(reports)('%s', (name, load) => {
		const bytes = load();
		const own = readCoverageReport(bytes, name).report.totals;
		const json = JSON.parse(
			readFileSync(`${REPORTS}/coverage-${name.includes('without') ? 'nobranch' : 'branch'}.json`, 'utf8'),
		);
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
