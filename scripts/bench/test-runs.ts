/**
 * Storage and speed of the per-test records (`test-runs/`), for the test-health budget: a recorded
 * run of a 5,000-test suite adds at most 100 KB to the repository, and the kept runs are bounded by
 * `test_runs_keep`. Prints, per suite size: the record's bytes as `trend record` writes it, its size
 * as a new git object (our zlib estimate and git's own loose object), what each further run adds
 * once git packs 20 runs (deltas), how long the test-health analysis of 50 kept runs takes, and
 * what the site build makes of 20 kept runs of 5,000 tests (time, peak memory, page sizes).
 * `BENCH_NO_BUILD=1` skips the build (about 30 s and 1.4 GB of memory on 2 cores).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonText } from '../../src/lib/dataDir/dataStore.ts';
import { storedSize } from '../../src/lib/testHealth/storedSize.ts';
import { analyseTestHealth } from '../../src/lib/testHealth/testHealth.ts';
import { buildTestRun } from '../../src/lib/testHealth/testRunBuild.ts';
import { syntheticSuite } from '../shared/syntheticSuite.ts';

const BUDGET = 100 * 1024;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The record text of run `i` of a suite: same tests, this run's durations and outcomes. */
function record(tests: number, wide: boolean, i: number): string {
	const date = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
	const commit = (i + 1).toString(16).padStart(40, '0');
	return jsonText(buildTestRun({ commit, date, branch: 'main' }, syntheticSuite(tests, { wide, runSeed: i + 1 }), 300));
}

/** Git's own figures: one loose object, then the pack of `runs` records committed one after another. */
function gitSizes(texts: string[]): { loose: number; packedPerRun: number } | null {
	const dir = mkdtempSync(join(tmpdir(), 'bench-test-runs-'));
	const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
	try {
		git('init', '-q');
		git('config', 'user.email', 'bench@example.invalid');
		git('config', 'user.name', 'bench');
		writeFileSync(join(dir, 'run.json'), texts[0]!);
		const hash = git('hash-object', '-w', 'run.json');
		const loose = statSync(join(dir, '.git', 'objects', hash.slice(0, 2), hash.slice(2))).size;
		// Each run is a new file (as in test-runs/); the oldest beyond 20 would be deleted, which frees nothing in history.
		texts.forEach((text, i) => {
			writeFileSync(join(dir, `run-${String(i).padStart(3, '0')}.json`), text);
			git('add', '-A');
			git('commit', '-q', '-m', `run ${i}`);
		});
		git('gc', '-q', '--aggressive');
		const packDir = join(dir, '.git', 'objects', 'pack');
		const packed = readdirSync(packDir)
			.filter((f) => f.endsWith('.pack'))
			.reduce((sum, f) => sum + statSync(join(packDir, f)).size, 0);
		return { loose, packedPerRun: packed / texts.length };
	} catch {
		return null;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

console.log('Per-test record of one run (test-runs/<date>_<commit>_tests.json), as `trend record` writes it:');
console.log(
	'suite                 tests   raw bytes   new object (zlib est.)   git loose object   per run in a pack of 20   budget',
);
for (const [label, wide] of [
	['domain vocabulary', false],
	['made-up words', true],
] as const) {
	for (const tests of [100, 1000, 5000]) {
		const texts = Array.from({ length: 20 }, (_, i) => record(tests, wide, i));
		const est = storedSize(texts[0]!);
		const g = gitSizes(texts);
		const worst = Math.max(est, g?.loose ?? 0);
		console.log(
			`${label.padEnd(20)} ${String(tests).padStart(6)}   ${kb(Buffer.byteLength(texts[0]!)).padStart(9)}   ${kb(est).padStart(22)}   ${(g ? kb(g.loose) : 'no git').padStart(16)}   ${(g ? kb(g.packedPerRun) : '—').padStart(23)}   ${tests === 5000 ? (worst <= BUDGET ? 'within 100 KB' : 'OVER 100 KB') : ''}`,
		);
	}
}

// The analysis behind /tests/ for the largest kept history the default config allows.
const keep = 50;
const runs = Array.from({ length: keep }, (_, i) => {
	const date = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
	const commit = (i + 1).toString(16).padStart(40, '0');
	return {
		name: `${date}_${commit.slice(0, 7)}_tests.json`,
		run: buildTestRun({ commit, date }, syntheticSuite(5000, { runSeed: i + 1 }), 300),
	};
});
const started = performance.now();
const health = analyseTestHealth(runs, { window: 20, min_flips: 2 });
const ms = performance.now() - started;
console.log(
	`\nAnalysis of ${keep} kept runs × 5,000 tests: ${ms.toFixed(0)} ms (${health.tests.length} tests, ${health.flaky.length} flaky, ${health.failing.length} failing).`,
);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const one = record(5000, false, 0);
console.log(
	`Kept records in the working tree at test_runs_keep = ${keep}: about ${mb(keep * Buffer.byteLength(one))} raw, ${mb(keep * storedSize(one))} as git objects.`,
);

// The site built from 20 kept runs of 5,000 tests: one page per test, /tests/ and /tests/all/.
if (!process.env.BENCH_NO_BUILD) {
	const data = mkdtempSync(join(tmpdir(), 'bench-test-runs-data-'));
	// Inside the checkout: Astro keeps prerender chunks of an out-dir elsewhere in the shared .astro/.
	mkdirSync('.bench', { recursive: true });
	const out = mkdtempSync(join('.bench', 'test-runs-site-'));
	try {
		cpSync('data/coverage.config.json', join(data, 'coverage.config.json'));
		mkdirSync(join(data, 'test-runs'));
		runs.slice(-20).forEach(({ name, run }) => writeFileSync(join(data, 'test-runs', name), jsonText(run)));
		const started = performance.now();
		const build = spawnSync(
			'/usr/bin/time',
			['-f', '%M', process.execPath, 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', out],
			{
				env: { ...process.env, COVERAGE_DATA_DIR: data, BASE_PATH: '/atom-docs', ASTRO_CACHE_DIR: join(data, 'cache') },
				encoding: 'utf8',
			},
		);
		const seconds = (performance.now() - started) / 1000;
		if (build.status !== 0) throw new Error(`build failed: ${build.stderr.slice(-500)}`);
		const peakKb = Number(build.stderr.trim().split('\n').at(-1));
		const size = (file: string) => {
			const html = readFileSync(join(out, file));
			return `${kb(html.length)} (${kb(gzipSync(html).length)} gzip)`;
		};
		const testPages = readdirSync(join(out, 'tests')).filter((d) => d !== 'all' && d !== 'index.html');
		const total = (dir: string): number =>
			readdirSync(dir, { withFileTypes: true }).reduce(
				(sum, e) => sum + (e.isDirectory() ? total(join(dir, e.name)) : statSync(join(dir, e.name)).size),
				0,
			);
		console.log(
			`\nSite build, 20 kept runs × 5,000 tests: ${seconds.toFixed(1)} s, peak ${Number.isFinite(peakKb) ? mb(peakKb * 1024) : '?'} memory, ${testPages.length} test pages, ${mb(total(out))} on disk.`,
		);
		console.log(
			`  /tests/ ${size('tests/index.html')}; /tests/all/ ${size('tests/all/index.html')}; one test page ${size(`tests/${testPages[0]}/index.html`)}.`,
		);
	} finally {
		rmSync(data, { recursive: true, force: true });
		rmSync(out, { recursive: true, force: true });
	}
}
