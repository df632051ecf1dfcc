/**
 * Dashboards use the screen, on the `many-domains` fixture (twelve domains with long labels, paths
 * of 60 characters): the trend chart's width and the file tree's columns at 1280 and 1920 px, the
 * home grid and its sparklines, and screenshots at 1280, 1920 and 390 px in both themes (attached
 * to the report, for a person to look at).
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../fixtures.ts';

const WIDE = [1280, 1920] as const;

async function open(page: Page, path: string, width: number, theme = 'light') {
	await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
	await page.setViewportSize({ width, height: 900 });
	await page.goto(path);
}

/** Distinct left edges of the tiles: the number of columns the grid shows. */
async function columns(page: Page): Promise<number> {
	const lefts = await page
		.getByTestId('domain-tiles')
		.locator(':scope > section')
		.evaluateAll((tiles) => tiles.map((t) => Math.round(t.getBoundingClientRect().left)));
	return new Set(lefts).size;
}

test('the trend chart is at least 900 px wide at 1280 px, and wider (up to the cap) at 1920 px', async ({ page }) => {
	const widths: number[] = [];
	for (const width of WIDE) {
		await open(page, 'coverage/', width);
		const canvas = page.locator('trend-chart canvas').first();
		await expect(page.locator('trend-chart').first()).toHaveAttribute('data-ready', 'true');
		widths.push((await canvas.boundingBox())!.width);
	}
	expect(widths[0]).toBeGreaterThanOrEqual(900);
	expect(widths[1]).toBeGreaterThan(widths[0]! + 200);
	// Capped: a 1920 px screen does not stretch the lines across every pixel.
	expect(widths[1]).toBeLessThanOrEqual(1440);
});

test('a guide keeps the reading column at 1920 px', async ({ page }) => {
	await open(page, 'guides/coverage/', 1920);
	const content = await page.locator('.sl-markdown-content').first().boundingBox();
	expect(content!.width).toBeLessThanOrEqual(45 * 16 + 1);
});

test('the file tree shows every column, missing lines included, without scrolling at 1280 and 1920 px', async ({
	page,
}) => {
	for (const width of WIDE) {
		await open(page, 'coverage/reporting/', width);
		const tree = page.locator('file-tree');
		await expect(tree.locator('tbody tr').first()).toBeVisible();
		await tree.getByRole('button', { name: 'Expand all' }).click();
		const longest = tree.getByText(/very_long_module_name/).first();
		await expect(longest).toBeVisible();
		const scroll = tree.locator('.file-tree__scroll');
		const { scrollWidth, clientWidth } = await scroll.evaluate((el) => ({
			scrollWidth: el.scrollWidth,
			clientWidth: el.clientWidth,
		}));
		expect(scrollWidth, `file tree scrolls sideways at ${width} px`).toBeLessThanOrEqual(clientWidth);
		const header = await tree.locator('thead th').allTextContents();
		expect(header.at(-1)).toBe('Missing lines');
		const missing = tree.locator('thead th').last();
		const box = await missing.boundingBox();
		expect(box!.x + box!.width).toBeLessThanOrEqual(width);
	}
});

test('home: twelve domain tiles in even rows, each sparkline in the same place on its tile', async ({ page }) => {
	for (const [width, expected] of [
		[1280, 3],
		[1920, 4],
	] as const) {
		await open(page, './', width);
		const tiles = page.getByTestId('domain-tiles').locator(':scope > section');
		await expect(tiles).toHaveCount(12);
		expect(await columns(page)).toBe(expected);
		const offsets = await tiles.evaluateAll((list) =>
			list.map((tile) => {
				const t = tile.getBoundingClientRect();
				const s = tile.querySelector('.cov-tile__spark')!.getBoundingClientRect();
				return `${Math.round(t.right - s.right)},${Math.round(s.top - t.top)}`;
			}),
		);
		expect(new Set(offsets).size, `sparkline offsets ${offsets.join(' ')}`).toBe(1);
	}
});

test('on a phone the dashboards keep one column and do not scroll sideways', async ({ page }) => {
	for (const path of ['./', 'coverage/', 'coverage/reporting/']) {
		await open(page, path, 390);
		expect(await columns(page).catch(() => 1)).toBeLessThanOrEqual(1);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, `${path} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
	}
});

test('screenshots at 1280, 1920 and 390 px in light and dark, and axe passes on the wide home page', async ({
	page,
}, testInfo) => {
	test.setTimeout(180_000);
	for (const theme of ['light', 'dark']) {
		for (const width of [1280, 1920, 390]) {
			for (const [name, path] of [
				['home', './'],
				['trend', 'coverage/'],
				['domain', 'coverage/reporting/'],
			] as const) {
				await open(page, path, width, theme);
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
				if (name === 'trend') await expect(page.locator('trend-chart').first()).toHaveAttribute('data-ready', 'true');
				const file = testInfo.outputPath(`${name}-${width}-${theme}.png`);
				await page.screenshot({ path: file, fullPage: true });
				await testInfo.attach(`${name}-${width}-${theme}`, { path: file, contentType: 'image/png' });
			}
		}
	}
	await open(page, './', 1920);
	await expectAccessible(page);
});
