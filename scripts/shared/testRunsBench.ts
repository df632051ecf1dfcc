/**
 * The test-health scale bench behind `npm run bench test-runs`: for each suite size, 50 kept runs
 * generated as `syntheticSuite` makes them, the analysis time, and the site built from them
 * against the default data's build of the same run, with the budgets of the scale goal.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DATA_FILES, listJsonFiles, loadTestRun } from '../../src/lib/dataDir/dataDir.ts';
import { jsonText } from '../../src/lib/dataDir/dataStore.ts';
import { foldKeptRuns } from '../../src/lib/testHealth/keptRuns.ts';
import { analyseHistories } from '../../src/lib/testHealth/testHealth.ts';
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

/**
 * Build the site of a data directory with `npm run build`, the command the Pages workflow runs (its
 * settings included), or with a plain `astro build` for comparison; wall seconds and peak memory
 * (GNU time's maximum resident set of the largest process, the Astro build).
 */
function build(dataDir: string, out: string, how: 'npm run build' | 'astro build' = 'npm run build') {
	const started = performance.now();
	// `npm run bench` gives the path of its npm; run directly, the one on the PATH.
	const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
	const command =
		how === 'npm run build'
			? [...npm, 'run', '--silent', 'build', '--', '--outDir', out]
			: [process.execPath, 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', out];
	const { MIMALLOC_ALLOW_THP: _, ...env } = process.env;
	const r = spawnSync('/usr/bin/time', ['-f', '%M', ...command], {
		env: {
			...env,
			COVERAGE_DATA_DIR: dataDir,
			BASE_PATH: '/atom-docs',
			SITE_URL: 'http://localhost',
			ASTRO_CACHE_DIR: `${out}-cache`,
		},
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
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

/** The load average now, as `uptime` prints it. */
export function loadAverage(): string {
	return loadavg()
		.map((n) => n.toFixed(2))
		.join(', ');
}

/** Build the default data's site once; its wall seconds and peak memory. */
function defaultBuild(how?: 'npm run build' | 'astro build'): { seconds: number; peakBytes: number } {
	const out = mkdtempSync(join('.bench', 'default-site-'));
	try {
		return build('data', out, how);
	} finally {
		rmSync(out, { recursive: true, force: true });
		rmSync(`${out}-cache`, { recursive: true, force: true });
	}
}

/**
 * Run the bench for each suite size; print the figures and budgets as it goes, and return the
 * printed lines. The default build is measured before and after the large ones and the ratio taken
 * against their mean, so a load that changes during the run weighs on both sides.
 */
export async function benchSuiteSize(
	sizes: number[],
	{ keep, build: withBuild }: { keep: number; build: boolean },
): Promise<string[]> {
	const lines: string[] = [];
	const say = (line: string) => {
		console.log(line);
		lines.push(line);
	};
	mkdirSync('.bench', { recursive: true });
	say(
		`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, load average ${loadAverage()}`,
	);
	const first = withBuild ? defaultBuild() : null;
	const before = first?.seconds ?? null;
	if (first) {
		say(`Default data (data/): build ${first.seconds.toFixed(1)} s; peak ${mb(first.peakBytes)}.`);
		// What `npm run build`'s MIMALLOC_ALLOW_THP=0 saves (see the test-health Reference page).
		const plain = defaultBuild('astro build');
		say(
			`  The same build as a plain \`astro build\` (without MIMALLOC_ALLOW_THP=0): ${plain.seconds.toFixed(1)} s; peak ${mb(plain.peakBytes)}.`,
		);
	}
	const results: Array<{ tests: number; seconds: number }> = [];
	for (const tests of sizes) {
		const data = mkdtempSync(join('.bench', 'test-runs-data-'));
		const out = mkdtempSync(join('.bench', 'test-runs-site-'));
		try {
			cpSync('data/coverage.config.json', join(data, 'coverage.config.json'));
			mkdirSync(join(data, DATA_FILES.testRuns));
			for (const { name, run } of keptRuns(tests, keep))
				writeFileSync(join(data, DATA_FILES.testRuns, name), jsonText(run));
			// What the build does: read and validate the records one file at a time, fold them, analyse.
			// Reading and validating is timed apart: the analysis is what follows the parse.
			let readMs = 0;
			let readCpuMs = 0;
			const started = performance.now();
			const cpu = process.cpuUsage();
			const kept = foldKeptRuns(listJsonFiles(join(data, DATA_FILES.testRuns)), (name) => {
				const t = performance.now();
				const c = process.cpuUsage();
				const run = loadTestRun(data, name);
				const u = process.cpuUsage(c);
				readMs += performance.now() - t;
				readCpuMs += (u.user + u.system) / 1000;
				return run;
			});
			const health = analyseHistories(kept.runs, kept.histories, { window: 20, min_flips: 2 });
			const used = process.cpuUsage(cpu);
			const ms = performance.now() - started - readMs;
			const cpuMs = (used.user + used.system) / 1000 - readCpuMs;
			// On a shared machine the wall time includes waiting for a core; the CPU time is what the analysis costs.
			say(
				`\n${keep} kept runs × ${tests.toLocaleString('en-US')} tests: analysis ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (${verdict(Math.min(ms, cpuMs) < BUDGETS.analysisMs)} of 2 s), after reading and validating the records (${readMs.toFixed(0)} ms wall, ${readCpuMs.toFixed(0)} ms CPU); ${health.tests.length} tests, ${health.stories.length} with a story (${health.flaky.length} flaky, ${health.failing.length} failing), ${health.pages.length} with a full page.`,
			);
			if (!withBuild || before === null) continue;
			say(`  load average before the build: ${loadAverage()}`);
			const b = build(data, out);
			const site = total(out);
			const allPage = pageWeight(out, 'tests/all/index.html');
			const allJson = readFileSync(join(out, 'tests/all.json'));
			const pages = readdirSync(join(out, 'tests')).length;
			say(
				`  build ${b.seconds.toFixed(1)} s; peak ${mb(b.peakBytes)} (${verdict(b.peakBytes < BUDGETS.peakBytes)} of 1 GB)`,
			);
			say(`  site ${mb(site)} on disk (${verdict(site < BUDGETS.siteBytes)} of 60 MB), ${pages} entries under /tests/`);
			say(
				`  /tests/all/ ${kb(allPage)} gzip before data (${verdict(allPage < BUDGETS.allPageGzip)} of 150 KB); its data /tests/all.json ${kb(allJson.length)} (${kb(gzipSync(allJson).length)} gzip)`,
			);
			results.push({ tests, seconds: b.seconds });
		} finally {
			for (const dir of [data, out, `${out}-cache`]) rmSync(dir, { recursive: true, force: true });
		}
	}
	if (before === null) return lines;
	const again = defaultBuild();
	const after = again.seconds;
	const mean = (before + after) / 2;
	say(
		`\nDefault data (data/) again: build ${after.toFixed(1)} s; peak ${mb(again.peakBytes)}; the ratios below are against the mean, ${mean.toFixed(1)} s. Load average now ${loadAverage()}.`,
	);
	for (const r of results) {
		const ratio = r.seconds / mean;
		say(
			`  ${r.tests.toLocaleString('en-US').padStart(6)} tests: build ${r.seconds.toFixed(1)} s = ${ratio.toFixed(2)}× the default (${verdict(ratio <= BUDGETS.buildRatio)} of 3×)`,
		);
	}
	return lines;
}
