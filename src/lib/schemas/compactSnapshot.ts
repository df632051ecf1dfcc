/**
 * The zod schemas of a snapshot as the site keeps it (see `snapshot/compactSnapshot.ts`): the type of
 * the snapshots collection. They describe what our own compactor writes, so the build does not check
 * data files against them (the report was checked against `coverageReportSchema` before compacting).
 * A module of its own because the browser scripts import `snapshot/compactFile.ts`, and zod must stay
 * out of their bundles.
 */
import { z } from 'zod';

/** A named function: `[name, statements, covered lines, branches, covered branches]`. */
export const compactFunctionSchema = z.tuple([z.string(), z.number(), z.number(), z.number(), z.number()]);

/**
 * One file: `[statements, covered lines, branches, covered branches, partial branches,
 * missing line ranges, named functions]`.
 */
export const compactFileSchema = z.tuple([
	z.number(),
	z.number(),
	z.number(),
	z.number(),
	z.number(),
	z.string(),
	z.array(compactFunctionSchema),
]);

/** A snapshot as the site keeps it: the report's `meta` and every file compacted. */
export const compactSnapshotSchema = z.strictObject({
	/** The report's `meta` (coverage.py version, timestamp, whether branches were measured). */
	meta: z.strictObject({
		version: z.string(),
		timestamp: z.string(),
		branch_coverage: z.boolean(),
		format: z.number().optional(),
	}),
	files: z.record(z.string(), compactFileSchema),
});

export type CompactFunction = z.output<typeof compactFunctionSchema>;
export type CompactFile = z.output<typeof compactFileSchema>;
export type CompactSnapshot = z.output<typeof compactSnapshotSchema>;
