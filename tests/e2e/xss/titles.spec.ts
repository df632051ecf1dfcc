/**
 * Every page title and head entry that comes from data (a domain's label and description, the
 * project name, a test's name and classname) holds `</title><script>alert(…)</script>` in this
 * fixture: each must come out as the text it is, in `<title>` and in the `<meta>` tags, with no
 * script run (the fixture fails the test on any dialog). A label with control characters must
 * still give a well-formed badge.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '../fixtures.ts';
import { testSlug } from '../../../src/lib/testHealth/testIdentity.ts';

const DATA = 'tests/fixtures/sites/xss';
const config = JSON.parse(readFileSync(`${DATA}/coverage.config.json`, 'utf8'));
const run = JSON.parse(readFileSync(`${DATA}/test-runs/2026-11-20_a1b2c3d_tests.json`, 'utf8'));
const SITE = 'Atom test quality';
const core = config.domains[0];
const hostileTest = { classname: run.classnames[0], name: run.tests[0][1] };

const pages = [
	{
		path: './',
		title: `Coverage at a glance | ${SITE}`,
		description: `Where ${config.project}’s test coverage stands now, per domain, against its targets.`,
	},
	{ path: 'coverage/core/', title: `${core.label} coverage | ${SITE}`, description: core.description },
	{
		path: `tests/${testSlug(hostileTest)}/`,
		title: `${hostileTest.name} | ${SITE}`,
		description: `History of the test ${hostileTest.classname}::${hostileTest.name} over the recorded runs.`,
	},
];

test('the fixture really is hostile', () => {
	for (const value of [config.project, core.label, core.description, hostileTest.name, hostileTest.classname])
		expect(value).toContain('</title><script>alert(');
});

for (const { path, title, description } of pages) {
	test(`${path}: the title and head entries from data are text, and no script runs`, async ({ page }) => {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		await expect(page).toHaveTitle(title);
		await expect(page.locator('head > title')).toHaveCount(1);
		// No script element carries the injected call, wherever it landed.
		const injected = await page
			.locator('script')
			.evaluateAll((scripts) => scripts.filter((s) => (s.textContent ?? '').includes('alert(')).length);
		expect(injected).toBe(0);
		await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', description);
		await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', description);
		await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', title.replace(` | ${SITE}`, ''));
		await expect(page.locator('h1')).toHaveText(title.replace(` | ${SITE}`, ''));
		await page.waitForTimeout(200);
	});
}

test('a domain label with control characters still gives a well-formed badge', async ({ page, request }) => {
	expect(config.domains[1].label).toMatch(/\p{Cc}/u);
	for (const id of ['bell', 'core', 'overall']) {
		const svg = await (await request.get(`badges/${id}.svg`)).text();
		await page.setContent('<!doctype html><title>badge</title>');
		const problem = await page.evaluate((text) => {
			const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
			const error = doc.querySelector('parsererror');
			return error ? error.textContent : doc.documentElement.localName;
		}, svg);
		expect(problem, `badges/${id}.svg`).toBe('svg');
	}
	const json = await (await request.get('badges/bell.json')).json();
	expect(json.label).toBe('bell[31m ring coverage');
});
