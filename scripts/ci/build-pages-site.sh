#!/usr/bin/env bash
# Build the site for GitHub Pages and add the latest coverage.py HTML report to it.
# SITE_URL and BASE_PATH (from actions/configure-pages) place it at https://<owner>.github.io/<repo>/.
#
# Usage: scripts/ci/build-pages-site.sh [HTML_REPORT_DIR] [OUT_DIR]
set -euo pipefail

html=${1:-coverage_reports/html}
out=${2:-dist}
here=$(cd "$(dirname "$0")" && pwd)

echo "build-pages-site: SITE_URL=${SITE_URL:-} BASE_PATH=${BASE_PATH:-} data=${COVERAGE_DATA_DIR:-data}"
# `npm run build`: the command and settings `npm run bench test-runs` measures (see package.json).
npm run build -- --outDir "$out"
"$here/publish-coverage-html.sh" "$html" "$out"
