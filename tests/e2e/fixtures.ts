/**
 * The e2e `test`: every page a test opens fails the test on a console error, an uncaught
 * exception or a 4xx/5xx response, and `expectAccessible` runs axe (WCAG 2.1 AA).
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export const test = base.extend<{ pageProblems: string[] }>({
	// Playwright reads a fixture's dependencies from its first parameter's destructuring, so a fixture
	// with none must write `{}` (a plain `_` is refused at run time).
	// eslint-disable-next-line no-empty-pattern
	pageProblems: async ({}, use) => {
		await use([]);
	},
	page: async ({ page, pageProblems }, use) => {
		page.on('console', (msg) => {
			if (msg.type() === 'error') pageProblems.push(`console error: ${msg.text()}`);
		});
		page.on('pageerror', (err) => pageProblems.push(`uncaught: ${err.message}`));
		page.on('response', (res) => {
			if (res.status() >= 400) pageProblems.push(`HTTP ${res.status()}: ${res.url()}`);
		});
		page.on('dialog', async (dialog) => {
			pageProblems.push(`dialog opened: ${dialog.message()}`);
			await dialog.dismiss();
		});
		await use(page);
		expect(pageProblems, 'console errors, failed requests or dialogs on the page').toEqual([]);
	},
});

export { expect };

/** Assert that axe finds no WCAG 2.0/2.1 A or AA violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
	// Expressive Code makes a code block that scrolls sideways focusable from a script that runs when the
	// browser is idle (about 250 ms after load). Give it that time, as a reader's browser does; a block
	// still unfocusable after it is reported by axe below.
	await page
		.waitForFunction(
			() =>
				[...document.querySelectorAll('.expressive-code pre')].every(
					(pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'),
				),
			undefined,
			{ timeout: 3_000 },
		)
		.catch(() => undefined);
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const summary = results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join(' | ')}`,
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** A drawn trend chart's axes as the reader sees them: each axis's tick labels, their values and pixels, and where its points are drawn. */
export interface ChartAxes {
	x: { labels: string[]; values: number[]; pixels: number[] };
	y: { values: number[] };
	/** Each point of the first series: its value on the x axis and its pixel. */
	points: { x: number; pixel: number }[];
}

/** The axes of `<trend-chart>` element `chart` (its Chart.js instance is the element's `chart`). */
export async function chartAxes(chart: Locator): Promise<ChartAxes> {
	return chart.evaluate((el) => {
		type Tick = { value: number; label: string };
		type Axis = { ticks: Tick[]; getPixelForValue(v: number): number };
		const c = (
			el as unknown as {
				chart: {
					scales: { x: Axis; y: Axis };
					data: { datasets: { data: { x: number }[] }[] };
					getDatasetMeta(i: number): { data: { x: number }[] };
				};
			}
		).chart;
		const { x, y } = c.scales;
		return {
			x: {
				labels: x.ticks.map((t) => String(t.label)),
				values: x.ticks.map((t) => t.value),
				pixels: x.ticks.map((t) => x.getPixelForValue(t.value)),
			},
			y: { values: y.ticks.map((t) => t.value) },
			points: c.data.datasets[0]!.data.map((p, i) => ({ x: p.x, pixel: c.getDatasetMeta(0).data[i]!.x })),
		};
	});
}

/** Whether ticks `values` are evenly spaced (a bound added as a tick of its own breaks the spacing). */
export function evenlySpaced(values: number[]): boolean {
	const steps = values.slice(1).map((v, i) => v - values[i]!);
	return steps.every((s) => Math.abs(s - steps[0]!) < 1e-9);
}

/** How many lines the text of the element `locator` matches takes (the distinct tops of its text's boxes). */
export async function textLines(locator: Locator): Promise<number> {
	return locator.evaluate((el) => {
		const range = document.createRange();
		range.selectNodeContents(el);
		return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
	});
}

/**
 * For each element `locator` matches (a file path shown as text): whether its text wrapped, and whether
 * every line but the first starts right after a slash (not inside a name).
 */
export async function pathWraps(locator: Locator): Promise<{ wrapped: boolean; afterSlash: boolean }[]> {
	return locator.evaluateAll((paths) =>
		paths.map((p) => {
			const range = document.createRange();
			const chars: { c: string; top: number }[] = [];
			for (const node of p.childNodes)
				if (node.nodeType === Node.TEXT_NODE)
					for (let i = 0; i < node.textContent!.length; i++) {
						range.setStart(node, i);
						range.setEnd(node, i + 1);
						chars.push({ c: node.textContent![i]!, top: Math.round(range.getBoundingClientRect().top) });
					}
			const starts = chars.flatMap((ch, i) => (i > 0 && ch.top !== chars[i - 1]!.top ? [i] : []));
			return { wrapped: starts.length > 0, afterSlash: starts.every((i) => chars[i - 1]!.c === '/') };
		}),
	);
}

/** Where the text of the element `locator` matches starts, in pixels from the viewport's left. */
export async function textLeft(locator: Locator): Promise<number> {
	return locator.evaluate((el) => {
		const range = document.createRange();
		range.selectNodeContents(el);
		return range.getBoundingClientRect().left;
	});
}
