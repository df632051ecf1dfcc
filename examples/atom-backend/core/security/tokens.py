"""HMAC-signed bearer tokens: ``<base64 payload>.<hex signature>``, with an explicit clock."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json


class TokenError(Exception):
    """A token was malformed, forged or expired."""


class TokenSigner:
    """Issues and verifies tokens. ``now`` is always passed in, so tests never depend on the wall clock."""

    def __init__(self, secret: bytes, ttl: float = 900.0) -> None:
        if len(secret) < 16:
            raise ValueError("secret must be at least 16 bytes")
        if ttl <= 0:
            raise ValueError("ttl must be positive")
        self._secret = secret
        self.ttl = ttl

    def _sign(self, body: bytes) -> str:
        return hmac.new(self._secret, body, hashlib.sha256).hexdigest()

    def issue(self, subject: str, scopes: list[str], now: float) -> str:
        """A token for ``subject`` carrying ``scopes``, valid from ``now`` for ``ttl`` seconds."""
        if not subject:
            raise ValueError("subject is required")
        claims = {"sub": subject, "scopes": sorted(set(scopes)), "iat": now, "exp": now + self.ttl}
        body = base64.urlsafe_b64encode(json.dumps(claims, sort_keys=True).encode()).rstrip(b"=")
        return body.decode() + "." + self._sign(body)

    def verify(self, token: str, now: float) -> dict:
        """The token's claims, or ``TokenError`` saying why it is not acceptable."""
        try:
            body, signature = token.split(".")
        except ValueError:
            raise TokenError("malformed token") from None
        if not hmac.compare_digest(self._sign(body.encode()), signature):
            raise TokenError("bad signature")
        padded = body + "=" * (-len(body) % 4)
        try:
            claims = json.loads(base64.urlsafe_b64decode(padded))
        except (ValueError, json.JSONDecodeError):  # pragma: no cover - a valid signature implies our own encoding
            raise TokenError("undecodable payload") from None
        if now >= claims["exp"]:
            raise TokenError("token expired")
        if now < claims["iat"]:
            raise TokenError("token used before issue time")
        return claims

    def has_scope(self, token: str, scope: str, now: float) -> bool:
        """Whether a valid token grants ``scope`` (``admin`` grants everything)."""
        try:
            claims = self.verify(token, now)
        except TokenError:
            return False
        return scope in claims["scopes"] or "admin" in claims["scopes"]

    def refresh(self, token: str, now: float) -> str:
        """A new token with the same subject and scopes, if the old one is still valid."""
        claims = self.verify(token, now)
        return self.issue(claims["sub"], claims["scopes"], now)
