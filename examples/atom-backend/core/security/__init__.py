"""Security: signed tokens, role permissions and input sanitising."""

from core.security.permissions import PermissionDenied, PermissionSet, require
from core.security.sanitize import sanitize_identifier, sanitize_text, strip_control_chars
from core.security.tokens import TokenError, TokenSigner

__all__ = [
    "PermissionDenied",
    "PermissionSet",
    "TokenError",
    "TokenSigner",
    "require",
    "sanitize_identifier",
    "sanitize_text",
    "strip_control_chars",
]
