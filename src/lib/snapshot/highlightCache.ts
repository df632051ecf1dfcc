/**
 * Highlighted files kept between builds, so that a rebuild highlights only the files that changed, in a
 * folder of Astro's cache directory. Files are spread over `BUCKETS` packs by a hash of their path
 * (`pack-<n>.json`): a build reads and writes a few packs instead of one file per source file (2,000
 * opens of a few kilobytes cost more than the highlights they saved on a slow disk), and the threads
 * that write a site's pages each take whole buckets (`cacheBucket`), so no pack has two writers.
 *
 * An entry holds the tokens and the key they were made for: a SHA-256 of the version (Shiki's version,
 * the grammar and the themes, and our highlighting code: see `src/data/highlighter.ts`) and the file's
 * text, so it is used only for the very text and highlighter that made it; anything else is a miss.
 * A pack is written beside itself and renamed over the old one, so a reader sees the old pack or the new
 * one; a pack cut short some other way does not parse and is a set of misses. A build's `save` keeps,
 * per pack it touched, only the files it asked for: a deleted or renamed file's entry goes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../dataDir/atomicFile.ts';
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
	/** Keep `highlight` for `text` at `path`, until `save`. */
	set(path: string, text: string, highlight: Highlight): void;
	/**
	 * Write the packs that changed. `owned` (a build, which asks for every file of the buckets it owns):
	 * those buckets' packs hold only the entries asked for or kept, so files gone from the snapshot lose
	 * theirs. Null (one file at a time, as in `astro dev`): what was kept is added to what the packs held.
	 * A failure to write only loses the entries.
	 */
	save(owned: ((bucket: number) => boolean) | null): void;
}

/** How many packs the files are spread over. */
export const BUCKETS = 16;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A path's entry id (its SHA-256) and the pack that holds it, 0 to `BUCKETS - 1`. */
function entryOf(path: string): { id: string; bucket: number } {
	const id = sha256(path);
	return { id: id.slice(0, 40), bucket: Number.parseInt(id.slice(0, 8), 16) % BUCKETS };
}

/** The pack that holds `path`'s entry, 0 to `BUCKETS - 1`. */
export function cacheBucket(path: string): number {
	return entryOf(path).bucket;
}

interface Entry extends Highlight {
	key: string;
}
type Pack = Map<string, Entry>;

const PACK_VERSION = 1;
const packName = (bucket: number) => `pack-${String(bucket).padStart(2, '0')}.json`;
// The one-file-per-path entries of earlier versions: removed when a pack is saved.
const OLD_ENTRY = /^[0-9a-f]{40}\.json$/;

/** A pack's entries as read from disk; an unreadable or foreign file is an empty pack. */
function readPack(file: string): Pack {
	try {
		const data = JSON.parse(readFileSync(file, 'utf8')) as { v?: unknown; entries?: Record<string, Entry> };
		if (data.v !== PACK_VERSION || typeof data.entries !== 'object' || data.entries === null) return new Map();
		return new Map(
			Object.entries(data.entries).filter(
				([, e]) => typeof e?.key === 'string' && Array.isArray(e.tokens) && Array.isArray(e.styles),
			),
		);
	} catch {
		return new Map();
	}
}

/** Write `pack` as `file`: complete or not at all (as every data file is); a failure only loses its entries. */
function writePack(file: string, pack: Pack): void {
	try {
		writeFileAtomically(file, JSON.stringify({ v: PACK_VERSION, entries: Object.fromEntries(pack) }));
	} catch {
		// The old pack, or none, stays: its files are highlighted again next time.
	}
}

/** The cache in `dir` for highlights made by highlighter `version`. */
export function highlightCache(dir: string | null, version: string): HighlightCache {
	const key = (text: string) => sha256(`${version}\0${text}`);
	// Packs as read, the entries this cache asked for or kept, and the buckets where it kept something new.
	const read = new Map<number, Pack>();
	const used = new Map<number, Pack>();
	const added = new Set<number>();
	const packOf = (bucket: number): Pack => {
		let pack = read.get(bucket);
		if (!pack) read.set(bucket, (pack = readPack(join(dir!, packName(bucket)))));
		return pack;
	};
	const use = (bucket: number, id: string, entry: Entry) => {
		let pack = used.get(bucket);
		if (!pack) used.set(bucket, (pack = new Map()));
		pack.set(id, entry);
	};
	return {
		get(path, text) {
			if (!dir) return null;
			const { id, bucket } = entryOf(path);
			const entry = packOf(bucket).get(id);
			if (!entry || entry.key !== key(text)) return null;
			use(bucket, id, entry);
			return { tokens: entry.tokens, styles: entry.styles };
		},
		set(path, text, highlight) {
			if (!dir) return;
			const { id, bucket } = entryOf(path);
			use(bucket, id, { key: key(text), ...highlight });
			added.add(bucket);
		},
		save(owned) {
			if (!dir) return;
			const writes = new Map<number, Pack>();
			for (let bucket = 0; bucket < BUCKETS; bucket++) {
				const entries = used.get(bucket) ?? new Map<string, Entry>();
				if (owned?.(bucket)) {
					// Unchanged when nothing new was kept and every entry it held was asked for.
					if (added.has(bucket) || packOf(bucket).size !== entries.size) writes.set(bucket, entries);
				} else if (!owned && added.has(bucket)) writes.set(bucket, new Map([...packOf(bucket), ...entries]));
			}
			used.clear();
			added.clear();
			if (writes.size === 0) return;
			try {
				mkdirSync(dir, { recursive: true });
				for (const name of readdirSync(dir)) if (OLD_ENTRY.test(name)) unlinkSync(join(dir, name));
			} catch {
				return;
			}
			for (const [bucket, pack] of writes) {
				writePack(join(dir, packName(bucket)), pack);
				read.set(bucket, pack);
			}
		},
	};
}
