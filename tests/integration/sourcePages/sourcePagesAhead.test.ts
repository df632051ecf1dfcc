/**
 * Source pages written by a worker while Astro builds (`src/data/sourcePagesAhead.ts`): the same files
 * as writing them in the build's own thread, moved in beside the viewer page Astro wrote, the staging
 * folder gone afterwards (and one left by a killed build removed), and bad data still stopping the
 * build with the same one-line error.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sharedBuckets, writeSourcePages } from '../../../src/data/sourcePages.ts';
import { startSourcePages } from '../../../src/data/sourcePagesAhead.ts';
import { prepareSourceSite } from '../../../scripts/shared/sourceSite.ts';
import { BUCKETS } from '../../../src/lib/snapshot/highlightCache.ts';

const work = mkdtempSync(join(tmpdir(), 'source-ahead-'));
const dataDir = join(work, 'data');
const saved = { data: process.env.COVERAGE_DATA_DIR, cache: process.env.ASTRO_CACHE_DIR };
beforeAll(() => {
	prepareSourceSite(dataDir);
	// The worker reads the same environment as the build: this data directory, highlights kept under `work`.
	process.env.COVERAGE_DATA_DIR = dataDir;
	process.env.ASTRO_CACHE_DIR = join(work, 'astro-cache');
});
afterAll(() => {
	for (const [key, value] of [
		['COVERAGE_DATA_DIR', saved.data],
		['ASTRO_CACHE_DIR', saved.cache],
	] as const)
		if (value === undefined) delete process.env[key];
		else process.env[key] = value;
	rmSync(work, { recursive: true, force: true });
});

/** Every file under `dir` by relative path, with its text. */
function tree(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
		if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = readFileSync(join(e.parentPath, e.name), 'utf8');
	return out;
}

// The cache directory beside the output (renamed into it), or on another file system (/dev/shm: copied).
const elsewhere = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'source-ahead-cache-'));
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

test.each([
	['beside the output', join(work, 'cache')],
	['on another file system', elsewhere],
])(
	"the worker's pages are the build thread's own, moved in beside the viewer page, and no staging folder is left (cache %s)",
	async (name, cacheDir) => {
		// A folder a killed build left (no process has this id) is removed when the next build starts.
		mkdirSync(join(cacheDir, 'source-pages-2147483646', 'coverage'), { recursive: true });
		const outDir = join(work, `dist-${name}`);
		mkdirSync(join(outDir, 'coverage', 'files'), { recursive: true });
		writeFileSync(join(outDir, 'coverage', 'files', 'index.html'), '<p>viewer</p>');

		const ahead = startSourcePages(cacheDir, '/atom-docs/', process.cwd());
		const { files } = await ahead.finish(outDir);

		const inThread = join(work, `in-thread-${name}`);
		mkdirSync(inThread);
		expect(files).toBe((await writeSourcePages(inThread, '/atom-docs/', process.cwd())).files);
		expect(files).toBeGreaterThan(3);
		const written = tree(join(outDir, 'coverage', 'files'));
		expect(written['index.html']).toBe('<p>viewer</p>');
		delete written['index.html'];
		expect(written).toEqual(tree(join(inThread, 'coverage', 'files')));
		expect(readdirSync(cacheDir).filter((n) => n.startsWith('source-pages-'))).toEqual([]);
	},
	60_000,
);

test('bad data stops the build with the same one-line error as writing in the build thread', async () => {
	const bad = join(work, 'bad-data');
	prepareSourceSite(bad);
	const snapshots = join(bad, 'snapshots');
	const name = readdirSync(snapshots)[0]!;
	const snapshot = JSON.parse(readFileSync(join(snapshots, name), 'utf8')) as { meta: Record<string, unknown> };
	snapshot.meta.branch_coverage = 'yes';
	writeFileSync(join(snapshots, name), JSON.stringify(snapshot));
	process.env.COVERAGE_DATA_DIR = bad;
	try {
		const expected = await writeSourcePages(join(work, 'bad-in-thread'), '/', process.cwd()).then(
			() => 'no error',
			(err: Error) => err.message,
		);
		expect(expected).toMatch(/branch_coverage/);
		expect(expected).not.toMatch(/\n/);
		const ahead = startSourcePages(join(work, 'bad-cache'), '/', process.cwd());
		await expect(ahead.finish(join(work, 'bad-dist'))).rejects.toThrow(expected);
	} finally {
		process.env.COVERAGE_DATA_DIR = dataDir;
	}
}, 60_000);

test("the workers keep each file's highlight in a few packs, and the next build shows the kept highlight instead of highlighting again", async () => {
	const astroCache = join(work, 'kept-cache');
	process.env.ASTRO_CACHE_DIR = astroCache;
	try {
		const build = async (name: string) => {
			const outDir = join(work, name);
			mkdirSync(outDir);
			const done = await startSourcePages(join(work, 'kept-staging'), '/atom-docs/', process.cwd()).finish(outDir);
			return { ...done, data: tree(join(outDir, 'coverage', 'files')) };
		};
		const first = await build('kept-first');
		const packs = readdirSync(join(astroCache, 'source-highlight'));
		expect(packs.length).toBeGreaterThan(0);
		expect(packs.length).toBeLessThanOrEqual(BUCKETS);
		expect(packs.every((n) => /^pack-\d\d\.json$/.test(n))).toBe(true);
		// Every shown file has one entry; mark every kept style with a colour no theme has.
		let entries = 0;
		for (const name of packs) {
			const file = join(astroCache, 'source-highlight', name);
			const pack = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { styles: string[][] }> };
			for (const entry of Object.values(pack.entries)) {
				entries++;
				for (const style of entry.styles) style[0] = '#0a0b0c';
			}
			writeFileSync(file, JSON.stringify(pack));
		}
		// Files shown with colours (the others have no styles to keep).
		const shown = Object.entries(first.data).filter(
			([n, text]) => n.endsWith('.json') && (JSON.parse(text) as { styles: unknown[] }).styles.length > 0,
		);
		expect(shown.length).toBeGreaterThan(2);
		expect(entries).toBeGreaterThanOrEqual(shown.length);
		const second = await build('kept-second');
		expect(second.files).toBe(first.files);
		// What the build log says: the first build highlighted every file it shows, the second none.
		expect(first).toMatchObject({ highlighted: entries, kept: 0 });
		expect(second).toMatchObject({ highlighted: 0, kept: entries });
		for (const [name] of shown) expect(second.data[name], name).toContain('#0a0b0c');
	} finally {
		process.env.ASTRO_CACHE_DIR = join(work, 'astro-cache');
	}
}, 60_000);

test('threads that share the bucket queue write every file once between them, and keep every highlight', async () => {
	// In this thread the highlight cache is the one made first, in `astro-cache` (see beforeAll).
	const astroCache = join(work, 'astro-cache');
	const counter = new Int32Array(new SharedArrayBuffer(4));
	const queue = sharedBuckets(counter);
	// Two writers on one queue, as two worker threads: the first stops after five buckets (as a
	// worker does when the other took the rest), the second takes what is left.
	const given: number[][] = [[], []];
	const turn = (who: 0 | 1) => () => {
		if (who === 0 && given[0]!.length === 5) return -1;
		const bucket = queue();
		if (bucket !== -1) given[who]!.push(bucket);
		return bucket;
	};
	const [a, b] = [join(work, 'shared-a'), join(work, 'shared-b')];
	mkdirSync(a);
	mkdirSync(b);
	const first = (await writeSourcePages(a, '/atom-docs/', process.cwd(), turn(0))).files;
	const second = (await writeSourcePages(b, '/atom-docs/', process.cwd(), turn(1))).files;
	expect(queue()).toBe(-1);
	expect(given[0]).toHaveLength(5);
	expect([...given[0]!, ...given[1]!].sort((x, y) => x - y)).toEqual([...Array(BUCKETS).keys()]);
	expect(first).toBeGreaterThan(0);
	expect(second).toBeGreaterThan(0);
	const whole = join(work, 'shared-whole');
	mkdirSync(whole);
	expect(first + second).toBe((await writeSourcePages(whole, '/atom-docs/', process.cwd())).files);
	expect({ ...tree(a), ...tree(b) }).toEqual(tree(whole));
	expect(Object.keys(tree(a)).filter((name) => name in tree(b))).toEqual([]);
	// Each writer saved the packs of its own buckets: one entry per file shown with colours.
	const entries = readdirSync(join(astroCache, 'source-highlight')).reduce(
		(n, pack) =>
			n +
			Object.keys(
				(JSON.parse(readFileSync(join(astroCache, 'source-highlight', pack), 'utf8')) as { entries: object }).entries,
			).length,
		0,
	);
	const coloured = Object.entries(tree(whole)).filter(
		([n, text]) => n.endsWith('.json') && (JSON.parse(text) as { styles: unknown[] }).styles.length > 0,
	);
	expect(entries).toBeGreaterThanOrEqual(coloured.length);
	expect(coloured.length).toBeGreaterThan(2);
}, 60_000);
