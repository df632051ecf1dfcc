#!/usr/bin/env bash
# Record one test run into the data directory from the reports run-backend-tests.sh wrote:
# the coverage.py JSON, the JUnit XML, every attempt of rerun tests (when recorded) and the suite's
# measured wall time, which becomes the point's duration_seconds.
#
# Usage: scripts/ci/record-run.sh [REPORT_DIR]
# Environment (all optional):
#   DATA_DIR        data directory to record into (default data)
#   TREND           the trend CLI (default: node scripts/trend.ts from this checkout)
#   COMMIT_SHA      commit the run measured (default GITHUB_SHA, then the CLI's own default, HEAD)
#   COMMIT_MESSAGE  first line of its message (default: read from git when the commit is present)
#   COMMIT_DATE     date of the point (default: the commit's own committer date, git log -1 --format=%cI,
#                   when the commit is present; else the CLI's default, now). A re-run of an old commit
#                   then lands at its own place in the history, not at the front.
#   PATCH_BASE      also store the commit's patch coverage since this commit (trend record --base);
#                   "previous" means the newest commit recorded in DATA_DIR before this one. History
#                   for the merge base is fetched as needed; without it the run is recorded without one.
set -euo pipefail

report_dir=${1:-coverage_reports}
data_dir=${DATA_DIR:-data}
# A folder named "-x" must not read as an option to cat or to the CLI.
case $report_dir in -*) report_dir=./$report_dir ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck disable=SC2206 # TREND is a command line, split on spaces on purpose
trend=(${TREND:-node $root/scripts/trend.ts})

for f in coverage.json junit.xml; do
	if [ ! -s "$report_dir/$f" ]; then
		echo "record-run: $report_dir/$f is missing or empty; run scripts/ci/run-backend-tests.sh first" >&2
		exit 2
	fi
done

# Every value goes as --name=value: a commit title such as "--force-push cleanup" is then a value,
# never taken for an option by the argument parser.
args=(record "--junit=$report_dir/junit.xml" "--data-dir=$data_dir")
commit=${COMMIT_SHA:-${GITHUB_SHA:-}}
[ -n "$commit" ] && args+=("--commit=$commit")
message=${COMMIT_MESSAGE:-}
if [ -z "$message" ] && [ -n "$commit" ]; then
	message=$(git log -1 --format=%s "$commit" 2>/dev/null || true)
fi
[ -n "$message" ] && args+=("--message=$message")
date=${COMMIT_DATE:-}
if [ -z "$date" ] && [ -n "$commit" ]; then
	date=$(git log -1 --format=%cI "$commit" -- 2>/dev/null || true)
fi
[ -n "$date" ] && args+=("--date=$date")
if [ -s "$report_dir/duration_seconds" ]; then
	args+=("--duration=$(cat -- "$report_dir/duration_seconds")")
fi
if [ -s "$report_dir/attempts.json" ]; then
	args+=("--attempts=$report_dir/attempts.json")
fi
patch_base=${PATCH_BASE:-}
if [ "$patch_base" = previous ]; then
	patch_base=$(node -e '
		const [file, commit] = process.argv.slice(1);
		const history = JSON.parse(require("fs").readFileSync(file, "utf8")).coverage_history;
		const earlier = history.filter((p) => p.commit !== commit && /^[0-9a-f]{7,64}$/.test(p.commit));
		process.stdout.write(earlier.length ? earlier[earlier.length - 1].commit : "");
	' "$data_dir/coverage_trend.json" "${commit:-}" 2>/dev/null || true)
fi
if [ -n "$patch_base" ]; then
	if "$root/scripts/ci/fetch-merge-base.sh" "$patch_base" "${commit:-HEAD}" >/dev/null; then
		args+=("--base=$patch_base")
	else
		echo "::warning title=No patch coverage::no merge base of ${patch_base:0:7} and ${commit:-HEAD} could be fetched; recording without patch coverage"
	fi
fi
# "--" ends the options: the report path is a positional whatever it starts with.
exec "${trend[@]}" "${args[@]}" -- "$report_dir/coverage.json"
