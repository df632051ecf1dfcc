"""Hypothesis properties of segmentation and sanitising (derandomized in conftest: same examples every run)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.episodes.segmenter import Event, segment_events
from core.security.sanitize import sanitize_identifier, sanitize_text

pytestmark = pytest.mark.property

events = st.lists(
    st.builds(Event, at=st.floats(0, 10_000, allow_nan=False), kind=st.sampled_from(["tool_call", "task_start", "task_end"])),
    max_size=40,
)


@given(events, st.floats(1, 1000), st.one_of(st.none(), st.integers(1, 10)))
def test_segmentation_keeps_every_event_in_order(evs, max_gap, max_events):
    segments = segment_events(evs, max_gap=max_gap, max_events=max_events)
    flat = [e for s in segments for e in s.events]
    assert sorted(flat, key=lambda e: e.at) == flat
    assert sorted(map(id, flat)) == sorted(map(id, evs))
    if max_events is not None:
        assert all(len(s.events) <= max_events for s in segments)


@given(events, st.floats(1, 1000))
def test_gaps_inside_a_segment_are_small(evs, max_gap):
    for segment in segment_events(evs, max_gap=max_gap):
        times = [e.at for e in segment.events]
        assert all(b - a <= max_gap for a, b in zip(times, times[1:]))


@given(st.text(max_size=200))
def test_sanitized_text_has_no_markup(text):
    cleaned = sanitize_text(text)
    assert "<" not in cleaned and ">" not in cleaned and '"' not in cleaned


@given(st.text(min_size=1, max_size=100))
def test_identifiers_are_safe(text):
    try:
        ident = sanitize_identifier(text)
    except ValueError:
        return
    assert ident and len(ident) <= 64
    assert set(ident) <= set("abcdefghijklmnopqrstuvwxyz0123456789_-")
