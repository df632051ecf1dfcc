/**
 * The page at `/tests/<test>/` of a test without a full page of its own: a forwarding page
 * (`text/forwardingPage`) to the test's history on `/tests/all/`. The address is the one a full page
 * has, so a test's link stays the same whether or not it has a full page. Written as plain files after
 * the build (`src/integrations/testForwardPages.ts`): 20,000 of them rendered as Astro routes took most
 * of a large suite's build.
 */
import { forwardingPage } from '../text/forwardingPage.ts';
import { testLabel } from './testIdentity.ts';
import { type TestIndexJson, unpackTestIndexRow } from './testIndex.ts';

/** A slug as `testSlug` makes it; anything else in the index is refused rather than used as a path. */
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** Where the forwarding page of a slug sends a reader, under the site's base (ending in `/`). */
export function forwardTarget(base: string, slug: string): string {
	return `${base}tests/all/?test=${encodeURIComponent(slug)}`;
}

/** The HTML of one forwarding page; names are data, so every one is escaped. */
export function forwardPageHtml(base: string, test: { slug: string; classname: string; name: string }): string {
	return forwardingPage({
		base,
		target: forwardTarget(base, test.slug),
		title: test.name,
		sentence: ['History of ', testLabel(test), ' on the list of every test.'],
	});
}

/** The forwarding pages of an index: path under the site (`tests/<slug>/index.html`) and HTML, for every test without a full page. */
export function* forwardPages(base: string, index: TestIndexJson): Generator<[string, string]> {
	for (const row of index.tests) {
		const test = unpackTestIndexRow(row, index.classnames);
		if (test.page) continue;
		if (!SLUG.test(test.slug))
			throw new Error(`tests/all.json: tests[].slug ${JSON.stringify(test.slug)} is not a slug`);
		yield [`tests/${test.slug}/index.html`, forwardPageHtml(base, test)];
	}
}
