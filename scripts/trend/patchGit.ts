import { spawnSync } from 'node:child_process';
import { DataError } from '../../src/lib/dataDir/dataError.ts';
import { shortCommit } from '../../src/lib/trend/commitLinks.ts';

/** The git facts `trend patch` needs, each from one git process. */
export interface PatchGitInput {
	base: string;
	head: string;
	/** The head's commit id. */
	headSha: string;
	mergeBase: string;
	/** Files at the head commit (`git ls-tree -r`), for mapping the report's paths. */
	headFiles: string[];
	/** `git diff --numstat -z` between the merge base and the head. */
	numstat: string;
	/** `git diff --unified=0` between the merge base and the head. */
	patch: string;
}

/** A bad-input error about the repository (`file` is the repository folder). */
const repoError = (repo: string, message: string) => new DataError([{ file: repo, path: '', message }]);

/** Run git in `repo` with settings that make its output the same on every machine. */
function git(repo: string, args: string[]): { ok: boolean; out: string; err: string } {
	const r = spawnSync(
		'git',
		[
			'-C',
			repo,
			'-c',
			'core.quotepath=off',
			'-c',
			'diff.noprefix=false',
			'-c',
			'diff.mnemonicPrefix=false',
			'-c',
			'diff.renames=true',
			...args,
		],
		{ encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, GIT_PAGER: 'cat', LC_ALL: 'C' } },
	);
	if (r.error) throw repoError(repo, `could not run git (${r.error.message})`);
	return { ok: r.status === 0, out: r.stdout, err: (r.stderr ?? '').trim().split('\n')[0] ?? '' };
}

/** A commit id for a ref, or a one-line error naming the ref. */
function resolveCommit(repo: string, ref: string, option: string): string {
	if (ref.startsWith('-')) throw repoError(repo, `${option}: expected a git ref, found "${ref.slice(0, 40)}"`);
	const r = git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
	if (!r.ok) throw repoError(repo, `${option}: unknown git ref "${ref.slice(0, 80)}" (fetch it first?)`);
	return r.out.trim();
}

/**
 * Read what a patch needs from the repository: the merge base of `base` and `head`, the diff between
 * them (renames followed, paths NUL-separated and unquoted) and the files at the head.
 */
export function readPatchGit(repo: string, base: string, head: string, headOption = '--head'): PatchGitInput {
	const top = git(repo, ['rev-parse', '--is-inside-work-tree']);
	if (!top.ok) throw repoError(repo, 'expected a git repository, found none (run trend patch inside a clone)');
	const baseSha = resolveCommit(repo, base, '--base');
	const headSha = resolveCommit(repo, head, headOption);
	const mb = git(repo, ['merge-base', baseSha, headSha]);
	if (!mb.ok) {
		const shallow = git(repo, ['rev-parse', '--is-shallow-repository']).out.trim() === 'true';
		throw repoError(
			repo,
			shallow
				? `no merge base of ${base.slice(0, 80)} and ${head.slice(0, 80)} in this shallow clone: fetch more history (actions/checkout with fetch-depth: 0, or git fetch --deepen=<N> until git merge-base finds one)`
				: `${base.slice(0, 80)} and ${head.slice(0, 80)} have no common ancestor`,
		);
	}
	const mergeBase = mb.out.trim();
	const ls = git(repo, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', headSha]);
	if (!ls.ok) throw repoError(repo, `could not list the files of ${shortCommit(headSha)} (${ls.err})`);
	const range = [mergeBase, headSha];
	const diffArgs = ['--no-color', '--no-ext-diff', '--no-textconv', '-M', '--src-prefix=a/', '--dst-prefix=b/'];
	const numstat = git(repo, ['diff', ...diffArgs, '--numstat', '-z', ...range, '--']);
	const patch = git(repo, ['diff', ...diffArgs, '--unified=0', ...range, '--']);
	if (!numstat.ok || !patch.ok) throw repoError(repo, `git diff failed (${numstat.err || patch.err})`);
	return {
		base,
		head,
		headSha,
		mergeBase,
		headFiles: ls.out.split('\0').filter(Boolean),
		numstat: numstat.out,
		patch: patch.out,
	};
}
