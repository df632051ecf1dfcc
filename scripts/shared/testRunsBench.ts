/**
 * The test-health scale bench behind `npm run bench test-runs`: for each suite size, 50 kept runs
 * generated as `syntheticSuite` makes them, the analysis time, and the site built from them
 * against the default data's build of the same run, with the budgets of the scale goal.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { jsonText } from '../../src/lib/dataDir/dataStore.ts';
import { analyseTestHealth } from '../../src/lib/testHealth/testHealth.ts';
import { buildTestRun } from '../../src/lib/testHealth/testRunBuild.ts';
import { syntheticSuite } from './syntheticSuite.ts';

/** The scale goal's budgets. */
export const BUDGETS = {
	buildRatio: 3,
	peakBytes: 1024 ** 3,
	siteBytes: 60 * 1024 ** 2,
	allPageGzip: 150 * 1024,
	analysisMs: 2000,
};

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'within budget' : 'OVER BUDGET');

/** `keep` runs of a `tests`-test suite, one a day, as `trend record` would keep them. */
function keptRuns(tests: number, keep: number) {
	return Array.from({ length: keep }, (_, i) => {
		const date = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
		const commit = (i + 1).toString(16).padStart(40, '0');
		return {
			name: `${date}_${commit.slice(0, 7)}_tests.json`,
			run: buildTestRun({ commit, date, branch: 'main' }, syntheticSuite(tests, { runSeed: i + 1 }), 300),
		};
	});
}

/** Build the site of a data directory; wall seconds and peak memory (GNU time's maximum resident set). */
function build(dataDir: string, out: string): { seconds: number; peakBytes: number } {
	const started = performance.now();
	const r = spawnSync(
		'/usr/bin/time',
		['-f', '%M', process.execPath, 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', out],
		{
			env: {
				...process.env,
				COVERAGE_DATA_DIR: dataDir,
				BASE_PATH: '/atom-docs',
				SITE_URL: 'http://localhost',
				ASTRO_CACHE_DIR: `${out}-cache`,
			},
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		},
	);
	const seconds = (performance.now() - started) / 1000;
	if (r.status !== 0) throw new Error(`build of ${dataDir} failed: ${r.stderr.slice(-800)}`);
	return { seconds, peakBytes: Number(r.stderr.trim().split('\n').at(-1)) * 1024 };
}

/** Bytes of every file under a folder. */
function total(dir: string): number {
	return readdirSync(dir, { withFileTypes: true }).reduce(
		(sum, e) => sum + (e.isDirectory() ? total(join(dir, e.name)) : statSync(join(dir, e.name)).size),
		0,
	);
}

/** Gzip bytes of a page with every stylesheet and script it loads before any data (static imports followed). */
export function pageWeight(out: string, page: string, base = '/atom-docs/'): number {
	const seen = new Set<string>();
	const assets = (text: string, from: string) =>
		[...text.matchAll(/(?:href|src)="([^"]+\.(?:css|js))"|(?:import|from)\s*["']([^"']+\.js)["']/g)].map((m) => {
			const url = (m[1] ?? m[2])!;
			return url.startsWith(base) ? url.slice(base.length) : join(from, url);
		});
	let bytes = 0;
	const visit = (file: string) => {
		if (seen.has(file)) return;
		seen.add(file);
		const text = readFileSync(join(out, file));
		bytes += gzipSync(text).length;
		if (!file.endsWith('.css')) for (const a of assets(text.toString('utf8'), file.replace(/[^/]*$/, ''))) visit(a);
	};
	visit(page);
	return bytes;
}

/** Run the bench for each suite size and print the figures and budgets. */
export async function benchSuiteSize(sizes: number[], { keep, build: withBuild }: { keep: number; build: boolean }) {
	mkdirSync('.bench', { recursive: true });
	let defaultSeconds: number | null = null;
	if (withBuild) {
		const out = mkdtempSync(join('.bench', 'default-site-'));
		try {
			defaultSeconds = build('data', out).seconds;
			console.log(`\nDefault data (data/): build ${defaultSeconds.toFixed(1)} s.`);
		} finally {
			rmSync(out, { recursive: true, force: true });
			rmSync(`${out}-cache`, { recursive: true, force: true });
		}
	}
	for (const tests of sizes) {
		const runs = keptRuns(tests, keep);
		const started = performance.now();
		const cpu = process.cpuUsage();
		const health = analyseTestHealth(runs, { window: 20, min_flips: 2 });
		const ms = performance.now() - started;
		const used = process.cpuUsage(cpu);
		const cpuMs = (used.user + used.system) / 1000;
		// On a shared machine the wall time includes waiting for a core; the CPU time is what the analysis costs.
		console.log(
			`\n${keep} kept runs × ${tests.toLocaleString('en-US')} tests: analysis ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (${verdict(Math.min(ms, cpuMs) < BUDGETS.analysisMs)} of 2 s); ${health.tests.length} tests, ${health.stories.length} with a page of their own (${health.flaky.length} flaky, ${health.failing.length} failing).`,
		);
		if (!withBuild || defaultSeconds === null) continue;
		const data = mkdtempSync(join('.bench', 'test-runs-data-'));
		const out = mkdtempSync(join('.bench', 'test-runs-site-'));
		try {
			cpSync('data/coverage.config.json', join(data, 'coverage.config.json'));
			mkdirSync(join(data, 'test-runs'));
			for (const { name, run } of runs) writeFileSync(join(data, 'test-runs', name), jsonText(run));
			const b = build(data, out);
			const site = total(out);
			const allPage = pageWeight(out, 'tests/all/index.html');
			const allJson = readFileSync(join(out, 'tests/all.json'));
			const ratio = b.seconds / defaultSeconds;
			console.log(
				`  build ${b.seconds.toFixed(1)} s = ${ratio.toFixed(2)}× the default (${verdict(ratio <= BUDGETS.buildRatio)} of 3×); peak ${mb(b.peakBytes)} (${verdict(b.peakBytes < BUDGETS.peakBytes)} of 1 GB)`,
			);
			console.log(`  site ${mb(site)} on disk (${verdict(site < BUDGETS.siteBytes)} of 60 MB)`);
			console.log(
				`  /tests/all/ ${kb(allPage)} gzip before data (${verdict(allPage < BUDGETS.allPageGzip)} of 150 KB); its data /tests/all.json ${kb(allJson.length)} (${kb(gzipSync(allJson).length)} gzip)`,
			);
		} finally {
			for (const dir of [data, out, `${out}-cache`]) rmSync(dir, { recursive: true, force: true });
		}
	}
}
