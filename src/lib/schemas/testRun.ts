import { z } from 'zod';
import { isoDateSchema } from './trend.ts';
import { CLASS_INDEX, classIndexOf, isTestResult, testResultSchema, type TestResult } from './testResult.ts';

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
		/** One entry per test, a tuple (see `testResult.ts`). */
		tests: z.array(testResultSchema),
	})
	.superRefine((run, ctx) => {
		run.tests.forEach((t, i) => {
			if (classIndexOf(t) >= run.classnames.length)
				ctx.addIssue({
					code: 'custom',
					path: ['tests', i, CLASS_INDEX],
					message: `an index into classnames (0–${run.classnames.length - 1})`,
					input: classIndexOf(t),
				});
		});
	});

export type TestRun = z.output<typeof testRunSchema>;

/**
 * A record checked as `testRunSchema` checks it, without zod copying its thousands of tuples (see
 * `isTestResult`): the record itself when valid, else undefined (parse it with the schema then, for
 * its errors). The fields around the tuples go through the schema as usual.
 */
export function quickTestRun(value: unknown): TestRun | undefined {
	if (typeof value !== 'object' || value === null || !('tests' in value) || !Array.isArray(value.tests))
		return undefined;
	const envelope = testRunSchema.safeParse({ ...value, tests: [] });
	if (!envelope.success) return undefined;
	const classes = envelope.data.classnames.length;
	for (const t of value.tests as unknown[]) if (!isTestResult(t) || classIndexOf(t) >= classes) return undefined;
	return { ...envelope.data, tests: value.tests as TestResult[] };
}
