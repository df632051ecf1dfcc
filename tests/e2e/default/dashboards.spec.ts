/** The dashboards on the default data (data/): one point, no snapshot, no repository URL. */
import { expect, expectAccessible, test } from '../fixtures.ts';

test('home: overall now, its target, one tile per domain, the test-health tile, guide links', async ({ page }) => {
	await page.goto('./');
	await expect(page.getByTestId('tile-overall').getByTestId('tile-value')).toHaveText('15.57%');
	await expect(page.getByTestId('tile-overall').getByTestId('tile-target')).toContainText('80%');
	for (const id of ['governance', 'security', 'episodes']) await expect(page.getByTestId(`tile-${id}`)).toBeVisible();
	await expect(page.getByTestId('tile-security').getByTestId('tile-value')).toHaveText('22.40%');
	await expect(page.getByTestId('test-health-tile')).toBeVisible();
	// "initial" is not a SHA: shown as text, not linked.
	await expect(page.getByTestId('last-recorded')).toContainText('initial');
	await expect(page.getByTestId('last-recorded').locator('a')).toHaveCount(0);
	await expect(page.getByTestId('last-recorded')).toContainText('only point so far');
	await expect(page.getByRole('link', { name: 'Flaky tests' }).first()).toBeVisible();
	await expectAccessible(page);
});

test('trend: one point draws a chart with a sentence, and the table is collapsed', async ({ page }) => {
	await page.goto('coverage/');
	await expect(page.getByTestId('single-point')).toBeVisible();
	await expect(page.locator('trend-chart')).toHaveAttribute('data-ready', 'true');
	await expect(page.locator('trend-chart canvas')).toHaveAttribute('role', 'img');
	await expect(page.getByTestId('trend-row').first()).toBeHidden();
	await page.getByText('Show the data as a table').click();
	await expect(page.getByTestId('trend-row')).toHaveCount(1);
	await expectAccessible(page);
});

test('domain page without a snapshot says how to get one', async ({ page }) => {
	await page.goto('coverage/governance/');
	await expect(page.getByTestId('domain-now')).toContainText('13.37%');
	await expect(page.getByTestId('domain-target')).toContainText('66.63 points to go');
	await expect(page.getByTestId('no-snapshot')).toContainText('npm run trend -- record');
	await expectAccessible(page);
});

test('compare needs two snapshots and says so', async ({ page }) => {
	await page.goto('coverage/compare/');
	await expect(page.getByTestId('compare-unavailable')).toContainText('No per-file snapshot');
	await expectAccessible(page);
});

test('badges, shields.io endpoints and the trend JSON', async ({ request }) => {
	const svg = await request.get('badges/overall.svg');
	expect(svg.headers()['content-type']).toContain('image/svg+xml');
	const text = await svg.text();
	expect(text).toContain('15.57%');
	expect(text).toContain('#b42318');
	const json = await (await request.get('badges/security.json')).json();
	expect(json).toEqual({ schemaVersion: 1, label: 'security coverage', message: '22.40%', color: 'red' });
	const trend = await (await request.get('api/coverage_trend.json')).json();
	expect(trend.coverage_history).toHaveLength(1);
	expect(trend.targets.overall).toBe(80);
	expect(trend.domains.map((d: { id: string }) => d.id)).toEqual(['governance', 'security', 'episodes']);
});

test('guide pages load no chart code; dashboards with a chart do', async ({ page }) => {
	const scripts: string[] = [];
	page.on('response', (r) => {
		if (r.url().endsWith('.js')) scripts.push(r.url());
	});
	await page.goto('guides/coverage/');
	await page.waitForLoadState('networkidle');
	expect(scripts.some((s) => s.includes('TrendChart'))).toBe(false);
	await page.goto('coverage/');
	await page.waitForLoadState('networkidle');
	expect(scripts.some((s) => s.includes('TrendChart'))).toBe(true);
});
