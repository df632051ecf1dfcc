/**
 * The test-health pages on the `test-health` fixture: five real runs of the example suite recorded
 * by `trend record` (tests/fixtures/sites/test-health/generate.ts), one with an injected flaky
 * failure and one with an error in setup, served under the base path `/atom-docs`.
 */
import { expect, expectAccessible, test } from '../fixtures.ts';
import { E2E_BASE } from '../../../scripts/shared/e2eSites.ts';

const FLAKY = 'test_flaky_by_environment';
const SETUP = 'test_default_policy_denies';

test.describe('/tests/', () => {
	test('shows the newest run, exactly one flaky test and exactly one failing test', async ({ page }) => {
		await page.goto('tests/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test health');
		await expect(page.getByTestId('tests-count')).toHaveText('98');
		await expect(page.getByTestId('tests-summary')).toContainText('2026-03-06');
		await expect(page.getByTestId('flaky-count')).toHaveText('1');
		const flaky = page.getByTestId('flaky-row');
		await expect(flaky).toHaveCount(1);
		await expect(flaky.getByTestId('test-link')).toHaveText(FLAKY);
		await expect(flaky).toContainText('passed on a rerun');
		await expect(flaky).toContainText('2 of 4 (50%)');
		await expect(flaky).toContainText('2026-03-04');
		const failing = page.getByTestId('failing-row');
		await expect(failing).toHaveCount(1);
		await expect(failing.getByTestId('test-link')).toHaveText(SETUP);
		await expect(failing).toContainText('error');
	});

	test('lists the 20 slowest tests of the newest run, slowest first', async ({ page }) => {
		await page.goto('tests/');
		const rows = page.getByTestId('slowest-row');
		await expect(rows).toHaveCount(20);
		const seconds = await rows.evaluateAll((trs) =>
			trs.map((tr) => Number((tr.querySelector('td[data-seconds]') as HTMLElement).dataset.seconds)),
		);
		expect(seconds).toEqual([...seconds].sort((a, b) => b - a));
	});

	test('draws the three charts with the 5- and 10-minute lines, and their tables list every run', async ({ page }) => {
		await page.goto('tests/');
		const charts = page.locator('trend-chart');
		await expect(charts).toHaveCount(3);
		for (const chart of await charts.all()) await expect(chart).toHaveAttribute('data-ready', 'true');
		const duration = charts.nth(2);
		await duration.getByText('Show the data as a table').click();
		const header = duration.locator('thead th');
		await expect(header).toContainText(['Date', 'Commit', 'Suite duration', 'Warning (5 min)', 'Failure (10 min)']);
		await expect(duration.locator('tbody tr')).toHaveCount(5);
		await expect(duration.locator('tbody tr').first()).toContainText('300.0 s');
		await expect(duration.locator('tbody tr').first()).toContainText('600.0 s');
	});

	test('links the flaky list to the guide’s fixing steps, under the base path', async ({ page }) => {
		await page.goto('tests/');
		const link = page.getByRole('link', { name: 'how to fix a flaky test' });
		await expect(link).toHaveAttribute('href', `${E2E_BASE}/guides/flaky-tests/#fixing-flaky-tests`);
		await link.click();
		await expect(page.locator('#fixing-flaky-tests')).toBeVisible();
	});

	test('passes the axe check in light and dark themes', async ({ page }) => {
		test.setTimeout(90_000); // axe runs twice over a page with three charts and three tables
		for (const theme of ['light', 'dark']) {
			await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
			await page.goto('tests/');
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			await expectAccessible(page);
		}
	});
});

test.describe('a test’s page', () => {
	test('shows the flaky test’s history as a strip with commit links, and why it is flaky', async ({ page }) => {
		await page.goto('tests/');
		await page.getByTestId('flaky-row').getByTestId('test-link').click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(FLAKY);
		await expect(page.getByTestId('test-classname')).toHaveText('tests.unit.test_outcome_demos');
		await expect(page.getByTestId('test-verdict')).toContainText('Flaky');
		const cells = page.getByTestId('result-strip').locator('li');
		await expect(cells).toHaveCount(5);
		expect(await cells.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-status')))).toEqual([
			'passed',
			'passed',
			'passed',
			'failed',
			'passed',
		]);
		await expect(cells.nth(2)).toHaveClass(/result-strip__cell--rerun/);
		await expect(cells.nth(3).locator('a')).toHaveAttribute(
			'href',
			'https://github.com/example/atom-backend/commit/e04b7a3d6c9f2e5a8b1c4d7e0f3a6b9c2d5e8f14',
		);
		await expect(cells.nth(2)).toContainText('2026-03-04 · 5c2d8e1: passed after failed attempt');
		await expect(page.getByTestId('test-history-row')).toHaveCount(5);
		await expectAccessible(page);
	});

	test('a test without a story keeps its link: it forwards to its history on the every-test list', async ({ page }) => {
		await page.goto('tests/all/');
		await page
			.getByTestId('test-link')
			.filter({ hasText: /^test_round_trip$/ })
			.click();
		await expect(page).toHaveURL(/\/tests\/all\/\?test=test-round-trip-[0-9a-f]{10}$/);
		await expect(page.getByTestId('all-row')).toHaveCount(1);
		const cells = page.getByTestId('all-history').getByTestId('result-strip').locator('li');
		await expect(cells).toHaveCount(5);
		expect(await cells.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-status')))).toEqual(
			Array(5).fill('passed'),
		);
		await expect(cells.first().locator('a')).toHaveAttribute(
			'href',
			/^https:\/\/github\.com\/example\/atom-backend\/commit\//,
		);
	});
});

test.describe('every test', () => {
	test('lists every test once from the on-demand list, names from data shown as text', async ({ page }) => {
		test.setTimeout(90_000); // axe over a 98-row table on a busy machine
		await page.goto('tests/all/');
		await expect(page.locator('test-list')).toHaveAttribute('data-ready', 'true');
		await expect(page.getByTestId('all-row')).toHaveCount(98);
		await expect(page.getByTestId('all-row').filter({ hasText: 'flaky' })).toHaveCount(1);
		await expect(page.getByText("test_sql_injection_heuristic[name'; DROP TABLE episodes-True]")).toBeVisible();
		await expect(page.getByTestId('list-status')).toHaveText('Tests 1–98 of 98.');
		await expectAccessible(page);
	});

	test('the search field and the two selects beside it are one height, their labels in one line', async ({ page }) => {
		await page.goto('tests/all/');
		await expect(page.locator('test-list')).toHaveAttribute('data-ready', 'true');
		const boxes = await Promise.all(
			['Name or classname contains', 'Show', 'Sort by'].map(
				async (name) => (await page.getByLabel(name).boundingBox())!,
			),
		);
		for (const box of boxes) {
			expect(Math.abs(box.height - boxes[0]!.height)).toBeLessThan(1);
			expect(Math.abs(box.y - boxes[0]!.y)).toBeLessThan(1);
		}
	});

	test("a linked test name's underline sits below its underscores, not on them", async ({ page }) => {
		await page.goto('tests/all/');
		await expect(page.locator('test-list')).toHaveAttribute('data-ready', 'true');
		const link = page.getByTestId('all-row').first().getByRole('link').first();
		await expect(link).toContainText('_');
		// At its default place ("auto", about at the underscores' depth) test_each read as "test each".
		const offset = await link.evaluate((a) => getComputedStyle(a).textUnderlineOffset);
		expect(offset).toMatch(/px$/);
		expect(Number.parseFloat(offset)).toBeGreaterThanOrEqual(3);
	});

	test('shows the tests with a page of their own, each linking to its full page rather than a history', async ({
		page,
	}) => {
		await page.goto('tests/all/');
		await expect(page.locator('test-list')).toHaveAttribute('data-ready', 'true');
		const pages = Number(await page.getByTestId('all-pages').textContent());
		expect(pages).toBeGreaterThan(0);
		await page.getByLabel('Show').selectOption('page');
		await expect(page.getByTestId('all-row')).toHaveCount(pages);
		await page.getByTestId('all-row').first().getByRole('button', { name: 'History' }).click();
		await expect(page.getByTestId('all-history')).toContainText('This test has a page of its own');
		await page.getByTestId('all-history').getByRole('link', { name: 'its full history' }).click();
		await expect(page.getByTestId('test-verdict')).toBeVisible();
	});

	test('filters and sorts by keyboard, and opens a history without leaving the page', async ({ page }) => {
		await page.goto('tests/all/');
		await expect(page.locator('test-list')).toHaveAttribute('data-ready', 'true');
		await page.getByLabel('Name or classname contains').fill('sql_injection');
		const rows = page.getByTestId('all-row');
		await expect(rows.first()).toBeVisible();
		const matching = await rows.count();
		expect(matching).toBeGreaterThan(1);
		expect(matching).toBeLessThan(98);
		for (const name of await rows.getByTestId('test-link').allTextContents()) expect(name).toContain('sql_injection');
		await page.getByLabel('Show').selectOption('flaky');
		await page.getByLabel('Name or classname contains').fill('');
		await expect(rows).toHaveCount(1);
		await expect(rows.getByTestId('test-link')).toHaveText(FLAKY);
		await page.getByLabel('Show').selectOption('all');
		await page.getByLabel('Sort by').selectOption('slowest');
		const seconds = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[6]!.textContent));
		expect(seconds.length).toBe(98);
		// Keyboard: the first row's History button opens the strip of its runs.
		const toggle = rows.first().getByRole('button', { name: 'History' });
		await toggle.focus();
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('all-history')).toHaveCount(1);
		await expect(rows.first().getByRole('button', { name: 'History' })).toBeFocused();
		await expect(rows.first().getByRole('button', { name: 'History' })).toHaveAttribute('aria-expanded', 'true');
	});

	test('the site search finds a test without a page of its own by its name', async ({ page }) => {
		test.setTimeout(90_000);
		await page.goto('tests/');
		await page.locator('button[data-open-modal]').click();
		await page.locator('dialog[open] input.pagefind-ui__search-input').fill('test_round_trip');
		const result = page.locator('dialog[open] a', { hasText: 'test_round_trip' });
		await expect(result.first()).toBeVisible({ timeout: 15_000 });
		await result.first().click();
		await expect(page).toHaveURL(/\/tests\/all\/\?test=test-round-trip-/);
		await expect(page.getByTestId('all-history').getByTestId('result-strip').locator('li')).toHaveCount(5);
	});
});

test.describe('home tile', () => {
	test('shows the test count, one flaky test and the duration, and links to /tests/', async ({ page }) => {
		await page.goto('./');
		const tile = page.getByTestId('test-health-tile');
		await expect(tile.getByTestId('tile-tests')).toHaveText('98');
		await expect(tile.getByTestId('tile-flaky')).toHaveText('1');
		await expect(tile.getByTestId('tile-duration')).toHaveText(/\d+\.\d+ s/);
		await tile.getByRole('link', { name: 'Test health' }).click();
		await expect(page).toHaveURL(new RegExp(`${E2E_BASE}/tests/$`));
	});
});
