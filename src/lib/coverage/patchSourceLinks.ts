/**
 * Links from the patch block's file names to their source pages on the published site. The site shows
 * the base branch's newest snapshot, not the change being measured, so only files that snapshot
 * measured get a link, and never a line anchor: the change's line numbers are the head commit's, and
 * the site's page numbers the code at the snapshot's commit, which the change has edited (that is
 * why the file is in the block). `#L40` would point at whatever line 40 was before the change.
 */
import { join } from 'node:path';
import { DATA_FILES, listJsonFiles, loadSnapshot, loadTrend } from '../dataDir/dataDir.ts';
import { sourcePageUrl } from '../snapshot/fileSlug.ts';

/** The source pages a published site has: its base URL and the report paths of its newest snapshot. */
export interface SiteSourcePages {
	/** The site's address, ending in `/` (`https://owner.github.io/repo/`). */
	site: string;
	/** Report paths the site's newest snapshot measured (each has a source page). */
	paths: ReadonlySet<string>;
	/** The commit that snapshot measured, when the trend names it. */
	commit: string | null;
}

/** The site's address as given (`--site-url`), ending in `/`; null unless it is a plain http(s) address. */
export function siteAddress(raw: string): string | null {
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		return null;
	}
	if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) return null;
	return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The source pages of the site published from data directory `dataDir` (none before a snapshot is kept). */
export function siteSourcePages(site: string, dataDir: string): SiteSourcePages {
	const name = listJsonFiles(join(dataDir, DATA_FILES.snapshots)).at(-1);
	if (!name) return { site, paths: new Set(), commit: null };
	const point = loadTrend(dataDir).coverage_history.findLast((p) => p.snapshot === name);
	return { site, paths: new Set(Object.keys(loadSnapshot(dataDir, name).files)), commit: point?.commit ?? null };
}

/** The address of a report path's source page on the site, or null when the site has none. */
export function sitePageLink(pages: SiteSourcePages, reportPath: string): string | null {
	if (!pages.paths.has(reportPath)) return null;
	// Slugs are URL-safe; the site's own path is kept as given, with Markdown's link delimiters encoded.
	const url = new URL(pages.site);
	return `${url.origin}${sourcePageUrl(url.pathname, reportPath)}`.replace(
		/[()<> ]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}
