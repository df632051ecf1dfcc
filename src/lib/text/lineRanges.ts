/**
 * Line numbers as ranges, the way coverage.py's `term-missing` report prints them: `3-5, 9, 12-14`.
 */

/** Collapse sorted (or unsorted) line numbers into `[start, end]` runs of consecutive lines. */
export function lineRuns(lines: readonly number[]): Array<[number, number]> {
	const sorted = [...new Set(lines)].sort((a, b) => a - b);
	const runs: Array<[number, number]> = [];
	for (const line of sorted) {
		const last = runs.at(-1);
		if (last && line === last[1] + 1) last[1] = line;
		else runs.push([line, line]);
	}
	return runs;
}

/** `3-5, 9, 12-14`; with `maxRuns`, the rest is summarised as `… (+N more)`. */
export function formatLineRanges(lines: readonly number[], maxRuns = Infinity): string {
	const runs = lineRuns(lines);
	const shown = runs.slice(0, maxRuns).map(([a, b]) => (a === b ? String(a) : `${a}-${b}`));
	const rest = runs.length - shown.length;
	return shown.join(', ') + (rest > 0 ? `, … (+${rest} more)` : '');
}

/** Line numbers in the compact form snapshots keep: `1-5,7,9-12` (ascending, no spaces). */
export function compactLineRanges(lines: readonly number[]): string {
	return lineRuns(lines)
		.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`))
		.join(',');
}

/** The line numbers of `compactLineRanges` text (also reads the spaced `3-5, 9` form). */
export function parseLineRanges(text: string): number[] {
	const lines: number[] = [];
	for (const part of text.split(',')) {
		const [a, b] = part.trim().split('-');
		if (!a) continue;
		const start = Number(a);
		const end = b === undefined ? start : Number(b);
		// A range no source file has (or backwards) is skipped rather than allocated.
		if (!(end >= start) || end - start > 1_000_000) continue;
		for (let line = start; line <= end; line++) lines.push(line);
	}
	return lines;
}
