"""Security tests for role permissions and input sanitising."""

import pytest

from core.security.permissions import PermissionDenied, PermissionSet, require
from core.security.sanitize import looks_like_sql_injection, sanitize_identifier, sanitize_text

pytestmark = pytest.mark.security


@pytest.mark.parametrize(
    "roles, permission, allowed",
    [
        ({"viewer"}, "episodes:read", True),
        ({"viewer"}, "episodes:delete", False),
        ({"operator"}, "episodes:delete", True),
        ({"approver"}, "approvals:grant", True),
        ({"admin"}, "anything:at-all", True),
        ({"viewer", "approver"}, "approvals:grant", True),
    ],
)
def test_allows(roles, permission, allowed):
    assert PermissionSet(roles).allows(permission) is allowed


def test_require_names_every_missing_permission():
    with pytest.raises(PermissionDenied, match="audit:write, policies:change"):
        require(PermissionSet({"viewer"}), "audit:read", "audit:write", "policies:change")


def test_require_passes_when_granted():
    require(PermissionSet({"operator"}), "episodes:read", "approvals:request")


def test_unknown_role():
    with pytest.raises(ValueError, match="unknown roles: root"):
        PermissionSet({"root"})


@pytest.mark.parametrize("permission", ["episodes", ":read", "episodes:"])
def test_malformed_permission(permission):
    with pytest.raises(ValueError, match="resource:verb"):
        PermissionSet({"viewer"}).allows(permission)


def test_markup_is_escaped():
    assert sanitize_text('<script>alert("x")</script>') == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"


def test_control_characters_removed_and_length_capped():
    assert sanitize_text("ab\x00c\x1bd\n", max_length=3) == "abc"


def test_identifier_folding():
    assert sanitize_identifier("  Ünïcode Agent #7 ") == "unicode-agent-7"
    with pytest.raises(ValueError, match="no usable identifier"):
        sanitize_identifier("!!!")


@pytest.mark.parametrize(
    "text, suspicious",
    [("name'; DROP TABLE episodes", True), ("x' OR 1=1", True), ("plain words", False)],
)
def test_sql_injection_heuristic(text, suspicious):
    assert looks_like_sql_injection(text) is suspicious
