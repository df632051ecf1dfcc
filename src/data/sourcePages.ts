/**
 * Source pages of the newest snapshot, made outside Astro's routes (see `src/integrations/sourcePages.ts`):
 * in a build (by worker threads while Astro builds, `sourcePagesAhead.ts`), every measured file's data (`/coverage/files/<slug>.json`, highlighted once, kept
 * between builds) and its own address (`/coverage/files/<slug>/`, a forwarding page); in `astro dev`,
 * the same two answers for one file on request.
 */
import { resolve } from 'node:path';
import { getHighlightCache, getLineHighlighter } from './highlighter.ts';
import { BUCKETS, cacheBucket, type HighlightCache } from '../lib/snapshot/highlightCache.ts';
import { dataDirFromEnv } from '../lib/dataDir/dataDir.ts';
import { fileSlug, sourceForwarding } from '../lib/snapshot/fileSlug.ts';
import { forwardingPage } from '../lib/text/forwardingPage.ts';
import { siteOutput } from '../integrations/siteOutput.ts';
import { openSourceSite, type Highlighter } from '../lib/snapshot/sourceSite.ts';

/** Whether the site has source pages: `SOURCE_PAGES=0` builds it without them (a site that must stay small). */
export function sourcePagesOn(env: Record<string, string | undefined> = process.env): boolean {
	return env.SOURCE_PAGES !== '0';
}

/** How many files' code was highlighted by Shiki, and how many files' highlight was a kept one. */
export interface HighlightCounts {
	highlighted: number;
	kept: number;
}

/**
 * The build's highlighter of a file: the kept highlight of the same text, else Shiki's (and keep it);
 * `save` writes what was kept (see `highlightCache`); `counts` says how often each happened.
 */
async function highlighter(): Promise<{
	highlight: Highlighter;
	save: HighlightCache['save'];
	counts: HighlightCounts;
}> {
	const [cache, lines] = await Promise.all([getHighlightCache(), getLineHighlighter()]);
	const counts = { highlighted: 0, kept: 0 };
	return {
		highlight: (path, text, code) => {
			let highlight = cache.get(path, text);
			if (highlight) counts.kept++;
			else {
				cache.set(path, text, (highlight = lines.highlight(code)));
				counts.highlighted++;
			}
			return highlight;
		},
		save: (owned) => cache.save(owned),
		counts,
	};
}

/**
 * Hands out the buckets of the highlight cache (`cacheBucket`) to the threads that write one site: each
 * call returns a bucket no thread has had yet, or -1 when none is left. Threads take whole buckets, so
 * each cache pack is written by one thread.
 */
export type BucketQueue = () => number;

/** A queue shared by threads through `counter` (one `Int32` in a `SharedArrayBuffer`, starting at 0). */
export function sharedBuckets(counter: Int32Array): BucketQueue {
	return () => {
		const bucket = Atomics.add(counter, 0, 1);
		return bucket < BUCKETS ? bucket : -1;
	};
}

/**
 * Write the source pages and their data under `outDir` for a site under `base`, bucket by bucket as
 * `take` hands them out (by default every bucket, in this thread); returns how many files, and of
 * their code how much was highlighted and how much kept from an earlier build (a file whose code is
 * not shown is neither).
 */
export async function writeSourcePages(
	outDir: string,
	base: string,
	cwd: string,
	take: BucketQueue = sharedBuckets(new Int32Array(1)),
): Promise<{ files: number } & HighlightCounts> {
	const none = { files: 0, highlighted: 0, kept: 0 };
	if (!sourcePagesOn()) return none;
	const site = openSourceSite(resolve(cwd, dataDirFromEnv()), base, cwd);
	if (!site) return none;
	const { highlight, save, counts } = await highlighter();
	const out = siteOutput(outDir);
	const byBucket = new Map<number, string[]>();
	for (const path of site.paths) {
		const bucket = cacheBucket(path);
		let paths = byBucket.get(bucket);
		if (!paths) byBucket.set(bucket, (paths = []));
		paths.push(path);
	}
	const taken = new Set<number>();
	let files = 0;
	for (let bucket = take(); bucket !== -1; bucket = take()) {
		taken.add(bucket);
		for (const path of byBucket.get(bucket) ?? []) {
			const slug = fileSlug(path);
			out.write(`coverage/files/${slug}.json`, JSON.stringify(site.page(path, highlight)));
			out.write(`coverage/files/${slug}/index.html`, forwardingPage(sourceForwarding(base, path)));
			files++;
		}
	}
	// Every file of the buckets taken was asked for: entries of files gone from the snapshot go.
	save((bucket) => taken.has(bucket));
	return { files, ...counts };
}

/** In `astro dev`: the answer to a request for `/coverage/files/<slug>.json` or `/coverage/files/<slug>/`, else null. */
export async function devSourcePage(
	url: string,
	base: string,
	cwd: string,
): Promise<{ type: string; body: string } | null> {
	const m = /^coverage\/files\/([a-z0-9-]+)(\.json|\/)$/.exec(url.startsWith(base) ? url.slice(base.length) : '');
	if (!m || !sourcePagesOn()) return null;
	// Read again on every request, so that a new snapshot shows without a restart.
	const site = openSourceSite(resolve(cwd, dataDirFromEnv()), base, cwd);
	const path = site?.paths.find((p) => fileSlug(p) === m[1]);
	if (!site || path === undefined) return null;
	if (m[2] === '/') return { type: 'text/html; charset=utf-8', body: forwardingPage(sourceForwarding(base, path)) };
	const { highlight, save } = await highlighter();
	const body = JSON.stringify(site.page(path, highlight));
	save(null);
	return { type: 'application/json', body };
}
