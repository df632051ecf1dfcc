import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadTrend, validateDataDir } from '../../../src/lib/dataDir/dataDir.ts';
import { REPORTS, startTrendProcess, tempDataDir } from '../../helpers/trend.ts';

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
