import type { OutputEntry } from '../../src/lib/docs/outputs/outputEntry.ts';

/** The example backend, where the guides' pytest and coverage commands run. */
export const BACKEND = 'examples/atom-backend';

/**
 * What varies in a pytest run beyond the built-in normalisation: the virtualenv's folder name (the guides
 * call it `.venv`), the `(0:01:02)` pytest adds to long durations, and the `=` padding around a summary,
 * whose width follows the duration's digits.
 */
export const PYTEST_NORMALISE: [RegExp, string][] = [
	[/\.venv-current\//g, '.venv/'],
	[/ \(\d+:\d\d:\d\d\)/g, ''],
	[/^=+ (.*\d+ (?:passed|failed|deselected|error).*?) =+$/gm, '=== $1 ==='],
];

/** An entry that runs in the example backend under today's pinned stack (the guides' `python`). */
export function inBackend(entry: Omit<OutputEntry, 'cwd' | 'python'>): OutputEntry {
	return {
		cwd: BACKEND,
		python: 'current',
		...entry,
		normalise: [...PYTEST_NORMALISE, ...(entry.normalise ?? [])],
	};
}
