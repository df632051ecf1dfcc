/** Nothing recorded yet: every dashboard says so and what to run, with no NaN and no empty chart. */
import { expect, expectAccessible, test } from '../fixtures.ts';

for (const path of ['./', 'coverage/', 'coverage/governance/']) {
	test(`${path} explains that nothing is recorded and how to record`, async ({ page }) => {
		await page.goto(path);
		await expect(page.getByTestId('empty-state')).toContainText('npm run trend -- record');
		await expect(page.locator('trend-chart')).toHaveCount(0);
		await expect(page.locator('main')).not.toContainText(/NaN|undefined/);
		await expectAccessible(page);
	});
}

test('compare explains that no snapshot is kept', async ({ page }) => {
	await page.goto('coverage/compare/');
	await expect(page.getByTestId('compare-unavailable')).toContainText('No per-file snapshot');
});

test('badges say "no data" in grey; the trend JSON is an empty history', async ({ request }) => {
	expect(await (await request.get('badges/overall.json')).json()).toMatchObject({
		message: 'no data',
		color: 'lightgrey',
	});
	expect(await (await request.get('badges/governance.svg')).text()).toContain('no data');
	expect((await (await request.get('api/coverage_trend.json')).json()).coverage_history).toEqual([]);
});
