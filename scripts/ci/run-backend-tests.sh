#!/usr/bin/env bash
# Run the backend's pytest suite in parallel under coverage (with branch data) and write every report
# CI needs: coverage.py HTML, JSON and XML (for Codecov), the terminal table (term-missing) and JUnit XML.
# The suite's wall time is measured and kept for the trend point; a slow suite is annotated (GitHub
# `::warning::`) and a very slow one fails the step, after all reports are written.
#
# Usage: scripts/ci/run-backend-tests.sh [REPORT_DIR]
# Environment (all optional):
#   BACKEND_DIR            the backend whose tests run (default examples/atom-backend); pytest runs there,
#                          so its pytest.ini and .coveragerc apply
#   PYTHON                 the Python with pytest, pytest-cov and pytest-xdist (default python3)
#   PYTEST_WORKERS         pytest-xdist's -n (default auto)
#   PYTEST_EXTRA_ARGS      more pytest arguments, split on spaces
#   DURATION_WARN_SECONDS  warn above this many seconds (default 300)
#   DURATION_FAIL_SECONDS  fail above this many seconds (default 600)
# Writes into REPORT_DIR (default coverage_reports): html/, coverage.json, coverage.xml, junit.xml,
# duration_seconds (one number), pytest_exit_code, and attempts.json when the suite records every
# attempt of a rerun test (the example backend does, through ATOM_ATTEMPTS_FILE); and `reports`, `duration_seconds` to $GITHUB_OUTPUT.
# Exit status: pytest's own when it failed, 1 when the suite ran longer than DURATION_FAIL_SECONDS, else 0.
set -euo pipefail

backend_dir=${BACKEND_DIR:-examples/atom-backend}
python=${PYTHON:-python3}
workers=${PYTEST_WORKERS:-auto}
warn_after=${DURATION_WARN_SECONDS:-300}
fail_after=${DURATION_FAIL_SECONDS:-600}

if [ ! -d "$backend_dir" ]; then
	echo "run-backend-tests: BACKEND_DIR '$backend_dir' is not a directory" >&2
	exit 2
fi
mkdir -p "${1:-coverage_reports}"
report_dir=$(cd "${1:-coverage_reports}" && pwd)
# A stale report from an earlier run must never be mistaken for this run's.
rm -rf "$report_dir/html" "$report_dir"/.coverage "$report_dir"/coverage.json "$report_dir"/coverage.xml "$report_dir"/junit.xml \
	"$report_dir"/duration_seconds "$report_dir"/pytest_exit_code "$report_dir"/attempts.json
# pytest-rerunfailures writes only a test's last attempt to JUnit; the example backend's conftest.py
# writes every attempt to this file, so flaky tests are seen (another backend simply ignores it).
export ATOM_ATTEMPTS_FILE=${ATOM_ATTEMPTS_FILE:-$report_dir/attempts.json}
# Keep coverage.py's data file with the reports, not in the backend's source tree.
export COVERAGE_FILE=$report_dir/.coverage

# shellcheck disable=SC2206 # splitting the extra arguments on spaces is the documented behaviour
extra=(${PYTEST_EXTRA_ARGS:-})
started=$(date +%s%N)
set +e
(
	cd "$backend_dir" &&
		"$python" -m pytest -n "$workers" \
			--cov --cov-branch \
			--cov-report=term-missing \
			--cov-report="html:$report_dir/html" \
			--cov-report="xml:$report_dir/coverage.xml" \
			--junitxml="$report_dir/junit.xml" \
			"${extra[@]}"
)
pytest_status=$?
# The JSON report comes from coverage.py itself: pytest-cov before 4.1 (Debian's 4.0) has no
# --cov-report=json, and `coverage json` gives the same file with every version.
(cd "$backend_dir" && "$python" -m coverage json -q -o "$report_dir/coverage.json")
set -e
finished=$(date +%s%N)
duration=$(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')

echo "$duration" >"$report_dir/duration_seconds"
echo "$pytest_status" >"$report_dir/pytest_exit_code"
have_reports=false
[ -s "$report_dir/coverage.json" ] && [ -s "$report_dir/junit.xml" ] && have_reports=true
if [ -n "${GITHUB_OUTPUT:-}" ]; then
	{
		echo "reports=$have_reports"
		echo "duration_seconds=$duration"
	} >>"$GITHUB_OUTPUT"
fi
echo "run-backend-tests: pytest exited $pytest_status after $duration s; reports in $report_dir"

status=$pytest_status
if awk -v d="$duration" -v limit="$fail_after" 'BEGIN { exit !(d > limit) }'; then
	echo "::error title=Test suite too slow::The backend suite took $duration s, over the $fail_after s limit."
	[ "$status" -eq 0 ] && status=1
elif awk -v d="$duration" -v limit="$warn_after" 'BEGIN { exit !(d > limit) }'; then
	echo "::warning title=Slow test suite::The backend suite took $duration s, over the $warn_after s warning threshold (the job fails above $fail_after s)."
fi
exit "$status"
