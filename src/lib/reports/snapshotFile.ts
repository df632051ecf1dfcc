/**
 * What a snapshot keeps of one measured file, beside the summary and the missing lines and arcs:
 * the executed lines as ranges (so a source page tells a covered line from a line that is not a
 * statement), the excluded lines, and each named function's summary with its first line.
 */
import { compactLineRanges } from '../text/lineRanges.ts';
import { coverageRegionSchema, type CoverageFile, type CoverageRegion } from '../schemas/coveragepy.ts';

/** A function region as a snapshot keeps it: its summary and first line, not its line lists. */
export function snapshotRegion(region: CoverageRegion): CoverageRegion {
	let first = Infinity;
	for (const list of [region.executed_lines, region.missing_lines, region.excluded_lines])
		if (Array.isArray(list)) for (const line of list) if (line < first) first = line;
	const kept: CoverageRegion = { summary: region.summary };
	if (Number.isInteger(first) && first >= 1) kept.start_line = first;
	else if (region.start_line !== undefined) kept.start_line = region.start_line;
	return kept;
}

/** Named function regions as a snapshot keeps them (`""`, the code outside any function, is left out). */
export function snapshotFunctions(
	functions: Record<string, CoverageRegion> | undefined,
): Record<string, CoverageRegion> | undefined {
	if (!functions || typeof functions !== 'object') return undefined;
	const kept: Record<string, CoverageRegion> = {};
	for (const [name, region] of Object.entries(functions)) {
		if (name === '' || !region || typeof region !== 'object') continue;
		// Regions were once dropped whole; one that is not coverage.py's shape is still dropped, not refused.
		const reduced = coverageRegionSchema.safeParse(snapshotRegion(region));
		if (reduced.success) kept[name] = reduced.data;
	}
	return kept;
}

/** One file of a parsed report as a snapshot keeps it. */
export function snapshotFile(o: CoverageFile): CoverageFile {
	const kept: CoverageFile = { summary: o.summary, missing_lines: o.missing_lines ?? [] };
	if (o.executed_lines !== undefined) kept.executed_ranges = compactLineRanges(o.executed_lines);
	else if (o.executed_ranges !== undefined) kept.executed_ranges = o.executed_ranges;
	if (o.excluded_lines !== undefined) kept.excluded_lines = o.excluded_lines;
	if (o.missing_branches !== undefined) kept.missing_branches = o.missing_branches;
	const functions = snapshotFunctions(o.functions);
	if (functions) kept.functions = functions;
	return kept;
}
