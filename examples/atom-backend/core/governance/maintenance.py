"""Code that reads the clock itself (legacy call sites that cannot take ``now`` as an argument)."""

from __future__ import annotations

import time
from datetime import date, datetime, timezone


def maintenance_window_open() -> bool:
    """Whether the weekly maintenance window is open: Sundays from 02:00 to 04:00 UTC."""
    now = datetime.now(timezone.utc)
    return now.weekday() == 6 and 2 <= now.hour < 4


def audit_file_name() -> str:
    """Today's audit file, named by the server's local date (so it depends on the time zone)."""
    return f"audit-{date.today().isoformat()}.jsonl"


def seconds_left(deadline: float) -> float:
    """Seconds from now until ``deadline`` (a ``time.time()`` value), never negative."""
    return max(0.0, deadline - time.time())
