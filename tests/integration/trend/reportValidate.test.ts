import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { NODE, REPORTS, runTrend, runTrendProcess, tempDataDir } from '../../helpers/trend.ts';

/** A word for `sh -c`, quoted. */
const shellQuoted = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/**
 * This environment without the settings that decide colour in Node's tty.getColorDepth: the colour
 * switches a developer's shell may have, and the CI markers a CI machine has (with `CI` set and no
 * CI service Node knows, Node gives no colour even on a terminal: the CI run of 2026-12-02 failed so).
 */
function cleanColourEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	const switches = ['NO_COLOR', 'FORCE_COLOR', 'NODE_DISABLE_COLORS', 'TMUX', 'COLORTERM', 'TERM_PROGRAM'];
	const ciMarkers = ['CI', 'CI_NAME', 'TF_BUILD', 'AGENT_NAME', 'TEAMCITY_VERSION'];
	const ciServices = [
		'APPVEYOR',
		'BUILDKITE',
		'CIRCLECI',
		'DRONE',
		'GITHUB_ACTIONS',
		'GITEA_ACTIONS',
		'GITLAB_CI',
		'TRAVIS',
	];
	for (const name of [...switches, ...ciMarkers, ...ciServices]) delete env[name];
	return env;
}

describe('report', () => {
	test('prints a table per domain and the files with the most missing lines, plain when not a terminal', async () => {
		const r = await runTrend(['report', `${REPORTS}/coverage-branch.json`, '--data-dir', tempDataDir()]);
		expect(r.status).toBe(0);
		expect(r.stdout).not.toContain('\u001b[');
		const lines = r.stdout.split('\n');
		expect(lines[0]).toMatch(/^Figure\s+Files\s+Statements\s+Missing\s+Branches\s+Percent\s+Target\s+Status$/);
		expect(r.stdout).toMatch(/^Overall\s+\d+\s+513\s+73\s+\d+\/220\s+84\.17%\s+80%\s+green$/m);
		expect(r.stdout).toMatch(
			/^Governance: files with the most missing lines\n\s+14 missing of\s+63\s+73\.03%\s+core\/governance\/audit\.py$/m,
		);
	});

	// Colour is Node's styleText's decision, so these assert Node's documented rules (doc/api/cli.md,
	// FORCE_COLOR and NO_COLOR): a terminal takes colour, a pipe does not, NO_COLOR turns it off, and
	// FORCE_COLOR turns it on and wins over NO_COLOR. `script` gives the process a real terminal.
	const onTerminal = (env: Record<string, string>) => {
		const command = ['scripts/trend.ts', 'report', `${REPORTS}/coverage-branch.json`, '--data-dir', tempDataDir()];
		const r = spawnSync('script', ['-qec', [NODE, ...command].map(shellQuoted).join(' '), '/dev/null'], {
			encoding: 'utf8',
			env: { ...cleanColourEnv(), TERM: 'xterm-256color', ...env },
		});
		expect(r.status).toBe(0);
		return r.stdout;
	};

	test('colours by the thresholds on a terminal, and not on a pipe', () => {
		expect(onTerminal({})).toContain('\u001b[32m'); // green
		const piped = runTrendProcess(['report', `${REPORTS}/coverage-branch.json`, '--data-dir', tempDataDir()]);
		expect(piped.status).toBe(0);
		expect(piped.stdout).toMatch(/green$/m);
		expect(piped.stdout).not.toContain('\u001b[');
	});

	test('a CI machine Node does not know gets no colour, even on a terminal, as Node decides', () => {
		expect(onTerminal({ CI: 'true' })).not.toContain('\u001b[');
		expect(onTerminal({ CI: 'true', GITHUB_ACTIONS: 'true' })).toContain('\u001b[32m');
	});

	test('NO_COLOR or FORCE_COLOR=0 turns colour off on a terminal', () => {
		expect(onTerminal({ NO_COLOR: '1' })).not.toContain('\u001b[');
		expect(onTerminal({ FORCE_COLOR: '0' })).not.toContain('\u001b[');
	});

	test('FORCE_COLOR colours a pipe and wins over NO_COLOR, as Node documents', () => {
		const args = ['report', `${REPORTS}/coverage-branch.json`, '--data-dir', tempDataDir()];
		expect(runTrendProcess(args, { FORCE_COLOR: '1' }).stdout).toContain('\u001b[32m');
		const both = runTrendProcess(args, { FORCE_COLOR: '1', NO_COLOR: '1' });
		expect(both.stdout).toContain('\u001b[32m');
		expect(both.stderr).toContain("The 'NO_COLOR' env is ignored due to the 'FORCE_COLOR' env being set");
	});
});

describe('validate', () => {
	test('a good data directory is valid', async () => {
		const r = await runTrend(['validate', '--data-dir', tempDataDir()]);
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/is valid: 1 point, 0 snapshots, 0 test runs/);
	});

	test('reports every problem at once, each with file and JSON path', async () => {
		const dir = tempDataDir();
		writeFileSync(
			join(dir, 'coverage_trend.json'),
			JSON.stringify({
				coverage_history: [
					{ date: '2026-01-01', commit: 'a', overall_percent: 120, test_count: 1, snapshot: 'gone.json' },
					{ date: 'yesterday', commit: 'b', overall_percent: 50, test_count: -1 },
				],
			}),
		);
		mkdirSync(join(dir, 'test-runs'), { recursive: true });
		writeFileSync(join(dir, 'test-runs', 'x_tests.json'), '{"format": 2}');
		const r = await runTrend(['validate', '--data-dir', dir]);
		expect(r.status).toBe(2);
		const lines = r.stderr.trim().split('\n');
		expect(lines).toContain(
			`${join(dir, 'coverage_trend.json')}: coverage_history[0].overall_percent: expected a number at most 100, found 120`,
		);
		expect(lines.some((l) => l.includes('coverage_history[1].date: expected an ISO 8601 date'))).toBe(true);
		expect(
			lines.some((l) => l.includes('coverage_history[1].test_count: expected a number at least 0, found -1')),
		).toBe(true);
		expect(lines.some((l) => l.startsWith(`${join(dir, 'test-runs', 'x_tests.json')}: format:`))).toBe(true);
		expect(lines.at(-1)).toMatch(/trend validate: \d+ problems in /);
	});

	test('a point that links a missing snapshot is a problem', async () => {
		const dir = tempDataDir();
		writeFileSync(
			join(dir, 'coverage_trend.json'),
			JSON.stringify({
				coverage_history: [
					{ date: '2026-01-01', commit: 'a', overall_percent: 50, test_count: 1, snapshot: 'gone.json' },
				],
			}),
		);
		const r = await runTrend(['validate', '--data-dir', dir]);
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('coverage_history[0].snapshot: links snapshots/gone.json, which does not exist');
	});
});

describe('the command as a process', () => {
	test('--help for trend and each command, exit 0', () => {
		for (const args of [
			['--help'],
			['record', '--help'],
			['check', '-h'],
			['report', '--help'],
			['validate', '--help'],
		]) {
			const r = runTrendProcess(args);
			expect(r.status, args.join(' ')).toBe(0);
			expect(r.stdout).toMatch(/^Usage: npm run trend -- /);
			expect(r.stderr).toBe('');
		}
	});

	test('record succeeds with nothing on stderr, and a bad report exits 2 with one line', () => {
		const dir = tempDataDir();
		const ok = runTrendProcess([
			'record',
			`${REPORTS}/coverage-branch.json`,
			'--commit',
			'abc1234',
			'--message',
			'm',
			'--data-dir',
			dir,
		]);
		expect(ok.stderr).toBe('');
		expect(ok.status).toBe(0);
		const bad = runTrendProcess(['record', `${REPORTS}/junit-plain.xml`, '--commit', 'abc1235', '--data-dir', dir]);
		expect(bad.status).toBe(2);
		expect(bad.stderr).toBe(
			`${REPORTS}/junit-plain.xml: expected a coverage report, found JUnit XML (pass it with --junit)\n`,
		);
	});
});
