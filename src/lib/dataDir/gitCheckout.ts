/**
 * What git says about the checkout a site is built from: its commit, and which files under the
 * source folder differ from a given commit (tracked changes and untracked files), each asked once.
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
	const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', folder]);
	if (diff === null || untracked === null) return { head, changed: null };
	return { head, changed: new Set([...diff.split('\0'), ...untracked.split('\0')].filter(Boolean)) };
}
