"""Security tests for signed tokens: forgery, tampering and expiry."""

import base64
import json

import pytest

from core.security.tokens import TokenError, TokenSigner
from tests.factories import make_agent_name, make_secret

pytestmark = pytest.mark.security


@pytest.fixture
def signer():
    return TokenSigner(make_secret(), ttl=60)


def test_round_trip(signer):
    subject = make_agent_name()
    claims = signer.verify(signer.issue(subject, ["episodes:read", "episodes:read"], now=100), now=130)
    assert claims["sub"] == subject and claims["scopes"] == ["episodes:read"] and claims["exp"] == 160


def test_expired(signer):
    token = signer.issue(make_agent_name(), [], now=0)
    with pytest.raises(TokenError, match="expired"):
        signer.verify(token, now=60)


def test_not_yet_valid(signer):
    token = signer.issue(make_agent_name(), [], now=100)
    with pytest.raises(TokenError, match="before issue"):
        signer.verify(token, now=99)


def test_signature_from_another_secret_rejected(signer):
    token = TokenSigner(make_secret()).issue(make_agent_name(), ["admin"], now=0)
    with pytest.raises(TokenError, match="bad signature"):
        signer.verify(token, now=1)


def test_tampered_payload_rejected(signer):
    body, signature = signer.issue(make_agent_name(), ["episodes:read"], now=0).split(".")
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claims["scopes"] = ["admin"]
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    with pytest.raises(TokenError, match="bad signature"):
        signer.verify(forged + "." + signature, now=1)


@pytest.mark.parametrize("token", ["", "no-dot", "a.b.c"])
def test_malformed(signer, token):
    with pytest.raises(TokenError, match="malformed"):
        signer.verify(token, now=0)


def test_scopes(signer):
    reader = signer.issue(make_agent_name(), ["episodes:read"], now=0)
    admin = signer.issue(make_agent_name(), ["admin"], now=0)
    assert signer.has_scope(reader, "episodes:read", now=1)
    assert not signer.has_scope(reader, "audit:read", now=1)
    assert signer.has_scope(admin, "audit:read", now=1)
    assert not signer.has_scope("garbage", "audit:read", now=1)


@pytest.mark.parametrize("secret, ttl", [(b"short", 60), (b"x" * 32, 0)])
def test_bad_configuration(secret, ttl):
    with pytest.raises(ValueError):
        TokenSigner(secret, ttl=ttl)


# region: worked_example
def test_a_token_needs_a_subject(signer):
    # Written for the coverage guide's worked example: `if not subject:` in TokenSigner.issue had
    # never taken its true branch. The behaviour it guards is "no anonymous tokens".
    with pytest.raises(ValueError, match="subject is required"):
        signer.issue("", ["episodes:read"], now=0)


# endregion: worked_example
