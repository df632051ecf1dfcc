import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { PYTHON } from '../../../scripts/shared/python.ts';
import { tinyBackend } from '../../helpers/tinyBackend.ts';
import { git, remoteWithData } from '../../helpers/gitRepo.ts';

const ROOT = resolve('.');
const SCRIPT = join(ROOT, 'scripts/ci/record-and-push.sh');
/** The real recorder, running the real trend CLI of this checkout. */
const RECORD = join(ROOT, 'scripts/ci/record-run.sh');

/** A bare repository holding this checkout's data/ on main, and a clone of it per name. */
function remoteWithClones(names: string[]): { remote: string; clones: Record<string, string> } {
	const { base, remote } = remoteWithData('race-');
	const clones: Record<string, string> = {};
	for (const name of names) {
		clones[name] = join(base, name);
		git(base, 'clone', '-q', remote, clones[name]);
	}
	return { remote, clones };
}

/**
 * A pre-push hook that holds each clone's first push until every clone is ready to push, so the
 * two pushes really race (both commit on the same head; one must be rejected).
 */
function installBarrier(clones: Record<string, string>): void {
	const barrier = mkdtempSync(join(tmpdir(), 'barrier-'));
	const all = Object.keys(clones)
		.map((n) => `[ -e "${barrier}/${n}" ]`)
		.join(' && ');
	for (const [name, dir] of Object.entries(clones)) {
		const hook = join(dir, '.git', 'hooks', 'pre-push');
		writeFileSync(
			hook,
			`#!/bin/sh\ntouch "${barrier}/${name}"\ni=0\nwhile [ $i -lt 200 ]; do\n\tif ${all}; then exit 0; fi\n\tsleep 0.05\n\ti=$((i+1))\ndone\n`,
		);
		chmodSync(hook, 0o755);
	}
}

/** Run record-and-push.sh in a clone, asynchronously. */
function recordAndPush(
	cwd: string,
	reports: string,
	env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
	return new Promise((done) => {
		const child = spawn(SCRIPT, [reports], {
			cwd,
			env: { ...process.env, RETRY_DELAY_MAX: '0', RECORD, GITHUB_SHA: '', GITHUB_STEP_SUMMARY: '', ...env },
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('close', (code) => done({ code, output }));
	});
}

/** The trend file on the remote's main. */
function remoteTrend(remote: string): { coverage_history: Array<{ commit: string }> } {
	return JSON.parse(git(remote, 'show', 'main:data/coverage_trend.json'));
}

const sha = (c: string) => c.repeat(40);
let reports = '';

beforeAll(() => {
	// Real reports from the real pytest stack, recorded by every clone.
	reports = join(mkdtempSync(join(tmpdir(), 'race-reports-')), 'reports');
	const run = spawnSync('scripts/ci/run-backend-tests.sh', [reports], {
		encoding: 'utf8',
		env: { ...process.env, PYTHON, BACKEND_DIR: tinyBackend(), PYTEST_WORKERS: '0', GITHUB_OUTPUT: '' },
	});
	if (run.status !== 0) throw new Error(run.stdout + run.stderr);
});

describe('record-and-push.sh', () => {
	test('two runs racing to push both land: two new points on the remote', async () => {
		const { remote, clones } = remoteWithClones(['a', 'b']);
		const before = remoteTrend(remote).coverage_history.length;
		installBarrier(clones);
		const [a, b] = await Promise.all([
			recordAndPush(clones.a!, reports, { COMMIT_SHA: sha('a'), COMMIT_MESSAGE: 'Run A' }),
			recordAndPush(clones.b!, reports, { COMMIT_SHA: sha('b'), COMMIT_MESSAGE: 'Run B' }),
		]);
		expect(a.code, a.output).toBe(0);
		expect(b.code, b.output).toBe(0);
		// The race happened: exactly one of them was rejected once and recorded again.
		const retried = [a, b].filter((r) => r.output.includes('::notice title=Data push rejected::attempt 1 of 5'));
		expect(retried).toHaveLength(1);
		const commits = remoteTrend(remote).coverage_history.map((p) => p.commit);
		expect(commits).toHaveLength(before + 2);
		expect(commits).toContain(sha('a'));
		expect(commits).toContain(sha('b'));
		// Two data commits on top of the seed, by the bot, linear history.
		const log = git(remote, 'log', '--format=%an|%s', 'main').trim().split('\n');
		expect(log).toHaveLength(3);
		expect(log.slice(0, 2).every((l) => l.startsWith('github-actions[bot]|Record coverage for '))).toBe(true);
	});

	test('gives up after MAX_ATTEMPTS rejected pushes, with an error annotation', async () => {
		const { remote, clones } = remoteWithClones(['c']);
		const hook = join(remote, 'hooks', 'pre-receive');
		writeFileSync(hook, '#!/bin/sh\necho "rejected by policy" >&2\nexit 1\n');
		chmodSync(hook, 0o755);
		const run = await recordAndPush(clones.c!, reports, { COMMIT_SHA: sha('c'), MAX_ATTEMPTS: '3' });
		expect(run.code).toBe(1);
		expect(run.output.match(/::notice title=Data push rejected::/g)).toHaveLength(3);
		expect(run.output).toContain(
			`::error title=Data push failed::could not push the coverage point for ${sha('c').slice(0, 7)} after 3 attempts`,
		);
		expect(remoteTrend(remote).coverage_history.map((p) => p.commit)).not.toContain(sha('c'));
	});

	test('a run that changes nothing pushes nothing', async () => {
		const { remote, clones } = remoteWithClones(['d']);
		const head = git(remote, 'rev-parse', 'main');
		const run = await recordAndPush(clones.d!, reports, { RECORD: 'true' });
		expect(run.code).toBe(0);
		expect(run.output).toContain('data unchanged, nothing to push');
		expect(git(remote, 'rev-parse', 'main')).toBe(head);
	});
});
