/** What a guide says about one test tool, and where its documentation for a given version lives. */
export interface ToolDocs {
	/** The tool's own name for itself. */
	label: string;
	/** What the Atom suite uses it for, in a few words. */
	role: string;
	/** The documentation of exactly this version (each project's versioned docs or its tag). */
	docsUrl: (version: string) => string;
}

/**
 * The test stack's tools, keyed by their pip name in lower case. Each project versions its docs its
 * own way: Read the Docs version slugs (`7.16.2`, `v3.8.0`, `hypothesis-python-6.168.3`), pytest's
 * per-minor `9.1.x`, SQLAlchemy's per-minor `21`, or the git tag for projects without versioned docs.
 */
export const toolDocs: Record<string, ToolDocs> = {
	pytest: {
		label: 'pytest',
		role: 'the test runner',
		docsUrl: (v) => `https://docs.pytest.org/en/${v.split('.').slice(0, 2).join('.')}.x/`,
	},
	'pytest-cov': {
		label: 'pytest-cov',
		role: 'runs coverage.py from pytest, combines xdist workers',
		docsUrl: (v) => `https://pytest-cov.readthedocs.io/en/v${v}/`,
	},
	coverage: {
		label: 'coverage.py',
		role: 'measures lines and branches, writes every report',
		docsUrl: (v) => `https://coverage.readthedocs.io/en/${v}/`,
	},
	'pytest-xdist': {
		label: 'pytest-xdist',
		role: 'runs tests in parallel worker processes (-n)',
		docsUrl: (v) => `https://pytest-xdist.readthedocs.io/en/v${v}/`,
	},
	'pytest-rerunfailures': {
		label: 'pytest-rerunfailures',
		role: 'reruns failing tests (--reruns, @pytest.mark.flaky)',
		docsUrl: (v) => `https://pytest-rerunfailures.readthedocs.io/en/${v}/`,
	},
	hypothesis: {
		label: 'Hypothesis',
		role: 'property tests over generated input',
		docsUrl: (v) => `https://hypothesis.readthedocs.io/en/hypothesis-python-${v}/`,
	},
	'pytest-timeout': {
		label: 'pytest-timeout',
		role: 'fails a test that hangs (--timeout)',
		docsUrl: (v) => `https://github.com/pytest-dev/pytest-timeout/tree/${v}#readme`,
	},
	freezegun: {
		label: 'freezegun',
		role: 'freezes the clock for code that reads it',
		docsUrl: (v) => `https://github.com/spulec/freezegun/tree/${v}#readme`,
	},
	'time-machine': {
		label: 'time-machine',
		role: 'moves the clock, time zone included',
		docsUrl: (v) => `https://time-machine.readthedocs.io/en/${v}/`,
	},
	sqlalchemy: {
		label: 'SQLAlchemy',
		role: 'the savepoint rollback recipe',
		docsUrl: (v) => `https://docs.sqlalchemy.org/en/${v.split('.').slice(0, 2).join('')}/`,
	},
	filelock: {
		label: 'filelock',
		role: 'a once-per-run session fixture under xdist',
		docsUrl: (v) => `https://py-filelock.readthedocs.io/en/${v}/`,
	},
};
