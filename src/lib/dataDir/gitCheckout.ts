/**
 * What git says about the checkout a site is built from: its commit, and which files under the
 * source folder differ from a given commit, and which the commit holds, each asked once.
 */
import { spawnSync } from 'node:child_process';
import type { Checkout } from '../snapshot/sourceMatch.ts';

function git(cwd: string, args: string[]): string | null {
	const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
	return r.status === 0 ? r.stdout : null;
}

/** The repository root that holds `dir`, or null without git or outside a repository. */
export function repositoryRoot(dir: string): string | null {
	return git(dir, ['rev-parse', '--show-toplevel'])?.trim() || null;
}

/** The checkout as seen against `commit` (files under `folder`, a path from the repository root). */
export function readCheckout(root: string, commit: string | null | undefined, folder: string): Checkout {
	const head = git(root, ['rev-parse', 'HEAD'])?.trim() || null;
	if (!commit || !/^[0-9a-f]{7,64}$/i.test(commit) || git(root, ['cat-file', '-e', `${commit}^{commit}`]) === null)
		return { head, changed: null };
	const diff = git(root, ['diff', '--name-only', '-z', commit, '--', folder]);
	// `git diff` sees tracked files only: a file the commit did not have (untracked, ignored) is not its code.
	const atCommit = git(root, ['ls-tree', '-r', '-z', '--name-only', commit, '--', folder]);
	if (diff === null || atCommit === null) return { head, changed: null };
	return {
		head,
		changed: new Set(diff.split('\0').filter(Boolean)),
		known: new Set(atCommit.split('\0').filter(Boolean)),
	};
}
