import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runAstro } from '../../helpers/astro.ts';

/** The coverage guide's domain-status row for one figure, as HTML. */
function statusRow(html: string, figure: string): string {
	const m = new RegExp(`<tr[^>]*data-figure="${figure}"[^>]*>[\\s\\S]*?</tr>`).exec(html);
	if (!m) throw new Error(`no domain-status row for ${figure}`);
	return m[0];
}

test('changing a number in coverage_trend.json changes it in the coverage guide after a rebuild', async () => {
	const work = mkdtempSync(join(tmpdir(), 'guides-live-'));
	const dataDir = join(work, 'data');
	cpSync('data', dataDir, { recursive: true });
	const trendFile = join(dataDir, 'coverage_trend.json');
	const trend = JSON.parse(readFileSync(trendFile, 'utf8'));
	const latest = trend.coverage_history.at(-1);
	const old = `${Number(latest.security_percent).toFixed(2)}%`;
	// A value no other figure in the data has, in the green band (thresholds from data/coverage.config.json).
	latest.security_percent = 87.65;
	latest.test_count = 4321;
	// A domain whose globs matched no file has no value: the guide says so instead of showing 0 or 100.
	latest.episodes_percent = null;
	writeFileSync(trendFile, JSON.stringify(trend, null, 2));

	// The helper builds into a folder of its own inside the checkout (see tests/helpers/astro.ts).
	const run = await runAstro('build', { COVERAGE_DATA_DIR: dataDir, BASE_PATH: '/atom-docs' });
	expect(run.code, run.output).toBe(0);

	const html = readFileSync(join(run.outDir, 'guides/coverage/index.html'), 'utf8');
	const row = statusRow(html, 'security');
	expect(row).toContain('87.65%');
	expect(row).not.toContain(old);
	expect(row).toContain('data-status="green"');
	expect(html).not.toContain(`>${old}<`);
	// The other domains are untouched.
	expect(statusRow(html, 'governance')).toContain(`${Number(latest.governance_percent).toFixed(2)}%`);
	expect(statusRow(html, 'episodes')).toContain('no data');
	expect(statusRow(html, 'episodes')).toContain('data-status="none"');
	// Inline figures read the same data: the suite README quotes the newest test count.
	const suite = readFileSync(join(run.outDir, 'guides/test-suite/index.html'), 'utf8');
	expect(suite).toMatch(/data-testid="latest-run-summary"[^>]*>[^<]*ran 4321 tests/);
}, 180_000);
