"""Tests that exist to produce every outcome the documentation site must show.

- ``test_flaky_by_environment`` fails its first ``ATOM_FLAKY_FAILS`` attempts in a session, then
  passes: with ``--reruns 2``, ``ATOM_FLAKY_FAILS=1`` gives one rerun and a pass, ``5`` a final
  failure. Unset, it always passes. The count lives in this module, so it is per worker process,
  which is where pytest-rerunfailures reruns a test.
- ``test_quarantined_flaky`` is the same with ``ATOM_MARKED_FLAKY_FAILS``, but carries its own
  ``@pytest.mark.flaky(reruns=2)`` and the ``quarantine`` marker: the flaky guide's quarantine example,
  and the test that shows ``--reruns 0`` does not switch a marker's reruns off.
- ``test_skipped_on_purpose`` is always skipped, ``test_known_bug`` is always an expected failure.
- ``ATOM_SETUP_ERROR=1`` makes the ``breakable_policy`` fixture raise (see ``tests/conftest.py``), so
  ``test_default_policy_denies`` errors in setup.
"""

import os
from collections import Counter

import pytest

from core.security.sanitize import sanitize_identifier

pytestmark = pytest.mark.unit

_attempts: Counter = Counter()


@pytest.mark.flaky_demo
def test_flaky_by_environment(request):
    fails = int(os.environ.get("ATOM_FLAKY_FAILS", "0"))
    _attempts[request.node.nodeid] += 1
    attempt = _attempts[request.node.nodeid]
    assert attempt > fails, f"attempt {attempt} of a test told to fail its first {fails} (ATOM_FLAKY_FAILS)"
    assert sanitize_identifier("Flaky Demo") == "flaky-demo"


# region: quarantined
# Quarantined: issue #456, owner @alice, fix or delete by 2026-12-18. Fails about once in 20 CI runs
# (a race in the audit exporter). The main job deselects it (-m "not quarantine"); the quarantine
# job runs it with reruns and may fail without blocking a merge.
@pytest.mark.quarantine
@pytest.mark.flaky(reruns=2)
def test_quarantined_flaky(request):
    fails = int(os.environ.get("ATOM_MARKED_FLAKY_FAILS", "0"))
    _attempts[request.node.nodeid] += 1
    attempt = _attempts[request.node.nodeid]
    assert attempt > fails, f"attempt {attempt} of a test told to fail its first {fails} (ATOM_MARKED_FLAKY_FAILS)"


# endregion: quarantined


@pytest.mark.skip(reason="demonstrates a skipped test in the reports")
def test_skipped_on_purpose():
    assert sanitize_identifier("never runs") == "never-runs"


@pytest.mark.xfail(reason="known bug: identifiers keep a trailing dash after truncation", strict=True)
def test_known_bug():
    # 63 letters then a space: truncation to 64 characters keeps the dash that replaced the space.
    assert not sanitize_identifier("a" * 63 + " b").endswith("-")


def test_default_policy_denies(breakable_policy):
    assert breakable_policy.evaluate("episode:record", "operator").effect == "deny"
