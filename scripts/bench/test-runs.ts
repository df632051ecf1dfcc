/**
 * Storage and speed of the per-test records (`test-runs/`), for the test-health budget: a recorded
 * run of a 5,000-test suite adds at most 100 KB to the repository, and the kept runs are bounded by
 * `test_runs_keep`. Prints, per suite size: the record's bytes as `trend record` writes it, its size
 * as a new git object (our zlib estimate and git's own loose object), what each further run adds
 * once git packs 20 runs (deltas); then, for 50 kept runs of 20,000 tests (`BENCH_TESTS=1000,5000,20000`
 * for more sizes), the test-health analysis time and the site build against its budgets: build time
 * at most 3× the default data's build measured in the same run, peak memory under 1 GB, the whole
 * site under 60 MB, `/tests/all/` under 150 KB gzip before its data loads, analysis under 2 s.
 * `BENCH_NO_BUILD=1` skips the builds. With the builds, the scale figures also go to
 * `content/bench/test-runs.txt`, which the test-health Reference page shows as printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonText } from '../../src/lib/dataDir/dataStore.ts';
import { storedSize } from '../../src/lib/testHealth/storedSize.ts';
import { buildTestRun } from '../../src/lib/testHealth/testRunBuild.ts';
import { syntheticSuite } from '../shared/syntheticSuite.ts';
import { benchSuiteSize } from '../shared/testRunsBench.ts';

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

// The analysis and the site for the largest kept history the default config allows (test_runs_keep = 50).
const sizes = (process.env.BENCH_TESTS ?? '20000')
	.split(',')
	.map(Number)
	.filter((n) => n > 0);
const build = !process.env.BENCH_NO_BUILD;
const lines = await benchSuiteSize(sizes, { keep: 50, build });
if (build) {
	mkdirSync('content/bench', { recursive: true });
	const command = `BENCH_TESTS=${sizes.join(',')} npm run bench test-runs`;
	writeFileSync('content/bench/test-runs.txt', [`$ ${command}`, ...lines].join('\n') + '\n');
	console.log('(written to content/bench/test-runs.txt)');
}
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const one = record(5000, false, 0);
console.log(
	`Kept records in the working tree at test_runs_keep = 50: about ${mb(50 * Buffer.byteLength(one))} raw, ${mb(50 * storedSize(one))} as git objects (5,000 tests).`,
);
