import type { Page } from '@playwright/test';
import { E2E_BASE } from '../../../scripts/shared/e2eSites.ts';
import { expect, expectAccessible, test } from '../fixtures.ts';

/** Every page reachable from the home page, found by following links within the base path. */
async function crawl(page: Page, origin: string): Promise<string[]> {
	const seen = new Set<string>();
	const queue = [`${origin}${E2E_BASE}/`];
	while (queue.length) {
		const url = queue.shift()!;
		if (seen.has(url)) continue;
		seen.add(url);
		const res = await page.goto(url);
		expect(res?.status(), `status of ${url}`).toBe(200);
		const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
		for (const href of hrefs) {
			const u = new URL(href);
			if (u.origin !== origin) continue;
			u.hash = '';
			u.search = '';
			if (!u.pathname.startsWith(`${E2E_BASE}/`)) throw new Error(`${url} links outside the base path: ${href}`);
			if (/\.(svg|json|png|xml|txt|html?)$/.test(u.pathname) && !u.pathname.endsWith('/')) {
				const r = await page.request.get(u.href);
				expect(r.status(), `status of ${u.href} (linked from ${url})`).toBe(200);
				continue;
			}
			if (!seen.has(u.href)) queue.push(u.href);
		}
	}
	return [...seen];
}

test('every page is reachable under the base path, with no broken link, 404 or console error', async ({
	page,
	baseURL,
}) => {
	const origin = new URL(baseURL!).origin;
	const pages = await crawl(page, origin);
	expect(pages.length).toBeGreaterThanOrEqual(7);
});

test('every page passes the axe WCAG 2.1 AA check', async ({ page, baseURL }) => {
	test.setTimeout(120_000);
	const origin = new URL(baseURL!).origin;
	const pages = await crawl(page, origin);
	// axe takes seconds per page on a loaded machine: the budget grows with the site, not with a guess.
	test.setTimeout(120_000 + pages.length * 10_000);
	for (const url of pages) {
		await page.goto(url);
		await expectAccessible(page);
	}
});

test('the favicon and the stylesheets load under the base path', async ({ page }) => {
	await page.goto('./');
	const icon = await page.locator('link[rel="shortcut icon"], link[rel="icon"]').first().getAttribute('href');
	expect(icon).toMatch(new RegExp(`^${E2E_BASE}/`));
	const r = await page.request.get(new URL(icon!, page.url()).href);
	expect(r.status()).toBe(200);
});

test('the trend page lists the points recorded in data/', async ({ page }) => {
	await page.goto('coverage/');
	await expect(page.getByTestId('trend-row').first()).toContainText('2026-02-11');
});

test('search loads Pagefind’s UI only when the dialog opens, and typing straight away finds a guide', async ({
	page,
}) => {
	const requested: string[] = [];
	page.on('request', (r) => requested.push(r.url()));
	await page.goto('coverage/');
	await page.waitForLoadState('networkidle');
	expect(
		requested.filter((u) => /ui-core/.test(u)),
		'search UI loaded before the search was opened',
	).toEqual([]);
	await page.keyboard.press('Control+k');
	const input = page.locator('#starlight__search input');
	await expect(input).toBeFocused();
	await page.keyboard.type('flaky');
	await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
	await expect(page.locator('.pagefind-ui__result-link', { hasText: 'Flaky Test Guide' }).first()).toBeVisible();
});
