/**
 * Every test's result in every kept run, in columns: a status byte and a duration per cell (test ×
 * run). 50 kept runs of a 20,000-test suite are a million results; as one object each they held
 * about 90 MB of a build's heap, in columns 9 MB. A test's results are read back as `Observation`s
 * one test at a time (`observationsAt`), and dropped by whoever read them.
 */
import type { TestStatus } from '../schemas/testResult.ts';

/** One test in one run, as the analysis reads it. */
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

/** The statuses by their code in a cell (0 is a run the test was not in). */
const BY_CODE: readonly (TestStatus | undefined)[] = [undefined, 'passed', 'failed', 'error', 'skipped'];
const CODE: Record<TestStatus, number> = { passed: 1, failed: 2, error: 3, skipped: 4 };

/** The results of `rows` tests over `runCount` runs. */
export interface ResultGrid {
	/** Columns: the kept runs. */
	readonly runCount: number;
	/** Rows in use: the tests seen so far. */
	rows: number;
	/** Per cell (`row * runCount + run`): 0 where the test did not run, else its final status's code. */
	statuses: Uint8Array;
	/** Per cell: the duration of the final attempt, in seconds. */
	durations: Float64Array;
	/** The earlier attempts of the few cells whose test was rerun, by cell. */
	attempts: Map<number, TestStatus[]>;
}

/** An empty grid over `runCount` runs. */
export function resultGrid(runCount: number): ResultGrid {
	return { runCount, rows: 0, statuses: new Uint8Array(0), durations: new Float64Array(0), attempts: new Map() };
}

/** Add a row for a new test; its index. The columns grow by half again when full, as arrays do. */
export function addRow(grid: ResultGrid): number {
	const cells = (grid.rows + 1) * grid.runCount;
	if (cells > grid.statuses.length) {
		const size = Math.max(cells, Math.ceil(grid.statuses.length * 1.5));
		const statuses = new Uint8Array(size);
		statuses.set(grid.statuses);
		const durations = new Float64Array(size);
		durations.set(grid.durations);
		grid.statuses = statuses;
		grid.durations = durations;
	}
	return grid.rows++;
}

/**
 * Record a test's result in a run. A second result for the same cell is a rerun (pytest-rerunfailures
 * ≥ 16.6.1 writes each attempt): it becomes the outcome, and the one before it an earlier attempt.
 */
export function setResult(
	grid: ResultGrid,
	row: number,
	run: number,
	status: TestStatus,
	duration: number,
	earlier: readonly TestStatus[] | undefined,
): void {
	const cell = row * grid.runCount + run;
	const previous = BY_CODE[grid.statuses[cell]!];
	if (previous) grid.attempts.set(cell, [...(grid.attempts.get(cell) ?? []), previous, ...(earlier ?? [])]);
	else if (earlier) grid.attempts.set(cell, [...earlier]);
	grid.statuses[cell] = CODE[status];
	grid.durations[cell] = duration;
}

/** Shared by every observation of a test that ran once (most of them); never mutated. */
const NO_ATTEMPTS: TestStatus[] = [];

/** One test's observations, oldest run first: a new array on every call. */
export function observationsAt(grid: ResultGrid, row: number): Observation[] {
	const observations: Observation[] = [];
	const start = row * grid.runCount;
	for (let run = 0; run < grid.runCount; run++) {
		const status = BY_CODE[grid.statuses[start + run]!];
		if (!status) continue;
		const attempts = grid.attempts.get(start + run);
		observations.push({
			run,
			status,
			duration: grid.durations[start + run]!,
			attempts: attempts ? [...attempts] : NO_ATTEMPTS,
		});
	}
	return observations;
}

/** Put the columns in a new order: column `i` becomes the one that was `from[i]`. */
export function reorderRuns(grid: ResultGrid, from: readonly number[]): void {
	const { runCount, rows } = grid;
	const statuses = new Uint8Array(rows * runCount);
	const durations = new Float64Array(rows * runCount);
	const attempts = new Map<number, TestStatus[]>();
	const to = new Map(from.map((old, i) => [old, i]));
	for (let row = 0; row < rows; row++)
		for (let run = 0; run < runCount; run++) {
			const cell = row * runCount + run;
			const old = row * runCount + from[run]!;
			statuses[cell] = grid.statuses[old]!;
			durations[cell] = grid.durations[old]!;
		}
	for (const [old, a] of grid.attempts) {
		const row = Math.floor(old / runCount);
		attempts.set(row * runCount + to.get(old % runCount)!, a);
	}
	Object.assign(grid, { statuses, durations, attempts });
}
