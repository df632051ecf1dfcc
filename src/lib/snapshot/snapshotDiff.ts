/**
 * What changed between two snapshots, file by file: files that gained or lost coverage, new files
 * and removed files. Works on counts per path so the build and the compare page share it.
 */
import { compactCounts } from './compactFile.ts';
import type { CompactSnapshot } from './compactSnapshot.ts';
import { percentCovered, type Counts } from '../coverage/counts.ts';

/** Counts per report path. */
export type FileCountsMap = Record<string, Counts>;

/** One file's change between two snapshots. */
export interface FileChange {
	path: string;
	before: Counts | null;
	after: Counts | null;
	/** Percent after − percent before; null for new or removed files. */
	change: number | null;
}

/** Files grouped by how they changed; each group sorted by the size of the change. */
export interface SnapshotDiff {
	gained: FileChange[];
	lost: FileChange[];
	added: FileChange[];
	removed: FileChange[];
	/** Files present in both with the same percentage. */
	unchanged: number;
}

/** Counts per path of a snapshot (optionally only the given paths). */
export function countsByPath(snapshot: Pick<CompactSnapshot, 'files'>, paths?: readonly string[]): FileCountsMap {
	const out: FileCountsMap = {};
	for (const path of paths ?? Object.keys(snapshot.files)) out[path] = compactCounts(snapshot.files[path]!);
	return out;
}

/** Compare two snapshots' files. A change below `epsilon` percentage points counts as unchanged. */
export function diffSnapshots(before: FileCountsMap, after: FileCountsMap, epsilon = 0.005): SnapshotDiff {
	const diff: SnapshotDiff = { gained: [], lost: [], added: [], removed: [], unchanged: 0 };
	for (const [path, a] of Object.entries(after)) {
		const b = before[path];
		if (!b) {
			diff.added.push({ path, before: null, after: a, change: null });
			continue;
		}
		const change = percentCovered(a) - percentCovered(b);
		if (Math.abs(change) < epsilon) diff.unchanged++;
		else (change > 0 ? diff.gained : diff.lost).push({ path, before: b, after: a, change });
	}
	for (const [path, b] of Object.entries(before))
		if (!after[path]) diff.removed.push({ path, before: b, after: null, change: null });
	diff.gained.sort((x, y) => y.change! - x.change! || x.path.localeCompare(y.path));
	diff.lost.sort((x, y) => x.change! - y.change! || x.path.localeCompare(y.path));
	diff.added.sort((x, y) => x.path.localeCompare(y.path));
	diff.removed.sort((x, y) => x.path.localeCompare(y.path));
	return diff;
}
