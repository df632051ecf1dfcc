import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/** CI dates a point by its commit and judges that point, not the newest (issue 11, item 7). */
const ROOT = resolve('.');
const REPORTS = join(ROOT, 'tests/fixtures/reports');
const ci = { GITHUB_SHA: '', GITHUB_BASE_REF: '', GITHUB_STEP_SUMMARY: '', GITHUB_REF_NAME: 'main' };

function git(cwd: string, env: Record<string, string>, ...args: string[]): string {
	const run = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
	if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
	return run.stdout.trim();
}

/** A checkout with one commit made at `date`, a data directory and the example backend's reports. */
function checkoutAt(date: string) {
	const dir = mkdtempSync(join(tmpdir(), 'check-run-'));
	git(dir, {}, 'init', '-q', '-b', 'main');
	writeFileSync(join(dir, 'file.txt'), 'x\n');
	git(dir, {}, 'add', 'file.txt');
	const who = { GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date };
	git(dir, who, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'Old commit');
	const sha = git(dir, {}, 'rev-parse', 'HEAD');
	cpSync(join(ROOT, 'tests/fixtures/trend/data'), join(dir, 'data'), { recursive: true });
	const reports = join(dir, 'reports');
	mkdirSync(reports);
	copyFileSync(join(REPORTS, 'coverage-branch.json'), join(reports, 'coverage.json'));
	copyFileSync(join(REPORTS, 'junit-plain.xml'), join(reports, 'junit.xml'));
	return { dir, sha, reports };
}

function script(name: string, cwd: string, args: string[], env: Record<string, string>) {
	return spawnSync(join(ROOT, 'scripts/ci', name), args, {
		cwd,
		encoding: 'utf8',
		env: { ...process.env, ...ci, ...env },
	});
}

describe('record-run.sh and check-run.sh', () => {
	test('a re-run of an old commit is dated by the commit and lands at its own place, not at the front', () => {
		const { dir, sha, reports } = checkoutAt('2026-03-04T05:06:07+00:00');
		const trendFile = join(dir, 'data/coverage_trend.json');
		const trend = JSON.parse(readFileSync(trendFile, 'utf8'));
		trend.coverage_history.push({ ...trend.coverage_history.at(-1), date: '2026-06-01', commit: 'newer01' });
		writeFileSync(trendFile, JSON.stringify(trend));
		const record = script('record-run.sh', dir, [reports], { COMMIT_SHA: sha, DATA_DIR: 'data' });
		expect(record.stderr).toBe('');
		expect(record.status).toBe(0);
		const history = JSON.parse(readFileSync(trendFile, 'utf8')).coverage_history;
		const point = history.find((p: { commit: string }) => p.commit === sha);
		expect(point).toMatchObject({ date: '2026-03-04', timestamp: '2026-03-04T05:06:07+00:00' });
		expect(history.at(-1).commit).toBe('newer01');

		// The gate judges that commit's point, and says so.
		const check = script('check-run.sh', dir, [reports], { COMMIT_SHA: sha, DATA_DIR: 'data' });
		expect([0, 1]).toContain(check.status);
		expect(check.stdout).toContain(`Commit ${sha.slice(0, 7)} on main (2026-03-04)`);
		expect(readFileSync(join(reports, 'summary.md'), 'utf8')).toBe(check.stdout);
	});

	test('check-run.sh without a recorded point for the run is bad input, not a verdict on another point', () => {
		const { dir, reports } = checkoutAt('2026-03-04T05:06:07+00:00');
		const check = script('check-run.sh', dir, [reports], { COMMIT_SHA: 'feedface0000', DATA_DIR: 'data' });
		expect(check.status).toBe(2);
		expect(check.stderr).toContain('expected a point for commit feedface0000, found none');
	});
});
