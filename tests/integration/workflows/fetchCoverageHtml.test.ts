import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * A stand-in for the GitHub CLI: logs its arguments, answers `run list` with FAKE_RUN_ID and, for
 * `run download`, writes an HTML report into --dir (or fails when FAKE_DOWNLOAD_FAILS is set).
 */
function fakeGh(): { bin: string; log: string } {
	const bin = mkdtempSync(join(tmpdir(), 'fake-gh-'));
	const log = join(bin, 'calls');
	writeFileSync(
		join(bin, 'gh'),
		`#!/usr/bin/env bash
echo "$*" >> "${log}"
if [ "$1 $2" = "run list" ]; then echo "\${FAKE_RUN_ID:-}"; exit 0; fi
if [ "$1 $2" = "run download" ]; then
	[ -n "\${FAKE_DOWNLOAD_FAILS:-}" ] && { echo "no artifact" >&2; exit 1; }
	while [ $# -gt 0 ]; do [ "$1" = --dir ] && dir=$2; shift; done
	mkdir -p "$dir/html" && echo report > "$dir/html/index.html"
	exit 0
fi
exit 3
`,
	);
	chmodSync(join(bin, 'gh'), 0o755);
	return { bin, log };
}

function fetch(env: Record<string, string>) {
	const gh = fakeGh();
	const dest = join(mkdtempSync(join(tmpdir(), 'fetch-')), 'coverage_reports');
	const run = spawnSync('scripts/ci/fetch-coverage-html.sh', [dest], {
		encoding: 'utf8',
		env: { ...process.env, PATH: `${gh.bin}${delimiter}${process.env.PATH}`, RUN_ID: '', ...env },
	});
	const calls = existsSync(gh.log) ? readFileSync(gh.log, 'utf8').trim().split('\n') : [];
	return { ...run, dest, calls };
}

describe('fetch-coverage-html.sh', () => {
	test('downloads the coverage-reports artifact of the triggering run', () => {
		const run = fetch({ RUN_ID: '123' });
		expect(run.status).toBe(0);
		expect(run.calls).toEqual([`run download 123 --name coverage-reports --dir ${run.dest}`]);
		expect(readFileSync(join(run.dest, 'html', 'index.html'), 'utf8')).toBe('report\n');
	});
	test('by hand (no triggering run): finds the newest push run of Coverage Report on main', () => {
		const run = fetch({ FAKE_RUN_ID: '456' });
		expect(run.status).toBe(0);
		expect(run.calls[0]).toBe(
			'run list --workflow coverage-report.yml --branch main --event push --status completed --limit 1 --json databaseId --jq .[0].databaseId // empty',
		);
		expect(run.calls[1]).toBe(`run download 456 --name coverage-reports --dir ${run.dest}`);
	});
	test('no run yet: a warning, exit 0, nothing downloaded', () => {
		const run = fetch({});
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^::warning title=No coverage run yet::/);
		expect(run.calls).toHaveLength(1);
	});
	test('an expired artifact: a warning, exit 0, the site deploys without the report', () => {
		const run = fetch({ RUN_ID: '789', FAKE_DOWNLOAD_FAILS: '1' });
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^::warning title=No coverage artifact::run 789 has no 'coverage-reports' artifact/m);
		expect(existsSync(join(run.dest, 'html'))).toBe(false);
	});
});
