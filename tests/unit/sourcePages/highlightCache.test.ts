import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { highlightCache } from '../../../src/lib/snapshot/highlightCache.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const folder = () => {
	const d = mkdtempSync(join(tmpdir(), 'highlight-cache-'));
	dirs.push(d);
	return join(d, 'source-highlight');
};
const highlight = { tokens: [[3, 1]], styles: [['#111111', '#eeeeee', 0]] as Array<[string, string, number]> };

test('a kept highlight is found for the same path and text, by a new cache over the same folder', () => {
	const dir = folder();
	highlightCache(dir, 'v1').set('a.py', 'x = 1', highlight);
	expect(highlightCache(dir, 'v1').get('a.py', 'x = 1')).toEqual(highlight);
});

test('changed text, another highlighter version or another path is a miss', () => {
	const dir = folder();
	highlightCache(dir, 'v1').set('a.py', 'x = 1', highlight);
	expect(highlightCache(dir, 'v1').get('a.py', 'x = 2')).toBeNull();
	expect(highlightCache(dir, 'v2').get('a.py', 'x = 1')).toBeNull();
	expect(highlightCache(dir, 'v1').get('b.py', 'x = 1')).toBeNull();
});

test('one entry per path: a file that changes overwrites its entry instead of adding one', () => {
	const dir = folder();
	const cache = highlightCache(dir, 'v1');
	cache.set('a.py', 'x = 1', highlight);
	cache.set('a.py', 'x = 2', highlight);
	expect(readdirSync(dir)).toHaveLength(1);
	expect(cache.get('a.py', 'x = 1')).toBeNull();
	expect(cache.get('a.py', 'x = 2')).toEqual(highlight);
});

test('an entry cut short by a killed build is a miss, not an error', () => {
	const dir = folder();
	const cache = highlightCache(dir, 'v1');
	cache.set('a.py', 'x = 1', highlight);
	const [name] = readdirSync(dir);
	writeFileSync(join(dir, name!), '{"key":"');
	expect(cache.get('a.py', 'x = 1')).toBeNull();
});

test('without a folder nothing is kept, and a folder that cannot be made loses only the entry', () => {
	const none = highlightCache(null, 'v1');
	none.set('a.py', 'x = 1', highlight);
	expect(none.get('a.py', 'x = 1')).toBeNull();
	const file = join(folder(), '..', 'a-file');
	writeFileSync(file, '');
	const blocked = highlightCache(join(file, 'sub'), 'v1');
	expect(() => blocked.set('a.py', 'x = 1', highlight)).not.toThrow();
	expect(blocked.get('a.py', 'x = 1')).toBeNull();
});
