/**
 * The per-file snapshot as the site keeps it at build time: per file the counts, the missing lines
 * as ranges and the named functions' counts, in tuples. A 20,000-file coverage.py report (about
 * 40 MB) becomes a few MB, which keeps Astro's data store, and so the build, fast.
 */
import { fileCounts } from '../coverage/domainCoverage.ts';
import { percentCovered } from '../coverage/counts.ts';
import { compactCounts, packFile, packFunction, type CompactFile } from './compactFile.ts';
import { formatLineRanges } from '../text/lineRanges.ts';
import type { CoverageFile, CoverageReport } from '../schemas/coveragepy.ts';

/** A snapshot as the site keeps it. */
export interface CompactSnapshot {
	/** The report's `meta` (coverage.py version, timestamp, whether branches were measured). */
	meta: { version: string; timestamp: string; branch_coverage: boolean; format?: number | undefined };
	files: Record<string, CompactFile>;
}

/** Compact a validated report; missing lines keep their first `maxRuns` ranges. */
export function compactSnapshot(report: CoverageReport, maxRuns = 12): CompactSnapshot {
	const files: Record<string, CompactFile> = {};
	for (const [path, file] of Object.entries(report.files)) {
		const c = fileCounts(file);
		const functions = Object.entries(file.functions ?? {})
			// `""` is the code outside any function, not a function.
			.filter(([name]) => name !== '')
			.map(([name, region]) => packFunction(name, fileCounts(region)));
		files[path] = packFile(c, formatLineRanges(file.missing_lines, maxRuns), functions);
	}
	const { version, timestamp, branch_coverage, format } = report.meta;
	return { meta: { version, timestamp, branch_coverage, ...(format === undefined ? {} : { format }) }, files };
}

/** A file as `domainCoverage` reads it (a coverage.py summary), rebuilt from its counts. */
export function summaryFile(f: CompactFile): Pick<CoverageFile, 'summary'> {
	const c = compactCounts(f);
	return {
		summary: {
			covered_lines: c.covered_lines,
			num_statements: c.num_statements,
			percent_covered: percentCovered(c),
			missing_lines: c.num_statements - c.covered_lines,
			excluded_lines: 0,
			num_branches: c.num_branches,
			covered_branches: c.covered_branches,
			num_partial_branches: c.num_partial_branches,
		},
	};
}

/** The whole snapshot as `domainCoverage` reads it. */
export function summaryReport(s: CompactSnapshot): { files: Record<string, Pick<CoverageFile, 'summary'>> } {
	const files: Record<string, Pick<CoverageFile, 'summary'>> = {};
	for (const [path, f] of Object.entries(s.files)) files[path] = summaryFile(f);
	return { files };
}
