import { test, expect, expectAccessible } from '../fixtures';
import type { Page } from '@playwright/test';
import { fileSlug } from '../../../src/lib/snapshot/fileSlug.ts';

/** Open a file's source page at its own address (`suffix`: a query and/or `#L…`) and wait until its code is drawn. */
async function open(page: Page, path: string, suffix = '') {
	await page.goto(`coverage/files/${fileSlug(path)}/${suffix}`);
	await expect(page.locator('source-view')).toHaveAttribute('data-ready', 'true');
}

const line = (page: Page, n: number) => page.locator(`#L${n}`);

test('a range in the address is marked and scrolled to, under the base path', async ({ page }) => {
	await open(page, 'app/long.py', '#L1200-L1203');
	// The file's own address stays in the address bar, with its range.
	expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe(
		`/atom-docs/coverage/files/${fileSlug('app/long.py')}/#L1200-L1203`,
	);
	for (const n of [1200, 1201, 1202, 1203]) await expect(line(page, n)).toHaveClass(/is-target/);
	await expect(line(page, 1199)).not.toHaveClass(/is-target/);
	await expect(line(page, 1204)).not.toHaveClass(/is-target/);
	await expect(line(page, 1200)).toBeInViewport();
	await expect(line(page, 1)).not.toBeInViewport();
	// Thousands of lines, and a 5,000-character line kept whole.
	await expect(page.locator('.sv-line')).toHaveCount(3000);
	expect((await line(page, 3000).locator('.sv-c').textContent())!.length).toBe(5009);
});

test('every line says covered, missing, partial or excluded in words, and partial lines say why', async ({ page }) => {
	await open(page, 'app/hostile.py');
	await expect(line(page, 3).locator('.sv-m')).toHaveText('✓covered');
	await expect(line(page, 7).locator('.sv-m')).toHaveText('◐partial');
	await expect(line(page, 7).locator('.sv-why')).toHaveText("line 7 didn't jump to line 8");
	await expect(line(page, 8).locator('.sv-m')).toHaveText('✗missing');
	await expect(line(page, 13).locator('.sv-m')).toHaveText('⊘excluded');
	// A docstring runs but is no statement (coverage.py marks it neither way), and blank lines are nothing.
	await expect(line(page, 1).locator('.sv-m')).toHaveText('');
	await expect(line(page, 2).locator('.sv-m')).toHaveText('');
	// The word is for screen readers; the symbol is what eyes see.
	await expect(line(page, 8).locator('.sr-only')).toHaveCSS('position', 'absolute');
	const figures = page.locator('.sv-figures');
	await expect(figures).toContainText('Coverage75.00%');
	await expect(figures).toContainText('Statements6');
	await expect(figures).toContainText('Partial1');
	await expect(figures.getByRole('link', { name: 'App' })).toHaveAttribute('href', '/atom-docs/coverage/app/');
	await expect(figures.getByRole('link', { name: 'in the repository at this commit' })).toHaveAttribute(
		'href',
		/^https:\/\/github\.com\/example\/atom-backend\/blob\/[0-9a-f]{40}\/tests\/fixtures\/sites\/source\/code\/app\/hostile\.py$/,
	);
	// Functions from coverage.py 7 regions, each linked to its first line (the `def` line, as coverage.py's `start_line` gives it).
	const functions = page.locator('.sv-functions');
	await expect(functions.getByRole('link', { name: 'render' })).toHaveAttribute('href', '#L6');
	await expect(functions.locator('tbody tr').first()).toContainText('60.00%');
	// The rows, drawn by the script, are styled like the header drawn by Astro (scoped styles missed them once).
	for (const cell of [functions.locator('tbody th').first(), functions.locator('tbody td').first()]) {
		await expect(cell).toHaveCSS('text-align', 'start');
		await expect(cell).toHaveCSS('border-bottom-style', 'solid');
	}
});

test('on a phone a partial line says why under its code, in view even when the code runs off to the right', async ({
	page,
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await open(page, 'app/hostile.py', '#L7');
	const why = line(page, 7).locator('.sv-why');
	const code = line(page, 7).locator('.sv-c');
	const [whyBox, codeBox] = [(await why.boundingBox())!, (await code.boundingBox())!];
	// The reason sits below the line's code, inside the screen.
	expect(whyBox.y).toBeGreaterThanOrEqual(codeBox.y + codeBox.height - 1);
	expect(whyBox.x).toBeGreaterThanOrEqual(0);
	expect(whyBox.x + whyBox.width).toBeLessThanOrEqual(390);
	// The file's longer lines make the box scroll sideways; scrolled, the reason stays at its visible left edge.
	const box = page.locator('.sv-code');
	expect(await box.evaluate((b) => b.scrollWidth - b.clientWidth)).toBeGreaterThan(100);
	await box.evaluate((b) => (b.scrollLeft = 100));
	await expect(code).not.toBeInViewport({ ratio: 1 });
	const scrolled = (await why.boundingBox())!;
	// (It may move by the row's 4 px band: stuck, it sits at the scroll box's edge instead of inside the band.)
	expect(Math.abs(scrolled.x - whyBox.x)).toBeLessThan(8);
});

test('code and file names from data are text: </script>, <!-- and template literals stay visible', async ({ page }) => {
	await open(page, 'app/hostile.py');
	await expect(line(page, 1)).toContainText('</script> <!-- --> ${alert(1)} `backticks`');
	await expect(line(page, 7)).toContainText('"</script><script>alert(1)</script>"');
	await expect(line(page, 9)).toContainText(`<img src=x onerror=alert('{name}')>`);
	await expect(page.locator('source-view img, source-view script')).toHaveCount(0);
	await expect(page.locator('h1')).toHaveText('app/hostile.py');
	await expect(page).toHaveTitle(/^app\/hostile\.py \| /);

	await open(page, 'app/</script><!--.py');
	await expect(page.locator('h1')).toHaveText('app/</script><!--.py');
	await expect(page).toHaveURL(new RegExp(`/coverage/files/${fileSlug('app/</script><!--.py')}/$`));
	await expect(page.locator('.sv-note')).toContainText('not in the checkout');
	await expect(line(page, 2).locator('.sv-m')).toHaveText('✓covered');
	await expect(line(page, 2).locator('.sv-c')).toHaveText('');
});

test('Latin-1 and tabs are read as Python reads them', async ({ page }) => {
	await open(page, 'app/latin1.py');
	await expect(line(page, 4)).toContainText('NAME = "café crème"');
	await open(page, 'app/tabs.py');
	expect(await line(page, 3).locator('.sv-c').textContent()).toBe('\t\treturn 1');
	await expect(line(page, 2).locator('.sv-why')).toHaveText("line 2 didn't jump to line 3");
});

test('next and previous uncovered by keyboard and buttons; only uncovered lines on request', async ({ page }) => {
	await open(page, 'app/long.py');
	await page.keyboard.press('j');
	await expect(page).toHaveURL(/#L7$/);
	await expect(line(page, 7)).toHaveClass(/is-target/);
	await expect(line(page, 7).locator('.sv-n')).toBeFocused();
	await page.keyboard.press('j');
	await expect(page).toHaveURL(/#L13$/);
	await page.keyboard.press('k');
	await expect(page).toHaveURL(/#L7$/);
	await page.getByRole('button', { name: /Previous uncovered/ }).click();
	// Before the first stretch comes the last one.
	await expect(page).toHaveURL(/#L2995$/);

	const only = page.getByRole('button', { name: 'Only uncovered lines' });
	await only.click();
	await expect(only).toHaveAttribute('aria-pressed', 'true');
	await expect(line(page, 1)).toBeHidden();
	await expect(line(page, 4)).toBeVisible(); // within three lines of line 7
	await expect(line(page, 7)).toBeVisible();
	await expect(line(page, 3000)).toBeHidden();
	await expect(page.locator('.sv-gap').first()).toHaveText('⋯ 3 lines hidden');
	await only.click();
	await expect(line(page, 1)).toBeVisible();
	await expect(page.locator('.sv-gap')).toHaveCount(0);
});

test('domain page file names link to their source pages', async ({ page }) => {
	await page.goto('coverage/app/');
	const gap = page.getByTestId('largest-gaps').getByRole('link', { name: 'app/long.py' });
	await expect(gap).toHaveAttribute('href', `/atom-docs/coverage/files/${fileSlug('app/long.py')}/`);
	const tree = page.locator('file-tree');
	await expect(tree).toHaveAttribute('data-ready', 'true');
	await tree.getByRole('link', { name: 'tabs.py' }).click();
	await expect(page.locator('source-view')).toHaveAttribute('data-ready', 'true');
	await expect(page.locator('h1')).toHaveText('app/tabs.py');
	await expect(page).toHaveURL(new RegExp(`/atom-docs/coverage/files/${fileSlug('app/tabs.py')}/$`));
});

test("a reload and the back button keep the file's address and range", async ({ page }) => {
	await open(page, 'app/long.py', '#L12-L15');
	await page.reload();
	await expect(page.locator('source-view')).toHaveAttribute('data-ready', 'true');
	await expect(page).toHaveURL(new RegExp(`/coverage/files/${fileSlug('app/long.py')}/#L12-L15$`));
	await expect(line(page, 12)).toHaveClass(/is-target/);
	await expect(line(page, 12)).toBeInViewport();
	await page.goto('coverage/app/');
	await page.goBack();
	await expect(page.locator('source-view')).toHaveAttribute('data-ready', 'true');
	await expect(page).toHaveURL(new RegExp(`/coverage/files/${fileSlug('app/long.py')}/#L12-L15$`));
});

test('passes axe in light and dark themes', async ({ page }) => {
	for (const theme of ['light', 'dark']) {
		await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
		// A new document each time (an unused parameter): a visit that only changes the hash would not run the init script.
		await open(page, 'app/hostile.py', `?theme=${theme}#L7-L8`);
		await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
		await expectAccessible(page);
	}
});
