"""Input sanitising for text that agents and users send to the backend."""

from __future__ import annotations

import html
import re
import unicodedata

_IDENTIFIER = re.compile(r"[^a-z0-9_-]+")
_SQL_COMMENT = re.compile(r"(--|/\*|\*/|;)")


def strip_control_chars(text: str) -> str:
    """Remove control characters except tab and newline."""
    return "".join(ch for ch in text if ch in "\t\n" or unicodedata.category(ch)[0] != "C")


def sanitize_text(text: str, max_length: int = 1000) -> str:
    """Text safe to store and show as HTML: control characters removed, markup escaped, length capped."""
    if max_length < 1:
        raise ValueError("max_length must be positive")
    cleaned = unicodedata.normalize("NFC", strip_control_chars(text)).strip()
    if len(cleaned) > max_length:
        cleaned = cleaned[:max_length]
    return html.escape(cleaned, quote=True)


def sanitize_identifier(value: str, max_length: int = 64) -> str:
    """A lower-case identifier of ``[a-z0-9_-]``; raises ValueError if nothing usable is left."""
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()
    ident = _IDENTIFIER.sub("-", folded).strip("-_")
    if not ident:
        raise ValueError(f"no usable identifier in {value!r}")
    return ident[:max_length]


def looks_like_sql_injection(text: str) -> bool:
    """A cheap heuristic used for logging only; parameterised queries are the real defence."""
    lowered = text.lower()
    if _SQL_COMMENT.search(lowered):
        return True
    return " or 1=1" in lowered or "union select" in lowered


def redact_secrets(text: str) -> str:
    """Mask values after ``password=``, ``token=`` and ``secret=`` (not covered by the suite on purpose)."""
    def mask(match: re.Match) -> str:
        return match.group(1) + "=***"

    return re.sub(r"(password|token|secret)=\S+", mask, text, flags=re.IGNORECASE)
