/**
 * Starlight writes a page's `<title>` with `set:html`, so a title taken from data (a test name
 * such as `test_x[</title><script>…]`) must be escaped before it gets there. This builds the
 * frontmatter `head` entry that replaces Starlight's own `<title>`.
 */

/** Escape text for HTML: `&`, `<`, `>`, `"` and `'` become entities. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A `head` entry for `<title>{text} | {site}</title>` with both parts escaped. */
export function titleHead(text: string, site: string, delimiter = '|'): { tag: 'title'; content: string } {
	return { tag: 'title', content: escapeHtml(`${text} ${delimiter} ${site}`) };
}
