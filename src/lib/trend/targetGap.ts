/**
 * How far a set of counts is from a target: the statements (or branch destinations) that still
 * have to run for coverage.py's percentage to reach it.
 */
import type { Counts } from '../coverage/counts.ts';

/**
 * Lines or branch destinations still to cover for `100 × covered ÷ (statements + branches)` to reach
 * `target` percent; 0 when it already does. Rounded up: covering that many reaches the target.
 */
export function toCoverForTarget(c: Counts, target: number): number {
	const total = c.num_statements + c.num_branches;
	const covered = c.covered_lines + c.covered_branches;
	// Work in hundredths to avoid 80% of 5 being 4.000000000000001 and rounding up to 5.
	const needed = Math.ceil((Math.round(target * 100) * total) / 10_000 - 1e-9) - covered;
	return Math.max(0, needed);
}
