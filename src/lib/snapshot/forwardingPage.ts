/**
 * A source page's own address, `/coverage/files/<slug>/`: a plain document of a few hundred bytes
 * that forwards to the file viewer (`/coverage/files/?file=<path>`), keeping the `#L12-L15` it was
 * opened with; the viewer then shows this address again. A full page per file would carry
 * Starlight's chrome (about 30 KB) 2,000 times and push a 2,000-file site past its size budget
 * (figures on the Reference page "Performance"). Written by the build for every file, not rendered
 * as an Astro route: 2,000 route renders cost seconds, 2,000 string writes a few milliseconds.
 */
import { escapeHtml } from '../text/escape.ts';
import { sourceViewerUrl } from './fileSlug.ts';

/** The HTML of the source page of report path `path` on a site under `base` (ending in `/`). */
export function forwardingPage(base: string, path: string): string {
	const target = escapeHtml(sourceViewerUrl(base, path));
	// The link carries the target (attribute-escaped); the script adds the hash a meta refresh would drop.
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(path)} | source</title>
<meta name="robots" content="noindex">
<link rel="icon" href="${escapeHtml(base)}favicon.svg" type="image/svg+xml">
<noscript><meta http-equiv="refresh" content="0; url=${target}"></noscript>
</head>
<body>
<p>The code of <a id="to" href="${target}">${escapeHtml(path)}</a> with each line's coverage.</p>
<script>location.replace(document.getElementById('to').href + location.hash)</script>
</body>
</html>
`;
}
