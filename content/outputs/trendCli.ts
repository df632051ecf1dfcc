import type { OutputEntry } from '../../src/lib/docs/outputs/outputEntry.ts';

/** The example backend's real reports, where a reader's CI run leaves them. */
const REPORTS = {
	'coverage_reports/coverage.json': 'tests/fixtures/reports/coverage-branch.json',
	'coverage_reports/coverage.xml': 'tests/fixtures/reports/coverage-branch.xml',
	'coverage_reports/coverage-nobranch.json': 'tests/fixtures/reports/coverage-nobranch.json',
	'coverage_reports/junit.xml': 'tests/fixtures/reports/junit-rerun-pass.xml',
	'coverage_reports/attempts.json': 'tests/fixtures/reports/attempts-rerun-pass.json',
};

/** The same suite measured the day before without branch coverage: the point the next record compares with. */
const RECORD_DAY_BEFORE =
	'npm run trend -- record coverage_reports/coverage-nobranch.json --commit 1a2b3c4d5e6f --date 2026-03-01T09:00:00Z --branch main --message "Before branch measurement"';

/** The branch-coverage run of the next day. */
const RECORD_BRANCHES =
	'npm run trend -- record coverage_reports/coverage.json --junit coverage_reports/junit.xml --attempts coverage_reports/attempts.json --commit 9f8e7d6c5b4a --date 2026-03-02T09:00:00Z --branch main --message "Measure branches"';

/** A change to the example backend on a branch, committed at fixed dates by a fixed author so the commit ids repeat. */
const PATCH_SETUP = [
	'cd examples/atom-backend && git init -q -b main && git add -A && git commit -qm "The backend as it is" && git switch -q -c truncate-marker',
	`cd examples/atom-backend && printf '%s\\n' '' '' 'def truncate_with_marker(text: str, limit: int) -> str:' '    """Text cut to limit characters, ending in an ellipsis when it was cut."""' '    if limit < 1:' '        raise ValueError("limit must be positive")' '    if len(text) <= limit:' '        return text' '    return text[: limit - 1] + "…"' >> core/security/sanitize.py && git commit -qam "Add truncate_with_marker"`,
	// The suite's own coverage, as CI makes it (pytest-cov before 4.1 writes no JSON, so coverage.py does).
	'cd examples/atom-backend && python3 -m pytest -q -p no:cacheprovider --cov >/dev/null && python3 -m coverage json -q -o coverage.json',
];

/** Git's identity and clock for the commits above. */
const FIXED_GIT = {
	GIT_AUTHOR_NAME: 'Docs',
	GIT_AUTHOR_EMAIL: 'docs@example.invalid',
	GIT_COMMITTER_NAME: 'Docs',
	GIT_COMMITTER_EMAIL: 'docs@example.invalid',
	GIT_AUTHOR_DATE: '2026-03-02T09:00:00Z',
	GIT_COMMITTER_DATE: '2026-03-02T09:00:00Z',
};

/** `npm run trend` on the seed's data directory and the example backend's reports (the CLI reference page). */
export const trendCliOutputs: OutputEntry[] = [
	{
		id: 'trend-record',
		files: REPORTS,
		setup: [RECORD_DAY_BEFORE],
		commands: [RECORD_BRANCHES],
	},
	{
		id: 'trend-check-failed',
		files: REPORTS,
		setup: [RECORD_DAY_BEFORE, RECORD_BRANCHES],
		commands: ['npm run trend -- check'],
		exitStatus: 1,
	},
	{
		id: 'trend-report',
		files: REPORTS,
		commands: ['npm run trend -- report coverage_reports/coverage.xml --top 3'],
	},
	{
		id: 'trend-validate-broken',
		// Two points with a bad figure and a bad date, as a hand edit or a bad merge leaves them.
		setup: [
			`python3 -c 'import json; p="data/coverage_trend.json"; d=json.load(open(p)); h=d["coverage_history"]; h.append(dict(h[0], commit="5e6f7a8b9c0d")); h[0]["overall_percent"]=120; h[1]["date"]="yesterday"; json.dump(d, open(p, "w"), indent=2)'`,
		],
		commands: ['npm run trend -- validate'],
		exitStatus: 2,
	},
	{
		id: 'trend-usage-error',
		commands: ['npm run trend -- check --max-drop lots'],
		exitStatus: 2,
	},
	{
		id: 'trend-patch',
		files: { 'examples/atom-backend': 'examples/atom-backend' },
		env: FIXED_GIT,
		setup: PATCH_SETUP,
		commands: ['npm run trend -- patch examples/atom-backend/coverage.json --base main --repo examples/atom-backend'],
		exitStatus: 1,
	},
];
