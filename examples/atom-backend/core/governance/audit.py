"""Append-only audit log of governance decisions, with a hash chain to detect tampering."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Iterator


@dataclass(frozen=True)
class AuditRecord:
    """One audited event; ``digest`` chains it to the record before it."""

    seq: int
    at: float
    actor: str
    action: str
    effect: str
    prev: str
    digest: str


def _digest(prev: str, seq: int, at: float, actor: str, action: str, effect: str) -> str:
    payload = json.dumps([prev, seq, at, actor, action, effect], separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


class AuditLog:
    """In-memory append-only log; ``verify`` recomputes the chain."""

    GENESIS = "0" * 64

    def __init__(self) -> None:
        self._records: list[AuditRecord] = []

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[AuditRecord]:
        return iter(self._records)

    def append(self, at: float, actor: str, action: str, effect: str) -> AuditRecord:
        """Append an event and return its record."""
        if not actor:
            raise ValueError("actor is required")
        if self._records and at < self._records[-1].at:
            raise ValueError("audit records must be appended in time order")
        prev = self._records[-1].digest if self._records else self.GENESIS
        seq = len(self._records)
        record = AuditRecord(seq, at, actor, action, effect, prev, _digest(prev, seq, at, actor, action, effect))
        self._records.append(record)
        return record

    def verify(self) -> bool:
        """Whether every record's digest and link are intact."""
        prev = self.GENESIS
        for i, r in enumerate(self._records):
            if r.seq != i or r.prev != prev:
                return False
            if r.digest != _digest(r.prev, r.seq, r.at, r.actor, r.action, r.effect):
                return False
            prev = r.digest
        return True

    def by_actor(self, actor: str) -> list[AuditRecord]:
        return [r for r in self._records if r.actor == actor]

    def denials(self) -> list[AuditRecord]:
        return [r for r in self._records if r.effect == "deny"]

    # Export helpers are used by the ops tooling, not by the tests: left uncovered on purpose.
    def to_jsonl(self) -> str:
        """Serialise the log, one JSON object a line."""
        return "\n".join(json.dumps(asdict(r), sort_keys=True) for r in self._records)

    @classmethod
    def from_jsonl(cls, text: str) -> "AuditLog":
        """Load a log written by ``to_jsonl``; raises ValueError if the chain is broken."""
        log = cls()
        for line_no, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                log._records.append(AuditRecord(**json.loads(line)))
            except (TypeError, json.JSONDecodeError) as err:
                raise ValueError(f"line {line_no}: {err}") from None
        if not log.verify():
            raise ValueError("audit chain is broken")
        return log
