import type { AddedLines } from '../git/addedLines.ts';
import { displayPercent, PERCENT_DECIMALS } from '../text/format.ts';
import { percentCovered, sumFiles, type FileNumbers } from './counts.ts';
import type { FileLineCoverage, LineCoverageReport } from './lineCoverage.ts';
import { toRepoPath, type PathMapping } from './patchPaths.ts';

/** The counts of a patch figure: coverage.py's numbers restricted to the changed lines. */
export interface PatchCounts {
	statements: number;
	covered: number;
	branches: number;
	covered_branches: number;
}

/** A run of uncovered changed statements, with no covered or unchanged statement between them. */
export interface UncoveredRange {
	start: number;
	end: number;
	/** Statements in the run. */
	statements: number;
}

/** One changed file that the report measures. */
export interface PatchFile extends PatchCounts {
	/** Path in the repository (what the diff and GitHub show). */
	path: string;
	/** Path as the report names it. */
	reportPath: string;
	/** Patch coverage of this file; null when no changed line is a statement. */
	percent: number | null;
	/** Uncovered changed statements, as runs. */
	uncovered: UncoveredRange[];
	/** Changed statements that ran but left a branch untaken. */
	partial: number[];
}

/** Patch coverage of a whole diff. */
export interface PatchResult extends PatchCounts {
	/** `100 × (covered + covered_branches) ÷ (statements + branches)`; null when no statement changed. */
	percent: number | null;
	/** Changed files the report measures, in path order (those without a changed statement included). */
	files: PatchFile[];
	/** Changed files with added lines that the report does not measure (docs, tests, omitted files). */
	unmeasured: string[];
}

/** Patch counts as coverage.py's numbers, so that they are added up and turned into a percentage as every other figure. */
function patchNumbers(c: PatchCounts): FileNumbers {
	return {
		num_statements: c.statements,
		covered_lines: c.covered,
		num_branches: c.branches,
		covered_branches: c.covered_branches,
	};
}

/** Patch percentage in coverage.py's arithmetic; null with no changed statement. */
export function patchPercent(c: PatchCounts): number | null {
	return c.statements === 0 ? null : percentCovered(patchNumbers(c));
}

/** An added line that opens with a string literal: what a docstring line looks like. */
const DOCSTRING_START = /^\s*[rRuUbBfF]{0,2}(?:"|')/;

/** Counts and uncovered runs of one measured file, for the lines a diff added. */
function patchFile(path: string, reportPath: string, lines: FileLineCoverage, added: AddedLines): PatchFile {
	const changed = new Set(added.lines);
	let counted = lines.statements.filter((l) => changed.has(l));
	const wholeFile =
		counted.length === lines.statements.length && [...lines.branches.keys()].every((l) => changed.has(l));
	let counts: { statements: number; covered: number; branches: number; covered_branches: number };
	if (wholeFile) {
		// Every line the report knows changed: the file's own counts are the patch's, exactly (the only
		// way to be exact where a format lists docstrings as run or names branch destinations, not sources).
		counts = {
			statements: lines.counts.num_statements,
			covered: lines.counts.covered_lines,
			branches: lines.counts.num_branches,
			covered_branches: lines.counts.covered_branches,
		};
	} else {
		if (lines.nonStatements > 0) {
			// coverage.py lists executed docstrings among executed lines but does not count them.
			let drop = lines.nonStatements;
			counted = counted.filter((l) => {
				if (drop > 0 && lines.covered.has(l) && DOCSTRING_START.test(added.text.get(l) ?? '')) {
					drop--;
					return false;
				}
				return true;
			});
		}
		counts = { statements: counted.length, covered: 0, branches: 0, covered_branches: 0 };
		for (const l of counted) {
			if (lines.covered.has(l)) counts.covered++;
			const b = lines.branches.get(l);
			if (b) {
				counts.branches += b.total;
				counts.covered_branches += b.taken;
			}
		}
	}
	const uncovered: UncoveredRange[] = [];
	let previousIndex = -2;
	lines.statements.forEach((l, index) => {
		if (!changed.has(l) || lines.covered.has(l)) return;
		const last = uncovered.at(-1);
		if (last && index === previousIndex + 1) {
			last.end = l;
			last.statements++;
		} else uncovered.push({ start: l, end: l, statements: 1 });
		previousIndex = index;
	});
	const partial = counted.filter((l) => {
		const b = lines.branches.get(l);
		return lines.covered.has(l) && b !== undefined && b.taken < b.total;
	});
	return { path, reportPath, ...counts, percent: patchPercent(counts), uncovered, partial };
}

/**
 * Patch coverage: of the lines the diff adds, those the report has as statements count, with the branches
 * leaving them (coverage.py's formula restricted to the changed lines). Lines of files the report does not
 * measure (docs, tests, omitted files) and lines that are not statements (comments, blank lines,
 * `pragma: no cover`) do not count.
 */
export function patchCoverage(
	changes: ReadonlyMap<string, AddedLines>,
	report: LineCoverageReport,
	mapping: PathMapping,
): PatchResult {
	const byRepoPath = new Map<string, string>();
	for (const r of report.paths) {
		const g = toRepoPath(r, mapping);
		if (g !== null) byRepoPath.set(g, r);
	}
	const files: PatchFile[] = [];
	const unmeasured: string[] = [];
	for (const path of [...changes.keys()].sort()) {
		const reportPath = byRepoPath.get(path);
		const lines = reportPath === undefined ? undefined : report.file(reportPath);
		if (reportPath === undefined || lines === undefined) unmeasured.push(path);
		else files.push(patchFile(path, reportPath, lines, changes.get(path)!));
	}
	const sum = sumFiles(files, patchNumbers);
	const totals: PatchCounts = {
		statements: sum.num_statements,
		covered: sum.covered_lines,
		branches: sum.num_branches,
		covered_branches: sum.covered_branches,
	};
	return { ...totals, percent: patchPercent(totals), files, unmeasured };
}

/**
 * Whether a figure meets a minimum the way coverage.py's `fail_under` judges it: the figure rounded to
 * two decimals (as shown) against the minimum, and 100 only when nothing at all is missed.
 */
export function meetsMinimum(percent: number | null, minimum: number): boolean {
	if (percent === null || percent >= 100) return true;
	if (minimum >= 100) return false;
	return Number(displayPercent(percent, PERCENT_DECIMALS)) >= minimum;
}
