"""Unit tests for the hash-chained audit log."""

import dataclasses

import pytest

from tests.factories import make_agent_name

pytestmark = pytest.mark.unit


def test_append_chains_records(audit_trail):
    actor = make_agent_name()
    first = audit_trail.append(1.0, actor, "episode:record", "allow")
    second = audit_trail.append(2.0, actor, "episode:delete", "deny")
    assert second.prev == first.digest
    assert len(audit_trail) == 2 and audit_trail.verify()
    assert audit_trail.denials() == [second]
    assert audit_trail.by_actor(actor) == [first, second]


def test_tampering_is_detected(audit_trail):
    audit_trail.append(1.0, make_agent_name(), "a", "allow")
    audit_trail._records[0] = dataclasses.replace(audit_trail._records[0], effect="deny")
    assert audit_trail.verify() is False


def test_out_of_order_append_rejected(audit_trail):
    audit_trail.append(5.0, make_agent_name(), "a", "allow")
    with pytest.raises(ValueError, match="time order"):
        audit_trail.append(4.0, make_agent_name(), "a", "allow")
