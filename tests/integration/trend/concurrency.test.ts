import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadTrend, validateDataDir } from '../../../src/lib/dataDir/dataDir.ts';
import { REPORTS, runTrendProcess, startTrendProcess, tempDataDir } from '../../helpers/trend.ts';

const report = `${REPORTS}/coverage-branch.json`;

/** Wait for a child process to end; resolves with its exit code (null when killed). */
function exited(child: ReturnType<typeof startTrendProcess>): Promise<number | null> {
	return new Promise((resolve) => child.on('close', (code) => resolve(code)));
}

test('20 parallel record runs with different commits give 20 points and a valid file', async () => {
	const dir = tempDataDir();
	const runs = Array.from({ length: 20 }, (_, i) => {
		const child = startTrendProcess([
			'record',
			report,
			'--commit',
			`c0ffee${String(i).padStart(2, '0')}`,
			'--date',
			`2026-07-${String(i + 1).padStart(2, '0')}`,
			'--message',
			`run ${i}`,
			'--data-dir',
			dir,
		]);
		let stderr = '';
		child.stderr.on('data', (d) => (stderr += d));
		return exited(child).then((code) => ({ code, stderr }));
	});
	const results = await Promise.all(runs);
	expect(results.filter((r) => r.code !== 0)).toEqual([]);
	expect(results.every((r) => r.stderr === '')).toBe(true);
	const history = loadTrend(dir).coverage_history;
	expect(history).toHaveLength(21); // the seed's point plus 20
	expect(new Set(history.map((p) => p.commit)).size).toBe(21);
	expect(history.map((p) => p.date)).toEqual([...history.map((p) => p.date)].sort());
	expect(validateDataDir(dir)).toEqual([]);
	expect(readdirSync(join(dir, 'snapshots'))).toHaveLength(20);
});

test('a run killed at any moment leaves the old trend file or the complete new one, and the next run takes over its lock', async () => {
	// A report big enough (about 10 MB) that a run takes a while, so the kills land at different stages.
	const small = JSON.parse(readFileSync(report, 'utf8'));
	const files: Record<string, unknown> = {};
	for (let i = 0; i < 1000; i++)
		for (const [p, f] of Object.entries(small.files)) files[`core/governance/copy${i}/${p}`] = f;
	const seed = tempDataDir();
	const big = join(seed, 'big-report.json');
	writeFileSync(big, JSON.stringify({ ...small, files }));
	const args = (dir: string, commit: string) => [
		'record',
		big,
		'--commit',
		commit,
		'--date',
		'2026-08-01',
		'--message',
		'm',
		'--data-dir',
		dir,
	];
	// How long a whole run takes on this machine now, so the kills land at fractions of it.
	const started = Date.now();
	const whole = startTrendProcess(args(tempDataDir(), 'a11a11a1'));
	expect(await exited(whole)).toBe(0);
	const runTime = Date.now() - started;
	let last = '';
	for (const [i, fraction] of [0.15, 0.35, 0.55, 0.75, 0.9].entries()) {
		const dir = tempDataDir();
		const trendFile = join(dir, 'coverage_trend.json');
		const before = readFileSync(trendFile, 'utf8');
		const child = startTrendProcess(args(dir, `dead${i}beef`));
		const done = exited(child); // listen now: a fast run may end before the kill
		await new Promise((r) => setTimeout(r, Math.round(runTime * fraction)));
		child.kill('SIGKILL');
		await done;
		const after = readFileSync(trendFile, 'utf8');
		// Either untouched, or renamed into place whole: valid, with one more point.
		if (after !== before)
			expect(JSON.parse(after).coverage_history).toHaveLength(JSON.parse(before).coverage_history.length + 1);
		const kept = existsSync(join(dir, 'snapshots')) ? readdirSync(join(dir, 'snapshots')) : [];
		// Every snapshot that exists is complete JSON (temporary files never end in .json).
		for (const name of kept.filter((n) => n.endsWith('.json')))
			expect(() => JSON.parse(readFileSync(join(dir, 'snapshots', name), 'utf8'))).not.toThrow();
		expect(validateDataDir(dir)).toEqual([]);
		last = dir;
	}
	// The last killed run may have left its lock behind; the next run waits until it is stale and takes it.
	const next = runTrendProcess([
		'record',
		report,
		'--commit',
		'feedface',
		'--date',
		'2026-08-09',
		'--message',
		'm',
		'--data-dir',
		last,
	]);
	expect(next.stderr).toBe('');
	expect(next.status).toBe(0);
	expect(loadTrend(last).coverage_history.at(-1)!.commit).toBe('feedface');
});
