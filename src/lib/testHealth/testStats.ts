import type { TestStatus } from '../schemas/testResult.ts';
import { median } from './median.ts';
import { outcomeOf } from './outcome.ts';
import type { TestHistory } from './testHistory.ts';

/** Counts and durations of one test over the kept runs. */
export interface TestStats {
	/** Runs the test appeared in. */
	runs: number;
	passed: number;
	failed: number;
	errors: number;
	/** Skips and xfails. */
	skipped: number;
	/** Final status in the newest run the test appeared in. */
	lastStatus: TestStatus;
	/** Index of that run. */
	lastRun: number;
	/** Duration in that run, in seconds. */
	durationNow: number;
	/** Median duration over the runs the test appeared in, in seconds. */
	durationMedian: number;
	/** Index of the run where the current streak of failures began (skips do not end it); null when it passes. */
	failingSince: number | null;
}

/** Count a test's final statuses and take its latest and median duration. */
export function testStats(history: TestHistory): TestStats {
	const obs = history.observations;
	const last = obs.at(-1);
	if (!last) throw new Error(`test ${history.name} has no observation`);
	const counts: Record<TestStatus, number> = { passed: 0, failed: 0, error: 0, skipped: 0 };
	for (const o of obs) counts[o.status]++;
	let failingSince: number | null = null;
	for (let i = obs.length - 1; i >= 0; i--) {
		const outcome = outcomeOf(obs[i]!.status);
		if (outcome === 'pass') break;
		if (outcome === 'fail') failingSince = obs[i]!.run;
	}
	if (outcomeOf(last.status) !== 'fail') failingSince = null;
	return {
		runs: obs.length,
		passed: counts.passed,
		failed: counts.failed,
		errors: counts.error,
		skipped: counts.skipped,
		lastStatus: last.status,
		lastRun: last.run,
		durationNow: last.duration,
		durationMedian: median(obs.map((o) => o.duration)) ?? last.duration,
		failingSince,
	};
}
