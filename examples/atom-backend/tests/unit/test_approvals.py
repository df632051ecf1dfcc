"""Unit tests for the approval workflow (time is passed in, never read from a clock)."""

import pytest

from core.governance.approvals import APPROVED, EXPIRED, REJECTED, ApprovalError, ApprovalWorkflow
from tests.factories import make_agent_name

pytestmark = pytest.mark.unit


@pytest.fixture
def workflow():
    return ApprovalWorkflow(default_ttl=100.0)


def test_single_approval(workflow):
    req = workflow.request("episode:delete", make_agent_name(), now=0)
    assert workflow.approve(req.id, make_agent_name("human"), now=1).state == APPROVED


def test_two_approvals_needed(workflow):
    req = workflow.request("policy:change", make_agent_name(), now=0, required=2)
    first = make_agent_name("human")
    workflow.approve(req.id, first, now=1)
    workflow.approve(req.id, first, now=2)  # the same person twice counts once
    assert req.state == "pending"
    workflow.approve(req.id, make_agent_name("human"), now=3)
    assert req.state == APPROVED


def test_requester_cannot_self_approve(workflow):
    requester = make_agent_name()
    req = workflow.request("x", requester, now=0)
    with pytest.raises(ApprovalError, match="own request"):
        workflow.approve(req.id, requester, now=1)


def test_expired_request_cannot_be_approved(workflow):
    req = workflow.request("x", make_agent_name(), now=0)
    with pytest.raises(ApprovalError, match="expired"):
        workflow.approve(req.id, make_agent_name("human"), now=101)
    assert req.state == EXPIRED


def test_reject(workflow):
    req = workflow.request("x", make_agent_name(), now=0)
    workflow.reject(req.id, "lead", now=1)
    assert req.state == REJECTED and req.reason == "rejected by lead"
    with pytest.raises(ApprovalError):
        workflow.reject(req.id, "lead", now=2)


def test_pending_lists_oldest_first(workflow):
    later = workflow.request("b", make_agent_name(), now=5)
    earlier = workflow.request("a", make_agent_name(), now=1)
    assert [r.id for r in workflow.pending(now=10)] == [earlier.id, later.id]
    assert workflow.pending(now=1000) == []


def test_unknown_request(workflow):
    with pytest.raises(ApprovalError, match="no approval request"):
        workflow.get(12345)


def test_required_must_be_positive(workflow):
    with pytest.raises(ValueError):
        workflow.request("x", make_agent_name(), now=0, required=0)
