import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../../src/lib/dataDir/usageError.ts';

export { UsageError } from '../../src/lib/dataDir/usageError.ts';
export { plain } from '../../src/lib/text/plain.ts';

/** Help text of each command, and of `trend` itself. */
export const HELP: Record<string, string> = {
	trend: `Usage: npm run trend -- <command> [options]

Turns coverage and test reports into history (data/) and gates regressions.

Commands:
  record <report>   add one run to the trend (coverage.py JSON, Cobertura XML or LCOV; --junit XML)
  check             judge the run's point against the base branch's earlier ones and the targets (exit 1 on a drop)
  report <report>   print a coverage table per domain and the files with the most missing lines
  validate          check every file of the data directory against the schemas
  patch <report>    coverage of the lines a diff adds or changes (exit 1 below gate.patch_min)

Run "npm run trend -- <command> --help" for a command's options.
Exit codes: 0 success, 1 check found a regression or patch fell below its minimum, 2 bad input or usage.`,
	record: `Usage: npm run trend -- record <report> [--junit <junit.xml>]... [--attempts <attempts.json>]...
                        [--commit SHA] [--date ISO-8601] [--branch NAME] [--message TEXT] [--duration SECONDS]
                        [--base REF] [--data-dir DIR]

Reads a coverage report (format detected from the content), adds one point to coverage_trend.json
(replacing the point of the same commit), keeps a per-file snapshot and a per-test record, and
prints the figures with their change since the previous point.

Options:
  --junit FILE      JUnit XML from pytest; repeat for xdist workers or CI shards
  --attempts FILE   attempts JSON from the example backend's conftest (rerun history); repeatable
  --commit SHA      commit measured (default: $GITHUB_SHA, else git rev-parse HEAD)
  --date ISO        date or date-time of the run (default: now)
  --branch NAME     branch (default: $GITHUB_REF_NAME, else the current git branch)
  --message TEXT    first line of the commit message (default: git log -1 --format=%s <commit>)
  --duration SECS   measured wall time of the suite (default: the JUnit reports' time)
  --base REF        also store the patch coverage of the recorded commit's changes since the merge
                    base with REF (CI passes the previous recorded commit); see "trend patch --help"
  --data-dir DIR    data directory (default: $COVERAGE_DATA_DIR, else data)`,
	check: `Usage: npm run trend -- check [--commit SHA] [--base-branch NAME] [--data-dir DIR] [--max-drop PERCENT]
                       [--summary FILE]

Judges the run's point (--commit) against the nearest earlier point of the base branch and the
targets, each figure against its last known value. Exits 1 when overall or a domain dropped by more
than the allowed points, or when a domain that matched files before matches none (a warning instead
when gate.vanished_domain is "warn"); a figure below target warns (or fails when
gate.fail_below_target is true). Writes a Markdown summary to stdout, to --summary FILE and, when
set, appends it to $GITHUB_STEP_SUMMARY.

Options:
  --commit SHA      the point to judge (default: $GITHUB_SHA, else the newest point)
  --base-branch B   whose earlier points are the baseline; points without a branch count as on it
                    (default: $GITHUB_BASE_REF, else every branch)
  --max-drop N      largest allowed drop in percentage points (default: gate.max_drop, else 1.0)
  --summary FILE    also write the Markdown summary to FILE
  --data-dir DIR    data directory (default: $COVERAGE_DATA_DIR, else data)`,
	report: `Usage: npm run trend -- report <report> [--data-dir DIR] [--top N]

Prints a table per domain (files, statements, missing, branches, percent, target, status), coloured
by the configured thresholds, then the files with the most missing lines in each domain. Colour
follows Node's styleText: on a terminal, not on a pipe; NO_COLOR turns it off, FORCE_COLOR on (and
FORCE_COLOR wins over NO_COLOR). Under CI, Node colours only for the CI services it knows (GitHub
Actions is one).

Options:
  --top N           files listed per domain (default 5)
  --data-dir DIR    data directory (default: $COVERAGE_DATA_DIR, else data)`,
	patch: `Usage: npm run trend -- patch <report> --base REF [--head REF] [--repo DIR] [--data-dir DIR] [--min PERCENT]
                       [--summary FILE] [--annotations N] [--json FILE] [--path-prefix DIR] [--site-url URL]

Patch coverage: of the lines added or changed between the merge base of --base and --head, the ones
the report has as statements (and the branches leaving them), covered in percent, as coverage.py counts
them. Prints a Markdown block (also to --summary FILE and, when set, appended to $GITHUB_STEP_SUMMARY)
and GitHub warning annotations for the largest uncovered ranges. Exit 1 below the minimum.

Options:
  --base REF        branch or commit to compare with (its merge base with --head is used)
  --head REF        the commit the report measured (default: HEAD)
  --repo DIR        the git repository (default: the current directory)
  --min PERCENT     minimum patch coverage (default: gate.patch_min, else 80)
  --summary FILE    also write the Markdown block to FILE
  --annotations N   at most N annotations, largest ranges first (default 10; printed in GitHub
                    Actions, or anywhere when this option is given)
  --json FILE       write the figures as JSON for other tools
  --path-prefix DIR the folder, relative to the repository root, the report's paths start from
                    (default: found from the files the report names)
  --data-dir DIR    data directory for gate.patch_min (default: $COVERAGE_DATA_DIR, else data)
  --site-url URL    the published site's address: file names link to their source pages there, for
                    the files the data directory's newest snapshot measured (no line anchors: the
                    site shows that snapshot's code, whose line numbers the change has moved)`,
	validate: `Usage: npm run trend -- validate [--data-dir DIR]

Checks coverage.config.json, coverage_trend.json, snapshots/ and test-runs/ against the schemas and
prints every problem (file and JSON path), not only the first. Exit 2 when there is any.

Options:
  --data-dir DIR    data directory (default: $COVERAGE_DATA_DIR, else data)`,
};

/** `node:util` parseArgs for one command, with its errors turned into one-line usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
	command: string,
	args: string[],
	options: T,
) {
	try {
		return parseArgs({
			args,
			options: { ...options, help: { type: 'boolean', short: 'h' } },
			allowPositionals: true,
			strict: true,
		});
	} catch (err) {
		const reason = (err as Error).message.split('. ')[0]!.replace(/\.$/, '');
		throw new UsageError(`trend ${command}: ${reason} (see "trend ${command} --help")`);
	}
}

/** The data directory a command works on. */
export function dataDirOption(value: unknown): string {
	if (typeof value === 'string' && value.trim() !== '') return value;
	return process.env.COVERAGE_DATA_DIR?.trim() || 'data';
}
