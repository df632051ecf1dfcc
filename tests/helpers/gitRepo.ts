import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Run git in a folder with a fixed identity and dates; throws with git's message when it fails. */
export function git(dir: string, ...args: string[]): string {
	const r = spawnSync('git', args, {
		cwd: dir,
		encoding: 'utf8',
		env: {
			...process.env,
			GIT_AUTHOR_NAME: 'Test',
			GIT_AUTHOR_EMAIL: 'test@example.com',
			GIT_COMMITTER_NAME: 'Test',
			GIT_COMMITTER_EMAIL: 'test@example.com',
			GIT_AUTHOR_DATE: '2026-03-01T09:00:00Z',
			GIT_COMMITTER_DATE: '2026-03-01T09:00:00Z',
			GIT_CONFIG_NOSYSTEM: '1',
			HOME: dir,
		},
	});
	if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
	return r.stdout.trim();
}

/** A new repository on branch main. */
export function initRepo(dir: string): void {
	git(dir, 'init', '-q', '-b', 'main');
	git(dir, 'config', 'core.autocrlf', 'false');
}

/**
 * A bare repository (branch main) holding this checkout's `data/` in one commit, in a new temporary
 * folder `base`: the remote that CI's record-and-push scripts push to.
 */
export function remoteWithData(prefix: string): { base: string; remote: string } {
	const base = mkdtempSync(join(tmpdir(), prefix));
	const remote = join(base, 'remote.git');
	git(base, 'init', '-q', '--bare', '-b', 'main', remote);
	const seed = join(base, 'seed');
	mkdirSync(seed);
	initRepo(seed);
	cpSync(join(resolve('.'), 'data'), join(seed, 'data'), { recursive: true });
	git(seed, 'add', 'data');
	git(seed, 'commit', '-q', '-m', 'seed data');
	git(seed, 'push', '-q', remote, 'main');
	return { base, remote };
}
