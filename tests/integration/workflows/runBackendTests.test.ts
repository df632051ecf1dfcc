import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PYTHON } from '../../../scripts/shared/python.ts';
import { tinyBackend } from '../../helpers/tinyBackend.ts';

const SCRIPT = 'scripts/ci/run-backend-tests.sh';

/** Run the script; `env` adds to (never replaces) the environment. */
function runScript(reportDir: string, env: Record<string, string>) {
	const outputFile = join(mkdtempSync(join(tmpdir(), 'gh-output-')), 'output');
	const run = spawnSync(SCRIPT, [reportDir], {
		encoding: 'utf8',
		env: { ...process.env, GITHUB_OUTPUT: outputFile, ...env },
	});
	return { ...run, githubOutput: existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : '' };
}

/**
 * A stand-in for `python` that plays pytest and coverage.py: it writes the reports the real tools
 * would and exits with FAKE_PYTEST_EXIT, so the duration and exit-code rules can be tested exactly.
 */
function fakePython(): string {
	const file = join(mkdtempSync(join(tmpdir(), 'fake-python-')), 'python');
	writeFileSync(
		file,
		`#!/usr/bin/env bash
if [ "$2" = pytest ]; then
	echo "$@" > "$FAKE_ARGS_FILE"
	for a in "$@"; do
		case "$a" in
			--junitxml=*) echo '<testsuites/>' > "\${a#--junitxml=}" ;;
			--cov-report=html:*) mkdir -p "\${a#--cov-report=html:}" ;;
		esac
	done
	exit "\${FAKE_PYTEST_EXIT:-0}"
fi
if [ "$2" = coverage ]; then echo '{}' > "$6"; fi
`,
	);
	chmodSync(file, 0o755);
	return file;
}

describe('run-backend-tests.sh with the real pytest stack', () => {
	test('runs pytest -n under coverage with branch data and writes every report', () => {
		const reports = join(mkdtempSync(join(tmpdir(), 'reports-')), 'out');
		const run = runScript(reports, { PYTHON, BACKEND_DIR: tinyBackend(), PYTEST_WORKERS: '2' });
		expect(run.status, run.stdout + run.stderr).toBe(0);
		const json = JSON.parse(readFileSync(join(reports, 'coverage.json'), 'utf8'));
		expect(json.meta.branch_coverage).toBe(true);
		expect(Object.keys(json.files)).toEqual(['calc.py']);
		expect(json.totals.percent_covered).toBeGreaterThan(0);
		expect(readFileSync(join(reports, 'junit.xml'), 'utf8')).toMatch(/<testsuite [^>]*tests="2"/);
		expect(existsSync(join(reports, 'html', 'index.html'))).toBe(true);
		expect(readFileSync(join(reports, 'coverage.xml'), 'utf8')).toContain('branch-rate');
		expect(run.stdout).toMatch(/calc\.py\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+%\s+\d/); // term-missing: a Missing column
		expect(run.stdout).toMatch(/gw[01]/); // xdist workers ran
		expect(Number(readFileSync(join(reports, 'duration_seconds'), 'utf8'))).toBeGreaterThan(0);
		expect(run.githubOutput).toMatch(/^reports=true$/m);
		expect(run.stdout).not.toContain('::warning');
	});
	test('passes on pytest’s failure exit code after writing the reports', () => {
		const reports = join(mkdtempSync(join(tmpdir(), 'reports-')), 'out');
		const run = runScript(reports, { PYTHON, BACKEND_DIR: tinyBackend({ failing: true }), PYTEST_WORKERS: '0' });
		expect(run.status).toBe(1);
		expect(existsSync(join(reports, 'coverage.json'))).toBe(true);
		expect(readFileSync(join(reports, 'pytest_exit_code'), 'utf8').trim()).toBe('1');
		expect(run.githubOutput).toMatch(/^reports=true$/m);
	});
});

describe('run-backend-tests.sh duration thresholds', () => {
	const backend = mkdtempSync(join(tmpdir(), 'backend-'));
	const env = (extra: Record<string, string>) => ({
		PYTHON: fakePython(),
		BACKEND_DIR: backend,
		FAKE_ARGS_FILE: join(backend, 'args'),
		...extra,
	});
	const reports = () => join(mkdtempSync(join(tmpdir(), 'reports-')), 'out');

	test('under the warning threshold: no annotation, exit 0', () => {
		const run = runScript(reports(), env({ DURATION_WARN_SECONDS: '300', DURATION_FAIL_SECONDS: '600' }));
		expect(run.status).toBe(0);
		expect(run.stdout).not.toMatch(/::(warning|error)/);
	});
	test('over the warning threshold: a ::warning:: annotation, still exit 0', () => {
		const run = runScript(reports(), env({ DURATION_WARN_SECONDS: '0', DURATION_FAIL_SECONDS: '600' }));
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(
			/^::warning title=Slow test suite::The backend suite took [\d.]+ s, over the 0 s warning threshold/m,
		);
	});
	test('over the failure threshold: an ::error:: annotation and exit 1, reports still written', () => {
		const out = reports();
		const run = runScript(out, env({ DURATION_WARN_SECONDS: '0', DURATION_FAIL_SECONDS: '0' }));
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(
			/^::error title=Test suite too slow::The backend suite took [\d.]+ s, over the 0 s limit\.$/m,
		);
		expect(run.stdout).not.toContain('::warning');
		expect(existsSync(join(out, 'coverage.json'))).toBe(true);
		expect(existsSync(join(out, 'duration_seconds'))).toBe(true);
	});
	test('a pytest failure keeps its own exit code even when also too slow', () => {
		const run = runScript(reports(), env({ DURATION_FAIL_SECONDS: '0', FAKE_PYTEST_EXIT: '2' }));
		expect(run.status).toBe(2);
	});
	test('the defaults are 300 s and 600 s', () => {
		const script = readFileSync(SCRIPT, 'utf8');
		expect(script).toContain('warn_after=${DURATION_WARN_SECONDS:-300}');
		expect(script).toContain('fail_after=${DURATION_FAIL_SECONDS:-600}');
	});
	test('passes -n auto by default and the extra arguments', () => {
		runScript(reports(), env({ PYTEST_EXTRA_ARGS: '-m unit -q' }));
		const args = readFileSync(join(backend, 'args'), 'utf8');
		expect(args).toMatch(/^-m pytest -n auto --cov --cov-branch .* -m unit -q$/m);
	});
	test('refuses a backend directory that does not exist', () => {
		const run = runScript(reports(), { BACKEND_DIR: join(backend, 'nope') });
		expect(run.status).toBe(2);
		expect(run.stderr).toContain("BACKEND_DIR '");
	});
});
