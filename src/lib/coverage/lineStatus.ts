/**
 * Each line of a file as coverage.py's HTML report marks it: excluded, missing, partial (a branch
 * never taken from it) or run, decided in that order as `coverage/html.py` does, from a snapshot's
 * line lists. A line in none of them is not a statement.
 */
import { parseLineRanges } from '../text/lineRanges.ts';
import type { CoverageFile } from '../schemas/coveragepy.ts';

/** coverage.py's HTML line classes: `run`, `mis`, `par`, `exc`. */
export type LineStatus = 'run' | 'mis' | 'par' | 'exc';

/** The marks of one file. */
export interface FileLineStatus {
	/** Status per line number; lines that are not statements are absent. */
	status: Map<number, LineStatus>;
	/** Per partial line, the branch targets never taken (negative: an exit from the code object starting there). */
	missedTargets: Map<number, number[]>;
	/** Whether the snapshot kept the executed lines (older snapshots did not: no line is then marked run). */
	knowsExecuted: boolean;
}

/** Mark every line of a snapshot's file. */
export function lineStatus(
	file: Pick<
		CoverageFile,
		'executed_ranges' | 'executed_lines' | 'missing_lines' | 'excluded_lines' | 'missing_branches'
	>,
): FileLineStatus {
	const executed =
		file.executed_lines ?? (file.executed_ranges !== undefined ? parseLineRanges(file.executed_ranges) : null);
	const missing = new Set(file.missing_lines ?? []);
	const excluded = new Set(file.excluded_lines ?? []);
	const missedTargets = new Map<number, number[]>();
	for (const [from, to] of file.missing_branches ?? []) {
		const list = missedTargets.get(from);
		if (list) list.push(to);
		else missedTargets.set(from, [to]);
	}
	const status = new Map<number, LineStatus>();
	const lines = new Set([...(executed ?? []), ...missing, ...excluded, ...missedTargets.keys()]);
	for (const line of lines) {
		if (excluded.has(line)) status.set(line, 'exc');
		else if (missing.has(line)) status.set(line, 'mis');
		else if (missedTargets.has(line)) status.set(line, 'par');
		else if (executed) status.set(line, 'run');
	}
	// Targets of lines that are not partial (missing or excluded lines) are not shown.
	for (const line of [...missedTargets.keys()]) if (status.get(line) !== 'par') missedTargets.delete(line);
	return { status, missedTargets, knowsExecuted: executed !== null };
}
