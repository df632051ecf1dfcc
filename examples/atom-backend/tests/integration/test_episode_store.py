"""Integration tests: episodes stored in SQLite through the rolled-back ``db_session``."""

import sqlite3

import pytest

from core.episodes.segmenter import Segment, segment_events
from core.episodes.store import EpisodeStore, save_all
from tests.factories import make_agent_name, make_event, make_events

pytestmark = pytest.mark.integration


def test_save_and_read_back(db_session):
    store = EpisodeStore(db_session)
    agent = make_agent_name()
    (segment,) = segment_events(make_events(3))
    episode_id = store.save_segment(agent, segment)
    assert store.events(episode_id) == list(segment.events)
    assert store.episodes_for(agent) == [episode_id]
    assert store.stats(agent) == {"episodes": 1, "total_duration": 20.0, "mean_duration": 20.0}


# region: rollback_isolation
@pytest.mark.parametrize("run", range(3))
def test_each_test_starts_empty(db_session, run):
    """Three runs on the same database file: each sees zero rows, because the last one rolled back."""
    store = EpisodeStore(db_session)
    assert store.count() == 0
    store.save_segment(make_agent_name(), Segment((make_event(run),)))
    assert store.count() == 1


# endregion: rollback_isolation


def test_status_changes(db_session):
    store = EpisodeStore(db_session)
    agent = make_agent_name()
    first, second = save_all(store, agent, segment_events(make_events(2, step=1000)))
    store.set_status(first, "closed")
    assert store.episodes_for(agent, status="closed") == [first]
    assert store.episodes_for(agent, status="open") == [second]
    with pytest.raises(ValueError):
        store.set_status(first, "gone")
    with pytest.raises(KeyError):
        store.set_status(first + second + 1000, "closed")


def test_save_all_is_all_or_nothing(db_session):
    store = EpisodeStore(db_session)
    good = Segment((make_event(0),))
    with pytest.raises(ValueError):
        save_all(store, "", [good])
    assert store.count() == 0


def test_events_need_an_episode(db_session):
    with pytest.raises(sqlite3.IntegrityError):
        db_session.execute("INSERT INTO events (episode_id, at, kind) VALUES (?, 0, 'x')", (10**9,))


def test_stats_for_unknown_agent(db_session):
    assert EpisodeStore(db_session).stats(make_agent_name())["episodes"] == 0
