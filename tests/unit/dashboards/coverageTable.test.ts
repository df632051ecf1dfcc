import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { roundPercent, summaryOf } from '../../../src/lib/coverage/counts.ts';
import { biggestGaps, coverageRows } from '../../../src/lib/coverage/coverageTable.ts';
import { domainCoverage } from '../../../src/lib/coverage/domainCoverage.ts';
import { readReportForDomains } from '../../../src/lib/coverage/reportPaths.ts';
import { loadConfig } from '../../../src/lib/dataDir/dataDir.ts';
import { REPORTS, SEED_DATA } from '../../helpers/trend.ts';

const config = loadConfig(SEED_DATA);
const { report } = readReportForDomains(
	readFileSync(`${REPORTS}/coverage-branch.json`, 'utf8'),
	'coverage-branch.json',
	config.domains,
);
const coverage = domainCoverage(report.files, config, summaryOf);

test("trend report's rows: overall then each domain, with coverage.py's figures, the targets and the bands", () => {
	const rows = coverageRows(coverage, config, { overall: 80, governance: 80, episodes: 80 });
	expect(
		rows.map((r) => [r.id, r.label, r.percent === null ? null : roundPercent(r.percent), r.target, r.status]),
	).toEqual([
		['overall', 'Overall', 84.17, 80, 'green'],
		['governance', 'Governance', 87.34, 80, 'green'],
		['security', 'Security', 93.84, null, 'green'],
		['episodes', 'Episodes', 75.28, 80, 'yellow'],
	]);
	expect(rows[0]!.counts!.num_statements).toBe(513);
});

test('a domain that matches no file has no counts, no percent and no band', () => {
	const withBilling = {
		...config,
		domains: [
			...config.domains,
			{ id: 'billing', label: 'Billing', description: '', include: ['app/billing/**'], exclude: [] },
		],
	};
	const row = coverageRows(domainCoverage(report.files, withBilling, summaryOf), withBilling, {}).at(-1)!;
	expect(row).toMatchObject({ id: 'billing', counts: null, percent: null, target: null, status: 'none' });
});

test('the biggest gaps: most missing lines first, ties by path, fully covered files left out, at most the limit', () => {
	const paths = Object.keys(report.files).filter((p) => p.startsWith('core/governance/'));
	expect(biggestGaps(report, paths, 3).map((f) => [f.path, f.missing, f.statements])).toEqual([
		['core/governance/audit.py', 14, 63],
		['core/governance/policy.py', 5, 85],
		['core/governance/approvals.py', 4, 66],
	]);
	expect(biggestGaps(report, paths, 10).every((f) => f.missing > 0)).toBe(true);
	expect(biggestGaps(report, ['core/security/permissions.py'], 5)).toEqual([]);
});
