import { percentCovered, sumFiles, summaryOf } from '../coverage/counts.ts';
import { compactLineRanges } from '../text/lineRanges.ts';
import type { CoverageFile, CoverageReport } from '../schemas/coveragepy.ts';

/** What Cobertura and LCOV say about one file, before it is put in coverage.py’s layout. */
export interface LineData {
	/** Hits per executable line. */
	hits: Map<number, number>;
	/** Branch destinations per branch group: `[taken, total]`, keyed by the group's line (or block); `line` -1 when unknown. */
	branches: Map<string, { line: number; taken: number; total: number }>;
	/** Missing branch arcs, when the format names them (Cobertura’s `missing-branches`). */
	missingArcs: Array<[number, number]>;
	/** The statement count the format states (LCOV `LF`), when it is to be trusted over the `DA` lines. */
	statements?: number;
	/** The branch totals the format states (LCOV `BRF`/`BRH`), when they are to be trusted over `BRDA`. */
	branchTotals?: { total: number; taken: number };
}

/** An empty record for one file. */
export function emptyLineData(): LineData {
	return { hits: new Map(), branches: new Map(), missingArcs: [] };
}

/** Turn one file's line and branch data into coverage.py’s per-file layout, with its summary numbers. */
export function toCoverageFile(data: LineData, withBranches: boolean): CoverageFile {
	const lines = [...data.hits.keys()].sort((a, b) => a - b);
	const missing = lines.filter((l) => (data.hits.get(l) ?? 0) === 0);
	let numBranches = 0;
	let covered = 0;
	let partial = 0;
	for (const b of data.branches.values()) {
		numBranches += b.total;
		covered += b.taken;
		// coverage.py counts the missed destinations of branch lines that ran; LCOV gives no source line (-1).
		const ran = b.line >= 0 ? (data.hits.get(b.line) ?? 0) > 0 : b.taken > 0;
		if (ran) partial += b.total - b.taken;
	}
	if (data.branchTotals) {
		numBranches = data.branchTotals.total;
		covered = data.branchTotals.taken;
	}
	const numStatements = data.statements ?? lines.length;
	const coveredLines = numStatements - missing.length;
	const summary: CoverageFile['summary'] = {
		covered_lines: coveredLines,
		num_statements: numStatements,
		percent_covered: 0,
		missing_lines: missing.length,
		excluded_lines: 0,
	};
	if (withBranches) {
		summary.num_branches = numBranches;
		summary.num_partial_branches = partial;
		summary.covered_branches = covered;
		summary.missing_branches = numBranches - covered;
	}
	summary.percent_covered = percentCovered({
		num_statements: numStatements,
		covered_lines: coveredLines,
		num_branches: withBranches ? numBranches : 0,
		covered_branches: withBranches ? covered : 0,
	});
	const file: CoverageFile = {
		summary,
		missing_lines: missing,
		executed_ranges: compactLineRanges(lines.filter((l) => (data.hits.get(l) ?? 0) > 0)),
	};
	if (withBranches && data.missingArcs.length > 0) file.missing_branches = data.missingArcs;
	return file;
}

/** Totals of a set of files in coverage.py’s summary layout (what `totals` holds). */
export function totalsOf(files: CoverageReport['files'], withBranches: boolean): CoverageReport['totals'] {
	const sum = sumFiles(Object.values(files), summaryOf);
	const totals: CoverageReport['totals'] = {
		covered_lines: sum.covered_lines,
		num_statements: sum.num_statements,
		percent_covered: percentCovered(sum),
		missing_lines: sum.num_statements - sum.covered_lines,
		excluded_lines: 0,
	};
	if (withBranches) {
		totals.num_branches = sum.num_branches;
		totals.num_partial_branches = sum.num_partial_branches;
		totals.covered_branches = sum.covered_branches;
		totals.missing_branches = sum.num_branches - sum.covered_branches;
	}
	return totals;
}
