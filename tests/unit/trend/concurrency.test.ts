import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadTrend, validateDataDir } from '../../../src/lib/dataDir.ts';
import { REPORTS, runTrendProcess, startTrendProcess, tempDataDir } from './helpers.ts';

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
	const dir = tempDataDir();
	// A report big enough (about 10 MB) that a run takes a while, so the kills land at different stages.
	const small = JSON.parse(readFileSync(report, 'utf8'));
	const files: Record<string, unknown> = {};
	for (let i = 0; i < 1000; i++) for (const [p, f] of Object.entries(small.files)) files[`copy${i}/${p}`] = f;
	const big = join(dir, '..', `${dir.split('/').pop()}-big.json`);
	writeFileSync(big, JSON.stringify({ ...small, files }));
	const trendFile = join(dir, 'coverage_trend.json');
	for (const [i, delay] of [150, 400, 700, 1000].entries()) {
		const before = readFileSync(trendFile, 'utf8');
		const child = startTrendProcess([
			'record',
			big,
			'--commit',
			`dead${i}beef`,
			'--date',
			`2026-08-0${i + 1}`,
			'--message',
			'm',
			'--data-dir',
			dir,
		]);
		await new Promise((r) => setTimeout(r, delay));
		child.kill('SIGKILL');
		await exited(child);
		const after = readFileSync(trendFile, 'utf8');
		if (after !== before) {
			// The rename happened: the new file is whole and valid, with one more point.
			expect(JSON.parse(after).coverage_history).toHaveLength(JSON.parse(before).coverage_history.length + 1);
		}
		// Every snapshot that exists is complete JSON (temporary files never end in .json).
		const kept = existsSync(join(dir, 'snapshots')) ? readdirSync(join(dir, 'snapshots')) : [];
		for (const name of kept.filter((n) => n.endsWith('.json')))
			expect(() => JSON.parse(readFileSync(join(dir, 'snapshots', name), 'utf8'))).not.toThrow();
	}
	expect(validateDataDir(dir).filter((p) => !p.message.includes('does not exist'))).toEqual([]);
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
		dir,
	]);
	expect(next.stderr).toBe('');
	expect(next.status).toBe(0);
	expect(loadTrend(dir).coverage_history.at(-1)!.commit).toBe('feedface');
});
