import type { OutputEntry } from '../../src/lib/docs/outputs/outputEntry.ts';
import { PYTEST_NORMALISE } from './pythonStack.ts';

/** The reports of a full run and of a run that left out the integration tests, both under today's stack. */
const RUNS = [
	'(cd examples/atom-backend && python -m pytest -q --cov --cov-report=json:../../coverage_reports/full/coverage.json --junitxml=../../coverage_reports/full/junit.xml)',
	'(cd examples/atom-backend && python -m pytest -q --cov --cov-report=json:../../coverage_reports/partial/coverage.json --junitxml=../../coverage_reports/partial/junit.xml tests/unit tests/security tests/property_tests)',
	'cp -r data data-copy',
];
const RECORD_FIRST =
	'npm run trend -- record coverage_reports/full/coverage.json --junit coverage_reports/full/junit.xml --commit 4f1c2e9a7b3d --date 2026-11-24 --branch main --message "Add approval expiry tests" --data-dir data-copy';
/** The mistake: the second commit recorded from the partial run. */
const RECORD_PARTIAL =
	'npm run trend -- record coverage_reports/partial/coverage.json --junit coverage_reports/partial/junit.xml --commit 9d8e7f6a5b4c --date 2026-11-25 --branch main --message "Split the audit exporter" --data-dir data-copy';
/** The correction: the same commit again, from the full run. */
const RECORD_CORRECTED = RECORD_PARTIAL.replaceAll('/partial/', '/full/');

/** What varies: the suite's duration, as JUnit measured it. */
const NORMALISE: [RegExp, string][] = [...PYTEST_NORMALISE, [/ in \d+\.\d+ s$/gm, ' in N.NNN s']];
const BACKEND = { 'examples/atom-backend': 'examples/atom-backend' };

/** The trend data reference's walk-through (content/reference/trend-data.mdx): one real sequence on a copy of data/. */
export const trendWalkOutputs: OutputEntry[] = [
	{
		id: 'trend-walk-mistake',
		python: 'current',
		files: BACKEND,
		setup: RUNS,
		commands: [RECORD_FIRST, RECORD_PARTIAL, 'npm run trend -- check --data-dir data-copy'],
		exitStatus: 1,
		normalise: NORMALISE,
	},
	{
		id: 'trend-walk-corrected',
		python: 'current',
		files: BACKEND,
		setup: [...RUNS, RECORD_FIRST, RECORD_PARTIAL],
		commands: [
			RECORD_CORRECTED,
			'npm run trend -- check --data-dir data-copy',
			'npm run trend -- validate --data-dir data-copy',
			"jq -r '.coverage_history[] | [.date, .commit, .overall_percent] | @tsv' data-copy/coverage_trend.json",
		],
		normalise: NORMALISE,
	},
	{
		id: 'trend-walk-report',
		python: 'current',
		files: BACKEND,
		setup: [RUNS[0]!],
		commands: ['npm run trend -- report coverage_reports/full/coverage.json --top 1'],
		normalise: NORMALISE,
	},
	{
		id: 'trend-points',
		commands: ["jq -r '.coverage_history[] | [.date, .commit, .overall_percent] | @tsv' data/coverage_trend.json"],
	},
];
