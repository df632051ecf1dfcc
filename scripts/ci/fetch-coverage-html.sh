#!/usr/bin/env bash
# Download the coverage reports artifact of a Coverage Report run (the one that triggered this
# workflow, or else the newest run on main) so the Pages build can publish its HTML report.
# A missing artifact is a warning, not a failure: the site still deploys, without the HTML report.
#
# Usage: scripts/ci/fetch-coverage-html.sh [DEST_DIR]
# Environment: GH_TOKEN (needs actions: read), RUN_ID (optional), BRANCH (default main),
#              ARTIFACT (default coverage-reports), WORKFLOW (default coverage-report.yml)
set -euo pipefail

dest=${1:-coverage_reports}
artifact=${ARTIFACT:-coverage-reports}
run_id=${RUN_ID:-}
if [ -z "$run_id" ]; then
	run_id=$(gh run list --workflow "${WORKFLOW:-coverage-report.yml}" --branch "${BRANCH:-main}" --event push \
		--status completed --limit 1 --json databaseId --jq '.[0].databaseId // empty' || true)
fi
if [ -z "$run_id" ]; then
	echo "::warning title=No coverage run yet::no completed Coverage Report run on ${BRANCH:-main}; publishing without the HTML report"
	exit 0
fi
rm -rf "$dest"
if ! gh run download "$run_id" --name "$artifact" --dir "$dest"; then
	echo "::warning title=No coverage artifact::run $run_id has no '$artifact' artifact (expired or not uploaded); publishing without the HTML report"
	exit 0
fi
echo "fetch-coverage-html: reports of run $run_id in $dest"
