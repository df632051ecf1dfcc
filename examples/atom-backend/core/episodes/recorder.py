"""Record agent events, checked by governance and sanitised by security, then stored as episodes."""

from __future__ import annotations

from core.episodes.segmenter import Event, segment_events
from core.episodes.store import EpisodeStore
from core.governance.audit import AuditLog
from core.governance.policy import PolicyEngine
from core.security.sanitize import sanitize_identifier, sanitize_text


class EpisodeRecorder:
    """Buffers one agent's events and flushes them to the store as segmented episodes."""

    def __init__(
        self,
        store: EpisodeStore,
        agent: str,
        role: str,
        policy: PolicyEngine | None = None,
        audit: AuditLog | None = None,
        max_gap: float = 300.0,
    ) -> None:
        self.store = store
        self.agent = sanitize_identifier(agent)
        self.role = role
        self.policy = policy
        self.audit = audit
        self.max_gap = max_gap
        self._buffer: list[Event] = []
        self.rejected = 0

    def record(self, at: float, kind: str, payload: str = "", risk: int = 0) -> bool:
        """Buffer an event if policy allows it; returns whether it was accepted."""
        kind = sanitize_identifier(kind)
        if self.policy is not None:
            decision = self.policy.evaluate(f"episode:{kind}", self.role, risk)
            if self.audit is not None:
                self.audit.append(at, self.agent, f"episode:{kind}", decision.effect)
            if not decision.allowed:
                self.rejected += 1
                return False
        self._buffer.append(Event(at, kind, sanitize_text(payload)))
        return True

    @property
    def buffered(self) -> int:
        return len(self._buffer)

    def flush(self) -> list[int]:
        """Segment the buffered events, store them, clear the buffer; returns the new episode ids."""
        if not self._buffer:
            return []
        segments = segment_events(self._buffer, max_gap=self.max_gap)
        ids = [self.store.save_segment(self.agent, s) for s in segments]
        self._buffer.clear()
        return ids

    def discard(self) -> int:
        """Drop buffered events without saving (used on agent crash; untested on purpose)."""
        dropped = len(self._buffer)
        self._buffer.clear()
        return dropped
