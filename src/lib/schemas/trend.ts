import { z } from 'zod';
import { patchFiguresSchema } from './patch.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A percentage: a finite number from 0 to 100. */
export const percentSchema = z.number().min(0).max(100);

/** Whether `YYYY-MM-DD…` names a day of the calendar: `Date.parse` turns 2026-02-30 into 2 March instead of refusing it. */
function isCalendarDay(s: string): boolean {
	const [y, m, d] = [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
	const day = new Date(Date.UTC(y, m - 1, d));
	return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** A calendar date or a date-time in ISO 8601 that names a real day (no 2026-02-30, no month 13). */
export const isoDateSchema = z
	.string()
	.regex(ISO_DATE, { message: 'an ISO 8601 date such as 2026-02-11', abort: true })
	.refine(
		(s) => isCalendarDay(s) && !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)),
		'a real calendar date',
	);

/** Line and branch counts behind one percentage (coverage.py’s `summary` numbers). */
export const countsSchema = z.strictObject({
	/** Files counted. */
	files: z.int().min(0).describe('Files counted.'),
	/** Executable statements (`num_statements`). */
	num_statements: z.int().min(0).describe('Executable statements (`num_statements`).'),
	/** Statements that ran (`covered_lines`). */
	covered_lines: z.int().min(0).describe('Statements that ran (`covered_lines`).'),
	/** Branch destinations (`num_branches`); 0 without branch data. */
	num_branches: z.int().min(0).default(0).describe('Branch destinations (`num_branches`); 0 without branch data.'),
	/** Branch destinations taken (`covered_branches`). */
	covered_branches: z.int().min(0).default(0).describe('Branch destinations taken (`covered_branches`).'),
	/** Lines with a branch only partly taken (`num_partial_branches`). */
	num_partial_branches: z
		.int()
		.min(0)
		.default(0)
		.describe('Lines with a branch only partly taken (`num_partial_branches`).'),
});

/** A `<domain>_percent` value: the domain's coverage.py figure, or null when its globs matched no file. */
export const domainPercentSchema = percentSchema
	.nullable()
	.describe(
		'coverage.py’s figure over the files the domain’s globs match; `null` (or absent) when they match none. One field per domain id, e.g. `security_percent`.',
	);

/**
 * One recorded run. The seed’s fields (`date`, `commit`, `overall_percent`, `<domain>_percent`,
 * `test_count`) are required or fixed by name; everything after them is optional.
 * `<domain>_percent` is `null` (or absent) when the domain matched no file.
 */
export const trendPointSchema = z
	.looseObject({
		/** Day of the run (ISO 8601 date, or date-time). */
		date: isoDateSchema.describe('Day of the run, ISO 8601 (`2026-02-11`), or a date-time.'),
		/** Commit SHA the run measured (the seed’s baseline uses `initial`). */
		commit: z.string().min(1).max(100).describe('Commit SHA the run measured (the seed’s baseline uses `initial`).'),
		/** coverage.py’s total for the whole report: `totals.percent_covered`. */
		overall_percent: percentSchema.describe('coverage.py’s total for the whole report (`totals.percent_covered`).'),
		/** Tests that ran (0 when no JUnit report was recorded). */
		test_count: z.int().min(0).describe('Tests that ran (0 when no JUnit report was recorded).'),
		/** Exact time of the recording (ISO 8601 date-time). */
		timestamp: isoDateSchema.optional().describe('Exact time of the recording, ISO 8601 date-time.'),
		/** Git branch the run was on. */
		branch: z.string().max(300).optional().describe('Git branch the run was on.'),
		/** First line of the commit message. */
		message: z.string().max(2000).optional().describe('First line of the commit message.'),
		/** Branch coverage of the whole report, in percent; null when measured without branch data. */
		branch_coverage: percentSchema
			.nullable()
			.optional()
			.describe('Branch coverage of the whole report in percent (`null` without branch data).'),
		/** Counts behind each figure, keyed by `overall` and by domain id. */
		counts: z
			.record(z.string(), countsSchema)
			.optional()
			.describe('Counts behind each figure, keyed by `overall` and by domain id.'),
		/** Targets in force when the run was recorded, keyed like `targets`. */
		targets: z
			.record(z.string(), percentSchema)
			.optional()
			.describe('Targets in force when the run was recorded (keyed like the file’s `targets`).'),
		/** Failed tests, from JUnit (failures plus errors). */
		tests_failed: z.int().min(0).optional().describe('Failed tests from JUnit (failures plus errors).'),
		/** Skipped tests, from JUnit (skips and xfails). */
		tests_skipped: z.int().min(0).optional().describe('Skipped tests from JUnit (skips and xfails).'),
		/** Wall time of the test suite, in seconds. */
		duration_seconds: z.number().min(0).optional().describe('Wall time of the test suite, in seconds.'),
		/** Patch coverage of the commit: its own changed lines since the previous recorded commit (`record --base`). */
		patch: patchFiguresSchema
			.optional()
			.describe(
				'Patch coverage of the commit’s changed lines since `base` (`trend record --base`); absent on older points.',
			),
		/** File name of the per-file snapshot under `snapshots/`, when one was kept. */
		snapshot: z
			.string()
			.regex(/^[\w.-]+\.json$/, 'a plain file name ending in .json')
			.optional()
			.describe('File name of the per-file snapshot under `snapshots/`, while it is kept.'),
		/** File name of the per-test record under `test-runs/`, when one was kept. */
		test_run: z
			.string()
			.regex(/^[\w.-]+\.json$/, 'a plain file name ending in .json')
			.optional()
			.describe('File name of the per-test record under `test-runs/`, while it is kept.'),
	})
	.superRefine((point, ctx) => {
		// `<domain>_percent` keys are open-ended, so check them here rather than by name.
		for (const [key, value] of Object.entries(point)) {
			if (!key.endsWith('_percent') || key === 'overall_percent') continue;
			const parsed = domainPercentSchema.safeParse(value);
			if (!parsed.success)
				ctx.addIssue({
					code: 'custom',
					path: [key],
					message: 'a percentage from 0 to 100, or null',
					input: value,
				});
		}
	});

/** `data/coverage_trend.json`: one point per recorded commit, domain level only. */
export const trendFileSchema = z
	.looseObject({
		/** The recorded runs, oldest first. */
		coverage_history: z.array(trendPointSchema).describe('The recorded runs, oldest first.'),
		/** Current target per figure, keyed by `overall` and by domain id. */
		targets: z
			.record(z.string(), percentSchema)
			.default({})
			.describe('Current target per figure, keyed by `overall` and by domain id.'),
	})
	.superRefine((file, ctx) => {
		const seen = new Map<string, number>();
		file.coverage_history.forEach((point, i) => {
			const first = seen.get(point.commit);
			if (first !== undefined)
				ctx.addIssue({
					code: 'custom',
					path: ['coverage_history', i, 'commit'],
					message: `a commit not recorded before (it is also coverage_history[${first}])`,
					input: point.commit,
				});
			else seen.set(point.commit, i);
			if (i > 0 && pointTime(point) < pointTime(file.coverage_history[i - 1]!))
				ctx.addIssue({
					code: 'custom',
					path: ['coverage_history', i, 'date'],
					message: `points in date order (not before coverage_history[${i - 1}], ${file.coverage_history[i - 1]!.date})`,
					input: point.date,
				});
		});
	});

/** Milliseconds since the epoch for a point: its timestamp if it has one, else its date at 00:00 UTC. */
export function pointTime(point: { date: string; timestamp?: string | undefined }): number {
	const stamp = point.timestamp ?? point.date;
	return Date.parse(stamp.length === 10 ? `${stamp}T00:00:00Z` : stamp);
}

export type TrendPoint = z.output<typeof trendPointSchema>;
export type TrendFile = z.output<typeof trendFileSchema>;
export type Counts = z.output<typeof countsSchema>;
