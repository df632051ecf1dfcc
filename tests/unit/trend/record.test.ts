import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSnapshot, loadTestRun, loadTrend, validateDataDir } from '../../../src/lib/dataDir/dataDir.ts';
import { REPORTS, runTrend, tempDataDir } from '../../helpers/trend.ts';
import { unpackTestResult } from '../../../src/lib/schemas/testResult.ts';

const json = `${REPORTS}/coverage-branch.json`;
const raw = JSON.parse(readFileSync(json, 'utf8'));

async function record(dir: string, ...args: string[]) {
	const r = await runTrend(['record', ...args, '--data-dir', dir]);
	expect(r.stderr, 'nothing on stderr on success').toBe('');
	expect(r.status).toBe(0);
	return r;
}

describe('record', () => {
	test('appends a point in the seed format plus the optional fields, and links a snapshot and a test run', async () => {
		const dir = tempDataDir();
		const r = await record(
			dir,
			json,
			'--junit',
			`${REPORTS}/junit-rerun-pass.xml`,
			'--attempts',
			`${REPORTS}/attempts-rerun-pass.json`,
			'--commit',
			'0123456789abcdef0123456789abcdef01234567',
			'--date',
			'2026-03-01T09:30:00Z',
			'--branch',
			'main',
			'--message',
			'Add approvals',
		);
		const trend = loadTrend(dir);
		expect(trend.coverage_history).toHaveLength(2);
		const p = trend.coverage_history[1]!;
		const written = JSON.parse(readFileSync(join(dir, 'coverage_trend.json'), 'utf8')).coverage_history[1];
		expect(Object.keys(written).slice(0, 7)).toEqual([
			'date',
			'commit',
			'overall_percent',
			'governance_percent',
			'security_percent',
			'episodes_percent',
			'test_count',
		]);
		expect(p.date).toBe('2026-03-01');
		expect(p.timestamp).toBe('2026-03-01T09:30:00Z');
		expect(p.overall_percent).toBe(Math.round(raw.totals.percent_covered * 100) / 100);
		expect(p.branch).toBe('main');
		expect(p.message).toBe('Add approvals');
		expect(p.targets).toEqual(trend.targets);
		expect(p.counts!.overall!.num_statements).toBe(raw.totals.num_statements);
		expect(p.counts!.overall!.num_branches).toBe(raw.totals.num_branches);
		expect(p.branch_coverage).toBe(Math.round((10000 * raw.totals.covered_branches) / raw.totals.num_branches) / 100);
		// Domain level only: no file path anywhere in the trend file.
		expect(readFileSync(join(dir, 'coverage_trend.json'), 'utf8')).not.toMatch(/core\//);
		// JUnit figures.
		const junit = readFileSync(`${REPORTS}/junit-rerun-pass.xml`, 'utf8');
		expect(p.test_count).toBe((junit.match(/<testcase /g) ?? []).length);
		expect(p.tests_failed).toBe(0);
		expect(p.tests_skipped).toBe(2);
		// Linked files exist and validate; the snapshot keeps the figures the site shows.
		expect(p.snapshot).toBe('2026-03-01_0123456_coverage.json');
		expect(p.test_run).toBe('2026-03-01_0123456_tests.json');
		const snap = loadSnapshot(dir, p.snapshot!);
		expect(snap.totals.percent_covered).toBe(raw.totals.percent_covered);
		expect(Object.keys(snap.files)).toEqual(Object.keys(raw.files));
		const run = loadTestRun(dir, p.test_run!);
		const flaky = run.tests.map(unpackTestResult).find((t) => t.name === 'test_flaky_by_environment')!;
		expect(flaky.status).toBe('passed');
		expect(flaky.earlier).toEqual(['failed']);
		expect(validateDataDir(dir)).toEqual([]);
		// The summary names each figure with its change since the previous point.
		expect(r.stdout).toMatch(/Overall\s+\d+\.\d\d%\s+\+\d+\.\d\d since initial \(2026-02-11\)/);
		expect(r.stdout).toMatch(/Governance\s+\d+\.\d\d%/);
		expect(r.stdout).toMatch(/Tests\s+\d+ \(0 failed, 2 skipped\)/);
	});

	test('keeps points in date order and replaces a commit that is already there, saying so', async () => {
		const dir = tempDataDir();
		await record(dir, json, '--commit', 'aaaaaaa1', '--date', '2026-03-05', '--message', 'm');
		await record(dir, json, '--commit', 'bbbbbbb2', '--date', '2026-03-03', '--message', 'm');
		const r = await record(
			dir,
			`${REPORTS}/coverage-nobranch.json`,
			'--commit',
			'aaaaaaa1',
			'--date',
			'2026-03-06',
			'--message',
			'm',
		);
		expect(r.stdout).toContain('Replaced the earlier point for commit aaaaaaa (recorded for 2026-03-05)');
		const trend = loadTrend(dir);
		expect(trend.coverage_history.map((p) => `${p.date} ${p.commit}`)).toEqual([
			'2026-02-11 initial',
			'2026-03-03 bbbbbbb2',
			'2026-03-06 aaaaaaa1',
		]);
		expect(trend.coverage_history[2]!.branch_coverage).toBeNull();
		// The replaced point's snapshot went with it.
		expect(readdirSync(join(dir, 'snapshots')).sort()).toEqual([
			'2026-03-03_bbbbbbb_coverage.json',
			'2026-03-06_aaaaaaa_coverage.json',
		]);
	});

	test('drops the oldest snapshots and test runs beyond the configured number and clears their links', async () => {
		const dir = tempDataDir();
		const config = JSON.parse(readFileSync(join(dir, 'coverage.config.json'), 'utf8'));
		writeFileSync(
			join(dir, 'coverage.config.json'),
			JSON.stringify({ ...config, snapshots_keep: 2, test_runs_keep: 1 }),
		);
		for (const [i, day] of ['01', '02', '03'].entries())
			await record(
				dir,
				json,
				'--junit',
				`${REPORTS}/junit-plain.xml`,
				'--commit',
				`c${i}c${i}c${i}c${i}`,
				'--date',
				`2026-04-${day}`,
				'--message',
				'm',
			);
		expect(readdirSync(join(dir, 'snapshots')).sort()).toEqual([
			'2026-04-02_c1c1c1c_coverage.json',
			'2026-04-03_c2c2c2c_coverage.json',
		]);
		expect(readdirSync(join(dir, 'test-runs'))).toEqual(['2026-04-03_c2c2c2c_tests.json']);
		const h = loadTrend(dir).coverage_history;
		expect(h.map((p) => [p.snapshot ?? null, p.test_run ?? null])).toEqual([
			[null, null],
			[null, null],
			['2026-04-02_c1c1c1c_coverage.json', null],
			['2026-04-03_c2c2c2c_coverage.json', '2026-04-03_c2c2c2c_tests.json'],
		]);
		// Every point keeps its figures.
		expect(h.slice(1).every((p) => p.overall_percent > 0)).toBe(true);
	});

	test('a domain that matches no file gets no value and a warning, never 0 or 100', async () => {
		const dir = tempDataDir();
		const config = JSON.parse(readFileSync(join(dir, 'coverage.config.json'), 'utf8'));
		config.domains.push({ id: 'billing', label: 'Billing', include: ['core/billing/**'] });
		writeFileSync(join(dir, 'coverage.config.json'), JSON.stringify(config));
		const r = await record(dir, json, '--commit', 'abcabcabc', '--date', '2026-05-01', '--message', 'm');
		const p = loadTrend(dir).coverage_history.at(-1)!;
		expect(p.billing_percent).toBeNull();
		expect(p.counts).not.toHaveProperty('billing');
		expect(r.stdout).toContain('warning: domain "billing" matched no file of the report (include: core/billing/**)');
	});

	test.each(['xml', 'lcov'])('records from %s with the same figures as from the JSON', async (ext) => {
		const a = tempDataDir();
		const b = tempDataDir();
		await record(a, json, '--commit', 'abcabcabc', '--date', '2026-05-01', '--message', 'm');
		await record(
			b,
			`${REPORTS}/coverage-branch.${ext}`,
			'--commit',
			'abcabcabc',
			'--date',
			'2026-05-01',
			'--message',
			'm',
		);
		const pa = loadTrend(a).coverage_history.at(-1)!;
		const pb = loadTrend(b).coverage_history.at(-1)!;
		for (const key of [
			'overall_percent',
			'governance_percent',
			'security_percent',
			'episodes_percent',
			'branch_coverage',
		])
			expect(Math.abs((pa[key] as number) - (pb[key] as number)), key).toBeLessThanOrEqual(0.01);
		expect(loadSnapshot(b, pb.snapshot!).meta.source_format).toBe(ext === 'xml' ? 'cobertura' : 'lcov');
	});

	test('several JUnit files (shards) add up; rerunfailures >= 16.6.1 duplicates are one test', async () => {
		const dir = tempDataDir();
		await record(
			dir,
			json,
			'--junit',
			`${REPORTS}/junit-rerun-16.6.1.xml`,
			'--junit',
			`${REPORTS}/junit-setup-error.xml`,
			'--commit',
			'abcabcabc',
			'--date',
			'2026-05-01',
			'--message',
			'm',
		);
		const p = loadTrend(dir).coverage_history.at(-1)!;
		const run = loadTestRun(dir, p.test_run!);
		const tests = run.tests.map(unpackTestResult);
		const names = tests.map((t) => `${run.classnames[t.classIndex]}::${t.name}`);
		expect(new Set(names).size).toBe(names.length);
		const err = tests.find((t) => t.name === 'test_default_policy_denies')!;
		expect(err.status).toBe('error');
		expect(p.tests_failed).toBe(1);
		const durations = [`${REPORTS}/junit-rerun-16.6.1.xml`, `${REPORTS}/junit-setup-error.xml`].map((f) =>
			Number(/<testsuite [^>]*time="([\d.]+)"/.exec(readFileSync(f, 'utf8'))![1]),
		);
		expect(p.duration_seconds).toBeCloseTo(durations[0]! + durations[1]!, 3);
	});

	test('with no earlier trend file, the first point starts the history', async () => {
		const dir = tempDataDir();
		writeFileSync(join(dir, 'coverage_trend.json'), '');
		const r = await runTrend(['record', json, '--commit', 'abcabcabc', '--data-dir', dir]);
		expect(r.status).toBe(2); // an empty trend file is bad data, not "no history"
		const fresh = tempDataDir();
		const { rmSync } = await import('node:fs');
		rmSync(join(fresh, 'coverage_trend.json'));
		const ok = await record(fresh, json, '--commit', 'abcabcabc', '--message', 'm');
		expect(ok.stdout).toMatch(/first point/);
		expect(existsSync(join(fresh, 'coverage_trend.json'))).toBe(true);
		expect(loadTrend(fresh).coverage_history).toHaveLength(1);
	});
});
