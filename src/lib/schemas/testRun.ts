import { z } from 'zod';
import { isoDateSchema } from './trend.ts';

/** Final outcome of one test in a run: passed, failed, error, skipped (skips and xfails). */
export const testStatusSchema = z.enum(['passed', 'failed', 'error', 'skipped']);

/**
 * One test in a run, as a compact tuple so that 5,000 tests stay well under 100 KB:
 * `[classname index, name, status, duration seconds, earlier attempts?]`.
 * `earlier attempts` lists the statuses of reruns before the final one (pytest-rerunfailures),
 * oldest first, e.g. `["failed"]` for a test that failed once and then passed.
 */
export const testResultSchema = z.union([
	z.tuple([z.int().min(0), z.string().min(1), testStatusSchema, z.number().min(0)]),
	z.tuple([z.int().min(0), z.string().min(1), testStatusSchema, z.number().min(0), z.array(testStatusSchema).min(1)]),
]);

/** `data/test-runs/<date>_<short-commit>_tests.json`: per-test results of one recorded run. */
export const testRunSchema = z
	.strictObject({
		/** Record layout version. */
		format: z.literal(1),
		/** Commit the run measured. */
		commit: z.string().min(1).max(100),
		/** Day of the run. */
		date: isoDateSchema,
		/** Exact time of the recording. */
		timestamp: isoDateSchema.optional(),
		/** Git branch of the run. */
		branch: z.string().max(300).optional(),
		/** Wall time of the suite, in seconds (JUnit `time`, summed over files). */
		duration_seconds: z.number().min(0),
		/** Distinct JUnit `classname`s; results point into this list. */
		classnames: z.array(z.string()),
		/** One entry per test, see `testResultSchema`. */
		tests: z.array(testResultSchema),
	})
	.superRefine((run, ctx) => {
		run.tests.forEach((t, i) => {
			if (t[0] >= run.classnames.length)
				ctx.addIssue({
					code: 'custom',
					path: ['tests', i, 0],
					message: `an index into classnames (0–${run.classnames.length - 1})`,
					input: t[0],
				});
		});
	});

export type TestStatus = z.output<typeof testStatusSchema>;
export type TestResult = z.output<typeof testResultSchema>;
export type TestRun = z.output<typeof testRunSchema>;
