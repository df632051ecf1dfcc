"""Role-based permissions: roles grant ``resource:verb`` permissions, with ``*`` wildcards."""

from __future__ import annotations

from typing import Iterable, Mapping


class PermissionDenied(Exception):
    """The caller lacks a permission."""


DEFAULT_ROLES: Mapping[str, tuple[str, ...]] = {
    "viewer": ("episodes:read", "audit:read"),
    "operator": ("episodes:*", "approvals:request"),
    "approver": ("approvals:*", "audit:read"),
    "admin": ("*:*",),
}


def _split(permission: str) -> tuple[str, str]:
    resource, sep, verb = permission.partition(":")
    if not sep or not resource or not verb:
        raise ValueError(f"permission must look like 'resource:verb', got {permission!r}")
    return resource, verb


class PermissionSet:
    """The permissions a principal holds through its roles."""

    def __init__(self, roles: Iterable[str], catalogue: Mapping[str, Iterable[str]] = DEFAULT_ROLES) -> None:
        self.roles = frozenset(roles)
        unknown = sorted(r for r in self.roles if r not in catalogue)
        if unknown:
            raise ValueError(f"unknown roles: {', '.join(unknown)}")
        self._grants = frozenset(_split(p) for role in self.roles for p in catalogue[role])

    def allows(self, permission: str) -> bool:
        """Whether any grant covers ``permission``."""
        resource, verb = _split(permission)
        for g_resource, g_verb in self._grants:
            if g_resource in ("*", resource) and g_verb in ("*", verb):
                return True
        return False

    def missing(self, permissions: Iterable[str]) -> list[str]:
        """The permissions from ``permissions`` that are not granted, in order."""
        return [p for p in permissions if not self.allows(p)]


def require(perms: PermissionSet, *needed: str) -> None:
    """Raise ``PermissionDenied`` naming every missing permission."""
    missing = perms.missing(needed)
    if missing:
        raise PermissionDenied("missing permission(s): " + ", ".join(missing))
