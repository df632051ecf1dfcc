/**
 * A forwarding page: a plain document of a few hundred bytes at a stable address that sends the reader
 * on to where the content lives, keeping the `#…` it was opened with (a source file's `#L12-L15`, a
 * test's anchor). Source files (`/coverage/files/<slug>/` → the file viewer) and tests without a full
 * page (`/tests/<slug>/` → `/tests/all/`) use it: a full Starlight page carries about 30 KB of chrome,
 * which 2,000 files or 20,000 tests multiply past the site's size budget (Reference page "Performance").
 * Written by the build as plain files (`src/integrations/siteOutput.ts`), not rendered as Astro routes.
 */
import { escapeHtml } from './escape.ts';

/** What a forwarding page says; every string is text (escaped here), none is HTML. */
export interface Forwarding {
	/** The site's base path, ending in `/` (for the favicon). */
	base: string;
	/** The address it forwards to, as a URL (escaped here for the attribute). */
	target: string;
	/** The document's title. */
	title: string;
	/** The one sentence a reader without scripts sees: the text before the link, the link's text, the text after. */
	sentence: readonly [before: string, link: string, after: string];
}

/** The HTML of a forwarding page. */
export function forwardingPage({ base, target, title, sentence: [before, link, after] }: Forwarding): string {
	const to = escapeHtml(target);
	// The link carries the target (attribute-escaped); the one script reads it from there, so no data
	// reaches the script's text, and adds the hash that a meta refresh would drop.
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${to}">
<link rel="icon" href="${escapeHtml(base)}favicon.svg" type="image/svg+xml">
<noscript><meta http-equiv="refresh" content="0; url=${to}"></noscript>
</head>
<body>
<p>${escapeHtml(before)}<a id="to" href="${to}">${escapeHtml(link)}</a>${escapeHtml(after)}</p>
<script>location.replace(document.getElementById('to').href + location.hash)</script>
</body>
</html>
`;
}
