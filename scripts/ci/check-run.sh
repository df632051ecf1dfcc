#!/usr/bin/env bash
# Gate one run: `trend check` on the run's own point (its commit, not whatever point is newest)
# against the nearest earlier point of the base branch, writing the Markdown summary. On a pull
# request DATA_DIR is the base branch's data/, so the gate settings and the baseline are the base
# branch's, never the pull request's own.
#
# Usage: scripts/ci/check-run.sh [REPORT_DIR]
# Environment (all optional):
#   DATA_DIR      data directory the run was recorded into (default data)
#   COMMIT_SHA    the run's commit (default GITHUB_SHA; without either, the newest point)
#   BASE_BRANCH   branch whose points are the baseline (default GITHUB_BASE_REF; without either, every branch)
#   TREND         the trend CLI (default: node scripts/trend.ts from this checkout)
# Exit status: trend check's own (0 passed, 1 regression, 2 bad input).
set -euo pipefail

report_dir=${1:-coverage_reports}
case $report_dir in -*) report_dir=./$report_dir ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck disable=SC2206 # TREND is a command line, split on spaces on purpose
trend=(${TREND:-node $root/scripts/trend.ts})

args=(check "--data-dir=${DATA_DIR:-data}" "--summary=$report_dir/summary.md")
commit=${COMMIT_SHA:-${GITHUB_SHA:-}}
[ -n "$commit" ] && args+=("--commit=$commit")
base=${BASE_BRANCH:-${GITHUB_BASE_REF:-}}
[ -n "$base" ] && args+=("--base-branch=$base")
exec "${trend[@]}" "${args[@]}"
