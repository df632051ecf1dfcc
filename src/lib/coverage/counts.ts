/**
 * Coverage counts, in the spirit of coverage.py's `Numbers`: one value type (inferred from the
 * trend's zod `Counts` schema), one way to add them up, one percentage. Every sum of files in the
 * project (a domain, a report's totals, a folder of the file tree) goes through here.
 */
import type { Counts } from '../schemas/trend.ts';

export type { Counts };

/**
 * One file's numbers as a report states them: the branch fields are absent when the report has no
 * branch data (coverage.py's `summary`, a compact snapshot's counts and `Counts` itself all fit).
 */
export interface FileNumbers {
	num_statements: number;
	covered_lines: number;
	num_branches?: number | undefined;
	covered_branches?: number | undefined;
	num_partial_branches?: number | undefined;
}

/** Counts of nothing: the starting point of a sum. */
export function emptyCounts(): Counts {
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
export function addCounts(a: Counts, b: Counts): Counts {
	return {
		files: a.files + b.files,
		num_statements: a.num_statements + b.num_statements,
		covered_lines: a.covered_lines + b.covered_lines,
		num_branches: a.num_branches + b.num_branches,
		covered_branches: a.covered_branches + b.covered_branches,
		num_partial_branches: a.num_partial_branches + b.num_partial_branches,
	};
}

/** Add one file's numbers into `sum` in place (a 100 MB report has 100,000+ files: no object per file). */
export function addFile(sum: Counts, n: FileNumbers): void {
	sum.files += 1;
	sum.num_statements += n.num_statements;
	sum.covered_lines += n.covered_lines;
	sum.num_branches += n.num_branches ?? 0;
	sum.covered_branches += n.covered_branches ?? 0;
	sum.num_partial_branches += n.num_partial_branches ?? 0;
}

/** The counts of one file. */
export function fileCounts(n: FileNumbers): Counts {
	const c = emptyCounts();
	addFile(c, n);
	return c;
}

/** The sum of a set of files, each read through `numbers`. */
export function sumFiles<F>(files: Iterable<F>, numbers: (file: F) => FileNumbers): Counts {
	const sum = emptyCounts();
	for (const f of files) addFile(sum, numbers(f));
	return sum;
}

/** A coverage.py file's numbers: its `summary`. */
export function summaryOf(file: { summary: FileNumbers }): FileNumbers {
	return file.summary;
}

/**
 * coverage.py’s percentage: `100 * (covered_lines + covered_branches) / (num_statements + num_branches)`,
 * and 100 when there is nothing to cover (as `Numbers.pc_covered` does). Unrounded.
 */
export function percentCovered(c: FileNumbers): number {
	const branches = c.num_branches ?? 0;
	const denominator = c.num_statements + branches;
	if (c.num_statements <= 0 || denominator <= 0) return 100;
	return (100 * (c.covered_lines + (c.covered_branches ?? 0))) / denominator;
}

/** Statements still to run: `num_statements - covered_lines`. */
export function missingLines(c: FileNumbers): number {
	return c.num_statements - c.covered_lines;
}

/** Branch coverage alone, in percent; null without branch data. */
export function percentBranches(c: Counts): number | null {
	return c.num_branches > 0 ? (100 * c.covered_branches) / c.num_branches : null;
}

/** Round a percentage for storage in the trend (two decimals, like the seed’s figures). */
export function roundPercent(pc: number): number {
	return Math.round(pc * 100) / 100;
}
