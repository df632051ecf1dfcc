import { pointTime } from '../schemas/trend.ts';
import type { TestRun } from '../schemas/testRun.ts';
import { unpackTestResult, type TestStatus } from '../schemas/testResult.ts';
import { testKey, testSlug, type TestIdentity } from './testIdentity.ts';

/** A per-test record with its file name under `test-runs/`, as `getTestRuns()` returns it. */
export interface RecordedRun {
	name: string;
	run: TestRun;
}

/** One test in one run. */
export interface Observation {
	/** Index of the run in the ordered runs. */
	run: number;
	/** Final status in that run. */
	status: TestStatus;
	/** Duration of the final attempt, in seconds. */
	duration: number;
	/** Statuses of the attempts before the final one (reruns), oldest first; empty when it ran once. */
	attempts: TestStatus[];
}

/** Everything the kept runs say about one test. */
export interface TestHistory extends TestIdentity {
	/** `testKey` of the test. */
	key: string;
	/** URL segment of the test's page. */
	slug: string;
	/** One observation per run the test appeared in, oldest first. */
	observations: Observation[];
}

/** Runs oldest first: by timestamp (or date), then by file name, so two runs of one day keep their order. */
export function orderRuns<R extends RecordedRun>(runs: readonly R[]): R[] {
	return [...runs].sort((a, b) => pointTime(a.run) - pointTime(b.run) || a.name.localeCompare(b.name));
}

/**
 * The history of every test over the given runs (already in order). A test listed twice in one run
 * was rerun (pytest-rerunfailures ≥ 16.6.1 writes each attempt): the last entry is its outcome and
 * the earlier ones become earlier attempts.
 */
export function testHistories(runs: readonly RecordedRun[]): TestHistory[] {
	const byKey = new Map<string, TestHistory>();
	runs.forEach(({ run }, index) => {
		for (const tuple of run.tests) {
			const { classIndex, name, status, duration, earlier } = unpackTestResult(tuple);
			const identity = { classname: run.classnames[classIndex] ?? '', name };
			const key = testKey(identity);
			let history = byKey.get(key);
			if (!history) {
				history = { ...identity, key, slug: testSlug(identity), observations: [] };
				byKey.set(key, history);
			}
			const previous = history.observations.at(-1);
			if (previous?.run === index) {
				previous.attempts.push(previous.status, ...earlier);
				previous.status = status;
				previous.duration = duration;
			} else {
				history.observations.push({ run: index, status, duration, attempts: [...earlier] });
			}
		}
	});
	return [...byKey.values()];
}
