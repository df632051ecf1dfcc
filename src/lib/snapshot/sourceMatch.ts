/**
 * Whether a file in the checkout is the code a snapshot measured: the build's commit is the
 * snapshot's, or git says the file has not changed since the snapshot's commit. Anything else
 * (changed, missing, no commit to compare with) means the code is not shown beside the marks.
 */

/** What the build knows of the checkout (from git, once per build). */
export interface Checkout {
	/** The commit the build runs on; null without git. */
	head: string | null;
	/** Files (repository paths) that differ from the snapshot's commit; null when git cannot compare with it. */
	changed: ReadonlySet<string> | null;
	/** Files the snapshot's commit holds (a file it did not have cannot be its code); absent when not known. */
	known?: ReadonlySet<string>;
}

/** Whether a source page shows its code, and if not, why. */
export type SourceState = 'shown' | 'changed' | 'missing' | 'unverified' | 'outside';

/** The commits are the same, allowing for a short form (at least 7 hex digits) on either side. */
export function sameCommit(a: string | null | undefined, b: string | null | undefined): boolean {
	if (!a || !b || !/^[0-9a-f]{7,64}$/i.test(a) || !/^[0-9a-f]{7,64}$/i.test(b)) return false;
	const [x, y] = [a.toLowerCase(), b.toLowerCase()];
	return x.startsWith(y) || y.startsWith(x);
}

/** Decide for one file (`repoPath` its path from the repository root; null when it lies outside the checkout). */
export function sourceState(
	repoPath: string | null,
	exists: boolean,
	snapshotCommit: string | null | undefined,
	checkout: Checkout,
): SourceState {
	if (repoPath === null) return 'outside';
	if (!exists) return 'missing';
	if (sameCommit(checkout.head, snapshotCommit)) return 'shown';
	if (!checkout.changed) return 'unverified';
	if (checkout.known && !checkout.known.has(repoPath)) return 'changed';
	return checkout.changed.has(repoPath) ? 'changed' : 'shown';
}

/** The sentence a page shows when it does not show the code. */
export const SOURCE_STATE_TEXT: Record<Exclude<SourceState, 'shown'>, string> = {
	changed: 'The code has changed since this snapshot was recorded, so only its line numbers are shown.',
	missing: 'This file is not in the checkout the site was built from, so only its line numbers are shown.',
	unverified:
		"The site could not check that the checkout's code is the snapshot's (no git, or the snapshot's commit is unknown), so only its line numbers are shown.",
	outside: 'This file lies outside the source folder the site reads, so only its line numbers are shown.',
};
