import type { JunitCase, JunitReport } from '../reports/junit.ts';
import type { AttemptsFile } from '../schemas/attempts.ts';
import type { TestRun } from '../schemas/testRun.ts';
import { packTestResult, type TestResult, type TestStatus } from '../schemas/testResult.ts';

/** The run-level test figures a trend point carries. */
export interface TestSummary {
	/** Distinct tests reported (skipped ones included, as JUnit's `tests` counts them). */
	test_count: number;
	/** Final outcome failed or error. */
	tests_failed: number;
	/** Skips and xfails. */
	tests_skipped: number;
	/** Wall time in seconds, summed over the JUnit files. */
	duration_seconds: number;
}

/** Round seconds to milliseconds so records stay compact and stable. */
function ms(seconds: number): number {
	return Math.round(seconds * 1000) / 1000;
}

/**
 * Merge JUnit files (one per xdist run or CI shard) into one list of tests. A test reported in more
 * than one file keeps the later file's outcome, and the earlier reports become earlier attempts.
 */
export function mergeJunitReports(reports: JunitReport[]): { cases: JunitCase[]; duration: number } {
	const byKey = new Map<string, JunitCase>();
	let duration = 0;
	for (const report of reports) {
		duration += report.duration;
		for (const c of report.cases) {
			const key = `${c.classname}\u0000${c.name}`;
			const before = byKey.get(key);
			byKey.delete(key);
			byKey.set(key, before ? { ...c, earlier: [...before.earlier, before.status, ...c.earlier] } : c);
		}
	}
	return { cases: [...byKey.values()], duration };
}

/**
 * Fill earlier attempts from attempts files (final attempt last in `outcomes`). A test the attempts
 * file knows replaces whatever earlier attempts JUnit implied, since the file saw every attempt.
 */
export function applyAttempts(cases: JunitCase[], attempts: AttemptsFile[]): JunitCase[] {
	const earlierByKey = new Map<string, TestStatus[]>();
	for (const file of attempts)
		for (const a of file.attempts) earlierByKey.set(`${a.classname}\u0000${a.name}`, a.outcomes.slice(0, -1));
	if (earlierByKey.size === 0) return cases;
	return cases.map((c) => {
		const earlier = earlierByKey.get(`${c.classname}\u0000${c.name}`);
		return earlier === undefined ? c : { ...c, earlier };
	});
}

/** Count a run's tests the way a trend point reports them. */
export function summarizeTests(cases: readonly Pick<JunitCase, 'status'>[], duration: number): TestSummary {
	let failed = 0;
	let skipped = 0;
	for (const c of cases) {
		if (c.status === 'failed' || c.status === 'error') failed++;
		else if (c.status === 'skipped') skipped++;
	}
	return { test_count: cases.length, tests_failed: failed, tests_skipped: skipped, duration_seconds: ms(duration) };
}

/** Identity of a recorded run, as the trend point has it. */
export interface RunIdentity {
	commit: string;
	date: string;
	timestamp?: string | undefined;
	branch?: string | undefined;
}

/** Build the compact per-test record (`test-runs/…_tests.json`) of one run. */
export function buildTestRun(identity: RunIdentity, cases: JunitCase[], duration: number): TestRun {
	const classIndex = new Map<string, number>();
	const classnames: string[] = [];
	const tests: TestResult[] = cases.map((c) => {
		let index = classIndex.get(c.classname);
		if (index === undefined) {
			index = classnames.length;
			classnames.push(c.classname);
			classIndex.set(c.classname, index);
		}
		return packTestResult({
			classIndex: index,
			name: c.name,
			status: c.status,
			duration: ms(c.duration),
			earlier: c.earlier,
		});
	});
	const run: TestRun = {
		format: 1,
		commit: identity.commit,
		date: identity.date,
		duration_seconds: ms(duration),
		classnames,
		tests,
	};
	if (identity.timestamp) run.timestamp = identity.timestamp;
	if (identity.branch) run.branch = identity.branch;
	return run;
}
