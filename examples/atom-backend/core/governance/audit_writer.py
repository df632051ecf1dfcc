"""Writing the audit log off the request path: a background writer thread, and export files."""

from __future__ import annotations

import queue
import threading
from pathlib import Path
from typing import Callable

from core.governance.audit import AuditLog, AuditRecord


class AuditWriter:
    """Appends audit records on a long-lived background thread, so callers never wait for the log.

    ``on_written`` is called on the writer thread after each record is appended: the one signal that a
    submitted record is in the log (the thread itself keeps running until ``stop``).
    """

    def __init__(self, log: AuditLog, on_written: Callable[[AuditRecord], None] | None = None) -> None:
        self._log = log
        self._on_written = on_written
        self._queue: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="audit-writer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def submit(self, at: float, actor: str, action: str, effect: str) -> None:
        """Queue a record; it is appended later, on the writer thread."""
        self._queue.put((at, actor, action, effect))

    def stop(self, timeout: float = 5.0) -> None:
        """Append what is queued, then end the thread."""
        self._queue.put(None)
        self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            record = self._log.append(*item)
            if self._on_written is not None:
                self._on_written(record)


def export_audit(log: AuditLog, directory: Path, name: str) -> Path:
    """Write the log to ``<directory>/<name>.jsonl``. Never overwrites: an existing file raises ``FileExistsError``."""
    path = directory / f"{name}.jsonl"
    with path.open("x", encoding="utf-8") as out:
        out.write(log.to_jsonl())
    return path
