"""The good examples of the test-isolation and flaky-test guides, as tests that run.

Each ``# region: <name>`` below is included verbatim by a guide on the documentation site, so the
code the guides show is code that passes in ``npm test``. Keep each region self-contained.
"""

from __future__ import annotations

import json
import os
import threading
from unittest import mock

import pytest

from core.episodes.recorder import EpisodeRecorder
from core.episodes.store import EpisodeStore
from core.governance.approvals import EXPIRED, PENDING, ApprovalWorkflow
from core.governance.audit import AuditLog
from core.governance.policy import PolicyEngine
from core.security.tokens import TokenError, TokenSigner
from tests.factories import make_agent_name, make_rule, make_secret

pytestmark = pytest.mark.unit


# region: unique_file_name
def test_export_writes_one_file_per_agent(tmp_path, unique_resource_name):
    # Good: the name carries the xdist worker id and a UUID, and the folder is the test's own.
    path = tmp_path / f"{unique_resource_name}.json"
    path.write_text(json.dumps({"agent": unique_resource_name}))
    assert json.loads(path.read_text()) == {"agent": unique_resource_name}
    assert unique_resource_name.startswith(f"test-{os.environ.get('PYTEST_XDIST_WORKER', 'master')}-")


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

    def fetch(self, tenant: str) -> dict:
        raise RuntimeError("network access in a unit test")


def load_engine(service: PolicyService, tenant: str) -> PolicyEngine:
    return PolicyEngine.from_config(service.fetch(tenant))


def test_engine_is_built_from_the_remote_policy():
    # Good: a Mock with spec= stands in for the service, so no request leaves the test
    # and a misspelt method fails loudly instead of returning a Mock.
    service = mock.Mock(spec=PolicyService)
    service.fetch.return_value = {
        "default": "deny",
        "rules": [{"name": "read", "action": "episode:read", "effect": "allow", "roles": ["operator"]}],
    }
    engine = load_engine(service, tenant="acme")
    service.fetch.assert_called_once_with("acme")
    assert engine.evaluate("episode:read", "operator").allowed


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
def test_background_audit_write_is_seen_without_sleeping():
    # Good: the test waits for a signal from the worker, not for a guessed number of seconds.
    log = AuditLog()
    written = threading.Event()

    def worker() -> None:
        try:
            log.append(at=0.0, actor="agent-1", action="episode:read", effect="allow")
        finally:
            written.set()  # set even if append raised, so the test fails fast instead of hanging

    thread = threading.Thread(target=worker)
    thread.start()
    assert written.wait(timeout=5), "the worker never finished"
    thread.join()
    assert len(log) == 1 and log.verify()


# endregion: wait_for_event


# region: monkeypatch_env
def test_worker_name_comes_from_the_environment(monkeypatch, unique_resource_name):
    # Good: monkeypatch restores the variable after the test, whatever the test did.
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw7")
    assert os.environ["PYTEST_XDIST_WORKER"] == "gw7"
    monkeypatch.delenv("PYTEST_XDIST_WORKER")
    assert "PYTEST_XDIST_WORKER" not in os.environ


# endregion: monkeypatch_env


def test_pending_requests_stay_pending_inside_their_ttl():
    workflow = ApprovalWorkflow(default_ttl=10.0)
    request = workflow.request("episode:delete", requester="alice", now=0.0)
    assert workflow.get(request.id).state == PENDING
