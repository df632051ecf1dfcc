import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { PYTHON } from '../../../scripts/shared/python.ts';
import { tinyBackend } from '../../helpers/tinyBackend.ts';

let reports = '';
const dataCopy = () => {
	const dir = join(mkdtempSync(join(tmpdir(), 'record-run-')), 'data');
	cpSync('data', dir, { recursive: true });
	return dir;
};
const trendOf = (dir: string) =>
	JSON.parse(readFileSync(join(dir, 'coverage_trend.json'), 'utf8')) as {
		coverage_history: Array<Record<string, unknown>>;
	};

beforeAll(() => {
	reports = join(mkdtempSync(join(tmpdir(), 'record-run-reports-')), 'reports');
	const run = spawnSync('scripts/ci/run-backend-tests.sh', [reports], {
		encoding: 'utf8',
		env: { ...process.env, PYTHON, BACKEND_DIR: tinyBackend(), PYTEST_WORKERS: '0', GITHUB_OUTPUT: '' },
	});
	if (run.status !== 0) throw new Error(run.stdout + run.stderr);
});

describe('record-run.sh', () => {
	test('records the JSON and JUnit reports with the measured wall time as the point’s duration', () => {
		const dir = dataCopy();
		writeFileSync(join(reports, 'duration_seconds'), '12.34\n');
		const run = spawnSync('scripts/ci/record-run.sh', [reports], {
			encoding: 'utf8',
			env: { ...process.env, DATA_DIR: dir, COMMIT_SHA: 'f'.repeat(40), COMMIT_MESSAGE: 'Add sign()', GITHUB_SHA: '' },
		});
		expect(run.status, run.stderr).toBe(0);
		const point = trendOf(dir).coverage_history.at(-1)!;
		expect(point).toMatchObject({
			commit: 'f'.repeat(40),
			message: 'Add sign()',
			test_count: 2,
			duration_seconds: 12.34,
		});
		const coverage = JSON.parse(readFileSync(join(reports, 'coverage.json'), 'utf8'));
		expect(point.overall_percent).toBeCloseTo(coverage.totals.percent_covered, 2);
	});
	// A commit title is the author's free text: one that looks like an option must still be a value.
	test.each(['--force-push cleanup', '-x: drop the cache', '=equals first', '--', '-'])(
		'records a commit titled %j as its message, not as an option',
		(title) => {
			const dir = dataCopy();
			const run = spawnSync('scripts/ci/record-run.sh', [reports], {
				encoding: 'utf8',
				env: { ...process.env, DATA_DIR: dir, COMMIT_SHA: 'e'.repeat(40), COMMIT_MESSAGE: title, GITHUB_SHA: '' },
			});
			expect(run.status, run.stderr).toBe(0);
			expect(trendOf(dir).coverage_history.at(-1)).toMatchObject({ commit: 'e'.repeat(40), message: title });
		},
	);
	test('records from a report folder whose name starts with a dash', () => {
		const dir = dataCopy();
		const parent = mkdtempSync(join(tmpdir(), 'record-run-dash-'));
		cpSync(reports, join(parent, '-reports'), { recursive: true });
		const run = spawnSync(join(process.cwd(), 'scripts/ci/record-run.sh'), ['-reports'], {
			cwd: parent,
			encoding: 'utf8',
			env: { ...process.env, DATA_DIR: dir, COMMIT_SHA: 'd'.repeat(40), COMMIT_MESSAGE: 'm', GITHUB_SHA: '' },
		});
		expect(run.status, run.stderr).toBe(0);
		expect(trendOf(dir).coverage_history.at(-1)).toMatchObject({ commit: 'd'.repeat(40) });
	});
	test('refuses to run without the reports, naming the missing file', () => {
		const run = spawnSync('scripts/ci/record-run.sh', [join(reports, 'nope')], { encoding: 'utf8' });
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('nope/coverage.json is missing or empty');
	});
});

describe('trend record --duration', () => {
	test.each([
		['--duration=-3', /--duration: expected seconds as a number such as 42.5, found "-3"/],
		['--duration=abc', /--duration: expected seconds as a number such as 42.5, found "abc"/],
		['--duration=1e999', /--duration: expected seconds/],
	])('%s is refused with exit 2 and no file changes', (flag, message) => {
		const dir = dataCopy();
		const before = readFileSync(join(dir, 'coverage_trend.json'), 'utf8');
		const run = spawnSync(
			process.execPath,
			[
				'scripts/trend.ts',
				'record',
				join(reports, 'coverage.json'),
				'--junit',
				join(reports, 'junit.xml'),
				'--data-dir',
				dir,
				'--commit',
				'abc1234',
				flag,
			],
			{ encoding: 'utf8' },
		);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(message);
		expect(readFileSync(join(dir, 'coverage_trend.json'), 'utf8')).toBe(before);
	});
	test('without --junit it is refused', () => {
		const run = spawnSync(
			process.execPath,
			[
				'scripts/trend.ts',
				'record',
				join(reports, 'coverage.json'),
				'--data-dir',
				dataCopy(),
				'--commit',
				'abc1234',
				'--duration',
				'3',
			],
			{ encoding: 'utf8' },
		);
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('--duration: needs at least one --junit file');
	});
});
