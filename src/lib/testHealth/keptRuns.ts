/**
 * The kept per-test records read one file at a time: each parsed run is folded into the test
 * histories (their results in a `ResultGrid`) and its suite figures, then dropped, so a build never
 * holds 50 parsed runs of a 20,000-test suite (a million result tuples) at once.
 */
import type { TestRun } from '../schemas/testRun.ts';
import { suiteRunFromRecord, type SuiteRun } from './suiteRuns.ts';
import { reorderRuns } from './resultGrid.ts';
import { historyFold, orderRuns, type RunInfo, type TestHistory } from './testHistory.ts';

/** The kept runs as the analysis needs them. */
export interface KeptRuns {
	/** The runs without their tests, oldest first (as `orderRuns` orders them). */
	runs: RunInfo[];
	/** Every test's history, its observations pointing into `runs`. */
	histories: TestHistory[];
	/** The suite figures of each run, in the order of `runs`. */
	suite: SuiteRun[];
}

/** Read the records `names` with `read`, one at a time, into histories over the ordered runs. */
export function foldKeptRuns(names: readonly string[], read: (name: string) => TestRun): KeptRuns {
	const fold = historyFold(names.length);
	const infos: Array<RunInfo & { file: number; suite: SuiteRun }> = [];
	names.forEach((name, file) => {
		const { classnames, tests, ...info } = read(name);
		fold.add({ classnames, tests }, file);
		infos.push({ name, run: info, file, suite: suiteRunFromRecord({ name, run: { ...info, classnames, tests } }) });
	});
	// Files are folded in name order; the runs' own order is by time, which can differ within a day.
	const ordered = orderRuns(infos);
	if (ordered.some((r, i) => r.file !== i))
		reorderRuns(
			fold.grid,
			ordered.map((r) => r.file),
		);
	return {
		runs: ordered.map(({ name, run }) => ({ name, run })),
		histories: fold.histories(),
		suite: ordered.map((r) => r.suite),
	};
}
