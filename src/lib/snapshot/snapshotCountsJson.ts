/**
 * `/coverage/compare/<snapshot>.json`: one kept snapshot's counts, overall, per domain and per file,
 * as packed tuples. The build writes it and the compare page reads it with the same functions.
 */
import { compactCounts, type CompactFile } from './compactFile.ts';
import { packCounts, unpackCounts, type PackedCounts } from './packedCounts.ts';
import type { Counts } from '../coverage/counts.ts';
import type { FileCountsMap } from './snapshotDiff.ts';
import { OVERALL } from '../trend/figures.ts';

/** The JSON of one snapshot's counts. */
export interface SnapshotCountsJson {
	/** The snapshot's file name. */
	name: string;
	overall: PackedCounts;
	/** Per domain id; null for a domain that matches no file. */
	domains: Record<string, PackedCounts | null>;
	/** Per report path. */
	files: Record<string, PackedCounts>;
}

/** Pack a snapshot's counts for the compare page. */
export function packSnapshotCounts(
	name: string,
	coverage: { overall: Counts; domains: Record<string, Counts | null> },
	files: Record<string, CompactFile>,
): SnapshotCountsJson {
	const packedFiles: Record<string, PackedCounts> = {};
	for (const [path, file] of Object.entries(files)) packedFiles[path] = packCounts(compactCounts(file));
	const domains = Object.fromEntries(Object.entries(coverage.domains).map(([id, c]) => [id, c ? packCounts(c) : null]));
	return { name, overall: packCounts(coverage.overall), domains, files: packedFiles };
}

/** The counts of a figure (`overall` or a domain id); null when the domain matched no file or is unknown. */
export function figureCountsOf(s: SnapshotCountsJson, id: string): Counts | null {
	const packed = id === OVERALL ? s.overall : s.domains[id];
	return packed ? unpackCounts(packed) : null;
}

/** The counts of every file. */
export function fileCountsOf(s: SnapshotCountsJson): FileCountsMap {
	return Object.fromEntries(Object.entries(s.files).map(([path, p]) => [path, unpackCounts(p)]));
}
