/** Dashboards over 300 points, five domains, target changes, regressions and three snapshots with functions. */
import {
	chartAxes,
	evenlySpaced,
	expect,
	expectAccessible,
	pathWraps,
	test,
	textLeft,
	textLines,
} from '../fixtures.ts';

test('trend: toggles, range buttons and the axis switch change what is drawn', async ({ page }) => {
	await page.goto('coverage/');
	const chart = page.locator('trend-chart');
	await expect(chart).toHaveAttribute('data-ready', 'true');
	await expect(chart).toHaveAttribute('data-visible-points', '300');
	const status = chart.locator('.trend-chart__status');
	await expect(status).toContainText('6 series');

	const governance = chart.getByRole('button', { name: 'Governance' });
	await governance.click();
	await expect(governance).toHaveAttribute('aria-pressed', 'false');
	await expect(status).toContainText('5 series');
	await governance.click();
	await expect(status).toContainText('6 series');

	await chart.getByRole('button', { name: '30 days' }).click();
	await expect(chart.getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true');
	const in30 = Number(await chart.getAttribute('data-visible-points'));
	expect(in30).toBeGreaterThan(5);
	expect(in30).toBeLessThan(30);
	await chart.getByRole('button', { name: '1 year' }).click();
	const inYear = Number(await chart.getAttribute('data-visible-points'));
	expect(inYear).toBeGreaterThan(in30);
	expect(inYear).toBeLessThan(300);
	await chart.getByRole('button', { name: 'All', exact: true }).click();
	await expect(chart).toHaveAttribute('data-visible-points', '300');

	await chart.getByRole('button', { name: 'Commit order' }).click();
	await expect(status).toContainText('by commit order');
	await chart.getByRole('button', { name: 'Calendar time' }).click();
	await expect(status).toContainText('by calendar time');
	await expectAccessible(page);
});

test('trend: the time axis ticks fall on months and on Mondays, each labelled once', async ({ page }) => {
	await page.goto('coverage/');
	const chart = page.locator('trend-chart');
	await expect(chart).toHaveAttribute('data-ready', 'true');
	// Two years on a wide chart: the first of every sixth month.
	let axes = await chartAxes(chart);
	expect(axes.x.labels).toEqual(['2025-01', '2025-07', '2026-01', '2026-07']);
	expect(axes.x.values.map((v) => new Date(v).toISOString())).toEqual(
		['2025-01-01', '2025-07-01', '2026-01-01', '2026-07-01'].map((d) => `${d}T00:00:00.000Z`),
	);
	expect(evenlySpaced(axes.y.values)).toBe(true);
	// Thirty days: Mondays, labelled with their dates.
	await chart.getByRole('button', { name: '30 days' }).click();
	await expect(chart.getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true');
	axes = await chartAxes(chart);
	expect(axes.x.values.length).toBeGreaterThanOrEqual(3);
	for (const [i, v] of axes.x.values.entries()) {
		expect(new Date(v).getUTCDay()).toBe(1);
		expect(axes.x.labels[i]).toBe(new Date(v).toISOString().slice(0, 10));
	}
	// On a phone, fewer: still each on a boundary and each date once.
	await page.setViewportSize({ width: 390, height: 844 });
	await chart.getByRole('button', { name: 'All', exact: true }).click();
	await expect.poll(async () => (await chartAxes(chart)).x.labels.length).toBeLessThanOrEqual(4);
	axes = await chartAxes(chart);
	expect(new Set(axes.x.labels).size).toBe(axes.x.labels.length);
	for (const v of axes.x.values) expect(new Date(v).getUTCDate()).toBe(1);
});

test("trend: a regression marker on the chart's right edge is drawn whole, not cut off by the plot area", async ({
	page,
}) => {
	await page.goto('coverage/');
	const chart = page.locator('trend-chart');
	await expect(chart).toHaveAttribute('data-ready', 'true');
	const edge = await chart.evaluate((el) => {
		type Meta = { data: { x: number; y: number }[] };
		const c = (
			el as unknown as {
				chart: {
					canvas: HTMLCanvasElement;
					chartArea: { right: number };
					currentDevicePixelRatio: number;
					data: { datasets: { seriesId?: string }[] };
					getDatasetMeta(i: number): Meta;
				};
			}
		).chart;
		const markers = c.data.datasets.findIndex((d) => d.seriesId === '__markers');
		const last = c.getDatasetMeta(markers).data.at(-1)!;
		// The canvas's own pixel 2 px right of the marker's centre: a drawn triangle covers it.
		const ratio = c.currentDevicePixelRatio;
		const alpha = c.canvas
			.getContext('2d')!
			.getImageData(Math.round((last.x + 2) * ratio), Math.round(last.y * ratio), 1, 1).data[3]!;
		return { x: last.x, right: c.chartArea.right, alpha };
	});
	// The fixture's newest point is a regression (HTTP API), drawn on the plot area's right edge.
	expect(Math.abs(edge.x - edge.right)).toBeLessThan(1);
	expect(edge.alpha).toBeGreaterThan(200);
});

test('trend: regressions are listed with linked commits, the table holds every point', async ({ page }) => {
	await page.goto('coverage/');
	const regressions = page.getByTestId('regressions').locator('li');
	await expect(regressions).toHaveCount(20);
	await expect(regressions.first().locator('a')).toHaveAttribute(
		'href',
		/^https:\/\/github\.com\/example\/atom-backend\/commit\/[0-9a-f]{40}$/,
	);
	await page.getByText('Show the data as a table').click();
	await expect(page.getByTestId('trend-row')).toHaveCount(300);
});

test('trend: chart colours follow the theme when the reader switches it', async ({ page }) => {
	await page.goto('coverage/');
	const chart = page.locator('trend-chart');
	await expect(chart).toHaveAttribute('data-ready', 'true');
	const select = page.locator('starlight-theme-select select').first();
	await select.selectOption('dark');
	await expect(chart).toHaveAttribute('data-drawn-theme', 'dark');
	await select.selectOption('light');
	await expect(chart).toHaveAttribute('data-drawn-theme', 'light');
});

test('domain page: now vs target, gap to cover, trend, sortable and filterable file tree', async ({ page }) => {
	await page.goto('coverage/governance/');
	await expect(page.getByTestId('domain-target')).toContainText('Target 80%');
	await expect(page.getByTestId('domain-to-cover')).toHaveText(/^\d[\d,]*$/);
	await expect(page.locator('trend-chart')).toHaveAttribute('data-ready', 'true');
	await expect(page.getByTestId('largest-gaps').locator('tbody tr').first()).toBeVisible();

	const tree = page.locator('file-tree');
	await expect(tree).toHaveAttribute('data-ready', 'true');
	const files = tree.getByTestId('file-row');
	await expect(files).toHaveCount(8);
	// The missing lines are text: their header stands at their start, not at the column's far end.
	const header = tree.getByRole('columnheader', { name: 'Missing lines' });
	const firstLines = tree.locator('td.file-tree__lines').filter({ hasText: /\d/ }).first();
	expect(Math.abs((await textLeft(header)) - (await textLeft(firstLines)))).toBeLessThan(2);
	// Largest gaps first: the "Missing" column descends within each directory.
	const missingOfFiles = async () =>
		tree.locator('tbody tr[data-testid="file-row"] td:nth-of-type(2)').allTextContents();
	const firstDirFiles = (await tree.locator('tbody tr').allTextContents()).length;
	expect(firstDirFiles).toBeGreaterThan(8);

	await tree.getByRole('button', { name: 'Path' }).click();
	await expect(tree.locator('th[data-key="name"]')).toHaveAttribute('aria-sort', 'ascending');
	const dirs = await tree
		.locator('tbody tr[data-testid="dir-row"]')
		.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.path));
	expect(dirs).toEqual([...dirs].sort());
	await tree.getByRole('button', { name: 'Coverage' }).click();
	await expect(tree.locator('th[data-key="percent"]')).toHaveAttribute('aria-sort', 'ascending');
	await tree.getByRole('button', { name: 'Statements' }).click();
	await expect(tree.locator('th[data-key="statements"]')).toHaveAttribute('aria-sort', 'descending');
	expect((await missingOfFiles()).length).toBe(8);

	await tree.getByLabel('Filter by path').fill('handlers');
	await expect(tree.locator('.file-tree__status')).toContainText('match “handlers”');
	const paths = await files.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.path ?? ''));
	expect(paths.length).toBeGreaterThan(0);
	for (const p of paths) expect(p).toContain('handlers');
	await tree.getByLabel('Filter by path').fill('no-such-file');
	await expect(files).toHaveCount(0);
	await expect(tree.locator('.file-tree__status')).toContainText('No file path contains');
	await tree.getByLabel('Filter by path').fill('');

	// Function-level figures from the coverage.py 7 regions.
	await files.first().locator('summary').click();
	await expect(files.first().locator('details li').first()).toContainText('statements missing');
	await expectAccessible(page);
});

test('domain page: changes since the previous snapshot, with a new file', async ({ page }) => {
	await page.goto('coverage/security/');
	const changes = page.getByTestId('snapshot-changes');
	await expect(changes).toContainText('1 new');
	await expect(changes.getByRole('heading', { name: 'New files' })).toBeVisible();
	await expect(changes).toContainText('module_7.py');
});

test('compare: picking two snapshots recomputes per-domain and per-file differences', async ({ page }) => {
	await page.goto('coverage/compare/');
	const compare = page.locator('snapshot-compare');
	await expect(page.getByTestId('compare-domains').locator('tbody tr')).toHaveCount(6);
	// By default the two newest: one new file, none removed.
	await expect(compare.locator('section[data-group="added"]')).toContainText('module_7.py');
	await expect(compare.locator('section[data-group="removed"]')).toHaveCount(0);
	const options = await compare
		.locator('select[name="from"] option')
		.evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
	await compare.locator('select[name="from"]').selectOption(options[0]!);
	await expect(compare).toHaveAttribute('data-ready', 'true');
	await expect(compare.locator('section[data-group="removed"]')).toContainText('module_5.py');
	await expect(compare.locator('section[data-group="added"]')).toContainText('module_7.py');
	expect(page.url()).toContain(`from=${options[0]}`);
	// The choice survives a reload through the query string.
	await page.reload();
	await expect(compare.locator('section[data-group="removed"]')).toContainText('module_5.py');
	await expectAccessible(page);
});

test('compare on a phone: each change stays on one line, and "By domain" has room above it', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('coverage/compare/');
	const table = page.getByTestId('compare-domains');
	await expect(table.locator('tbody tr')).toHaveCount(6);
	// "−1.26 pts" on one line: the cell is one line high (its line height, within a pixel or two of padding).
	for (const cell of await table.locator('tbody td:last-child').all()) expect(await textLines(cell)).toBe(1);
	// Room between the pickers and "By domain", as before every other heading (it was 16 px).
	const gap = await page.evaluate(
		() =>
			document.getElementById('by-domain')!.getBoundingClientRect().top -
			document.querySelector('.compare-pick')!.getBoundingClientRect().bottom,
	);
	expect(gap).toBeGreaterThanOrEqual(32);
});

test('largest gaps on a phone: the caption in view, "234 of 313" on one line, paths broken after a slash', async ({
	page,
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('coverage/governance/');
	const table = page.getByTestId('largest-gaps');
	// The caption starts where the table does, on screen, not centred over its 640 px.
	const caption = table.locator('caption');
	const captionLeft = await textLeft(caption);
	const tableLeft = await table.evaluate((t) => t.getBoundingClientRect().left);
	expect(captionLeft - tableLeft).toBeLessThan(20);
	for (const cell of await table.locator('tbody td:nth-child(2)').all()) expect(await textLines(cell)).toBe(1);
	// The path wraps, after a slash: no line starts inside a name.
	const link = table.locator('tbody th a').first();
	await expect(link).toHaveText(/^core\/governance\/.+\.py$/);
	expect(await pathWraps(link)).toEqual([{ wrapped: true, afterSlash: true }]);
});

test('compare on a narrow phone: paths wrap after a slash, as drawn by the page and again by the script', async ({
	page,
}) => {
	await page.setViewportSize({ width: 320, height: 700 });
	await page.goto('coverage/compare/');
	const compare = page.locator('snapshot-compare');
	const wraps = () => pathWraps(compare.locator('.compare-path'));
	for (const drawnBy of ['page', 'script']) {
		const all = await wraps();
		expect(all.length, drawnBy).toBeGreaterThan(3);
		expect(
			all.some((w) => w.wrapped),
			drawnBy,
		).toBe(true);
		expect(
			all.every((w) => w.afterSlash),
			drawnBy,
		).toBe(true);
		// Picking another pair redraws the lists in the browser.
		const options = await compare
			.locator('select[name="from"] option')
			.evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
		await compare.locator('select[name="from"]').selectOption(options[0]!);
		await expect(compare).toHaveAttribute('data-ready', 'true');
		await expect(compare.locator('section[data-group="removed"]')).toContainText('module_5.py');
	}
});

test('phone width: dashboards do not scroll sideways', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	for (const path of ['./', 'coverage/', 'coverage/governance/', 'coverage/compare/']) {
		await page.goto(path);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
		);
		expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
	}
});

test('trend: the tooltip names date, commit, value and change; a click opens the commit', async ({ page, context }) => {
	await context.route('https://github.com/**', (route) => route.fulfill({ status: 200, body: 'commit page' }));
	await page.goto('coverage/');
	const chart = page.locator('trend-chart');
	await expect(chart).toHaveAttribute('data-ready', 'true');
	// Where Chart.js drew the newest point of the first series (overall), in canvas pixels.
	const point = await chart.evaluate((el) => {
		const c = (el as unknown as { chart: { getDatasetMeta(i: number): { data: Array<{ x: number; y: number }> } } })
			.chart;
		const last = c.getDatasetMeta(0).data.at(-1)!;
		return { x: last.x, y: last.y };
	});
	const canvas = chart.locator('canvas');
	await canvas.hover({ position: point });
	const tooltip = await chart.evaluate((el) => {
		const t = (el as unknown as { chart: { tooltip: { title: string[]; body: Array<{ lines: string[] }> } } }).chart
			.tooltip;
		return { title: t.title.join(' '), body: t.body.flatMap((b) => b.lines).join(' ') };
	});
	expect(tooltip.title).toMatch(/^2026-11-20 · [0-9a-f]{7}$/);
	expect(tooltip.body).toMatch(/^Overall: \d+\.\d\d% \([+−±]\d+\.\d\d since previous\)$/);
	const popup = page.waitForEvent('popup');
	await canvas.click({ position: point });
	expect((await popup).url()).toMatch(/^https:\/\/github\.com\/example\/atom-backend\/commit\/[0-9a-f]{40}$/);
});
