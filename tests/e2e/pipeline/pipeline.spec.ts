/**
 * The local CI pipeline, end to end: `node scripts/ci/local-pipeline.ts record` ran the example
 * backend's suite under pytest with coverage and JUnit, recorded the run into a copy of data/ and ran
 * `trend check`; this site was built from that copy under the base path, and `publish` added the
 * coverage.py HTML report as the Pages workflow does. Here the new point must show up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipelineCommitFile, pipelineDataDir, pipelineReportDir } from '../../../scripts/ci/pipelinePaths.ts';
import { E2E_BASE } from '../../../scripts/shared/e2eSites.ts';
import { expect, test } from '../fixtures.ts';

const commit = readFileSync(pipelineCommitFile(), 'utf8').trim();
const trend = JSON.parse(readFileSync(join(pipelineDataDir(), 'coverage_trend.json'), 'utf8')) as {
	coverage_history: Array<{ commit: string; overall_percent: number; test_count: number; duration_seconds?: number }>;
};
const point = trend.coverage_history.find((p) => p.commit === commit);
const coverageJson = JSON.parse(readFileSync(join(pipelineReportDir(), 'coverage.json'), 'utf8')) as {
	totals: { percent_covered: number };
};

test('the pipeline recorded one new point for its run, with coverage.py’s total and the JUnit test count', () => {
	expect(point, `a point for ${commit} in ${pipelineDataDir()}`).toBeDefined();
	expect(trend.coverage_history.at(-1)?.commit).toBe(commit);
	expect(point!.overall_percent).toBeCloseTo(coverageJson.totals.percent_covered, 2);
	expect(point!.test_count).toBeGreaterThan(50);
	// The suite's measured wall time (run-backend-tests.sh), not JUnit's own sum.
	expect(point!.duration_seconds).toBe(Number(readFileSync(join(pipelineReportDir(), 'duration_seconds'), 'utf8')));
	expect(readFileSync(join(pipelineReportDir(), 'summary.md'), 'utf8')).toContain('|');
});

test('the home page shows the new point', async ({ page }) => {
	await page.goto('./');
	await expect(page.getByTestId('last-recorded')).toContainText(commit.slice(0, 7));
	await expect(page.getByTestId('tile-overall').getByTestId('tile-value')).toHaveText(
		`${point!.overall_percent.toFixed(2)}%`,
	);
});

test('the trend page lists the new point’s commit', async ({ page }) => {
	await page.goto('coverage/');
	await expect(page.getByTestId('trend-row').filter({ hasText: commit.slice(0, 7) })).toHaveCount(1);
});

test('the coverage.py HTML report is published under the base path at coverage_reports/html/', async ({ page }) => {
	const res = await page.goto('coverage_reports/html/index.html');
	expect(res?.status()).toBe(200);
	expect(new URL(page.url()).pathname).toBe(`${E2E_BASE}/coverage_reports/html/index.html`);
	await expect(page.locator('h1')).toContainText('Coverage report');
	await expect(page.locator('body')).toContainText(`${Math.round(coverageJson.totals.percent_covered)}%`);
});
