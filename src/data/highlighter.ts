/**
 * The one Shiki highlighter of a build (creating one loads grammars and themes: done once, shared by
 * every source page), and the cache of highlighted files kept between builds. It runs Shiki's
 * JavaScript regular-expression engine: on Python it tokenises about four times as fast as the
 * Oniguruma (WebAssembly) engine, with the same colours on our fixtures and the example backend
 * (`tests/unit/dashboards/highlight.test.ts` compares them character by character), and its scans
 * search once for most patterns instead of once per pattern (`scanEngine.ts`: a third less time).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundledLanguages, createHighlighter } from 'shiki';
import { lineHighlighter, THEMES, type LineHighlighter, type ResolvedTheme } from '../lib/snapshot/highlight.ts';
import { highlightCache, type HighlightCache } from '../lib/snapshot/highlightCache.ts';
import { joinedRegexEngine } from '../lib/snapshot/scanEngine.ts';

let highlighter: ReturnType<typeof createHighlighter> | null = null;
let lines: Promise<LineHighlighter> | null = null;
let cache: Promise<HighlightCache> | null = null;

/** The build's Shiki highlighter, with Python and the two themes loaded. */
export function getHighlighter(): ReturnType<typeof createHighlighter> {
	highlighter ??= createHighlighter({
		themes: [THEMES.light, THEMES.dark],
		langs: ['python'],
		engine: joinedRegexEngine(),
	});
	return highlighter;
}

/** The build's line highlighter for Python (one tokenisation per file for both themes). */
export function getLineHighlighter(): Promise<LineHighlighter> {
	lines ??= getHighlighter().then((h) =>
		lineHighlighter({
			grammar: h.getLanguage('python'),
			light: h.getTheme(THEMES.light) as ResolvedTheme,
			dark: h.getTheme(THEMES.dark) as ResolvedTheme,
		}),
	);
	return lines;
}

// Our code that decides a highlight's bytes: a change to any of it makes every kept highlight stale.
const HIGHLIGHT_CODE = [
	'highlight.ts',
	'scanEngine.ts',
	'colorContrast.ts',
	'sourceFileJson.ts',
	'highlightCache.ts',
].map((f) => join('src/lib/snapshot', f));

/**
 * The cache of highlighted files, in `source-highlight/` of Astro's cache directory (`ASTRO_CACHE_DIR`,
 * else Astro's default). Its version is Shiki's version, the Python grammar, the two themes and our
 * highlighting code; when any of them cannot be read, nothing is cached.
 */
export function getHighlightCache(): Promise<HighlightCache> {
	cache ??= (async () => {
		const root = process.cwd();
		try {
			const h = await getHighlighter();
			const version = createHash('sha256')
				.update(JSON.parse(readFileSync(join(root, 'node_modules/shiki/package.json'), 'utf8')).version)
				.update(JSON.stringify((await bundledLanguages.python()).default))
				.update(JSON.stringify([h.getTheme(THEMES.light), h.getTheme(THEMES.dark)]));
			for (const file of HIGHLIGHT_CODE) version.update(readFileSync(join(root, file)));
			const dir = resolve(root, process.env.ASTRO_CACHE_DIR || 'node_modules/.astro', 'source-highlight');
			return highlightCache(dir, version.digest('hex'));
		} catch {
			return highlightCache(null, '');
		}
	})();
	return cache;
}
