import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { folderBytes, REPORTS, runTrendProcess, tempDataDir } from '../../helpers/trend.ts';

/** Mount a tmpfs of `size` bytes; null where mounting is not allowed (not root, or in a container without CAP_SYS_ADMIN). */
function smallDisk(size: number): string | null {
	const dir = mkdtempSync(join(tmpdir(), 'full-disk-'));
	const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
	if (r.status !== 0) {
		rmSync(dir, { recursive: true, force: true });
		return null;
	}
	mounted.push(dir);
	return dir;
}
const mounted: string[] = [];
afterAll(() => {
	for (const dir of mounted) spawnSync('umount', [dir]);
});
const canMount = (() => {
	const probe = smallDisk(64 * 1024);
	return probe !== null;
})();

/** A data directory whose trend is about `bytes` long: one recorded point, repeated under other commits and hours. */
function dataDirWithHistory(bytes: number): string {
	const dir = tempDataDir();
	const r = runTrendProcess([
		'record',
		`${REPORTS}/coverage-branch.json`,
		`--junit=${REPORTS}/junit-plain.xml`,
		'--commit=0000000a',
		'--date=2026-01-01T10:00:00Z',
		'--branch=main',
		'--message=seed point',
		`--data-dir=${dir}`,
	]);
	if (r.status !== 0) throw new Error(r.stderr);
	const trend = JSON.parse(readFileSync(join(dir, 'coverage_trend.json'), 'utf8'));
	const point = trend.coverage_history.find((p: { commit: string }) => p.commit === '0000000a');
	const start = Date.parse('2020-01-01T00:00:00Z');
	const { snapshot: _s, test_run: _t, ...rest } = point;
	const history = (n: number) =>
		Array.from({ length: n }, (_, i) => {
			const at = new Date(start + i * 3_600_000).toISOString();
			return { ...rest, date: at.slice(0, 10), timestamp: at, commit: `c${String(i).padStart(9, '0')}` };
		});
	const text = (n: number) => `${JSON.stringify({ ...trend, coverage_history: history(n) }, null, 2)}\n`;
	writeFileSync(join(dir, 'coverage_trend.json'), text(Math.floor((bytes / text(100).length) * 100)));
	for (const sub of ['snapshots', 'test-runs']) rmSync(join(dir, sub), { recursive: true, force: true });
	return dir;
}

/** Every file under a folder whose name marks a temporary file. */
const temporaries = (dir: string) =>
	readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => /(^|\/)\.[^/]*\.tmp$/.test(n));

// Mounting a tmpfs needs root (CAP_SYS_ADMIN); CI and these machines run the tests as root.
describe.skipIf(!canMount)('a full disk (a real 2 MB tmpfs)', () => {
	test('keeps the old 1.5 MB trend byte for byte, exits 2 naming the file, and leaves no temporary file', () => {
		const disk = smallDisk(2 * 1024 * 1024)!;
		const dir = join(disk, 'data');
		cpSync(dataDirWithHistory(1_500_000), dir, { recursive: true });
		expect(readFileSync(join(dir, 'coverage_trend.json')).length).toBeGreaterThan(1_400_000);
		const before = folderBytes(dir);
		const r = runTrendProcess([
			'record',
			`${REPORTS}/coverage-branch.json`,
			`--junit=${REPORTS}/junit-plain.xml`,
			'--commit=abc1234',
			'--date=2026-06-01',
			'--message=m',
			`--data-dir=${dir}`,
		]);
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(/coverage_trend\.json: could not write \(ENOSPC/);
		expect(folderBytes(dir)).toEqual(before);
		expect(temporaries(dir)).toEqual([]);
		expect(runTrendProcess(['validate', `--data-dir=${dir}`]).status).toBe(0);
	});

	test('a snapshot that does not fit: exit 2 naming the snapshots folder, every old file unchanged', () => {
		const disk = smallDisk(2 * 1024 * 1024)!;
		const dir = join(disk, 'data');
		cpSync(tempDataDir(), dir, { recursive: true });
		// A report whose snapshot (several MB) cannot fit on the disk at all.
		const small = JSON.parse(readFileSync(`${REPORTS}/coverage-branch.json`, 'utf8'));
		const files: Record<string, unknown> = {};
		for (let i = 0; i < 1000; i++)
			for (const [p, f] of Object.entries(small.files)) files[`core/governance/copy${i}/${p}`] = f;
		const report = join(mkdtempSync(join(tmpdir(), 'big-report-')), 'coverage.json');
		writeFileSync(report, JSON.stringify({ ...small, files }));
		const before = folderBytes(dir);
		const r = runTrendProcess(['record', report, '--commit=abc1234', '--date=2026-06-01', `--data-dir=${dir}`]);
		expect(r.status).toBe(2);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(/snapshots: could not write \(ENOSPC/);
		expect(folderBytes(dir)).toEqual(before);
		expect(temporaries(dir)).toEqual([]);
	});
});
