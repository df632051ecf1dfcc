import type { OutputEntry } from '../../src/lib/docs/outputs/outputEntry.ts';

/** Fixed identity and dates: the example commits get the same ids on every machine. */
const GIT_ENV = {
	GIT_AUTHOR_NAME: 'Atom Dev',
	GIT_AUTHOR_EMAIL: 'dev@example.com',
	GIT_COMMITTER_NAME: 'Atom Dev',
	GIT_COMMITTER_EMAIL: 'dev@example.com',
	GIT_AUTHOR_DATE: '2026-03-02T09:00:00Z',
	GIT_COMMITTER_DATE: '2026-03-02T09:00:00Z',
	GIT_CONFIG_NOSYSTEM: '1',
	GIT_CONFIG_GLOBAL: '/dev/null',
};

/** A pull request's one change: a quota module, half of it tested (the guide walks through it line by line). */
const QUOTA = `cat > core/governance/quota.py <<'PY'
"""Per-agent action quotas."""


def remaining(used: int, limit: int) -> int:
    """Actions left before the limit."""
    if used >= limit:
        return 0
    return limit - used


def describe(used: int, limit: int) -> str:
    left = remaining(used, limit)
    if left == 0:
        return "quota exhausted"
    return f"{left} left"


def reset_all(store):  # pragma: no cover
    for key in list(store):
        del store[key]
PY
cat > tests/unit/test_quota.py <<'PY'
from core.governance.quota import remaining


def test_remaining():
    assert remaining(1, 5) == 4
PY`;

/** `trend patch` on a real change to the example backend, measured by its real suite (the coverage guide). */
export const trendPatchOutputs: OutputEntry[] = [
	{
		id: 'patch-quota-module',
		cwd: 'examples/atom-backend',
		env: GIT_ENV,
		setup: [
			// The repository holds the backend only (the scratch checkout's links and data stay out of it).
			"printf '%s\\n' /node_modules /scripts /src /package.json /tsconfig.json /data /coverage_reports __pycache__/ '.coverage*' .hypothesis/ > ../../.gitignore",
			'git -C ../.. init -q -b main && git -C ../.. add -A && git -C ../.. commit -qm "Example backend"',
			QUOTA,
			'git -C ../.. add -A && git -C ../.. commit -qm "Per-agent action quotas"',
			'python3 -m pytest -q -p no:cacheprovider --cov --cov-report= && python3 -m coverage json -o ../../coverage_reports/coverage.json',
		],
		commands: ['npm run trend -- patch coverage_reports/coverage.json --base HEAD~1 --annotations 3'],
		exitStatus: 1,
		// The commit ids follow the whole backend's content, which other work changes: show them as fixed stand-ins.
		normalise: [
			[/from [0-9a-f]{7} \(merge base/g, 'from 3f9a1c0 (merge base'],
			[/\) to [0-9a-f]{7}\./g, ') to 8c4e2a6.'],
		],
	},
];
