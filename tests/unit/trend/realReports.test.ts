import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { percentCovered, roundPercent, summaryOf } from '../../../src/lib/coverage/counts.ts';
import { loadConfig } from '../../../src/lib/dataDir/dataDir.ts';
import { domainCoverage } from '../../../src/lib/coverage/domainCoverage.ts';
import { readReportForDomains } from '../../../src/lib/coverage/reportPaths.ts';
import { coverageReportSchema } from '../../../src/lib/schemas/coveragepy.ts';
import { REPORTS, SEED_DATA } from '../../helpers/trend.ts';

const config = loadConfig(SEED_DATA);
const read = (name: string) => readReportForDomains(readFileSync(`${REPORTS}/${name}`, 'utf8'), name, config.domains);

/** The TOTAL percentage that `coverage report --precision=2` printed. */
function printedTotal(name: string): number {
	const total = readFileSync(`${REPORTS}/${name}`, 'utf8')
		.split('\n')
		.find((l) => l.startsWith('TOTAL'));
	return Number(/([\d.]+)%\s*$/.exec(total!)![1]);
}

describe.each(['branch', 'nobranch'])('coverage.py %s run: our figures equal coverage.py’s', (run) => {
	const json = read(`coverage-${run}.json`);
	const raw = JSON.parse(readFileSync(`${REPORTS}/coverage-${run}.json`, 'utf8'));
	const fromJson = domainCoverage(json.report.files, config, summaryOf);

	test('the JSON is detected as coverage.py JSON and its overall equals totals.percent_covered', () => {
		expect(json.format).toBe('coveragepy-json');
		expect(percentCovered(fromJson.overall)).toBeCloseTo(raw.totals.percent_covered, 10);
		expect(
			Math.abs(roundPercent(percentCovered(fromJson.overall)) - printedTotal(`coverage-report-${run}-overall.txt`)),
		).toBeLessThanOrEqual(0.01);
	});

	test.each(['governance', 'security', 'episodes'])('%s equals `coverage report --include`', (domain) => {
		const ours = fromJson.domains[domain];
		expect(ours, `${domain} matched files`).not.toBeNull();
		const printed = printedTotal(`coverage-report-${run}-${domain}.txt`);
		expect(Math.abs(roundPercent(percentCovered(ours!)) - printed)).toBeLessThanOrEqual(0.01);
	});

	test.each(['xml', 'lcov'])('the %s coverage.py wrote for the same run gives the same figures', (ext) => {
		const other = read(`coverage-${run}.${ext}`);
		expect(other.format).toBe(ext === 'xml' ? 'cobertura' : 'lcov');
		expect(Object.keys(other.report.files).sort()).toEqual(Object.keys(json.report.files).sort());
		const fromOther = domainCoverage(other.report.files, config, summaryOf);
		expect(Math.abs(percentCovered(fromOther.overall) - percentCovered(fromJson.overall))).toBeLessThanOrEqual(0.01);
		for (const d of config.domains) {
			const a = fromOther.domains[d.id]!;
			const b = fromJson.domains[d.id]!;
			expect(Math.abs(percentCovered(a) - percentCovered(b)), d.id).toBeLessThanOrEqual(0.01);
			// Not only the percentage: the counts behind it agree too.
			expect([a.num_statements, a.covered_lines, a.num_branches, a.covered_branches]).toEqual([
				b.num_statements,
				b.covered_lines,
				b.num_branches,
				b.covered_branches,
			]);
		}
		expect(other.report.meta.branch_coverage).toBe(run === 'branch');
	});

	test('the snapshot keeps per file the summary, missing lines and missing arcs, and drops executed lines', () => {
		expect(Buffer.isBuffer(json.snapshot)).toBe(true);
		const snapshot = JSON.parse(json.snapshot.toString());
		for (const [path, file] of Object.entries(raw.files as Record<string, Record<string, unknown>>)) {
			expect(snapshot.files[path].summary, path).toEqual(file.summary);
			expect(snapshot.files[path].missing_lines, path).toEqual(file.missing_lines);
			expect(snapshot.files[path].missing_branches, path).toEqual(file.missing_branches);
			expect(snapshot.files[path]).not.toHaveProperty('executed_lines');
		}
		expect(coverageReportSchema.safeParse(snapshot).success).toBe(true);
	});
});

test('a Cobertura file named under <source>core</source> is put back under core/', () => {
	const xml = read('coverage-branch.xml');
	expect(readFileSync(`${REPORTS}/coverage-branch.xml`, 'utf8')).toContain('<source>core</source>');
	expect(Object.keys(xml.report.files).every((p) => p.startsWith('core/'))).toBe(true);
});
