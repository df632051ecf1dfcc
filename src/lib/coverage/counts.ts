import type { Counts } from '../schemas/trend.ts';

/** The counts coverage.py adds up for a file, a domain or a whole report. */
export interface CoverageCounts {
	files: number;
	num_statements: number;
	covered_lines: number;
	num_branches: number;
	covered_branches: number;
	num_partial_branches: number;
}

/** Counts of nothing: the starting point of a sum. */
export function emptyCounts(): CoverageCounts {
	return {
		files: 0,
		num_statements: 0,
		covered_lines: 0,
		num_branches: 0,
		covered_branches: 0,
		num_partial_branches: 0,
	};
}

/** Add `b` into a copy of `a` (coverage.py’s `Numbers.__add__`). */
export function addCounts(a: CoverageCounts, b: CoverageCounts): CoverageCounts {
	return {
		files: a.files + b.files,
		num_statements: a.num_statements + b.num_statements,
		covered_lines: a.covered_lines + b.covered_lines,
		num_branches: a.num_branches + b.num_branches,
		covered_branches: a.covered_branches + b.covered_branches,
		num_partial_branches: a.num_partial_branches + b.num_partial_branches,
	};
}

/**
 * coverage.py’s percentage: `100 * (covered_lines + covered_branches) / (num_statements + num_branches)`,
 * and 100 when there is nothing to cover (as `Numbers.pc_covered` does). Unrounded.
 */
export function percentCovered(
	c: Pick<CoverageCounts, 'num_statements' | 'covered_lines' | 'num_branches' | 'covered_branches'>,
): number {
	const denominator = c.num_statements + c.num_branches;
	if (c.num_statements <= 0 || denominator <= 0) return 100;
	return (100 * (c.covered_lines + c.covered_branches)) / denominator;
}

/** Statements still to run: `num_statements - covered_lines`. */
export function missingLines(c: CoverageCounts): number {
	return c.num_statements - c.covered_lines;
}

/** Branch coverage alone, in percent; null without branch data. */
export function percentBranches(c: CoverageCounts): number | null {
	return c.num_branches > 0 ? (100 * c.covered_branches) / c.num_branches : null;
}

/** Round a percentage for storage in the trend (two decimals, like the seed’s figures). */
export function roundPercent(pc: number): number {
	return Math.round(pc * 100) / 100;
}

/** The trend’s stored counts for a set of numbers. */
export function toStoredCounts(c: CoverageCounts): Counts {
	return { ...c };
}
