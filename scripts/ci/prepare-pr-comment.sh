#!/usr/bin/env bash
# Package the `trend check` summary and the pull request's number as the `pr-comment` artifact.
# The pull_request run has a read-only token; the Coverage Comment workflow (workflow_run) posts it.
# With PATCH_FILE (the `trend patch` block), the comment leads with it, above the totals.
#
# Usage: scripts/ci/prepare-pr-comment.sh SUMMARY_FILE PR_NUMBER OUT_DIR [PATCH_FILE]
set -euo pipefail

if [ $# -lt 3 ] || [ $# -gt 4 ]; then
	echo "usage: scripts/ci/prepare-pr-comment.sh SUMMARY_FILE PR_NUMBER OUT_DIR [PATCH_FILE]" >&2
	exit 2
fi
summary=$1
pr=$2
out=$3
patch=${4:-}
if ! [[ "$pr" =~ ^[1-9][0-9]{0,9}$ ]]; then
	echo "prepare-pr-comment: PR_NUMBER must be a positive integer, got '$pr'" >&2
	exit 2
fi
if [ ! -s "$summary" ]; then
	echo "prepare-pr-comment: summary '$summary' is missing or empty" >&2
	exit 2
fi
mkdir -p "$out"
printf '%s\n' "$pr" >"$out/pr_number"
if [ -n "$patch" ] && [ -s "$patch" ]; then
	# The patch block first: it is about this pull request's own lines, what a reviewer acts on.
	{ cat -- "$patch"; printf '\n'; cat -- "$summary"; } >"$out/summary.md"
else
	cp -- "$summary" "$out/summary.md"
fi
# Everything in the summary came from this run's code: links, images, #123 and @mentions are made inert
# here, and again by the poster (pr-comment.cjs), which is the boundary that counts. Links to the source
# pages of the site in COVERAGE_SITE_URL (when set) are kept; the poster checks them against its own.
node "$(dirname "$0")/pr-comment.cjs" plain "$out/summary.md"
echo "prepare-pr-comment: comment for #$pr in $out"
