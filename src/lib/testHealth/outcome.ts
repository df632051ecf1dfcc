import type { TestStatus } from '../schemas/testResult.ts';

/** What a status says about a test: it passed, it failed (a failure or an error), or it did not run. */
export type Outcome = 'pass' | 'fail' | 'skip';

/** Failures and errors both count as failing; skips and xfails say nothing about flakiness. */
export function outcomeOf(status: TestStatus): Outcome {
	if (status === 'passed') return 'pass';
	if (status === 'skipped') return 'skip';
	return 'fail';
}
