import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateDataDir } from '../../../src/lib/dataDir/dataDir.ts';
import { folderBytes, REPORTS, runTrend, tempDataDir } from '../../helpers/trend.ts';

const json = `${REPORTS}/coverage-branch.json`;
const junit = `${REPORTS}/junit-plain.xml`;
const outside = () => mkdtempSync(join(tmpdir(), 'outside-'));
const setConfig = (dir: string, change: Record<string, unknown>) => {
	const config = JSON.parse(readFileSync(join(dir, 'coverage.config.json'), 'utf8'));
	writeFileSync(join(dir, 'coverage.config.json'), JSON.stringify({ ...config, ...change }));
};
const record = (dir: string, commit: string, date: string) =>
	runTrend([
		'record',
		json,
		`--junit=${junit}`,
		`--commit=${commit}`,
		`--date=${date}`,
		'--message=m',
		`--data-dir=${dir}`,
	]);

describe('record refuses symbolic links where it writes or deletes', () => {
	test('a test-runs file linked outside the data directory: refused, and the file it points to is untouched', async () => {
		const dir = tempDataDir();
		const victim = join(outside(), 'precious.txt');
		writeFileSync(victim, 'keep me\n');
		mkdirSync(join(dir, 'test-runs'));
		symlinkSync(victim, join(dir, 'test-runs', '2026-06-01_abc1234_tests.json'));
		const before = folderBytes(dir);
		const r = await record(dir, 'abc1234', '2026-06-01');
		expect(r.status).toBe(2);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(r.stderr).toContain(`${join(dir, 'test-runs', '2026-06-01_abc1234_tests.json')}: is a symbolic link`);
		expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
		expect(folderBytes(dir)).toEqual(before);
	});

	test('a linked trend file: refused, and its target is not rewritten', async () => {
		const dir = tempDataDir();
		const target = join(outside(), 'coverage_trend.json');
		writeFileSync(target, readFileSync(join(dir, 'coverage_trend.json')));
		rmSync(join(dir, 'coverage_trend.json'));
		symlinkSync(target, join(dir, 'coverage_trend.json'));
		const before = readFileSync(target, 'utf8');
		const r = await record(dir, 'abc1234', '2026-06-01');
		expect(r.status).toBe(2);
		expect(r.stderr).toContain(`${join(dir, 'coverage_trend.json')}: is a symbolic link`);
		expect(readFileSync(target, 'utf8')).toBe(before);
	});

	test('a snapshots folder linked elsewhere with snapshots_keep 1: refused, nothing there deleted', async () => {
		const dir = tempDataDir();
		setConfig(dir, { snapshots_keep: 1 });
		const elsewhere = outside();
		for (const name of ['2020-01-01_aaaaaaa_coverage.json', 'theirs_coverage.json'])
			writeFileSync(join(elsewhere, name), '{}\n');
		symlinkSync(elsewhere, join(dir, 'snapshots'));
		const r = await record(dir, 'abc1234', '2026-06-01');
		expect(r.status).toBe(2);
		expect(r.stderr).toContain(`${join(dir, 'snapshots')}: is a symbolic link`);
		expect(readdirSync(elsewhere).sort()).toEqual(['2020-01-01_aaaaaaa_coverage.json', 'theirs_coverage.json']);
	});

	test('pruning removes only names record gives its own files', async () => {
		const dir = tempDataDir();
		setConfig(dir, { snapshots_keep: 1, test_runs_keep: 1 });
		mkdirSync(join(dir, 'snapshots'));
		writeFileSync(join(dir, 'snapshots', 'notes_coverage.json'), '{}\n');
		writeFileSync(join(dir, 'snapshots', 'old copy_coverage.json'), '{}\n');
		for (const [commit, date] of [
			['a1a1a1a1', '2026-06-01'],
			['b2b2b2b2', '2026-06-02'],
		] as const) {
			const r = await record(dir, commit, date);
			expect(r.status, r.stderr).toBe(0);
		}
		expect(readdirSync(join(dir, 'snapshots')).sort()).toEqual([
			'2026-06-02_b2b2b2b_coverage.json',
			'notes_coverage.json',
			'old copy_coverage.json',
		]);
	});
});

describe('trend validate and symbolic links', () => {
	test('fails on any link under the data directory, even one to a valid file', async () => {
		const dir = tempDataDir();
		expect((await record(dir, 'abc1234', '2026-06-01')).status).toBe(0);
		expect(validateDataDir(dir)).toEqual([]);
		const snapshot = readdirSync(join(dir, 'snapshots'))[0]!;
		const copy = join(outside(), snapshot);
		writeFileSync(copy, readFileSync(join(dir, 'snapshots', snapshot)));
		rmSync(join(dir, 'snapshots', snapshot));
		symlinkSync(copy, join(dir, 'snapshots', snapshot));
		symlinkSync(outside(), join(dir, 'elsewhere'));
		const r = await runTrend(['validate', `--data-dir=${dir}`]);
		expect(r.status).toBe(2);
		expect(r.stderr).toContain(`${join(dir, 'snapshots', snapshot)}: is a symbolic link`);
		expect(r.stderr).toContain(`${join(dir, 'elsewhere')}: is a symbolic link`);
		expect(r.stderr).toContain('2 problems');
	});
});
