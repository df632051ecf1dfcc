import { z } from 'zod';

const count = z.int().min(0);

/** Patch coverage of one commit, as a trend point stores it (optional: older points have none). */
export const patchFiguresSchema = z.strictObject({
	/** The commit the changes were measured from (the merge base with `--base`). */
	base: z
		.string()
		.regex(/^[0-9a-f]{7,64}$/, 'a commit id')
		.describe('The commit the changes were measured from.'),
	/** Changed lines that are statements in the report. */
	statements: count.describe('Changed lines that are statements in the report.'),
	/** Of those, the ones that ran. */
	covered: count.describe('Changed statements that ran.'),
	/** Branch destinations from changed statements (0 without branch data). */
	branches: count.describe('Branch destinations from changed statements.'),
	/** Of those, the ones taken. */
	covered_branches: count.describe('Branch destinations from changed statements that were taken.'),
	/** `100 × (covered + covered_branches) ÷ (statements + branches)`; null when no statement changed. */
	percent: z
		.number()
		.min(0)
		.max(100)
		.nullable()
		.describe('Patch coverage in percent; null when no executable line changed.'),
});

/** One changed file in `trend patch --json`. */
export const patchFileJsonSchema = z.strictObject({
	path: z.string().describe('Path in the repository.'),
	report_path: z.string().describe('Path as the coverage report names it.'),
	statements: count,
	covered: count,
	branches: count,
	covered_branches: count,
	percent: z.number().min(0).max(100).nullable(),
	/** Uncovered changed statements as `[first, last]` line runs. */
	uncovered: z.array(z.tuple([z.int().min(1), z.int().min(1)])).describe('Uncovered changed lines as runs.'),
	/** Changed lines that ran but left a branch untaken. */
	partial: z.array(z.int().min(1)).describe('Changed lines that ran but left a branch untaken.'),
});

/** `trend patch --json FILE`: the figures for other tools. */
export const patchJsonSchema = z.strictObject({
	/** The `--base` given, the merge base it resolved to and the head commit. */
	base: z.string(),
	merge_base: z.string(),
	head: z.string(),
	/** What was put before the report's paths to find them in the repository. */
	path_prefix: z.string(),
	minimum: z.number().min(0).max(100),
	passed: z.boolean(),
	...patchFiguresSchema.omit({ base: true }).shape,
	files: z.array(patchFileJsonSchema),
	/** Changed files the report does not measure (or without a changed statement). */
	not_counted: z.array(z.string()),
	/** Annotations written, and places there were to annotate. */
	annotations: z.strictObject({ written: count, total: count }),
});

export type PatchFigures = z.output<typeof patchFiguresSchema>;
export type PatchJson = z.output<typeof patchJsonSchema>;
