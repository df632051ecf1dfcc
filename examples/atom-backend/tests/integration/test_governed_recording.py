"""Integration tests: the recorder with policy, audit log, sanitising and storage together."""

import pytest

from core.episodes.recorder import EpisodeRecorder
from core.episodes.store import EpisodeStore
from core.governance.audit import AuditLog
from core.governance.policy import DENY, PolicyEngine
from tests.factories import make_agent_name, make_rule

pytestmark = pytest.mark.integration


@pytest.fixture
def policy():
    return PolicyEngine([make_rule(action="episode:*"), make_rule(action="episode:shell*", effect=DENY, priority=1)])


def test_allowed_events_are_stored(db_session, policy):
    audit = AuditLog()
    recorder = EpisodeRecorder(EpisodeStore(db_session), make_agent_name(), "operator", policy, audit)
    assert recorder.record(0, "tool_call", "<b>hi</b>")
    assert not recorder.record(1, "shell_exec", "rm -rf /")
    assert recorder.record(2000, "tool_call")
    assert recorder.rejected == 1 and recorder.buffered == 2
    ids = recorder.flush()
    assert len(ids) == 2 and recorder.buffered == 0
    assert recorder.store.events(ids[0])[0].payload == "&lt;b&gt;hi&lt;/b&gt;"
    assert [r.effect for r in audit] == ["allow", "deny", "allow"] and audit.verify()


def test_flush_with_nothing_buffered(db_session):
    assert EpisodeRecorder(EpisodeStore(db_session), make_agent_name(), "operator").flush() == []


def test_agent_names_are_sanitised(db_session):
    recorder = EpisodeRecorder(EpisodeStore(db_session), "Agent <Smith>", "operator")
    assert recorder.agent == "agent-smith"


def test_workspace_is_private(workspace, unique_resource_name):
    (workspace / "notes.txt").write_text("scratch")
    assert unique_resource_name in workspace.name
    assert [p.name for p in workspace.iterdir()] == ["notes.txt"]


def test_scratch_file_exists_until_finalizer(scratch_file, audit_trail):
    audit_trail.append(0, make_agent_name(), "episode:export", "allow")
    scratch_file.write_text("\n".join(r.digest for r in audit_trail))
    assert scratch_file.read_text() == audit_trail._records[0].digest
