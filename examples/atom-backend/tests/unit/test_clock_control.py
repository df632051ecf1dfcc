"""Controlling the clock in code that reads it itself (core/governance/maintenance.py).

Needs freezegun and time-machine, which today's stack installs (scripts/ci/requirements-tests.txt);
under Debian's packages, which have neither, the module skips itself.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

freezegun = pytest.importorskip("freezegun", reason="freezegun is in today's stack, not in Debian's")
time_machine = pytest.importorskip("time_machine", reason="time-machine is in today's stack, not in Debian's")

from core.governance import maintenance  # noqa: E402

pytestmark = pytest.mark.unit


# region: freezegun
@freezegun.freeze_time("2026-11-29 03:00:00")  # a Sunday, 03:00 UTC
def test_window_is_open_on_sunday_night():
    # freezegun replaces datetime, date and time functions while the test runs: the clock
    # stands still at the given moment (naive strings are UTC).
    assert maintenance.maintenance_window_open()


@freezegun.freeze_time("2026-11-29 04:00:00")
def test_window_closes_at_four():
    assert not maintenance.maintenance_window_open()


# endregion: freezegun


# region: time_machine
def test_window_opens_at_two_exactly():
    # time-machine moves the clock for the whole process; tick=False stops it there.
    with time_machine.travel(datetime(2026, 11, 29, 1, 59, 59, tzinfo=timezone.utc), tick=False) as traveller:
        assert not maintenance.maintenance_window_open()
        traveller.shift(1)  # one second later
        assert maintenance.maintenance_window_open()


# endregion: time_machine


# region: time_zone
@pytest.mark.parametrize(
    ("zone", "expected"),
    [("UTC", "audit-2026-11-30.jsonl"), ("Europe/Berlin", "audit-2026-12-01.jsonl"), ("America/New_York", "audit-2026-11-30.jsonl")],
)
def test_audit_file_name_follows_the_local_date(zone, expected):
    # 23:30 UTC is already tomorrow in Berlin. date.today() reads the local time zone, so without
    # pinning it this test passes on a UTC CI runner and fails on a laptop in Berlin after 23:00.
    # A ZoneInfo destination makes time-machine set the process's time zone (TZ) as well.
    moment = datetime(2026, 11, 30, 23, 30, tzinfo=timezone.utc).astimezone(ZoneInfo(zone))
    with time_machine.travel(moment, tick=False):
        assert maintenance.audit_file_name() == expected


# endregion: time_zone


# region: monkeypatch_time
def test_seconds_left_with_a_patched_time_function(monkeypatch):
    # Without a library: replace time.time for this test. maintenance.py calls time.time() through
    # the module, so patching the attribute on the time module is what it sees. (Had it done
    # `from time import time`, the name to patch would be maintenance.time.)
    monkeypatch.setattr(time, "time", lambda: 1_000.0)
    assert maintenance.seconds_left(1_090.0) == 90.0
    assert maintenance.seconds_left(900.0) == 0.0


# endregion: monkeypatch_time
