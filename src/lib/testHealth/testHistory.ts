import { pointTime } from '../schemas/trend.ts';
import type { TestRun } from '../schemas/testRun.ts';
import { CLASS_INDEX, DURATION, EARLIER, NAME, STATUS, type TestStatus } from '../schemas/testResult.ts';
import { testKey, testSlug, type TestIdentity } from './testIdentity.ts';

/** What is kept of a recorded run once its tests are folded into histories: its file name and its commit, date, branch and duration. */
export interface RunInfo {
	name: string;
	run: Omit<TestRun, 'classnames' | 'tests'>;
}

/** A per-test record with its file name under `test-runs/`. */
export interface RecordedRun extends RunInfo {
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
export function orderRuns<R extends RunInfo>(runs: readonly R[]): R[] {
	return [...runs].sort((a, b) => pointTime(a.run) - pointTime(b.run) || a.name.localeCompare(b.name));
}

/**
 * The history of every test over the given runs (already in order). A test listed twice in one run
 * was rerun (pytest-rerunfailures ≥ 16.6.1 writes each attempt): the last entry is its outcome and
 * the earlier ones become earlier attempts.
 */
export function testHistories(runs: readonly RecordedRun[]): TestHistory[] {
	const fold = historyFold();
	runs.forEach(({ run }, index) => fold.add(run, index));
	return fold.histories();
}

/** Histories built one run at a time, so a caller can drop each parsed run once it is folded in. */
export interface HistoryFold {
	/** Add the tests of one run, known by its index; the runs of one test must come in index order. */
	add(run: Pick<TestRun, 'classnames' | 'tests'>, index: number): void;
	/** Every test seen so far, in the order first seen. */
	histories(): TestHistory[];
}

/** A fold of runs into test histories (see `testHistories`). */
export function historyFold(): HistoryFold {
	// 20,000 tests × 50 runs: tuples are read in place, and tests are found by classname, then
	// name (strings straight from the record), never by a key string built per tuple.
	const byClass = new Map<string, Map<string, TestHistory>>();
	const all: TestHistory[] = [];
	const add: HistoryFold['add'] = (run, index) => {
		const classes = run.classnames.map((c) => {
			let names = byClass.get(c);
			if (!names) byClass.set(c, (names = new Map()));
			return names;
		});
		for (const tuple of run.tests) {
			const name = tuple[NAME];
			const names = classes[tuple[CLASS_INDEX]] ?? classes[0]!;
			const status = tuple[STATUS];
			const duration = tuple[DURATION];
			// Reading past the end of a 4-tuple is slow in V8: look only when the slot is there.
			const earlier = tuple.length > EARLIER ? tuple[EARLIER] : undefined;
			let history = names.get(name);
			if (!history) {
				const identity = { classname: run.classnames[tuple[CLASS_INDEX]] ?? '', name };
				history = { ...identity, key: testKey(identity), slug: testSlug(identity), observations: [] };
				names.set(name, history);
				all.push(history);
			}
			const observations = history.observations;
			const previous = observations[observations.length - 1];
			if (previous?.run === index) {
				previous.attempts = [...previous.attempts, previous.status, ...(earlier ?? [])];
				previous.status = status;
				previous.duration = duration;
			} else {
				observations.push({ run: index, status, duration, attempts: earlier ? [...earlier] : NO_ATTEMPTS });
			}
		}
	};
	return { add, histories: () => all };
}

/** Shared by every observation of a test that ran once (most of them): never mutated, replaced when a rerun is seen. */
const NO_ATTEMPTS: TestStatus[] = [];
