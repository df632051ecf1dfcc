import type { OutputEntry } from '../../src/lib/docs/outputs/outputEntry.ts';
import { inBackend } from './pythonStack.ts';

/** Progress lines (`....s.x [ 62%]`): under xdist the order of the marks changes from run to run. */
const PROGRESS: [RegExp, string] = [/^[.sxRFE]+ *(?:\[ *\d+%\])?\n/gm, ''];

/** The test-suite and isolation guides' outputs (content/guides/test-suite.mdx, test-isolation.mdx). */
export const suiteGuideOutputs: OutputEntry[] = [
	inBackend({
		id: 'suite-verbose',
		commands: ['python -m pytest -v'],
		// The header, the first three results and the summary; the other results are cut.
		normalise: [[/(test_each_test_starts_empty\[1\] PASSED.*\n)[\s\S]*\n(=+ \d+ passed)/, '$1...\n$2']],
	}),
	inBackend({
		id: 'suite-parallel',
		commands: ['python -m pytest -n 2'],
		normalise: [PROGRESS],
		trim: { from: /^created:/ },
	}),
	inBackend({
		id: 'suite-marker-security',
		commands: ['python -m pytest -m security -q'],
	}),
];
