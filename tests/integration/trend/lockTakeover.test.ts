import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadTrend } from '../../../src/lib/dataDir/dataDir.ts';
import { REPORTS, runTrend, startTrendProcess, tempDataDir } from '../../helpers/trend.ts';

// The title says these numbers: keep them in step.
const POINTS = 100_000;
const RUNS = 4;

/** A data directory whose trend has 100,000 real-sized points (about 150 MB: each has its counts, branch, message and time). */
async function bigTrendDir(): Promise<string> {
	const dir = tempDataDir();
	const r = await runTrend([
		'record',
		`${REPORTS}/coverage-branch.json`,
		`--junit=${REPORTS}/junit-plain.xml`,
		'--commit=0000000a',
		'--date=2020-01-01T00:00:00Z',
		'--branch=main',
		'--message=Seed point of a long history',
		`--data-dir=${dir}`,
	]);
	if (r.status !== 0) throw new Error(r.stderr);
	const trend = JSON.parse(readFileSync(join(dir, 'coverage_trend.json'), 'utf8'));
	const {
		snapshot: _s,
		test_run: _t,
		...point
	} = trend.coverage_history.find((p: { commit: string }) => p.commit === '0000000a');
	const start = Date.parse('2000-01-01T00:00:00Z');
	trend.coverage_history = Array.from({ length: POINTS }, (_, i) => {
		const at = new Date(start + i * 3_600_000).toISOString();
		return { ...point, date: at.slice(0, 10), timestamp: at, commit: `p${i.toString(16).padStart(9, '0')}` };
	});
	writeFileSync(join(dir, 'coverage_trend.json'), `${JSON.stringify(trend, null, 2)}\n`);
	return dir;
}

// Each run holds the lock through seconds of synchronous work on a 150 MB file (its event loop is
// busy, so the lock is not refreshed meanwhile); a waiting run must never take it over and write a
// trend that misses the holder's point.
test(
	'4 parallel records on a 100,000-point trend keep every point',
	async () => {
		const dir = await bigTrendDir();
		const commits = Array.from({ length: RUNS }, (_, i) => `fe${i}fe${i}fe${i}`);
		const results = await Promise.all(
			commits.map((commit, i) => {
				const child = startTrendProcess([
					'record',
					`${REPORTS}/coverage-branch.json`,
					`--commit=${commit}`,
					`--date=2026-08-0${i + 1}`,
					'--message=parallel',
					`--data-dir=${dir}`,
				]);
				let stderr = '';
				child.stderr.on('data', (d) => (stderr += d));
				return new Promise<{ code: number | null; stderr: string }>((resolve) =>
					child.on('close', (code) => resolve({ code, stderr })),
				);
			}),
		);
		expect(results).toEqual(commits.map(() => ({ code: 0, stderr: '' })));
		const history = loadTrend(dir).coverage_history;
		expect(history).toHaveLength(POINTS + RUNS);
		expect(history.slice(-RUNS).map((p) => p.commit)).toEqual(commits);
	},
	15 * 60_000,
);
