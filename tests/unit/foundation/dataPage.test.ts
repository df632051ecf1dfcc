import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { escapedHead } from '../../../src/lib/text/htmlTitle.ts';

/** Every `.astro` page under src/pages. */
function astroPages(dir = 'src/pages'): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? astroPages(join(dir, e.name)) : e.name.endsWith('.astro') ? [join(dir, e.name)] : [],
	);
}

describe('page titles from data', () => {
	test('every page renders through DataPage, none through StarlightPage directly', () => {
		const pages = astroPages();
		expect(pages.length).toBeGreaterThanOrEqual(7);
		for (const page of pages) {
			const text = readFileSync(page, 'utf8');
			// A plain document of its own (a test's forwarding page, the search's name index) has no
			// Starlight head to escape: Astro writes its title as text. A page that only redirects
			// (a test's address in `astro dev`) renders no document at all.
			if (!/^<!doctype html>$/im.test(text) && !/^return Astro\.redirect\(/m.test(text))
				expect(text, page).toMatch(/^import DataPage from '(\.\.\/)+components\/DataPage\.astro';$/m);
			expect(text, page).not.toContain('StarlightPage');
			expect(text, `${page}: head entries go through DataPage`).not.toContain('set:html');
		}
	});
	test('the title is escaped and replaces any title the page passed; other entries are text', () => {
		const head = escapedHead(
			'Core</title><script>alert(1)</script>',
			[
				{ tag: 'title', content: 'raw </title>' },
				{ tag: 'meta', attrs: { name: 'x', content: '</title>' } },
				{ tag: 'noscript', content: '<img src=x onerror=alert(1)>' },
			],
			'Atom & co',
		);
		expect(head).toEqual([
			{ tag: 'title', content: 'Core&#60;/title&#62;&#60;script&#62;alert(1)&#60;/script&#62; | Atom &#38; co' },
			{ tag: 'meta', attrs: { name: 'x', content: '</title>' } },
			{ tag: 'noscript', content: '&#60;img src=x onerror=alert(1)&#62;' },
		]);
	});
});
