import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { LOCK_NAME, LOCK_STALE_MS } from '../../../src/lib/dataDir/dataLock.ts';
import { STOP_POINTS } from '../../../src/lib/dataDir/stopPoint.ts';
import { NODE, REPORTS, runTrend, runTrendProcess, tempDataDir } from '../../helpers/trend.ts';

const recordArgs = (dir: string, commit: string, date: string) => [
	'record',
	`${REPORTS}/coverage-branch.json`,
	`--junit=${REPORTS}/junit-plain.xml`,
	`--commit=${commit}`,
	`--date=${date}`,
	'--message=m',
	`--data-dir=${dir}`,
];

/** Hidden temporary files under a folder, relative to it. */
const temporaries = (dir: string) =>
	readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => /(^|\/)\.[^/]*\.tmp$/.test(n));

/** The full `trend validate` (schemas, links between files, symbolic links), as CI runs it. */
async function validate(dir: string) {
	const r = await runTrend(['validate', `--data-dir=${dir}`]);
	expect(r.stderr).toBe('');
	expect(r.status).toBe(0);
}

// A data directory with history, so that the killed run also replaces nothing but prunes a
// snapshot and a test run (snapshots_keep 2, test_runs_keep 1).
let base = '';
beforeAll(() => {
	base = tempDataDir();
	const config = JSON.parse(readFileSync(join(base, 'coverage.config.json'), 'utf8'));
	writeFileSync(
		join(base, 'coverage.config.json'),
		JSON.stringify({ ...config, snapshots_keep: 2, test_runs_keep: 1 }),
	);
	for (const [commit, date] of [
		['a1a1a1a1', '2026-07-01'],
		['b2b2b2b2', '2026-07-02'],
	] as const) {
		const r = runTrendProcess(recordArgs(base, commit, date));
		if (r.status !== 0) throw new Error(r.stderr);
	}
});

describe('a run killed at each step of a recording', () => {
	// Steps before the trend's rename leave the old trend; from it on, the new one. Either way the
	// data directory is valid: a linked file is in place before the trend that links it.
	test.each(STOP_POINTS.map((point, i) => [point, i >= STOP_POINTS.indexOf('trend-renamed')] as const))(
		'killed at %s: the data directory validates (trend new: %s), and the next run cleans up after it',
		async (point, renamed) => {
			const dir = tempDataDir(base);
			const trendBefore = readFileSync(join(dir, 'coverage_trend.json'), 'utf8');
			const killed = spawnSync(NODE, ['scripts/trend.ts', ...recordArgs(dir, 'c3c3c3c3', '2026-07-03')], {
				encoding: 'utf8',
				env: { ...process.env, GITHUB_SHA: '', TREND_KILL_AT: point },
			});
			expect(killed.signal).toBe('SIGKILL');
			await validate(dir);
			const history = JSON.parse(readFileSync(join(dir, 'coverage_trend.json'), 'utf8')).coverage_history;
			if (renamed) expect(history.map((p: { commit: string }) => p.commit).at(-1)).toBe('c3c3c3c3');
			else expect(readFileSync(join(dir, 'coverage_trend.json'), 'utf8')).toBe(trendBefore);
			// A run killed with its files written but not renamed leaves them behind.
			if (point === 'prepared') expect(temporaries(dir).length).toBeGreaterThan(0);
			// What a killed run leaves is git-ignored: it can never be committed by the data push.
			for (const name of [...temporaries(dir), '.trend.lock-owner'].filter((n) => existsSync(join(dir, n)))) {
				const ignored = spawnSync('git', ['check-ignore', '-q', '--no-index', `data/${name}`]);
				expect(ignored.status, `data/${name} is git-ignored`).toBe(0);
			}
			// The killed run's lock is stale once nobody refreshed it for LOCK_STALE_MS; make it so now.
			const lock = join(dir, LOCK_NAME);
			if (existsSync(lock)) {
				const old = new Date(Date.now() - 2 * LOCK_STALE_MS);
				utimesSync(lock, old, old);
			}
			const next = runTrendProcess(recordArgs(dir, 'd4d4d4d4', '2026-07-04'));
			expect(next.stderr).toBe('');
			expect(next.status).toBe(0);
			expect(temporaries(dir)).toEqual([]);
			await validate(dir);
			const after = JSON.parse(readFileSync(join(dir, 'coverage_trend.json'), 'utf8')).coverage_history;
			expect(after.map((p: { commit: string }) => p.commit).slice(-2)).toEqual(
				renamed ? ['c3c3c3c3', 'd4d4d4d4'] : ['b2b2b2b2', 'd4d4d4d4'],
			);
		},
	);
});
