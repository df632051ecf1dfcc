"""Split a stream of agent events into episodes at idle gaps and explicit boundaries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

BOUNDARY_KINDS = frozenset({"task_start", "task_end"})


@dataclass(frozen=True)
class Event:
    """One thing an agent did at time ``at`` (seconds)."""

    at: float
    kind: str
    payload: str = ""


@dataclass(frozen=True)
class Segment:
    """A run of consecutive events forming one episode."""

    events: tuple

    @property
    def start(self) -> float:
        return self.events[0].at

    @property
    def end(self) -> float:
        return self.events[-1].at

    @property
    def duration(self) -> float:
        return self.end - self.start


def segment_events(events: Iterable[Event], max_gap: float = 300.0, max_events: int | None = None) -> list[Segment]:
    """Group time-ordered events: a new episode starts after a gap over ``max_gap``, at ``task_start``,
    after ``task_end``, or when the current one holds ``max_events`` events."""
    if max_gap <= 0:
        raise ValueError("max_gap must be positive")
    if max_events is not None and max_events < 1:
        raise ValueError("max_events must be at least 1")
    ordered: Sequence[Event] = sorted(events, key=lambda e: e.at)
    segments: list[Segment] = []
    current: list[Event] = []
    for event in ordered:
        if current:
            gap = event.at - current[-1].at
            full = max_events is not None and len(current) >= max_events
            if gap > max_gap or full or event.kind == "task_start" or current[-1].kind == "task_end":
                segments.append(Segment(tuple(current)))
                current = []
        current.append(event)
    if current:
        segments.append(Segment(tuple(current)))
    return segments


def summarise(segments: Sequence[Segment]) -> dict:
    """Counts and durations across segments."""
    if not segments:
        return {"episodes": 0, "events": 0, "longest": 0.0, "mean_events": 0.0}
    events = sum(len(s.events) for s in segments)
    return {
        "episodes": len(segments),
        "events": events,
        "longest": max(s.duration for s in segments),
        "mean_events": events / len(segments),
    }


def merge_short(segments: Sequence[Segment], min_events: int) -> list[Segment]:
    """Merge segments shorter than ``min_events`` into the one before (left untested on purpose)."""
    merged: list[Segment] = []
    for seg in segments:
        if merged and len(seg.events) < min_events:
            merged[-1] = Segment(merged[-1].events + seg.events)
        else:
            merged.append(seg)
    return merged
