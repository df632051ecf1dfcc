"""Governance: policies, approvals and the audit log that decide what an agent may do."""

from core.governance.approvals import ApprovalError, ApprovalRequest, ApprovalWorkflow
from core.governance.audit import AuditLog, AuditRecord
from core.governance.policy import Decision, PolicyEngine, Rule

__all__ = [
    "ApprovalError",
    "ApprovalRequest",
    "ApprovalWorkflow",
    "AuditLog",
    "AuditRecord",
    "Decision",
    "PolicyEngine",
    "Rule",
]
