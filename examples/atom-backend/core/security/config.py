"""Security settings read from the process environment (the deployment sets them)."""

from __future__ import annotations

import os

from core.security.tokens import TokenSigner

DEFAULT_TOKEN_TTL = 900.0


class ConfigError(Exception):
    """A required setting is missing or unusable."""


def signer_from_environment() -> TokenSigner:
    """A token signer from ``ATOM_TOKEN_SECRET`` (required) and ``ATOM_TOKEN_TTL`` (seconds, default 900)."""
    secret = os.environ.get("ATOM_TOKEN_SECRET")
    if not secret:
        raise ConfigError("ATOM_TOKEN_SECRET is not set")
    raw_ttl = os.environ.get("ATOM_TOKEN_TTL")
    try:
        ttl = DEFAULT_TOKEN_TTL if raw_ttl is None else float(raw_ttl)
    except ValueError:
        raise ConfigError(f"ATOM_TOKEN_TTL is not a number: {raw_ttl!r}") from None
    return TokenSigner(secret.encode(), ttl=ttl)
