import { describe, expect, test } from 'vitest';
import { forwardPageHtml, forwardPages } from '../../../src/lib/testHealth/forwardPage.ts';
import { analyseHistories } from '../../../src/lib/testHealth/testHealth.ts';
import { orderRuns, testHistories } from '../../../src/lib/testHealth/testHistory.ts';
import { packTestIndex, type TestIndexJson } from '../../../src/lib/testHealth/testIndex.ts';
import { series } from './records.ts';

const EVIL = '</title><script>alert(1)</script>';

describe('forwarding pages of tests without a full page', () => {
	const runs = orderRuns(
		series({
			'm::flipper': ['passed', 'failed', 'passed', 'failed'],
			'm::broken': ['failed', 'failed', 'failed', 'failed'],
			[`m::test_x[${EVIL}]`]: ['passed', 'passed', 'passed', 'passed'],
		}),
	);
	// One full page only: `broken` (failing outranks flaky); flipper's story gets no page.
	const health = analyseHistories(runs, testHistories(runs), { window: 20, min_flips: 2 }, 0, 1);
	const index = packTestIndex(health.tests, health.runs, undefined);

	test('every test without a full page gets one at its own address, a test with one gets none', () => {
		const paths = [...forwardPages('/atom-docs/', index)].map(([path]) => path);
		const slugs = health.tests.filter((t) => !t.page).map((t) => `tests/${t.slug}/index.html`);
		expect(paths.sort()).toEqual(slugs.sort());
		expect(paths).toHaveLength(2);
		expect(paths.some((p) => p.includes(health.pages[0]!.slug))).toBe(false);
	});

	test('forwards to the test on the every-test list under the base path, names as text', () => {
		const test = health.tests.find((t) => t.name.includes(EVIL))!;
		const html = forwardPageHtml('/atom-docs/', test);
		expect(html).toContain(`url=/atom-docs/tests/all/?test=${test.slug}"`);
		expect(html).toContain('<title>test_x[&#60;/title&#62;&#60;script&#62;alert(1)&#60;/script&#62;]</title>');
		// One script, the forwarding page's own (it adds the hash); the name never reaches a script.
		expect(html.match(/<script>/g)).toHaveLength(1);
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		expect(html).toContain(`href="/atom-docs/tests/all/?test=${test.slug}">`);
		expect(html).toContain('noindex');
	});

	test('refuses a slug that is not one, instead of writing outside the tests folder', () => {
		const bad: TestIndexJson = structuredClone(index);
		bad.tests[0]![0] = '../../index';
		bad.tests[0]![11] = 0;
		expect(() => [...forwardPages('/', bad)]).toThrow(
			/tests\/all\.json: tests\[\]\.slug "\.\.\/\.\.\/index" is not a slug/,
		);
	});
});
