import { pointTime } from '../schemas/trend.ts';
import type { TestRun } from '../schemas/testRun.ts';
import { CLASS_INDEX, DURATION, EARLIER, NAME, STATUS } from '../schemas/testResult.ts';
import { addRow, observationsAt, resultGrid, setResult, type Observation, type ResultGrid } from './resultGrid.ts';
import { testKey, testSlug, type TestIdentity } from './testIdentity.ts';

export type { Observation } from './resultGrid.ts';

/** What is kept of a recorded run once its tests are folded into histories: its file name and its commit, date, branch and duration. */
export interface RunInfo {
	name: string;
	run: Omit<TestRun, 'classnames' | 'tests'>;
}

/** A per-test record with its file name under `test-runs/`. */
export interface RecordedRun extends RunInfo {
	run: TestRun;
}

/** Everything the kept runs say about one test. */
export interface TestHistory extends TestIdentity {
	/** `testKey` of the test. */
	key: string;
	/** URL segment of the test's page. */
	slug: string;
	/**
	 * One observation per run the test appeared in, oldest first. A fold's histories read them from
	 * its `ResultGrid` on every access (a new array each time): read once, keep while needed.
	 */
	readonly observations: Observation[];
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
	const fold = historyFold(runs.length);
	runs.forEach(({ run }, index) => fold.add(run, index));
	return fold.histories();
}

/** Histories built one run at a time, so a caller can drop each parsed run once it is folded in. */
export interface HistoryFold {
	/** Add the tests of one run, known by its index (below the fold's run count). */
	add(run: Pick<TestRun, 'classnames' | 'tests'>, index: number): void;
	/** Every test seen so far, in the order first seen. */
	histories(): TestHistory[];
	/** The results behind the histories (see `resultGrid.ts`). */
	grid: ResultGrid;
}

/** A fold of `runCount` runs into test histories (see `testHistories`), their results kept in a `ResultGrid`. */
export function historyFold(runCount: number): HistoryFold {
	// 20,000 tests × 50 runs: tuples are read in place, and tests are found by classname, then
	// name (strings straight from the record), never by a key string built per tuple.
	const grid = resultGrid(runCount);
	const byClass = new Map<string, Map<string, number>>();
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
			// Reading past the end of a 4-tuple is slow in V8: look only when the slot is there.
			const earlier = tuple.length > EARLIER ? tuple[EARLIER] : undefined;
			let row = names.get(name);
			if (row === undefined) {
				row = addRow(grid);
				names.set(name, row);
				all.push(gridHistory({ classname: run.classnames[tuple[CLASS_INDEX]] ?? '', name }, grid, row));
			}
			setResult(grid, row, index, tuple[STATUS], tuple[DURATION], earlier);
		}
	};
	return { add, histories: () => all, grid };
}

/** A test's history whose observations are read from its row of the grid. */
function gridHistory(identity: TestIdentity, grid: ResultGrid, row: number): TestHistory {
	return {
		...identity,
		key: testKey(identity),
		slug: testSlug(identity),
		get observations() {
			return observationsAt(grid, row);
		},
	};
}
