/**
 * Source pages budgets, measured and printed (never a pass/fail test), for a generated snapshot of
 * 2,000 files with matching sources (about 200 lines each, one of 2,000 lines):
 * - the build with source pages against the same build without them (`SOURCE_PAGES=0`; budget ≤ 1.5×);
 * - how much the built site grows (budget ≤ 60 MB), and per file;
 * - the 2,000-line file's page: viewer HTML + its data, gzip (budget < 120 KB);
 * - the viewer's own JavaScript, gzip (budget < 5 KB), and that no highlighter reaches the browser.
 *
 * `npm run bench source-pages`. Output goes to `.bench/source-pages/`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeSourceBench } from '../shared/sourceBench.ts';
import { fileSlug } from '../../src/lib/snapshot/fileSlug.ts';

const OUT = resolve('.bench/source-pages');
const FILES = 2000;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Build into `dist-<name>` with a cold cache; returns the wall time in seconds. */
function build(dataDir: string, name: string, env: Record<string, string> = {}): number {
	const cache = join(OUT, `cache-${name}`);
	rmSync(cache, { recursive: true, force: true });
	const started = performance.now();
	const r = spawnSync('npx', ['astro', 'build', '--outDir', join(OUT, `dist-${name}`)], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			...env,
			COVERAGE_DATA_DIR: dataDir,
			BASE_PATH: '/atom-docs',
			SITE_URL: 'http://localhost',
			ASTRO_CACHE_DIR: cache,
		},
	});
	if (r.status !== 0) throw new Error(`build of ${name} failed`);
	return (performance.now() - started) / 1000;
}

/** Bytes of every file under `dir`. */
function size(dir: string): number {
	let total = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, entry.name);
		total += entry.isDirectory() ? size(p) : statSync(p).size;
	}
	return total;
}

const data = writeSourceBench(join(OUT, 'generated'), FILES);
const without = build(data, 'without', { SOURCE_PAGES: '0' });
const withPages = build(data, 'with');
console.log(
	`build, cold cache: without source pages ${without.toFixed(1)} s, with ${withPages.toFixed(1)} s, ratio ${(withPages / without).toFixed(2)}× (budget ≤ 1.5×)`,
);
const grown = size(join(OUT, 'dist-with')) - size(join(OUT, 'dist-without'));
console.log(
	`site growth for ${FILES} files: ${mb(grown)} (${kb(grown / FILES)} per file of ~200 lines; budget ≤ 60 MB)`,
);
const files = join(OUT, 'dist-with', 'coverage', 'files');
const viewer = readFileSync(join(files, 'index.html'));
const big = readFileSync(join(files, `${fileSlug('pkg/sub_0/mod_0.py')}.json`));
const scripts = [...viewer.toString('utf8').matchAll(/<script type="module" src="([^"]+)"/g)].map((m) =>
	readFileSync(join(OUT, 'dist-with', m[1]!.replace(/^\/atom-docs\//, ''))),
);
const own = readdirSync(join(OUT, 'dist-with', '_astro')).filter(
	(f) => /^index\.astro.*\.js$/.test(f) || /sourceView/.test(f),
);
console.log(
	`2,000-line file: viewer HTML ${kb(gzipSync(viewer).length)} + data ${kb(gzipSync(big).length)} gzip = ${kb(gzipSync(viewer).length + gzipSync(big).length)} (budget < 120 KB; data ${kb(big.length)} raw)`,
);
const pageJs = scripts.reduce((n, s) => n + gzipSync(s).length, 0);
console.log(`viewer page's module scripts: ${kb(pageJs)} gzip in ${scripts.length} file(s) (budget < 5 KB)`);
const highlighter = [...scripts, ...own.map((f) => readFileSync(join(OUT, 'dist-with', '_astro', f)))].some((s) =>
	/oniguruma|vscode-textmate|createHighlighter|shiki/i.test(s.toString('utf8')),
);
console.log(`highlighter code in the viewer's scripts: ${highlighter ? 'YES (budget: none)' : 'none'}`);
