/**
 * Commit, branch, message and file path all hold `</script><img src=x onerror=alert(1)>`: every
 * page shows it as text, and the fixture fails the test if any dialog opens.
 */
import { expect, test } from '../fixtures.ts';

const EVIL = '</script><img src=x onerror=alert(1)>';

for (const path of ['./', 'coverage/', 'coverage/core/', 'coverage/compare/']) {
	test(`${path} renders hostile strings as text and runs no script`, async ({ page }) => {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		await expect(page.locator('img[src="x"]')).toHaveCount(0);
		if (path === './') await expect(page.getByTestId('last-recorded')).toContainText(EVIL);
		if (path === 'coverage/') {
			await page.getByText('Show the data as a table').click();
			await expect(page.getByTestId('trend-row').first()).toContainText(EVIL);
		}
		if (path === 'coverage/core/') {
			await expect(page.getByTestId('largest-gaps')).toContainText(`core/${EVIL}.py`);
			const tree = page.locator('file-tree');
			await expect(tree).toHaveAttribute('data-ready', 'true');
			// The `/` inside `</script>` makes `core/<` a directory; the row keeps the whole path.
			await expect(tree.getByTestId('file-row')).toHaveAttribute('data-path', `core/${EVIL}.py`);
			await expect(tree.getByTestId('file-row')).toContainText('script><img src=x onerror=alert(1)>.py');
			await tree.getByTestId('file-row').locator('summary').click();
			await expect(tree.getByTestId('file-row').locator('li').first()).toContainText('<img src=x onerror=alert(1)>');
		}
		await page.waitForTimeout(200);
	});
}

test('each recorded commit’s patch coverage: on the home page, in the trend table and in the tooltip', async ({
	page,
}) => {
	await page.goto('./');
	const recent = page.getByTestId('recent-patch');
	await expect(recent).toHaveCount(1);
	await expect(recent).toContainText('66.67% (3 of 4 changed statements, 1 of 2 branches)');
	await expect(recent).toContainText(EVIL);
	await expect(page.locator('img[src="x"]')).toHaveCount(0);

	await page.goto('coverage/');
	await page.getByText('Show the data as a table').click();
	const rows = page.getByTestId('trend-row');
	await expect(page.locator('trend-chart th', { hasText: 'Patch coverage' })).toHaveCount(1);
	await expect(rows.nth(0).locator('td').last()).toHaveText('—');
	await expect(rows.nth(1).locator('td').last()).toHaveText('66.67% (3 of 4 changed statements, 1 of 2 branches)');
	const chart = page.locator('trend-chart');
	await expect(chart).toHaveAttribute('data-ready', 'true');
	const footers = await chart.evaluate((el) => {
		const c = el as HTMLElement & { tooltipFooter(items: Array<{ raw: { i: number } }>): string };
		return [c.tooltipFooter([{ raw: { i: 0 } }]), c.tooltipFooter([{ raw: { i: 1 } }])];
	});
	expect(footers).toEqual(['', 'Patch coverage: 66.67% (3 of 4 changed statements, 1 of 2 branches)']);
});
