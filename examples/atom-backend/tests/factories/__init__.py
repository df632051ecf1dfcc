"""Factories: functions that build fresh, unique test data on every call (no hard-coded ids or names).

Use them instead of literals so tests never collide, whether run alone, in a suite or under xdist.
"""

from __future__ import annotations

import itertools
import uuid

from core.episodes.segmenter import Event
from core.governance.policy import Rule

_seq = itertools.count(1)


def unique_suffix() -> str:
    """A short random suffix; unique across processes, unlike a counter."""
    return uuid.uuid4().hex[:12]


def make_agent_name(prefix: str = "agent") -> str:
    """An agent name that no other test uses."""
    return f"{prefix}-{unique_suffix()}"


def make_secret() -> bytes:
    """A fresh 32-byte signing secret."""
    return uuid.uuid4().bytes + uuid.uuid4().bytes


def make_rule(**overrides) -> Rule:
    """A valid rule with a unique name; override any field."""
    fields = {
        "name": f"rule-{next(_seq)}-{unique_suffix()}",
        "action": "episode:*",
        "effect": "allow",
        "roles": frozenset({"operator"}),
        "max_risk": None,
        "priority": 0,
    }
    fields.update(overrides)
    return Rule(**fields)


def make_event(at: float = 0.0, **overrides) -> Event:
    """An event at ``at`` with a unique payload."""
    fields = {"at": at, "kind": "tool_call", "payload": f"payload-{unique_suffix()}"}
    fields.update(overrides)
    return Event(**fields)


def make_events(count: int, start: float = 0.0, step: float = 10.0, kind: str = "tool_call") -> list[Event]:
    """``count`` events ``step`` seconds apart, starting at ``start``."""
    return [make_event(start + i * step, kind=kind) for i in range(count)]
