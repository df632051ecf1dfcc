/**
 * The wire format of one file in a compact snapshot (see `compactSnapshot`): counts, missing line
 * ranges and named functions in tuples, because a 20,000-file snapshot is held whole in Astro's data
 * store. Read and write it only through the names and functions here, never by a bare index.
 */
import type { Counts } from '../coverage/counts.ts';
import type { CompactFile, CompactFunction } from '../schemas/compactSnapshot.ts';

/** The tuple types, declared by their zod schemas (`schemas/compactSnapshot.ts`). */
export type { CompactFile, CompactFunction };

/** Where each field of a `CompactFunction` sits. */
export const FUNCTION = { name: 0, statements: 1, covered: 2, branches: 3, coveredBranches: 4 } as const;

/** Where each field of a `CompactFile` sits. */
export const FILE = {
	statements: 0,
	covered: 1,
	branches: 2,
	coveredBranches: 3,
	partial: 4,
	missing: 5,
	functions: 6,
} as const;

/** A named function's figures. */
export interface FunctionFigures {
	name: string;
	counts: Counts;
}

/** Pack one function's counts (its partial branches are not kept: coverage.py sums them per file). */
export function packFunction(name: string, c: Counts): CompactFunction {
	return [name, c.num_statements, c.covered_lines, c.num_branches, c.covered_branches];
}

/** The counts of a compact function. */
export function functionCounts(f: CompactFunction): Counts {
	return {
		files: 0,
		num_statements: f[FUNCTION.statements],
		covered_lines: f[FUNCTION.covered],
		num_branches: f[FUNCTION.branches],
		covered_branches: f[FUNCTION.coveredBranches],
		num_partial_branches: 0,
	};
}

/** Pack one file from its counts, its missing line ranges (`3-5, 9`) and its named functions. */
export function packFile(c: Counts, missing: string, functions: CompactFunction[]): CompactFile {
	return [
		c.num_statements,
		c.covered_lines,
		c.num_branches,
		c.covered_branches,
		c.num_partial_branches,
		missing,
		functions,
	];
}

/** The counts of a compact file. */
export function compactCounts(f: CompactFile): Counts {
	return {
		files: 1,
		num_statements: f[FILE.statements],
		covered_lines: f[FILE.covered],
		num_branches: f[FILE.branches],
		covered_branches: f[FILE.coveredBranches],
		num_partial_branches: f[FILE.partial],
	};
}

/** The missing line ranges of a compact file, as `formatLineRanges` wrote them. */
export function compactMissing(f: CompactFile): string {
	return f[FILE.missing];
}

/** The named functions of a compact file with their counts. */
export function compactFunctions(f: CompactFile): FunctionFigures[] {
	return f[FILE.functions].map((fn) => ({ name: fn[FUNCTION.name], counts: functionCounts(fn) }));
}
