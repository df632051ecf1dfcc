import type { OutputEntry } from '../../src/lib/docs/outputs/outputEntry.ts';
import { inBackend } from './pythonStack.ts';

/** Reruns really off: the plugin not loaded, and pytest.ini's `--reruns` dropped with the rest of addopts. */
const NO_RERUNS = '-p no:rerunfailures -o addopts=--strict-markers';
/** The short summary of a `-q` run: the FAILED lines and the count. */
const SUMMARY = { from: /^(?:FAILED|=+ short test summary)/, to: /(?:passed|failed)/ };

/** The flaky test guide's outputs (content/guides/flaky-tests.mdx); reruns by Debian's pytest-rerunfailures 10.2. */
export const flakyGuideOutputs: OutputEntry[] = [
	inBackend({
		id: 'flaky-rerun-then-pass',
		commands: ['ATOM_FLAKY_FAILS=1 python -m pytest -v -k test_flaky_by_environment'],
		trim: { from: /::test_flaky_by_environment RERUN/, to: /passed/ },
	}),
	inBackend({
		id: 'flaky-rerun-then-fail',
		commands: ['ATOM_FLAKY_FAILS=5 python -m pytest -q -k test_flaky_by_environment'],
		exitStatus: 1,
		trim: SUMMARY,
	}),
	inBackend({
		id: 'flaky-only-rerun',
		commands: ['ATOM_FLAKY_FAILS=1 python -m pytest -q -k test_flaky_by_environment --only-rerun ConnectionError'],
		exitStatus: 1,
		trim: SUMMARY,
	}),
	inBackend({
		id: 'flaky-rerun-summary',
		commands: ['ATOM_FLAKY_FAILS=1 python -m pytest -q -rR -k test_flaky_by_environment'],
	}),
	inBackend({
		id: 'flaky-reruns-zero-marker',
		commands: ['ATOM_MARKED_FLAKY_FAILS=1 python -m pytest -q --reruns 0 -k test_quarantined_flaky'],
	}),
	inBackend({
		id: 'flaky-plugin-off',
		commands: [`ATOM_MARKED_FLAKY_FAILS=1 python -m pytest -q ${NO_RERUNS} -k test_quarantined_flaky`],
		exitStatus: 1,
		trim: SUMMARY,
	}),
	inBackend({
		id: 'flaky-repeat',
		commands: ['python -m pytest -q -x --repeat 50 tests/unit/test_policy.py'],
		trim: { from: /passed/ },
	}),
];
