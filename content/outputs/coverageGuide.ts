import type { OutputEntry } from '../../src/lib/docs/outputs/outputEntry.ts';
import { inBackend, PYTEST_NORMALISE } from './pythonStack.ts';

/** A full run under coverage whose output is not shown: the data the `coverage report` commands read. */
const MEASURE = 'python -m pytest -q --cov --cov-report=';
/** The new test of the worked example, left out to show the state before it. */
const NEW_TEST = 'tests/security/test_tokens.py::test_a_token_needs_a_subject';
/** Lines of the coverage table per file, dropped where only the totals matter. */
const FILE_ROWS: [RegExp, string] = [/^core\/.*\n/gm, ''];

/** The coverage guide's outputs (content/guides/coverage.mdx). */
export const coverageGuideOutputs: OutputEntry[] = [
	inBackend({
		id: 'coverage-term-missing',
		commands: ['python -m pytest --cov --cov-report=term-missing'],
		trim: { from: /^Name /, to: /^TOTAL/ },
	}),
	inBackend({
		id: 'coverage-fail-under-rounded',
		commands: ['python -m pytest -q --cov --cov-fail-under=85.1'],
		exitStatus: 1,
		// The gate's line and the summary's; the progress, the headings and the table between them are cut.
		normalise: [FILE_ROWS, [/(fail-under=\S+\n)[\s\S]*?\n(TOTAL)/, '$1...\n$2']],
		trim: { from: /Coverage failure/, to: /passed/ },
	}),
	{
		id: 'coverage-fail-under-debian',
		cwd: 'examples/atom-backend',
		commands: ['python3 -m pytest -q --cov --cov-fail-under=84.1'],
		normalise: [...PYTEST_NORMALISE, FILE_ROWS],
		trim: { from: /^TOTAL/, to: /passed/ },
	},
	inBackend({
		id: 'coverage-report-security',
		setup: [MEASURE],
		commands: ["python -m coverage report --include='core/security/*'"],
	}),
	inBackend({
		id: 'coverage-fail-under-90',
		setup: [MEASURE],
		commands: ['python -m coverage report --fail-under=90'],
		exitStatus: 2,
		trim: { from: /^TOTAL/ },
	}),
	inBackend({
		id: 'coverage-json-shape',
		setup: ['python -m pytest -q --cov --cov-report=json'],
		commands: [
			'jq .meta coverage_reports/metrics/coverage.json',
			`jq '.files["core/security/tokens.py"] | {summary, missing_lines, excluded_lines, missing_branches}' coverage_reports/metrics/coverage.json`,
			`jq '.files["core/security/tokens.py"].functions["TokenSigner.refresh"] | {summary: .summary | {covered_lines, num_statements, percent_covered_display}, missing_lines, start_line}' coverage_reports/metrics/coverage.json`,
			'jq .totals coverage_reports/metrics/coverage.json',
		],
		normalise: [[/"timestamp": "[^"]*"/, '"timestamp": "YYYY-MM-DDTHH:MM:SS.ffffff"']],
	}),
	inBackend({
		id: 'coverage-contexts',
		setup: [
			'python -m pytest -q --cov --cov-context=test --cov-report= tests/security',
			'python -m coverage json -q --show-contexts -o coverage_reports/contexts.json',
		],
		commands: [`jq '.files["core/security/tokens.py"].contexts["32"]' coverage_reports/contexts.json`],
	}),
	inBackend({
		id: 'coverage-worked-before',
		commands: [
			`python -m pytest -q tests/security --cov=core.security --cov-report=term-missing --deselect ${NEW_TEST}`,
		],
		trim: { from: /^Name /, to: /passed/ },
	}),
	inBackend({
		id: 'coverage-worked-after',
		commands: ['python -m pytest -q tests/security --cov=core.security --cov-report=term-missing'],
		trim: { from: /^Name /, to: /passed/ },
	}),
];
