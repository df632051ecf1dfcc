#!/usr/bin/env bash
# Make (or bring up to date) the virtualenv of today's test stack, the versions CI installs from
# scripts/ci/requirements-tests.txt, so `npm test` runs the example backend's suite under them as well
# as under Debian's packages. Idempotent: a venv that already has every pinned version is left alone.
#
#   scripts/ci/make-current-venv.sh [VENV_DIR]      # default .venv-current
#
# The venv sees Debian's site-packages (--system-site-packages) because pytest-rerunfailures is
# installed from Debian (10.2) on these machines: pip's index here has no copy of it, so that one pin
# is skipped when pip cannot find it, and Debian's version stays importable under the newer pytest.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=${1:-.venv-current}
requirements=scripts/ci/requirements-tests.txt

# Debian's interpreter, never a pyenv shim: the venv must see Debian's site-packages.
[ -x "$venv/bin/python" ] || /usr/bin/python3 -m venv --system-site-packages "$venv"

# Already current? Compare the installed versions, without pip or the network.
pins=$(grep -E '^[A-Za-z0-9_.-]+==' "$requirements")
if "$venv/bin/python" - "$pins" <<'PY'; then
import sys
from importlib.metadata import PackageNotFoundError, version
missing = []
for line in sys.argv[1].splitlines():
    name, wanted = line.split("==")
    try:
        if version(name) != wanted and name != "pytest-rerunfailures":
            missing.append(line)
    except PackageNotFoundError:
        missing.append(line)
sys.exit(1 if missing else 0)
PY
	echo "make-current-venv: $venv is up to date"
	exit 0
fi

# Install every pin the index has; pytest-rerunfailures falls back to Debian's (see above).
others=$(grep -Ev '^pytest-rerunfailures==' <<<"$pins")
# shellcheck disable=SC2086 # one argument per pin
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --retries 0 -U $others
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --retries 0 "$(grep -E '^pytest-rerunfailures==' <<<"$pins")" 2>/dev/null ||
	"$venv/bin/python" -c 'import pytest_rerunfailures' ||
	{ echo "make-current-venv: no pytest-rerunfailures (install python3-pytest-rerunfailures)" >&2; exit 1; }
echo "make-current-venv: $venv has $(tr '\n' ' ' <<<"$others")"
