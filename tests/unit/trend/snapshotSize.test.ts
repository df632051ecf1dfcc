import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadTrend, validateDataDir } from '../../../src/lib/dataDir/dataDir.ts';
import { coverageConfigSchema } from '../../../src/lib/schemas/config.ts';
import { REPORTS, runTrend, tempDataDir } from '../../helpers/trend.ts';

const setMax = (dir: string, max: number) => {
	const config = JSON.parse(readFileSync(join(dir, 'coverage.config.json'), 'utf8'));
	writeFileSync(join(dir, 'coverage.config.json'), JSON.stringify({ ...config, snapshot_max_bytes: max }));
};
/** Every file name under the data directory, hidden ones included (temporaries start with a dot). */
const allNames = (dir: string): string[] =>
	readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => statSync(join(dir, n)).isFile());

test('the largest snapshot kept is 50 MiB unless the config says otherwise, well under GitHub’s 100 MB', () => {
	const config = coverageConfigSchema.parse({ project: 'p', domains: [{ id: 'a', label: 'A', include: ['**'] }] });
	expect(config.snapshot_max_bytes).toBe(50 * 1024 * 1024);
	expect(() => coverageConfigSchema.parse({ ...config, snapshot_max_bytes: 200_000_000 })).toThrow();
});

test.each([
	['coverage.py JSON (streamed)', 'coverage-branch.json'],
	['LCOV (converted)', 'coverage-branch.lcov'],
	['Cobertura (converted)', 'coverage-branch.xml'],
])('a %s snapshot over snapshot_max_bytes: the point is kept without it, with a warning, exit 0', async (_, file) => {
	const dir = tempDataDir();
	setMax(dir, 1024);
	const r = await runTrend([
		'record',
		`${REPORTS}/${file}`,
		'--commit=abc1234',
		'--date=2026-06-01',
		`--data-dir=${dir}`,
	]);
	expect(r.stderr).toBe('');
	expect(r.status).toBe(0);
	expect(r.stdout).toMatch(
		/warning: the snapshot is [\d.]+ MiB, over snapshot_max_bytes \(0\.0 MiB\): the point is kept without its per-file snapshot/,
	);
	const point = loadTrend(dir).coverage_history.at(-1)!;
	expect(point.commit).toBe('abc1234');
	expect(point.overall_percent).toBeGreaterThan(0);
	expect(point).not.toHaveProperty('snapshot');
	expect(existsSync(join(dir, 'snapshots'))).toBe(false);
	expect(allNames(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
	expect(validateDataDir(dir)).toEqual([]);
});

test('a snapshot at the limit is kept', async () => {
	const probe = tempDataDir();
	await runTrend([
		'record',
		`${REPORTS}/coverage-branch.json`,
		'--commit=abc1234',
		'--date=2026-06-01',
		`--data-dir=${probe}`,
	]);
	const size = statSync(join(probe, 'snapshots', '2026-06-01_abc1234_coverage.json')).size;
	const dir = tempDataDir();
	setMax(dir, size);
	const r = await runTrend([
		'record',
		`${REPORTS}/coverage-branch.json`,
		'--commit=abc1234',
		'--date=2026-06-01',
		`--data-dir=${dir}`,
	]);
	expect(r.stdout).not.toContain('warning');
	expect(loadTrend(dir).coverage_history.at(-1)!.snapshot).toBe('2026-06-01_abc1234_coverage.json');
	expect(statSync(join(dir, 'snapshots', '2026-06-01_abc1234_coverage.json')).size).toBe(size);
});
