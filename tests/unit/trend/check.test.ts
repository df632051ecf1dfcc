import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkMarkdown, checkTrend, markdownText, STEP_SUMMARY_LIMIT } from '../../../src/lib/trend/trendCheck.ts';
import type { CoverageConfig } from '../../../src/lib/schemas/config.ts';
import { coverageConfigSchema } from '../../../src/lib/schemas/config.ts';
import { runTrend, tempDataDir } from '../../helpers/trend.ts';

const point = (commit: string, date: string, overall: number, governance: number | null) => ({
	date,
	commit,
	overall_percent: overall,
	governance_percent: governance,
	security_percent: 90,
	episodes_percent: 70,
	test_count: 10,
});

function dirWith(points: object[], gate?: object): string {
	const dir = tempDataDir();
	writeFileSync(
		join(dir, 'coverage_trend.json'),
		JSON.stringify({ coverage_history: points, targets: { overall: 80, governance: 80, security: 80, episodes: 80 } }),
	);
	if (gate) {
		const config = JSON.parse(readFileSync(join(dir, 'coverage.config.json'), 'utf8'));
		writeFileSync(join(dir, 'coverage.config.json'), JSON.stringify({ ...config, gate: { ...config.gate, ...gate } }));
	}
	return dir;
}

describe('check', () => {
	test('passes on a small drop and prints the table; a domain below target is a warning', async () => {
		const dir = dirWith([point('a1', '2026-01-01', 85, 81), point('b2', '2026-01-02', 84.5, 80.2)]);
		const r = await runTrend(['check', '--data-dir', dir]);
		expect(r.status).toBe(0);
		expect(r.stderr).toBe('');
		expect(r.stdout).toContain('## Coverage check: passed ✅');
		expect(r.stdout).toContain('| Overall | 84.50% | 85.00% | −0.50 | 80% | ✅ ok |');
		expect(r.stdout).toContain('| Episodes | 70.00% | 70.00% | ±0.00 | 80% | ⚠️ below target |');
	});

	test('fails (exit 1) when a domain dropped more than the configured max drop', async () => {
		const dir = dirWith([point('a1', '2026-01-01', 85, 81), point('b2', '2026-01-02', 84.5, 78)]);
		const r = await runTrend(['check', '--data-dir', dir]);
		expect(r.status).toBe(1);
		expect(r.stdout).toContain('| Governance | 78.00% | 81.00% | −3.00 | 80% | ❌ dropped |');
		expect(r.stderr).toBe('trend check: failed: Governance dropped 3.00 points (allowed 1.00)\n');
	});

	test('--max-drop overrides the config, and exactly the allowed drop passes', async () => {
		const dir = dirWith([point('a1', '2026-01-01', 85, 81), point('b2', '2026-01-02', 84, 78)]);
		expect((await runTrend(['check', '--data-dir', dir, '--max-drop', '3'])).status).toBe(0);
		expect((await runTrend(['check', '--data-dir', dir, '--max-drop', '2.99'])).status).toBe(1);
		expect((await runTrend(['check', '--data-dir', dir, '--max-drop', '1'])).status).toBe(1);
	});

	test('below target fails when the config says so', async () => {
		const dir = dirWith([point('a1', '2026-01-01', 85, 81), point('b2', '2026-01-02', 85, 81)], {
			fail_below_target: true,
		});
		const r = await runTrend(['check', '--data-dir', dir]);
		expect(r.status).toBe(1);
		expect(r.stdout).toContain('| Episodes | 70.00% | 70.00% | ±0.00 | 80% | ❌ below target |');
	});

	test('a domain with no value is neither a drop nor a pass of its target', async () => {
		// It had a value before: by default that fails (tests/unit/trend/checkBaseline.test.ts); here it only warns.
		const dir = dirWith([point('a1', '2026-01-01', 85, 81), point('b2', '2026-01-02', 85, null)], {
			vanished_domain: 'warn',
		});
		const r = await runTrend(['check', '--data-dir', dir]);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('| Governance | — | 81.00% | — | 80% | ⚠️ matches no file |');
	});

	test('writes --summary FILE and appends to $GITHUB_STEP_SUMMARY', async () => {
		const dir = dirWith([point('a1', '2026-01-01', 85, 81), point('b2', '2026-01-02', 85, 81)]);
		const summary = join(dir, 'summary.md');
		const step = join(dir, 'step.md');
		writeFileSync(step, 'earlier step\n');
		const r = await runTrend(['check', '--data-dir', dir, '--summary', summary], { GITHUB_STEP_SUMMARY: step });
		expect(r.status).toBe(0);
		expect(readFileSync(summary, 'utf8')).toBe(r.stdout);
		expect(readFileSync(step, 'utf8')).toBe(`earlier step\n${r.stdout}\n`);
	});

	test('a single point is compared with its targets only', async () => {
		const dir = dirWith([point('a1', '2026-01-01', 85, 81)]);
		const r = await runTrend(['check', '--data-dir', dir]);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('no earlier point to compare with');
	});
});

describe('check summary Markdown', () => {
	test('strings from data cannot inject HTML or break the table', () => {
		expect(markdownText('<img src=x onerror=alert(1)> | `x` *y*')).toBe(
			'&#60;img src=x onerror=alert(1)&#62; \\| \\`x\\` \\*y\\*',
		);
	});

	test('stays under GitHub’s 1 MiB step-summary limit even with thousands of domains', () => {
		// Built directly (not through the schema) to keep the test quick; 12,000 rows of ~130 bytes pass 1 MiB.
		const domains = Array.from({ length: 12000 }, (_, i) => ({
			id: `d${i}`,
			label: `Domain ${i} ${'x'.repeat(80)}`,
			description: '',
			include: [`d${i}/**`],
			exclude: [],
		}));
		const config = {
			...coverageConfigSchema.parse({ project: 'p', domains: [domains[0]] }),
			domains,
		} as CoverageConfig;
		const pts = ['a', 'b'].map((c, j) => ({
			date: `2026-01-0${j + 1}`,
			commit: c,
			overall_percent: 50,
			test_count: 0,
			...Object.fromEntries(domains.map((d) => [`${d.id}_percent`, 50 - j * 2])),
		}));
		const result = checkTrend({ coverage_history: pts, targets: {} }, config, 1)!;
		expect(result.passed).toBe(false);
		const md = checkMarkdown(result);
		expect(Buffer.byteLength(md)).toBeLessThan(STEP_SUMMARY_LIMIT);
		expect(md).toContain('Table cut to');
		expect(md).toContain('## Coverage check: failed ❌');
	});
});
