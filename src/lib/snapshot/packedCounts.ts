/**
 * Counts as a JSON tuple, for the per-snapshot files the compare page fetches (one per kept snapshot,
 * thousands of files each). Packed at build time and unpacked in the browser by the same module.
 */
import type { Counts } from '../coverage/counts.ts';

/** `[files, statements, covered, branches, covered branches, partial]`. */
export type PackedCounts = [number, number, number, number, number, number];

/** Where each field of `PackedCounts` sits. */
export const COUNTS = { files: 0, statements: 1, covered: 2, branches: 3, coveredBranches: 4, partial: 5 } as const;

/** Pack counts for JSON. */
export function packCounts(c: Counts): PackedCounts {
	return [c.files, c.num_statements, c.covered_lines, c.num_branches, c.covered_branches, c.num_partial_branches];
}

/** Unpack counts from JSON. */
export function unpackCounts(p: PackedCounts): Counts {
	return {
		files: p[COUNTS.files],
		num_statements: p[COUNTS.statements],
		covered_lines: p[COUNTS.covered],
		num_branches: p[COUNTS.branches],
		covered_branches: p[COUNTS.coveredBranches],
		num_partial_branches: p[COUNTS.partial],
	};
}
