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

/**
 * coverage.py’s `display_covered`: round to `precision` decimals, but never show 0 for a value above
 * 0 nor 100 for a value below 100.
 */
export function displayPercent(pc: number, precision = 0): string {
	const near0 = 1 / 10 ** precision;
	if (pc > 0 && pc < near0) return near0.toFixed(precision);
	if (pc > 100 - near0 && pc < 100) return (100 - near0).toFixed(precision);
	return roundHalfEven(pc, precision);
}

/**
 * Python's `round(x, n)` as text: the double's exact decimal value rounded to `n` places, an exact
 * half going to the even digit (`round(84.5)` is 84). `toFixed` alone rounds such halves up.
 */
function roundHalfEven(x: number, precision: number): string {
	// toFixed(100) spells out a double's exact decimal value (percentages need fewer than 100 places).
	const exact = Math.abs(x).toFixed(100);
	const dot = exact.indexOf('.');
	const rest = exact.slice(dot + 1 + precision);
	if (!/^50*$/.test(rest)) return x.toFixed(precision);
	const kept = exact.slice(0, dot + 1 + precision).replace(/\.$/, '');
	// An exact half: keep the even neighbour (toFixed rounds it up, to the odd-digit side or the even one).
	const text = Number(kept.at(-1)) % 2 === 0 ? kept : Math.abs(x).toFixed(precision);
	return x < 0 ? `-${text}` : text;
}

/** Round a percentage for storage in the trend (two decimals, like the seed’s figures). */
export function roundPercent(pc: number): number {
	return Math.round(pc * 100) / 100;
}

/** The trend’s stored counts for a set of numbers. */
export function toStoredCounts(c: CoverageCounts): Counts {
	return { ...c };
}
