/**
 * Source pages budgets, measured and printed (never a pass/fail test), for a generated snapshot of
 * 2,000 files with matching sources (about 200 lines each, one of 2,000 lines):
 * - the build with source pages against the same build without them (`SOURCE_PAGES=0`; budget ≤ 1.5×),
 *   cold (no cache: every file highlighted) and warm (a rebuild: Astro's cache and the kept highlights
 *   of the cold build, as CI's restored cache gives them), each into an output folder that does not
 *   exist yet (as on a fresh CI machine: Astro would otherwise first delete the last run's files);
 *   then the same two for modules in which no line repeats across files (`unique` in
 *   `scripts/shared/sourceBench.ts`): the highlighter reuses a line's tokens where a line repeats, and
 *   the default modules are the same 25 functions over and over, which real code is not; and the same
 *   two for real code, when `python3` is there: the first 2,000 Python files of its standard library
 *   and site-packages (`writeRealSourceBench`);
 * - how much the built site grows (budget ≤ 60 MB), and per file;
 * - the 2,000-line file's page: its own page, the viewer it forwards to and its data, gzip (budget < 120 KB);
 * - the page's own JavaScript, gzip, apart from Starlight's (budget < 5 KB), and that no
 *   highlighter reaches the browser.
 *
 * Each pair is built three times, alternating, and the medians are compared (the machine is shared);
 * the builds' CPU time is printed beside (what two cores must share). Every build writes into folders of
 * its own (see `RUNS`).
 *
 * `npm run bench source-pages`. Output goes to `.bench/source-pages/`; what it prints also to
 * `content/bench/source-pages.txt`, which the Performance Reference page shows as printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pythonLibraries, writeRealSourceBench, writeSourceBench } from '../shared/sourceBench.ts';
import { fileSlug } from '../../src/lib/snapshot/fileSlug.ts';

const OUT = resolve('.bench/source-pages');
const FILES = 2000;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const load = () => `load ${loadavg()[0]!.toFixed(1)}`;
// Every printed line, written to content/bench/source-pages.txt for the Performance Reference page.
const printed: string[] = [];
const print = (line: string) => {
	printed.push(line);
	console.log(line);
};

/** CPU seconds (user and system) of this process's finished children, from `/proc/self/stat` (0 elsewhere). */
function childrenCpu(): number {
	try {
		// Fields after the command name: state is field 3; cutime and cstime are fields 16 and 17, in clock ticks.
		const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
		return (Number(fields[13]) + Number(fields[14])) / 100;
	} catch {
		return 0;
	}
}

// Every build gets output and cache folders of its own under `runs/`, none deleted until all are timed:
// on this machine's disk, deleting the 6,000 files of a site made the next build's file creations up to
// ten times slower (each costs about a millisecond of kernel time then), which timed the last run's
// clean-up instead of the build.
const RUNS = join(OUT, 'runs');
rmSync(RUNS, { recursive: true, force: true });
mkdirSync(RUNS, { recursive: true });
spawnSync('sync');
let builds = 0;
// By build name: the output of its last build, and the cache that build left (a warm build starts from it).
const lastDist = new Map<string, string>();
const lastCache = new Map<string, string>();

/** Build `name` into a new output folder (with a new, empty cache unless `warm`); the wall time and CPU time in seconds. */
function build(
	dataDir: string,
	name: string,
	warm: boolean,
	env: Record<string, string> = {},
): { wall: number; cpu: number } {
	builds++;
	const cache = warm && lastCache.has(name) ? lastCache.get(name)! : join(RUNS, `cache-${name}-${builds}`);
	const dist = join(RUNS, `dist-${name}-${builds}`);
	lastCache.set(name, cache);
	lastDist.set(name, dist);
	const cpuBefore = childrenCpu();
	const started = performance.now();
	const r = spawnSync('npx', ['astro', 'build', '--outDir', dist], {
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
	return { wall: (performance.now() - started) / 1000, cpu: childrenCpu() - cpuBefore };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Builds of each kind, alternating, so that a slow spell of the shared machine falls on both. */
const ROUNDS = 3;

/** Bytes of every file under `dir`. */
function size(dir: string): number {
	let total = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, entry.name);
		total += entry.isDirectory() ? size(p) : statSync(p).size;
	}
	return total;
}

/** A built script and every script it imports, by file name under `_astro/`. */
function withImports(dist: string, file: string, seen = new Set<string>()): Set<string> {
	if (seen.has(file)) return seen;
	seen.add(file);
	const code = readFileSync(join(dist, '_astro', file), 'utf8');
	for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) withImports(dist, m[1]!, seen);
	return seen;
}

print(
	`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
		.map((l) => l.toFixed(2))
		.join(', ')}`,
);
const data = writeSourceBench(join(OUT, 'generated'), FILES);
const unique = writeSourceBench(join(OUT, 'generated-unique'), FILES, { unique: true });
const libraries = pythonLibraries();
const real = writeRealSourceBench(join(OUT, 'real'), libraries, FILES);
if (real)
	print(
		`real code: the first ${real.files} Python files of at most 1,000 lines (${real.lines.toLocaleString('en')} lines) in ${libraries.join(', ')}`,
	);
else
	print(`real code: not measured (python3's libraries have fewer than ${FILES} Python files of at most 1,000 lines)`);
for (const [label, dataDir, suffix] of [
	['build', data, ''],
	['no line repeated across files', unique, '-unique'],
	...(real ? [['real code', real.data, '-real'] as const] : []),
] as const)
	for (const warm of [false, true]) {
		const before = load();
		const without: { wall: number; cpu: number }[] = [];
		const withPages: { wall: number; cpu: number }[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			without.push(build(dataDir, `without${suffix}`, warm, { SOURCE_PAGES: '0' }));
			withPages.push(build(dataDir, `with${suffix}`, warm));
		}
		const a = median(without.map((b) => b.wall));
		const b = median(withPages.map((b) => b.wall));
		const cpu = (runs: { cpu: number }[]) => median(runs.map((r) => r.cpu)).toFixed(1);
		print(
			`${label}, ${warm ? 'warm cache (rebuild)' : 'cold cache'}: without source pages ${a.toFixed(1)} s, with ${b.toFixed(1)} s, ratio ${(b / a).toFixed(2)}× (budget ≤ 1.5×; medians of ${ROUNDS}; CPU ${cpu(without)} s and ${cpu(withPages)} s; ${before} -> ${load()})`,
		);
	}
const dist = lastDist.get('with')!;
const grown = size(dist) - size(lastDist.get('without')!);
print(`site growth for ${FILES} files: ${mb(grown)} (${kb(grown / FILES)} per file of ~200 lines; budget ≤ 60 MB)`);
const files = join(dist, 'coverage', 'files');
const slug = fileSlug('pkg/sub_0/mod_0.py');
const viewer = readFileSync(join(files, 'index.html'));
const own = readFileSync(join(files, slug, 'index.html'));
const big = readFileSync(join(files, `${slug}.json`));
const gz = (b: Buffer) => gzipSync(b).length;
print(
	`2,000-line file: its page ${kb(gz(own))} (forwards to) + viewer HTML ${kb(gz(viewer))} + data ${kb(gz(big))} gzip = ${kb(gz(own) + gz(viewer) + gz(big))} (budget < 120 KB; data ${kb(big.length)} raw, viewer ${kb(viewer.length)} raw)`,
);
// The viewer's module scripts: its own entry (named after the page) and what it imports, then Starlight's.
const html = viewer.toString('utf8');
const entries = [...html.matchAll(/<script type="module" src="[^"]*\/_astro\/([^"]+)"/g)].map((m) => m[1]!);
const ownJs = new Set<string>();
for (const e of entries.filter((e) => e.startsWith('index.astro_astro_type_script'))) withImports(dist, e, ownJs);
const theirs = new Set<string>();
for (const e of entries.filter((e) => !ownJs.has(e))) withImports(dist, e, theirs);
for (const f of ownJs) theirs.delete(f);
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
const sum = (names: Set<string>) => [...names].reduce((n, f) => n + gz(readFileSync(join(dist, '_astro', f))), 0);
const inlineGz = inline.reduce((n, s) => n + gz(Buffer.from(s)), 0);
print(
	`the page's own JavaScript: ${kb(sum(ownJs))} gzip in ${ownJs.size} file(s) (budget < 5 KB); Starlight's: ${kb(sum(theirs))} gzip in ${theirs.size} file(s) + ${kb(inlineGz)} inline in ${inline.length} script(s), search UI loaded on first use`,
);
const highlighter = [...ownJs, ...theirs].some((f) =>
	/oniguruma|vscode-textmate|createHighlighter|shiki/i.test(readFileSync(join(dist, '_astro', f), 'utf8')),
);
print(`highlighter code in the page's scripts: ${highlighter ? 'YES (budget: none)' : 'none'}`);
mkdirSync('content/bench', { recursive: true });
writeFileSync('content/bench/source-pages.txt', ['$ npm run bench source-pages', ...printed].join('\n') + '\n');
console.log('(written to content/bench/source-pages.txt)');
// Keep the last pair's sites to look at; the other runs (about 800 MB) go now that nothing is timed.
const kept = new Set([lastDist.get('with'), lastDist.get('without')]);
for (const name of readdirSync(RUNS))
	if (!kept.has(join(RUNS, name))) rmSync(join(RUNS, name), { recursive: true, force: true });
console.log(`(kept ${[...kept].join(' and ')})`);
