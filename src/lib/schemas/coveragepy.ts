import { z } from 'zod';

const count = z.int().min(0);
const lineList = z.array(z.int().min(0));
/** A branch arc `[from, to]`; negative `to` means an exit from the code object. */
const arcList = z.array(z.tuple([z.int(), z.int()]));

/** coverage.py’s per-file or total summary (`Numbers`), with branch fields when measured with `--branch`. */
export const coverageSummarySchema = z
	.looseObject({
		/** Statements that ran. */
		covered_lines: count,
		/** Executable statements. */
		num_statements: count,
		/** coverage.py’s percentage: 100 × (covered lines + covered branches) ÷ (statements + branches). */
		percent_covered: z.number().min(0).max(100),
		/** The same, rounded for display with coverage.py’s `precision`. */
		percent_covered_display: z.string().optional(),
		/** Statements that did not run. */
		missing_lines: count,
		/** Statements excluded by pragma or configuration. */
		excluded_lines: count.default(0),
		/** Branch destinations (only with branch data). */
		num_branches: count.optional(),
		/** Lines whose branches were only partly taken. */
		num_partial_branches: count.optional(),
		/** Branch destinations taken. */
		covered_branches: count.optional(),
		/** Branch destinations never taken. */
		missing_branches: count.optional(),
	})
	.superRefine((s, ctx) => {
		if (s.covered_lines > s.num_statements)
			ctx.addIssue({
				code: 'custom',
				path: ['covered_lines'],
				message: `at most num_statements (${s.num_statements})`,
				input: s.covered_lines,
			});
		if (s.covered_branches !== undefined && s.num_branches !== undefined && s.covered_branches > s.num_branches)
			ctx.addIssue({
				code: 'custom',
				path: ['covered_branches'],
				message: `at most num_branches (${s.num_branches})`,
				input: s.covered_branches,
			});
	});

/** Line numbers as ranges, `1-5,7,9-12` (ascending), the compact form this project's snapshots keep. */
export const lineRangesSchema = z.string().regex(/^(?:\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*)?$/, 'line ranges such as 1-5,7');

/** A function or class region of a file (coverage.py 7.x, JSON format 3). */
export const coverageRegionSchema = z.looseObject({
	summary: coverageSummarySchema,
	/** First line of the region's code (this project's snapshots keep it instead of the line lists). */
	start_line: z.int().min(1).optional(),
	executed_lines: lineList.optional(),
	missing_lines: lineList.optional(),
	excluded_lines: lineList.optional(),
	executed_branches: arcList.optional(),
	missing_branches: arcList.optional(),
});

/**
 * One measured file. coverage.py writes every list; the snapshots this project keeps drop
 * `executed_lines` for `executed_ranges` and drop `executed_branches`. Snapshots recorded before
 * `executed_ranges` existed have neither: their source pages show missing lines only.
 */
export const coverageFileSchema = z.looseObject({
	summary: coverageSummarySchema,
	executed_lines: lineList.optional(),
	/** The executed lines as ranges (this project's snapshots keep these instead of `executed_lines`). */
	executed_ranges: lineRangesSchema.optional(),
	missing_lines: lineList.default([]),
	excluded_lines: lineList.optional(),
	executed_branches: arcList.optional(),
	missing_branches: arcList.optional(),
	/** Per-function figures (coverage.py ≥ 7.5, format 3); the key `""` is code outside any function. */
	functions: z.record(z.string(), coverageRegionSchema).optional(),
	/** Per-class figures (coverage.py ≥ 7.5, format 3). */
	classes: z.record(z.string(), coverageRegionSchema).optional(),
});

/** `meta` block: absent `format` means coverage.py 6.x (format 1). */
export const coverageMetaSchema = z.looseObject({
	/** JSON format: absent in 6.x, 2 from 7.0, 3 once regions were added. */
	format: z.int().min(1).optional(),
	/** coverage.py version that wrote the report. */
	version: z.string(),
	/** When the report was written. */
	timestamp: z.string(),
	/** Whether branch coverage was measured. */
	branch_coverage: z.boolean(),
	show_contexts: z.boolean().optional(),
});

/** A coverage.py JSON report (`coverage json`, `pytest --cov-report=json`), 6.x or 7.x, or a snapshot of one. */
export const coverageReportSchema = z.looseObject({
	meta: coverageMetaSchema,
	files: z.record(z.string(), coverageFileSchema),
	totals: coverageSummarySchema,
});

export type CoverageSummary = z.output<typeof coverageSummarySchema>;
export type CoverageFile = z.output<typeof coverageFileSchema>;
export type CoverageReport = z.output<typeof coverageReportSchema>;
export type CoverageRegion = z.output<typeof coverageRegionSchema>;
