import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { git, remoteWithData } from '../../helpers/gitRepo.ts';

/**
 * publish-data's token can push to main, so it reaches git's network commands alone: not the
 * recording (Node and ~500 installed packages), not .git/config (issue 11, item 9).
 */
const ROOT = resolve('.');
const TOKEN = 'ghs_s3cretTokenForThePushOnly';

describe('record-and-push.sh and the push token', () => {
	test('gives the token to git push alone: the recorder never sees it and .git/config never holds it', () => {
		const { base, remote } = remoteWithData('push-token-');
		const clone = join(base, 'clone');
		git(base, 'clone', '-q', remote, clone);

		// A recorder that writes down the environment it got and changes data/.
		const seen = join(base, 'recorder-env.txt');
		const recorder = join(base, 'record.sh');
		writeFileSync(recorder, `#!/bin/sh\nenv > "${seen}"\necho point >> "$DATA_DIR/new-point.txt"\n`);
		chmodSync(recorder, 0o755);
		// A git in front of the real one that logs each command with the auth header it was given.
		const shim = join(base, 'bin');
		mkdirSync(shim);
		const log = join(base, 'git.log');
		const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
		writeFileSync(
			join(shim, 'git'),
			`#!/bin/sh\necho "$1 \${GIT_CONFIG_KEY_0:-} \${GIT_CONFIG_VALUE_0:-}" >> "${log}"\nexec "${realGit}" "$@"\n`,
		);
		chmodSync(join(shim, 'git'), 0o755);
		const reports = join(base, 'reports');
		mkdirSync(reports);
		writeFileSync(join(reports, 'coverage.json'), '{}');

		const run = spawnSync(join(ROOT, 'scripts/ci/record-and-push.sh'), [reports], {
			cwd: clone,
			encoding: 'utf8',
			env: {
				...process.env,
				PATH: `${shim}:${process.env.PATH}`,
				PUSH_TOKEN: TOKEN,
				RECORD: recorder,
				COMMIT_SHA: 'abc1234',
				COMMIT_MESSAGE: 'm',
				RETRY_DELAY_MAX: '0',
				GITHUB_SERVER_URL: 'https://github.com',
			},
		});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(git(remote, 'log', '-1', '--format=%s', 'main')).toBe('Record coverage for abc1234 [skip ci]');

		expect(readFileSync(seen, 'utf8')).not.toContain(TOKEN);
		expect(readFileSync(join(clone, '.git', 'config'), 'utf8')).not.toContain(TOKEN);
		const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;
		const calls = readFileSync(log, 'utf8').trimEnd().split('\n');
		const withToken = calls.filter((c) => c.includes(header));
		expect(withToken).toEqual([`push http.https://github.com/.extraheader ${header}`]);
		expect(calls.filter((c) => c.includes(TOKEN) || c.includes('basic'))).toEqual(withToken);
	});
});
