/**
 * Highlighted files kept between builds, so that a rebuild highlights only the files that changed:
 * one entry per source path in a folder of Astro's cache directory, holding the tokens and the key
 * they were made for. The key is a SHA-256 of the version (Shiki's version, the grammar and the
 * themes, and our highlighting code: see `src/data/highlighter.ts`) and the file's text, so an entry
 * is used only for the very text and highlighter that made it; anything else is a miss and is
 * overwritten. An entry cut short (a killed build, a full disk) does not parse and is a miss too.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackedTokens, TokenStyle } from './sourceFileJson.ts';

/** A file's highlight, as `LineHighlighter.highlight` returns it. */
export interface Highlight {
	tokens: PackedTokens[];
	styles: TokenStyle[];
}

/** Highlights by path and text; `dir` null keeps nothing (no cache directory). */
export interface HighlightCache {
	/** The kept highlight of `text` at `path`, or null. */
	get(path: string, text: string): Highlight | null;
	/** Keep `highlight` for `text` at `path` (a failure to write only loses the entry). */
	set(path: string, text: string, highlight: Highlight): void;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The cache in `dir` for highlights made by highlighter `version`. */
export function highlightCache(dir: string | null, version: string): HighlightCache {
	const entry = (path: string) => join(dir!, `${sha256(path).slice(0, 40)}.json`);
	const key = (text: string) => sha256(`${version}\0${text}`);
	return {
		get(path, text) {
			if (!dir) return null;
			try {
				const kept = JSON.parse(readFileSync(entry(path), 'utf8')) as { key: string } & Highlight;
				return kept.key === key(text) && Array.isArray(kept.tokens) && Array.isArray(kept.styles)
					? { tokens: kept.tokens, styles: kept.styles }
					: null;
			} catch {
				return null;
			}
		},
		set(path, text, highlight) {
			if (!dir) return;
			const target = entry(path);
			// Written beside the entry and renamed over it: a reader sees the old entry or the new one.
			const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
			try {
				mkdirSync(dir, { recursive: true });
				writeFileSync(temporary, JSON.stringify({ key: key(text), ...highlight }));
				renameSync(temporary, target);
			} catch {
				try {
					unlinkSync(temporary);
				} catch {
					// Nothing was written.
				}
			}
		},
	};
}
