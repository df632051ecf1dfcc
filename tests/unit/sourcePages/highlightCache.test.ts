import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { BUCKETS, cacheBucket, highlightCache } from '../../../src/lib/snapshot/highlightCache.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const folder = () => {
	const d = mkdtempSync(join(tmpdir(), 'highlight-cache-'));
	dirs.push(d);
	return join(d, 'source-highlight');
};
const highlight = { tokens: [[3, 1]], styles: [['#111111', '#eeeeee', 0]] as Array<[string, string, number]> };
const ALL = () => true;
const other = { tokens: [[5, 2]], styles: [['#222222', '#dddddd', 1]] as Array<[string, string, number]> };

/** Two paths in different buckets. */
function twoBuckets(): [string, string] {
	const a = 'a.py';
	for (let n = 0; ; n++) if (cacheBucket(`b${n}.py`) !== cacheBucket(a)) return [a, `b${n}.py`];
}

test('a kept highlight is found for the same path and text by a new cache over the same folder, once saved', () => {
	const dir = folder();
	const cache = highlightCache(dir, 'v1');
	cache.set('a.py', 'x = 1', highlight);
	expect(highlightCache(dir, 'v1').get('a.py', 'x = 1')).toBeNull();
	cache.save(ALL);
	expect(highlightCache(dir, 'v1').get('a.py', 'x = 1')).toEqual(highlight);
});

test('changed text, another highlighter version or another path is a miss', () => {
	const dir = folder();
	const cache = highlightCache(dir, 'v1');
	cache.set('a.py', 'x = 1', highlight);
	cache.save(ALL);
	expect(highlightCache(dir, 'v1').get('a.py', 'x = 2')).toBeNull();
	expect(highlightCache(dir, 'v2').get('a.py', 'x = 1')).toBeNull();
	expect(highlightCache(dir, 'v1').get('b.py', 'x = 1')).toBeNull();
});

test('files share a few packs, one per bucket, and a file that changes replaces its entry', () => {
	const dir = folder();
	const cache = highlightCache(dir, 'v1');
	for (let n = 0; n < 200; n++) cache.set(`pkg/m${n}.py`, `x = ${n}`, highlight);
	cache.set('pkg/m0.py', 'x = changed', other);
	cache.save(ALL);
	const packs = readdirSync(dir);
	expect(packs).toHaveLength(BUCKETS);
	expect(packs.every((name) => /^pack-\d\d\.json$/.test(name))).toBe(true);
	const again = highlightCache(dir, 'v1');
	expect(again.get('pkg/m0.py', 'x = 0')).toBeNull();
	expect(again.get('pkg/m0.py', 'x = changed')).toEqual(other);
	expect(again.get('pkg/m199.py', 'x = 199')).toEqual(highlight);
});

test("a build's save keeps only the files it asked for; a save of one file at a time keeps the rest", () => {
	const dir = folder();
	const first = highlightCache(dir, 'v1');
	first.set('a.py', 'x = 1', highlight);
	first.set('gone.py', 'y = 1', highlight);
	first.save(ALL);
	// One file asked for (as `astro dev` does): the pack keeps the other.
	const dev = highlightCache(dir, 'v1');
	expect(dev.get('a.py', 'x = 1')).toEqual(highlight);
	dev.save(null);
	expect(highlightCache(dir, 'v1').get('gone.py', 'y = 1')).toEqual(highlight);
	// A build without `gone.py` (owning every bucket): its entry goes, the one asked for stays.
	const build = highlightCache(dir, 'v1');
	expect(build.get('a.py', 'x = 1')).toEqual(highlight);
	build.save(ALL);
	expect(highlightCache(dir, 'v1').get('gone.py', 'y = 1')).toBeNull();
	expect(highlightCache(dir, 'v1').get('a.py', 'x = 1')).toEqual(highlight);
});

test('two writers of different buckets (two build threads) keep each other’s entries', () => {
	const dir = folder();
	const [a, b] = twoBuckets();
	const one = highlightCache(dir, 'v1');
	const two = highlightCache(dir, 'v1');
	one.set(a, 'x = 1', highlight);
	two.set(b, 'x = 2', other);
	one.save((bucket) => bucket === cacheBucket(a));
	two.save((bucket) => bucket === cacheBucket(b));
	expect(highlightCache(dir, 'v1').get(a, 'x = 1')).toEqual(highlight);
	expect(highlightCache(dir, 'v1').get(b, 'x = 2')).toEqual(other);
});

test('a pack cut short, of another format, or beside a temporary left by a killed build is a miss, not an error', () => {
	const dir = folder();
	const cache = highlightCache(dir, 'v1');
	cache.set('a.py', 'x = 1', highlight);
	cache.save(ALL);
	const [name] = readdirSync(dir);
	const whole = readFileSync(join(dir, name!), 'utf8');
	writeFileSync(join(dir, `${name}.123.abcd.tmp`), whole.slice(0, 10));
	expect(highlightCache(dir, 'v1').get('a.py', 'x = 1')).toEqual(highlight);
	writeFileSync(join(dir, name!), whole.slice(0, whole.length - 5));
	expect(highlightCache(dir, 'v1').get('a.py', 'x = 1')).toBeNull();
	writeFileSync(join(dir, name!), whole.replace('"v":1', '"v":2'));
	expect(highlightCache(dir, 'v1').get('a.py', 'x = 1')).toBeNull();
	writeFileSync(join(dir, name!), 'null');
	expect(highlightCache(dir, 'v1').get('a.py', 'x = 1')).toBeNull();
});

test("a save removes the earlier versions' one-file-per-path entries", () => {
	const dir = folder();
	const cache = highlightCache(dir, 'v1');
	cache.set('a.py', 'x = 1', highlight);
	cache.save(ALL);
	const old = `${'0123456789'.repeat(4)}.json`;
	writeFileSync(join(dir, old), '{}');
	cache.set('a.py', 'x = 2', highlight);
	cache.save(ALL);
	expect(readdirSync(dir)).not.toContain(old);
});

test('without a folder nothing is kept, and a folder that cannot be made loses only the entries', () => {
	const none = highlightCache(null, 'v1');
	none.set('a.py', 'x = 1', highlight);
	none.save(ALL);
	expect(none.get('a.py', 'x = 1')).toBeNull();
	const file = join(folder(), '..', 'a-file');
	writeFileSync(file, '');
	const blocked = highlightCache(join(file, 'sub'), 'v1');
	blocked.set('a.py', 'x = 1', highlight);
	expect(() => blocked.save(ALL)).not.toThrow();
	expect(highlightCache(join(file, 'sub'), 'v1').get('a.py', 'x = 1')).toBeNull();
});

test('a build whose files were all kept rewrites no pack', () => {
	const dir = folder();
	const first = highlightCache(dir, 'v1');
	for (let n = 0; n < 50; n++) first.set(`m${n}.py`, `x = ${n}`, highlight);
	first.save(ALL);
	const before = readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8'));
	for (const name of readdirSync(dir))
		writeFileSync(join(dir, name), readFileSync(join(dir, name), 'utf8').replace('{', '{ '));
	const warm = highlightCache(dir, 'v1');
	for (let n = 0; n < 50; n++) expect(warm.get(`m${n}.py`, `x = ${n}`)).toEqual(highlight);
	warm.save(ALL);
	// Every pack still has the space added above: none was written again.
	const after = readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8'));
	expect(after).toEqual(before.map((text) => text.replace('{', '{ ')));
});

test('buckets spread paths over every pack', () => {
	const seen = new Set(Array.from({ length: 400 }, (_, n) => cacheBucket(`pkg/sub_${n % 40}/mod_${n}.py`)));
	expect(seen.size).toBe(BUCKETS);
});
