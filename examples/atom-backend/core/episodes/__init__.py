"""Episodes: recording agent events, segmenting them into episodes and storing them in SQLite."""

from core.episodes.recorder import EpisodeRecorder
from core.episodes.segmenter import Event, Segment, segment_events
from core.episodes.store import EpisodeStore, connect

__all__ = ["EpisodeRecorder", "EpisodeStore", "Event", "Segment", "connect", "segment_events"]
