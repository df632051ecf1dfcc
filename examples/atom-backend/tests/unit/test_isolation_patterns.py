"""The good examples of the test-isolation and flaky-test guides, as tests that run.

Each ``# region: <name>`` below is included verbatim by a guide on the documentation site, so the
code the guides show is code that passes in ``npm test``. Keep each region self-contained.
"""

from __future__ import annotations

import threading
from unittest import mock

import pytest

from core.episodes.recorder import EpisodeRecorder
from core.episodes.store import EpisodeStore
from core.governance.approvals import EXPIRED, PENDING, ApprovalWorkflow
from core.governance.audit import AuditLog
from core.governance.audit_writer import AuditWriter, export_audit
from core.governance.policy import PolicyEngine
from core.security.config import DEFAULT_TOKEN_TTL, ConfigError, signer_from_environment
from core.security.tokens import TokenError, TokenSigner
from tests.factories import make_agent_name, make_rule, make_secret

pytestmark = pytest.mark.unit


# region: unique_file_name
def test_export_writes_one_file_per_test(shared_export_dir, unique_resource_name):
    # Good: every test and every xdist worker of the run writes into the same folder, and
    # export_audit refuses to overwrite. A fixed name ("audit.jsonl") would raise FileExistsError
    # in the second test that used it; the worker id plus a UUID never collides.
    log = AuditLog()
    log.append(at=0.0, actor="agent-1", action="episode:read", effect="allow")
    path = export_audit(log, shared_export_dir, unique_resource_name)
    assert path.parent == shared_export_dir
    assert path.read_text() == log.to_jsonl()


# endregion: unique_file_name


# region: db_session_usage
def test_recorder_flush_stores_an_episode(db_session):
    # Good: rows written here are rolled back when the test ends, pass or fail.
    store = EpisodeStore(db_session)
    recorder = EpisodeRecorder(store, agent=make_agent_name(), role="operator")
    recorder.record(at=0.0, kind="tool_call", payload="ls")
    recorder.record(at=5.0, kind="tool_call", payload="cat notes.txt")
    assert len(recorder.flush()) == 1
    assert store.count() == 1


# endregion: db_session_usage


# region: factory_usage
def test_policy_allows_what_a_rule_allows():
    # Good: the factory gives every rule a fresh unique name; the test states only what it needs.
    rule = make_rule(action="episode:*", roles=frozenset({"operator"}))
    engine = PolicyEngine([rule])
    assert engine.evaluate("episode:tool_call", "operator").allowed
    assert not engine.evaluate("episode:tool_call", "guest").allowed


# endregion: factory_usage


# region: mock_external_api
class PolicyService:
    """Client of the remote policy service (in production it makes an HTTPS request)."""

    def fetch(self, tenant: str, *, region: str = "eu") -> dict:
        raise RuntimeError("network access in a unit test")


def load_engine(service: PolicyService, tenant: str) -> PolicyEngine:
    return PolicyEngine.from_config(service.fetch(tenant, region="eu"))


def test_engine_is_built_from_the_remote_policy():
    # Good: create_autospec copies the real signatures, so no request leaves the test, a misspelt
    # method raises AttributeError, and a call the real method would refuse raises TypeError.
    service = mock.create_autospec(PolicyService, instance=True)
    service.fetch.return_value = {
        "default": "deny",
        "rules": [{"name": "read", "action": "episode:read", "effect": "allow", "roles": ["operator"]}],
    }
    engine = load_engine(service, tenant="acme")
    service.fetch.assert_called_once_with("acme", region="eu")
    assert engine.evaluate("episode:read", "operator").allowed
    with pytest.raises(TypeError):
        service.fetch("acme", "eu")  # region is keyword-only in the real client


# endregion: mock_external_api


# region: injected_clock
def test_approval_expires_after_its_ttl():
    # Good: time is an argument, so "an hour later" is a number, not a sleep.
    workflow = ApprovalWorkflow(default_ttl=3600.0)
    request = workflow.request("episode:delete", requester="alice", now=1_000.0)
    assert [r.id for r in workflow.pending(now=1_000.0 + 3600.0)] == [request.id]
    assert workflow.pending(now=1_000.0 + 3600.5) == []
    assert workflow.get(request.id).state == EXPIRED


def test_token_expiry_uses_the_given_clock():
    signer = TokenSigner(make_secret(), ttl=60.0)
    token = signer.issue("agent-1", ["episode:read"], now=0.0)
    assert signer.verify(token, now=59.0)["sub"] == "agent-1"
    with pytest.raises(TokenError):
        signer.verify(token, now=61.0)


# endregion: injected_clock


# region: wait_for_event
@pytest.mark.timeout(30)  # pytest-timeout: a hang fails this test instead of the whole run
def test_background_writer_appends_without_sleeping():
    # Good: the writer thread runs until stop(), so there is nothing to join while it works.
    # The test waits for the writer's own signal that the record is in the log, not for a
    # guessed number of seconds.
    log = AuditLog()
    written = threading.Event()
    writer = AuditWriter(log, on_written=lambda record: written.set())
    writer.start()
    try:
        writer.submit(at=0.0, actor="agent-1", action="episode:read", effect="allow")
        assert written.wait(timeout=5), "the writer never appended the record"
        assert writer.running  # still serving: join() here would block until stop()
        assert len(log) == 1 and log.verify()
    finally:
        writer.stop()


# endregion: wait_for_event


# region: monkeypatch_env
def test_signer_reads_its_settings_from_the_environment(monkeypatch):
    # Good: monkeypatch sets and removes variables for this test only and restores them after,
    # so the result does not depend on the shell that started pytest.
    monkeypatch.setenv("ATOM_TOKEN_SECRET", make_secret().hex())
    monkeypatch.setenv("ATOM_TOKEN_TTL", "60")
    assert signer_from_environment().ttl == 60.0
    monkeypatch.delenv("ATOM_TOKEN_TTL")
    assert signer_from_environment().ttl == DEFAULT_TOKEN_TTL
    monkeypatch.delenv("ATOM_TOKEN_SECRET")
    with pytest.raises(ConfigError, match="ATOM_TOKEN_SECRET"):
        signer_from_environment()


# endregion: monkeypatch_env


def test_pending_requests_stay_pending_inside_their_ttl():
    workflow = ApprovalWorkflow(default_ttl=10.0)
    request = workflow.request("episode:delete", requester="alice", now=0.0)
    assert workflow.get(request.id).state == PENDING
