#!/usr/bin/env bash
# Put coverage.py's HTML report into a built site at coverage_reports/html/, where the coverage guide
# links to it. Without a report the site is left as it is and a warning says why.
#
# Usage: scripts/ci/publish-coverage-html.sh HTML_REPORT_DIR SITE_DIR
set -euo pipefail

if [ $# -ne 2 ]; then
	echo "usage: scripts/ci/publish-coverage-html.sh HTML_REPORT_DIR SITE_DIR" >&2
	exit 2
fi
html=$1
site=$2
if [ ! -d "$site" ]; then
	echo "publish-coverage-html: site directory '$site' not found (build the site first)" >&2
	exit 2
fi
if [ ! -f "$html/index.html" ]; then
	echo "::warning title=No coverage HTML report::'$html/index.html' not found; the site is published without coverage_reports/html/"
	exit 0
fi
rm -rf "$site/coverage_reports/html"
mkdir -p "$site/coverage_reports"
cp -R "$html" "$site/coverage_reports/html"
# coverage.py writes a .gitignore into its report; a published site has no use for it.
rm -f "$site/coverage_reports/html/.gitignore"
echo "publish-coverage-html: copied $html to $site/coverage_reports/html/"
