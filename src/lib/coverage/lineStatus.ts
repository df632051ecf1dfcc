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

/** A line that is nothing but a string literal (or the opening of a triple-quoted one): a docstring. */
export function isDocstringLine(line: string): boolean {
	const m = /^\s*[rRuUbB]{0,2}("""|'''|"|')/.exec(line);
	if (!m) return false;
	const quote = m[1]!;
	let k = m[0].length;
	while (k < line.length) {
		if (line[k] === '\\') k += 2;
		else if (line.startsWith(quote, k)) return /^\s*(?:#.*)?$/.test(line.slice(k + quote.length));
		else k++;
	}
	// Not closed on this line: only a triple-quoted string goes on.
	return quote.length === 3;
}

/** Mark every line of a snapshot's file (`source`, its code when shown, tells docstrings from statements). */
export function lineStatus(
	file: Pick<
		CoverageFile,
		'summary' | 'executed_ranges' | 'executed_lines' | 'missing_lines' | 'excluded_lines' | 'missing_branches'
	>,
	source: readonly string[] | null = null,
): FileLineStatus {
	let executed =
		file.executed_lines ?? (file.executed_ranges !== undefined ? parseLineRanges(file.executed_ranges) : null);
	// Python reports docstrings as executed, but coverage.py does not count them as statements: the
	// summary says whether executed lines hold some that are not statements, and the source says which.
	if (executed && executed.length > file.summary.covered_lines) {
		if (file.summary.num_statements === 0) executed = [];
		else if (source) executed = executed.filter((n) => !isDocstringLine(source[n - 1] ?? ''));
	}
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
