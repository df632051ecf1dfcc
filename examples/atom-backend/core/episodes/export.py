"""Export stored episodes as JSON lines or a Markdown timeline (no tests yet: a known coverage gap)."""

from __future__ import annotations

import json

from core.episodes.store import EpisodeStore


def export_jsonl(store: EpisodeStore, agent: str) -> str:
    """One JSON object per episode, with its events."""
    lines = []
    for episode_id in store.episodes_for(agent):
        events = store.events(episode_id)
        lines.append(
            json.dumps(
                {
                    "episode": episode_id,
                    "agent": agent,
                    "events": [{"at": e.at, "kind": e.kind, "payload": e.payload} for e in events],
                },
                sort_keys=True,
            )
        )
    return "\n".join(lines)


def export_markdown(store: EpisodeStore, agent: str, max_events: int = 20) -> str:
    """A human-readable timeline; long episodes are cut after ``max_events`` events."""
    if max_events < 1:
        raise ValueError("max_events must be positive")
    out = [f"# Episodes of {agent}", ""]
    episode_ids = store.episodes_for(agent)
    if not episode_ids:
        out.append("_No episodes recorded._")
        return "\n".join(out)
    for episode_id in episode_ids:
        events = store.events(episode_id)
        out.append(f"## Episode {episode_id} ({len(events)} events)")
        for event in events[:max_events]:
            suffix = f": {event.payload}" if event.payload else ""
            out.append(f"- `{event.at:.0f}s` {event.kind}{suffix}")
        if len(events) > max_events:
            out.append(f"- … {len(events) - max_events} more")
        out.append("")
    return "\n".join(out)
