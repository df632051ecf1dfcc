/**
 * Edge states: a single point, a domain with no matching file, a snapshot missing for the newest
 * point, a domain without a target, a 0 % and a 100 % domain.
 */
import { chartAxes, evenlySpaced, expect, expectAccessible, test } from '../fixtures.ts';

test('home: each edge shows a sentence, never NaN or undefined', async ({ page }) => {
	await page.goto('./');
	await expect(page.getByTestId('last-recorded')).toContainText('only point so far');
	await expect(page.getByTestId('tile-legacy').getByTestId('tile-value')).toHaveText('0.00%');
	await expect(page.getByTestId('tile-utils').getByTestId('tile-value')).toHaveText('100.00%');
	await expect(page.getByTestId('tile-utils').getByTestId('tile-target')).toContainText('met');
	await expect(page.getByTestId('tile-plugins').getByTestId('tile-no-value')).toContainText('No file matched');
	await expect(page.getByTestId('tile-security').getByTestId('tile-target')).toHaveText('none set');
	await expect(page.getByTestId('tile-overall').getByTestId('tile-change')).toHaveText('—');
	await expect(page.locator('main')).not.toContainText(/NaN|undefined/);
	await expectAccessible(page);
});

test('0 % domain: says nothing is covered, shows the stale snapshot note and the files', async ({ page }) => {
	await page.goto('coverage/legacy/');
	await expect(page.getByTestId('domain-zero')).toBeVisible();
	// No snapshot for the newest point: the gap comes from the counts the trend kept (50 % of 12).
	await expect(page.getByTestId('domain-to-cover')).toHaveText('6');
	await expect(page.getByTestId('single-point')).toBeVisible();
	await expect(page.getByTestId('snapshot-stale')).toContainText('has no snapshot');
	await expect(page.locator('file-tree')).toHaveAttribute('data-ready', 'true');
	await expect(page.locator('file-tree').getByTestId('file-row')).toHaveCount(1);
	await expect(page.getByTestId('no-previous-snapshot')).toBeVisible();
	await expect(page.locator('main')).not.toContainText(/NaN|undefined/);
	await expectAccessible(page);
});

test('100 % domain says the target is met and everything is covered', async ({ page }) => {
	await page.goto('coverage/utils/');
	await expect(page.getByTestId('domain-target')).toContainText('every statement and branch is covered');
});

test('a domain that matches no file says to check its globs', async ({ page }) => {
	await page.goto('coverage/plugins/');
	await expect(page.getByTestId('domain-no-value')).toContainText('matched');
	await expect(page.getByTestId('no-files')).toContainText('plugins/**');
	await expect(page.locator('main')).not.toContainText(/NaN|undefined/);
	await expectAccessible(page);
});

test('a domain without a target says how to set one', async ({ page }) => {
	await page.goto('coverage/security/');
	await expect(page.getByTestId('domain-target')).toContainText('No target is set');
	await expect(page.getByTestId('domain-target')).toContainText('"security": 80');
});

test('trend page with one point and compare with one snapshot', async ({ page }) => {
	await page.goto('coverage/');
	await expect(page.getByTestId('single-point')).toBeVisible();
	await expect(page.locator('trend-chart')).toHaveAttribute('data-ready', 'true');
	await page.goto('coverage/compare/');
	await expect(page.getByTestId('compare-unavailable')).toContainText('Only one snapshot');
});

test('badges at 0 % and 100 % are red and green', async ({ request }) => {
	expect(await (await request.get('badges/legacy.json')).json()).toMatchObject({ message: '0.00%', color: 'red' });
	expect(await (await request.get('badges/utils.json')).json()).toMatchObject({
		message: '100.00%',
		color: 'brightgreen',
	});
	expect(await (await request.get('badges/plugins.json')).json()).toMatchObject({
		message: 'no data',
		color: 'lightgrey',
	});
});

test('trend: the only point sits on the tick of its own date, and no date is written twice', async ({ page }) => {
	await page.goto('coverage/');
	const chart = page.locator('trend-chart');
	await expect(chart).toHaveAttribute('data-ready', 'true');
	const axes = await chartAxes(chart);
	// Ticks at UTC midnights, a day each side of the point (recorded on 2026-11-20).
	expect(axes.x.labels).toEqual(['2026-11-19', '2026-11-20', '2026-11-21']);
	expect(axes.points).toHaveLength(1);
	expect(axes.points[0]!.x).toBe(axes.x.values[1]);
	expect(Math.abs(axes.points[0]!.pixel - axes.x.pixels[1]!)).toBeLessThan(1);
	// The value axis has round ticks only: its fitted bounds are not ticks crowding the round ones.
	expect(axes.y.values.length).toBeGreaterThan(2);
	expect(evenlySpaced(axes.y.values)).toBe(true);
	// In commit order the one commit is #1, labelled once (not #0, #1, #1, #2, #2 at half steps).
	await chart.getByRole('button', { name: 'Commit order' }).click();
	await expect.poll(async () => (await chartAxes(chart)).x.labels).toEqual(['#1']);
});
