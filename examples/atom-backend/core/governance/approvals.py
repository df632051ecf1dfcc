"""Approval workflow for actions the policy engine marks ``require_approval``."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

PENDING = "pending"
APPROVED = "approved"
REJECTED = "rejected"
EXPIRED = "expired"


class ApprovalError(Exception):
    """An approval request was used in a way its state does not allow."""


@dataclass
class ApprovalRequest:
    """A request for one or more humans to approve an agent action."""

    id: int
    action: str
    requester: str
    required: int
    created_at: float
    ttl: float
    approvers: set = field(default_factory=set)
    state: str = PENDING
    reason: str = ""


class ApprovalWorkflow:
    """Tracks approval requests. Time is passed in explicitly so behaviour never depends on a clock."""

    def __init__(self, default_ttl: float = 3600.0) -> None:
        self._ids = itertools.count(1)
        self._requests: dict[int, ApprovalRequest] = {}
        self.default_ttl = default_ttl

    def request(self, action: str, requester: str, now: float, required: int = 1, ttl: float | None = None) -> ApprovalRequest:
        """Open a request needing ``required`` distinct approvers."""
        if required < 1:
            raise ValueError("required approvals must be at least 1")
        req = ApprovalRequest(
            id=next(self._ids),
            action=action,
            requester=requester,
            required=required,
            created_at=now,
            ttl=self.default_ttl if ttl is None else ttl,
        )
        self._requests[req.id] = req
        return req

    def get(self, request_id: int) -> ApprovalRequest:
        try:
            return self._requests[request_id]
        except KeyError:
            raise ApprovalError(f"no approval request {request_id}") from None

    def _refresh(self, req: ApprovalRequest, now: float) -> None:
        if req.state == PENDING and now - req.created_at > req.ttl:
            req.state = EXPIRED

    def approve(self, request_id: int, approver: str, now: float) -> ApprovalRequest:
        """Record an approval; the request is approved once enough distinct people approved."""
        req = self.get(request_id)
        self._refresh(req, now)
        if req.state != PENDING:
            raise ApprovalError(f"request {request_id} is {req.state}")
        if approver == req.requester:
            raise ApprovalError("requesters cannot approve their own request")
        req.approvers.add(approver)
        if len(req.approvers) >= req.required:
            req.state = APPROVED
        return req

    def reject(self, request_id: int, approver: str, now: float, reason: str = "") -> ApprovalRequest:
        """Reject a pending request."""
        req = self.get(request_id)
        self._refresh(req, now)
        if req.state != PENDING:
            raise ApprovalError(f"request {request_id} is {req.state}")
        req.state = REJECTED
        req.reason = reason or f"rejected by {approver}"
        return req

    def pending(self, now: float) -> list[ApprovalRequest]:
        """Requests still waiting, oldest first."""
        for req in self._requests.values():
            self._refresh(req, now)
        return sorted((r for r in self._requests.values() if r.state == PENDING), key=lambda r: r.created_at)

    def purge(self, now: float) -> int:
        """Drop finished requests; returns how many were dropped."""
        done = [rid for rid, r in self._requests.items() if (self._refresh(r, now) or r.state != PENDING)]
        for rid in done:
            del self._requests[rid]
        return len(done)
