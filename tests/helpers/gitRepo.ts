import { spawnSync } from 'node:child_process';

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
