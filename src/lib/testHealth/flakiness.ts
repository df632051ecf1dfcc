import type { CoverageConfig } from '../schemas/config.ts';
import { outcomeOf, type Outcome } from './outcome.ts';
import type { RunInfo, TestHistory } from './testHistory.ts';

/** The `flaky` settings of the config: the window of newest runs and the flips within it that make a test flaky. */
export type FlakySettings = CoverageConfig['flaky'];

/** Why a test counts as flaky. */
export type FlakyReason = 'rerun' | 'same-commit' | 'flips';

/** How flaky one test is over the newest runs. */
export interface Flakiness {
	/** Whether the test is flaky now (any reason below, within the window). */
	flaky: boolean;
	/** Every reason that holds, in the order of `FlakyReason`. */
	reasons: FlakyReason[];
	/** Pass↔fail changes between consecutive runs the test ran in (skips left out), within the window. */
	flips: number;
	/** Consecutive pairs of runs compared for flips. */
	comparisons: number;
	/** `flips / comparisons`; null when the test ran fewer than twice in the window. */
	flipRate: number | null;
	/** Index of the first and last run in the window that showed the flakiness; null when not flaky. */
	firstSeen: number | null;
	lastSeen: number | null;
}

/** Index of the first run inside the window of the `window` newest runs. */
export function windowStart(runCount: number, settings: FlakySettings): number {
	return Math.max(0, runCount - settings.window);
}

/**
 * Decide whether a test is flaky over the newest `settings.window` runs. A test is flaky when it both
 * passed and failed on one commit — within one run (it was rerun and ended in a pass) or across
 * two runs of the same commit — or when its outcome flipped between pass and fail at least
 * `settings.min_flips` times. Errors count as failures; skips are left out. A test that fails every
 * time never flips and is never flaky: it is failing.
 */
export function flakiness(history: TestHistory, runs: readonly RunInfo[], settings: FlakySettings): Flakiness {
	const start = windowStart(runs.length, settings);
	const inWindow = history.observations.filter((o) => o.run >= start);
	const reasons: FlakyReason[] = [];
	const evidence: number[] = [];

	// Reruns within one run: pytest-rerunfailures reruns only a test that failed, so a rerun that ends
	// in a pass is a pass and a failure on one commit, even when the JUnit layout of rerunfailures
	// >= 16.6.1 leaves the earlier attempts as empty, pass-looking <testcase> records.
	const rerunRuns = inWindow
		.filter(
			(o) =>
				(o.attempts.length > 0 && outcomeOf(o.status) === 'pass') ||
				mixed([...o.attempts.map(outcomeOf), outcomeOf(o.status)]),
		)
		.map((o) => o.run);
	if (rerunRuns.length) reasons.push('rerun');
	evidence.push(...rerunRuns);

	// Two runs of one commit: their final outcomes disagree.
	const byCommit = new Map<string, { outcomes: Outcome[]; runs: number[] }>();
	for (const o of inWindow) {
		const commit = runs[o.run]!.run.commit;
		const group = byCommit.get(commit) ?? { outcomes: [], runs: [] };
		group.outcomes.push(outcomeOf(o.status));
		group.runs.push(o.run);
		byCommit.set(commit, group);
	}
	const sameCommitRuns = [...byCommit.values()]
		.filter((g) => g.runs.length > 1 && mixed(g.outcomes))
		.flatMap((g) => g.runs);
	if (sameCommitRuns.length) reasons.push('same-commit');
	evidence.push(...sameCommitRuns);

	// Flips between consecutive runs the test ran in.
	const ran = inWindow.filter((o) => outcomeOf(o.status) !== 'skip');
	const flipRuns: number[] = [];
	for (let i = 1; i < ran.length; i++) {
		if (outcomeOf(ran[i]!.status) !== outcomeOf(ran[i - 1]!.status)) flipRuns.push(ran[i]!.run);
	}
	if (flipRuns.length >= settings.min_flips) {
		reasons.push('flips');
		evidence.push(...flipRuns);
	}

	const comparisons = Math.max(0, ran.length - 1);
	return {
		flaky: reasons.length > 0,
		reasons,
		flips: flipRuns.length,
		comparisons,
		flipRate: comparisons > 0 ? flipRuns.length / comparisons : null,
		firstSeen: evidence.length ? Math.min(...evidence) : null,
		lastSeen: evidence.length ? Math.max(...evidence) : null,
	};
}

/** Whether a list of outcomes holds both a pass and a failure. */
function mixed(outcomes: readonly Outcome[]): boolean {
	return outcomes.includes('pass') && outcomes.includes('fail');
}
