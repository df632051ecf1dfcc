/**
 * The wire format of `/tests/all.json`, the compact list of every test that `/tests/all/` loads on
 * demand to filter, sort and page in the browser: one tuple per test, read through the named
 * positions below by the build and by the page's script alike.
 */
import type { TestStatus } from '../schemas/testResult.ts';
import type { TestReport } from './testHealth.ts';

/** Positions in a row. */
export const SLUG = 0;
export const CLASS = 1;
export const NAME = 2;
export const RUNS = 3;
export const PASSED = 4;
export const FAILED = 5;
export const ERRORS = 6;
export const SKIPPED = 7;
export const LAST = 8;
export const DURATION_NOW = 9;
export const DURATION_MEDIAN = 10;
export const FLAGS = 11;

/** Bits of `FLAGS`. */
export const FLAKY = 1;
/** The test has a story (flaky, failing, slow or just changed). */
export const STORY = 2;
/** The test ran in the newest run. */
export const CURRENT = 4;
/** The test has a full page of its own; the others show their history on `/tests/all/`. */
export const PAGE = 8;

/** One test: `[slug, classname index, name, runs, passed, failed, errors, skipped, last status, duration now, median, flags]`. */
export type TestIndexRow = [
	string,
	number,
	string,
	number,
	number,
	number,
	number,
	number,
	TestStatus,
	number,
	number,
	number,
];

/** `/tests/all.json`. */
export interface TestIndexJson {
	/** Kept runs, oldest first, as `[date, commit]`. */
	runs: [string, string][];
	/** Repository URL for commit links, or null. */
	repository: string | null;
	/** Distinct classnames; rows point into this list. */
	classnames: string[];
	tests: TestIndexRow[];
}

/** A row by name, as the page's script uses it. */
export interface TestIndexEntry {
	slug: string;
	classname: string;
	name: string;
	runs: number;
	passed: number;
	failed: number;
	errors: number;
	skipped: number;
	last: TestStatus;
	durationNow: number;
	durationMedian: number;
	flaky: boolean;
	story: boolean;
	current: boolean;
	page: boolean;
}

/** Pack the analysed tests into the index. */
export function packTestIndex(
	tests: readonly TestReport[],
	runs: readonly { run: { date: string; commit: string } }[],
	repository: string | undefined,
): TestIndexJson {
	const classIndex = new Map<string, number>();
	const classnames: string[] = [];
	const rows = tests.map((t): TestIndexRow => {
		let c = classIndex.get(t.classname);
		if (c === undefined) {
			c = classnames.push(t.classname) - 1;
			classIndex.set(t.classname, c);
		}
		const s = t.stats;
		const flags =
			(t.flakiness.flaky ? FLAKY : 0) | (t.story.length ? STORY : 0) | (t.current ? CURRENT : 0) | (t.page ? PAGE : 0);
		return [
			t.slug,
			c,
			t.name,
			s.runs,
			s.passed,
			s.failed,
			s.errors,
			s.skipped,
			s.lastStatus,
			s.durationNow,
			s.durationMedian,
			flags,
		];
	});
	return {
		runs: runs.map(({ run }) => [run.date, run.commit]),
		repository: repository ?? null,
		classnames,
		tests: rows,
	};
}

/** Unpack one row with the index's classnames. */
export function unpackTestIndexRow(row: TestIndexRow, classnames: readonly string[]): TestIndexEntry {
	const flags = row[FLAGS];
	return {
		slug: row[SLUG],
		classname: classnames[row[CLASS]] ?? '',
		name: row[NAME],
		runs: row[RUNS],
		passed: row[PASSED],
		failed: row[FAILED],
		errors: row[ERRORS],
		skipped: row[SKIPPED],
		last: row[LAST],
		durationNow: row[DURATION_NOW],
		durationMedian: row[DURATION_MEDIAN],
		flaky: (flags & FLAKY) !== 0,
		story: (flags & STORY) !== 0,
		current: (flags & CURRENT) !== 0,
		page: (flags & PAGE) !== 0,
	};
}
