"""Unit tests for episode segmentation."""

import pytest

from core.episodes.segmenter import segment_events, summarise
from tests.factories import make_event, make_events

pytestmark = pytest.mark.unit


def test_empty_stream():
    assert segment_events([]) == []
    assert summarise([])["episodes"] == 0


def test_gap_splits_episodes():
    events = make_events(3, start=0) + make_events(2, start=1000)
    segments = segment_events(events, max_gap=300)
    assert [len(s.events) for s in segments] == [3, 2]
    assert segments[0].duration == 20


def test_task_boundaries_split():
    events = [make_event(0, kind="task_start"), make_event(1), make_event(2, kind="task_end"), make_event(3)]
    assert [len(s.events) for s in segment_events(events)] == [3, 1]


def test_max_events_caps_an_episode():
    assert [len(s.events) for s in segment_events(make_events(5), max_events=2)] == [2, 2, 1]


def test_unsorted_input_is_ordered():
    events = list(reversed(make_events(4)))
    (segment,) = segment_events(events)
    assert [e.at for e in segment.events] == sorted(e.at for e in events)


def test_summary():
    summary = summarise(segment_events(make_events(4, step=50)))
    assert summary == {"episodes": 1, "events": 4, "longest": 150, "mean_events": 4.0}


@pytest.mark.parametrize("kwargs", [{"max_gap": 0}, {"max_events": 0}])
def test_invalid_arguments(kwargs):
    with pytest.raises(ValueError):
        segment_events([], **kwargs)
