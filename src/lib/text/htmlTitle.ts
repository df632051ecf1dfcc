/**
 * Starlight writes every head entry's content, the page's `<title>` included, with `set:html`, so a
 * title taken from data (a domain label, a test name such as `test_x[</title><script>…]`) must be
 * escaped before it gets there. `DataPage.astro` builds every page's head through this file.
 */
import { escapeHtml } from './escape.ts';

/** One `<head>` element as Starlight's `head` frontmatter takes it. */
export interface HeadEntry {
	tag: 'title' | 'base' | 'link' | 'style' | 'meta' | 'script' | 'noscript' | 'template';
	attrs?: Record<string, string | boolean | undefined>;
	content?: string;
}

/** A `head` entry for `<title>{text} | {site}</title>` with both parts escaped. */
export function titleHead(text: string, site: string, delimiter = '|'): HeadEntry & { tag: 'title' } {
	return { tag: 'title', content: escapeHtml(`${text} ${delimiter} ${site}`) };
}

/**
 * The head a page hands to Starlight: its escaped `<title>` first (it replaces Starlight's unescaped
 * one), then the page's own entries with their content escaped as text. Attributes need nothing:
 * Astro escapes attribute values itself.
 */
export function escapedHead(title: string, head: readonly HeadEntry[], site: string, delimiter = '|'): HeadEntry[] {
	return [
		titleHead(title, site, delimiter),
		...head
			.filter((entry) => entry.tag !== 'title')
			.map((entry) => (entry.content === undefined ? entry : { ...entry, content: escapeHtml(entry.content) })),
	];
}
