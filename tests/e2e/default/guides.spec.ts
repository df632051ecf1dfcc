import type { Page } from '@playwright/test';
import { loadConfig } from '../../../src/lib/dataDir/dataDir.ts';
import { allSites, E2E_BASE } from '../../../scripts/shared/e2eSites.ts';
import { expect, expectAccessible, test } from '../fixtures.ts';
import { readPinnedRequirements } from '../../../src/lib/docs/pinnedRequirements.ts';

/** The guides in the sidebar's reading order, each with a phrase only its own text contains. */
const GUIDES = [
	{ path: 'guides/test-suite/', title: 'Atom Test Suite', phrase: 'incompatible with --pdb' },
	{ path: 'guides/coverage/', title: 'Coverage Report Interpretation Guide', phrase: 'coverage paradox' },
	{ path: 'guides/test-isolation/', title: 'Test Isolation Patterns', phrase: 'loadscope' },
	{ path: 'guides/flaky-tests/', title: 'Flaky Test Guide', phrase: 'randomly-seed' },
	{ path: 'reference/trend-data/', title: 'Coverage trend data', phrase: 'snapshots_keep' },
	{ path: 'reference/invariants/', title: 'Property-test invariants', phrase: 'Falsifying example' },
	{ path: 'reference/factories/', title: 'Test data factories', phrase: 'Unique by UUID' },
];

for (const guide of GUIDES) {
	test(`${guide.title}: builds, is current in the sidebar and passes axe`, async ({ page }) => {
		// axe on the longest guides (dozens of code blocks) takes tens of seconds on a loaded machine.
		test.setTimeout(90_000);
		const res = await page.goto(guide.path);
		expect(res?.status()).toBe(200);
		await expect(page.locator('h1')).toHaveText(guide.title);
		const current = page.locator('nav.sidebar a[aria-current="page"]');
		await expect(current).toHaveCount(1);
		expect(new URL(await current.evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toBe(
			`${E2E_BASE}/${guide.path}`,
		);
		// Expressive Code makes an overflowing block focusable from a script shortly after load; wait for it.
		await page.waitForFunction(() =>
			[...document.querySelectorAll('.expressive-code pre')].every(
				(pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'),
			),
		);
		await expectAccessible(page);
	});
}

test('the sidebar lists the guides in reading order', async ({ page }) => {
	await page.goto('guides/test-suite/');
	const hrefs = await page
		.locator('nav.sidebar a')
		.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
	const positions = GUIDES.map((g) => hrefs.indexOf(`${E2E_BASE}/${g.path}`));
	expect(
		positions.every((p) => p >= 0),
		`guides in the sidebar: ${positions}`,
	).toBe(true);
	expect([...positions].sort((a, b) => a - b)).toEqual(positions);
});

/** Whether the page at `url` has an element with the given id (fragment already decoded). */
async function hasAnchor(page: Page, url: string, id: string): Promise<boolean> {
	await page.goto(url);
	return page.evaluate((target) => document.getElementById(target) !== null, id);
}

test('every link and #anchor in the guides resolves under the base path', async ({ page, baseURL }) => {
	test.setTimeout(120_000);
	const origin = new URL(baseURL!).origin;
	const checked = new Map<string, boolean>();
	for (const guide of GUIDES) {
		await page.goto(guide.path);
		const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		for (const href of hrefs) {
			const url = new URL(href);
			if (url.origin !== origin) continue;
			expect(url.pathname.startsWith(`${E2E_BASE}/`), `${guide.path} links outside the base: ${href}`).toBe(true);
			const pageUrl = `${url.origin}${url.pathname}`;
			if (!checked.has(pageUrl)) {
				const r = await page.request.get(pageUrl);
				checked.set(pageUrl, r.ok());
			}
			expect(checked.get(pageUrl), `${guide.path} → ${pageUrl}`).toBe(true);
			if (url.hash.length > 1 && !url.pathname.match(/\.\w+$/)) {
				const id = decodeURIComponent(url.hash.slice(1));
				expect(await hasAnchor(page, pageUrl, id), `${guide.path} → ${pageUrl}#${id}`).toBe(true);
			}
		}
	}
	// The guides cross-link: at least the suite README reaches every other guide.
	expect([...checked.keys()].filter((u) => GUIDES.some((g) => u.endsWith(`${E2E_BASE}/${g.path}`))).length).toBe(
		GUIDES.length,
	);
});

test('Pagefind search finds each guide by a phrase from its text', async ({ page }) => {
	test.setTimeout(90_000);
	await page.goto('guides/test-suite/');
	for (const guide of GUIDES) {
		await page.locator('button[data-open-modal]').click();
		const input = page.locator('dialog[open] input.pagefind-ui__search-input');
		await input.fill(guide.phrase);
		const result = page.locator('dialog[open] .pagefind-ui__result-link', { hasText: guide.title });
		await expect(result.first()).toBeVisible({ timeout: 15_000 });
		expect(new URL(await result.first().evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toContain(
			`${E2E_BASE}/${guide.path}`,
		);
		await page.keyboard.press('Escape');
	}
});

test('the coverage guide shows each domain’s status from the data, and the thresholds', async ({ page }) => {
	await page.goto('guides/coverage/');
	const rows = page.getByTestId('domain-status-row');
	await expect(rows).toHaveCount(4);
	await expect(rows.first()).toHaveAttribute('data-figure', 'overall');
	for (const row of await rows.all()) {
		await expect(row.getByTestId('domain-status-current')).toHaveText(/^\d+\.\d{2}%$|^no data$/);
		await expect(row).toHaveAttribute('data-status', /^(red|yellow|green|none)$/);
	}
	const { thresholds } = loadConfig(allSites.find((s) => s.name === 'default')!.dataDir);
	await expect(page.getByTestId('coverage-legend')).toContainText(`below ${thresholds.red}%`);
	await expect(page.getByTestId('coverage-legend')).toContainText(`${thresholds.green}% and above`);
	await expect(page.getByTestId('domain-status-date')).toHaveText(/^\d{4}-\d{2}-\d{2}/);
});

test('the isolation guide shows the conftest fixtures from the example backend', async ({ page }) => {
	await page.goto('guides/test-isolation/');
	const code = page.locator('.expressive-code');
	await expect(code.filter({ hasText: 'def unique_resource_name' })).toHaveCount(1);
	await expect(code.filter({ hasText: 'PYTEST_XDIST_WORKER' }).first()).toBeVisible();
	await expect(code.filter({ hasText: 'conn.execute("ROLLBACK")' })).toHaveCount(1);
	// Region markers are cut away, never shown.
	await expect(page.locator('main')).not.toContainText('# region:');
});

test('the test-suite guide shows the version table generated from the pinned requirements', async ({ page }) => {
	await page.goto('guides/test-suite/');
	const pins = readPinnedRequirements('scripts/ci/requirements-tests.txt');
	const rows = page.getByTestId('tool-versions').locator('tbody tr');
	await expect(rows).toHaveCount(pins.length);
	for (const { name, version } of pins)
		await expect(page.locator(`tr[data-tool="${name.toLowerCase()}"] td code`)).toHaveText(version);
	// The docs links point at the documented versions, never at "latest".
	const coverage = pins.find((p) => p.name === 'coverage')!;
	await expect(page.locator('tr[data-tool="coverage"] a')).toHaveAttribute(
		'href',
		`https://coverage.readthedocs.io/en/${coverage.version}/`,
	);
});

test('every guide links the official docs of the tools it teaches, at the pinned versions', async ({ page }) => {
	const pins = new Map(
		readPinnedRequirements('scripts/ci/requirements-tests.txt').map((p) => [p.name.toLowerCase(), p.version]),
	);
	for (const path of ['guides/test-suite/', 'guides/coverage/', 'guides/test-isolation/', 'guides/flaky-tests/']) {
		await page.goto(path);
		const links = page.getByTestId('tool-docs').locator('a');
		expect(await links.count(), path).toBeGreaterThan(0);
		for (const text of await links.allTextContents()) {
			const [, label, version] = /^(.+) (\S+) documentation$/.exec(text.trim()) ?? [];
			expect(label, `${path}: ${text}`).toBeTruthy();
			expect([...pins.values()], `${path}: ${text}`).toContain(version);
		}
	}
});
