/**
 * The wire format of one test in a per-test record (`test-runs/…_tests.json`): a tuple
 * `[classname index, name, status, duration seconds, earlier attempts?]`, compact so that 5,000
 * tests stay well under 100 KB. Everything that reads or writes a tuple goes through this module,
 * never through a bare index.
 */
import { z } from 'zod';

/** Final outcome of one test in a run: passed, failed, error, skipped (skips and xfails). */
export const testStatusSchema = z.enum(['passed', 'failed', 'error', 'skipped']);

/**
 * One test in a run as its tuple. `earlier attempts` lists the statuses of reruns before the final
 * one (pytest-rerunfailures), oldest first, e.g. `["failed"]` for a test that failed once and then passed.
 */
export const testResultSchema = z.union([
	z.tuple([z.int().min(0), z.string().min(1), testStatusSchema, z.number().min(0)]),
	z.tuple([z.int().min(0), z.string().min(1), testStatusSchema, z.number().min(0), z.array(testStatusSchema).min(1)]),
]);

export type TestStatus = z.output<typeof testStatusSchema>;
export type TestResult = z.output<typeof testResultSchema>;

/** Position of the index into the run's `classnames`. */
export const CLASS_INDEX = 0;
/** Position of the test's name. */
export const NAME = 1;
/** Position of the final status. */
export const STATUS = 2;
/** Position of the final attempt's duration, in seconds. */
export const DURATION = 3;
/** Position of the statuses of the attempts before the final one (absent when it ran once). */
export const EARLIER = 4;

/** One test in a run, by name. */
export interface TestResultFields {
	classIndex: number;
	name: string;
	status: TestStatus;
	duration: number;
	/** Statuses of the reruns before the final attempt, oldest first; empty when it ran once. */
	earlier: readonly TestStatus[];
}

/** Pack a test's result into its tuple (the earlier attempts only when there were any). */
export function packTestResult(r: TestResultFields): TestResult {
	return r.earlier.length > 0
		? [r.classIndex, r.name, r.status, r.duration, [...r.earlier]]
		: [r.classIndex, r.name, r.status, r.duration];
}

/** Unpack a tuple into named fields. */
export function unpackTestResult(t: TestResult): TestResultFields {
	return {
		classIndex: t[CLASS_INDEX],
		name: t[NAME],
		status: t[STATUS],
		duration: t[DURATION],
		earlier: t[EARLIER] ?? [],
	};
}

/** The final status of a tuple, without unpacking the rest (hot loops over thousands of tests). */
export function statusOf(t: TestResult): TestStatus {
	return t[STATUS];
}

/** The classname index of a tuple. */
export function classIndexOf(t: TestResult): number {
	return t[CLASS_INDEX];
}

const STATUSES: ReadonlySet<unknown> = new Set(testStatusSchema.options);

/**
 * Whether a value is a valid tuple: the same rules as `testResultSchema`, checked in place. Zod
 * builds a copy of every tuple it checks; 50 records of 20,000 tests allocated 1.4 GB that way in a
 * build. A value this refuses goes to the schema, whose error names what is wrong.
 */
export function isTestResult(value: unknown): value is TestResult {
	if (!Array.isArray(value) || (value.length !== 4 && value.length !== 5)) return false;
	const [classIndex, name, status, duration, earlier] = value as unknown[];
	return (
		Number.isSafeInteger(classIndex) &&
		(classIndex as number) >= 0 &&
		typeof name === 'string' &&
		name.length >= 1 &&
		STATUSES.has(status) &&
		typeof duration === 'number' &&
		Number.isFinite(duration) &&
		duration >= 0 &&
		(value.length === 4 || (Array.isArray(earlier) && earlier.length >= 1 && earlier.every((s) => STATUSES.has(s))))
	);
}
