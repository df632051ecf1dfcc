"""SQLite storage for episodes and their events. Callers own the connection and the transaction."""

from __future__ import annotations

import sqlite3
from typing import Sequence

from core.episodes.segmenter import Event, Segment

SCHEMA = """
CREATE TABLE IF NOT EXISTS episodes (
    id INTEGER PRIMARY KEY,
    agent TEXT NOT NULL,
    started_at REAL NOT NULL,
    ended_at REAL NOT NULL,
    status TEXT NOT NULL DEFAULT 'open'
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    episode_id INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    at REAL NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS events_by_episode ON events(episode_id, at);
"""

STATUSES = ("open", "closed", "archived")


def connect(path: str = ":memory:") -> sqlite3.Connection:
    """A connection with foreign keys on and the schema created; transactions are managed explicitly."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.executescript(SCHEMA)
    return conn


class EpisodeStore:
    """Reads and writes episodes through a connection it does not commit on."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def save_segment(self, agent: str, segment: Segment) -> int:
        """Insert one segment as an episode with its events; returns the episode id."""
        if not agent:
            raise ValueError("agent is required")
        cur = self.conn.execute(
            "INSERT INTO episodes (agent, started_at, ended_at) VALUES (?, ?, ?)",
            (agent, segment.start, segment.end),
        )
        episode_id = cur.lastrowid
        self.conn.executemany(
            "INSERT INTO events (episode_id, at, kind, payload) VALUES (?, ?, ?, ?)",
            [(episode_id, e.at, e.kind, e.payload) for e in segment.events],
        )
        return episode_id

    def events(self, episode_id: int) -> list[Event]:
        rows = self.conn.execute(
            "SELECT at, kind, payload FROM events WHERE episode_id = ? ORDER BY at, id", (episode_id,)
        )
        return [Event(r["at"], r["kind"], r["payload"]) for r in rows]

    def episodes_for(self, agent: str, status: str | None = None) -> list[int]:
        """Episode ids of ``agent``, oldest first, optionally filtered by status."""
        if status is None:
            rows = self.conn.execute("SELECT id FROM episodes WHERE agent = ? ORDER BY started_at, id", (agent,))
        else:
            if status not in STATUSES:
                raise ValueError(f"unknown status {status!r}")
            rows = self.conn.execute(
                "SELECT id FROM episodes WHERE agent = ? AND status = ? ORDER BY started_at, id", (agent, status)
            )
        return [r["id"] for r in rows]

    def set_status(self, episode_id: int, status: str) -> None:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        cur = self.conn.execute("UPDATE episodes SET status = ? WHERE id = ?", (status, episode_id))
        if cur.rowcount == 0:
            raise KeyError(episode_id)

    def count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM episodes").fetchone()[0]

    # Retention and search are used by the nightly jobs, not exercised by the suite: realistic gaps.
    def delete_before(self, cutoff: float) -> int:
        """Delete episodes that ended before ``cutoff``; returns how many."""
        cur = self.conn.execute("DELETE FROM episodes WHERE ended_at < ? AND status != 'open'", (cutoff,))
        return cur.rowcount

    def search(self, agent: str, kind: str, limit: int = 50) -> list[tuple[int, Event]]:
        """Events of ``kind`` across an agent's episodes, newest first."""
        if limit < 1:
            raise ValueError("limit must be positive")
        rows = self.conn.execute(
            "SELECT e.episode_id, e.at, e.kind, e.payload FROM events e JOIN episodes p ON p.id = e.episode_id "
            "WHERE p.agent = ? AND e.kind = ? ORDER BY e.at DESC LIMIT ?",
            (agent, kind, limit),
        )
        return [(r["episode_id"], Event(r["at"], r["kind"], r["payload"])) for r in rows]

    def stats(self, agent: str) -> dict:
        row = self.conn.execute(
            "SELECT COUNT(*) AS n, COALESCE(SUM(ended_at - started_at), 0) AS total FROM episodes WHERE agent = ?",
            (agent,),
        ).fetchone()
        if row["n"] == 0:
            return {"episodes": 0, "total_duration": 0.0, "mean_duration": 0.0}
        return {"episodes": row["n"], "total_duration": row["total"], "mean_duration": row["total"] / row["n"]}


def save_all(store: EpisodeStore, agent: str, segments: Sequence[Segment]) -> list[int]:
    """Save several segments in one transaction: all or none."""
    store.conn.execute("SAVEPOINT save_all")
    try:
        ids = [store.save_segment(agent, s) for s in segments]
    except Exception:
        store.conn.execute("ROLLBACK TO save_all")
        store.conn.execute("RELEASE save_all")
        raise
    store.conn.execute("RELEASE save_all")
    return ids
