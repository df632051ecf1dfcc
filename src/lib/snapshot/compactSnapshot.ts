/**
 * The per-file snapshot as the site keeps it at build time: per file the counts, the missing lines
 * as ranges and the named functions' counts, in tuples. A 20,000-file coverage.py report (about
 * 40 MB) becomes a few MB, which keeps Astro's data store, and so the build, fast.
 */
import { fileCounts } from '../coverage/counts.ts';
import { packFile, packFunction, type CompactFile } from './compactFile.ts';
import type { CompactSnapshot } from '../schemas/compactSnapshot.ts';
import { formatLineRanges } from '../text/lineRanges.ts';
import type { CoverageReport } from '../schemas/coveragepy.ts';

/** A snapshot as the site keeps it, declared by its zod schema (`schemas/compactSnapshot.ts`). */
export type { CompactSnapshot };

/** Compact a validated report; missing lines keep their first `maxRuns` ranges. */
export function compactSnapshot(report: CoverageReport, maxRuns = 12): CompactSnapshot {
	const files: Record<string, CompactFile> = {};
	for (const [path, file] of Object.entries(report.files)) {
		const c = fileCounts(file.summary);
		const functions = Object.entries(file.functions ?? {})
			// `""` is the code outside any function, not a function.
			.filter(([name]) => name !== '')
			.map(([name, region]) => packFunction(name, fileCounts(region.summary)));
		files[path] = packFile(c, formatLineRanges(file.missing_lines, maxRuns), functions);
	}
	const { version, timestamp, branch_coverage, format } = report.meta;
	return { meta: { version, timestamp, branch_coverage, ...(format === undefined ? {} : { format }) }, files };
}
