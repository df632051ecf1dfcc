import { z } from 'zod';

/** One attempt's outcome as the example backend's conftest records it (`rerun` is already mapped to `failed`). */
export const attemptOutcomeSchema = z.enum(['passed', 'failed', 'error', 'skipped']);

/**
 * The attempts file `examples/atom-backend/tests/conftest.py` writes when `ATOM_ATTEMPTS_FILE` is set:
 * every attempt of every test, in order, final attempt included. pytest-rerunfailures 10.2 writes only
 * the final attempt to JUnit XML, so this is how `trend record --attempts` learns about reruns.
 */
export const attemptsFileSchema = z.looseObject({
	/** Layout version. */
	format: z.literal(1),
	/** One entry per test. */
	attempts: z.array(
		z.looseObject({
			/** pytest node id, e.g. `tests/unit/test_x.py::test_a`. */
			nodeid: z.string().optional(),
			/** JUnit `classname` of the test, exactly as `--junitxml` writes it. */
			classname: z.string(),
			/** JUnit `name` of the test. */
			name: z.string().min(1),
			/** Outcome of each attempt, oldest first, the final one last. */
			outcomes: z.array(attemptOutcomeSchema).min(1),
		}),
	),
});

export type AttemptsFile = z.output<typeof attemptsFileSchema>;
