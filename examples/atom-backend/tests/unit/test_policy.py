"""Unit tests for the governance policy engine."""

import pytest

from core.governance.policy import ALLOW, DENY, REQUIRE_APPROVAL, PolicyEngine, Rule
from tests.factories import make_rule

pytestmark = pytest.mark.unit


class TestRule:
    def test_rejects_unknown_effect(self):
        with pytest.raises(ValueError, match="unknown effect"):
            make_rule(effect="maybe")

    def test_rejects_empty_action(self):
        with pytest.raises(ValueError, match="empty action"):
            make_rule(action="")

    def test_rejects_risk_out_of_range(self):
        with pytest.raises(ValueError, match="max_risk"):
            make_rule(max_risk=11)

    @pytest.mark.parametrize(
        "action, role, risk, expected",
        [
            ("episode:record", "operator", 0, True),
            ("episode:record", "viewer", 0, False),
            ("audit:read", "operator", 0, False),
            ("episode:record", "operator", 9, False),
        ],
    )
    def test_matches(self, action, role, risk, expected):
        rule = make_rule(action="episode:*", roles=frozenset({"operator"}), max_risk=5)
        assert rule.matches(action, role, risk) is expected

    def test_rule_without_roles_matches_any_role(self):
        assert make_rule(roles=frozenset()).matches("episode:x", "anyone", 0)


class TestPolicyEngine:
    def test_default_is_deny(self):
        decision = PolicyEngine().evaluate("episode:record", "operator")
        assert decision.effect == DENY and decision.rule is None and not decision.allowed

    def test_allow_rule(self):
        rule = make_rule()
        decision = PolicyEngine([rule]).evaluate("episode:record", "operator")
        assert decision.allowed and decision.rule == rule.name

    def test_higher_priority_wins(self):
        low = make_rule(effect=DENY)
        high = make_rule(effect=ALLOW, priority=10)
        assert PolicyEngine([low, high]).evaluate("episode:record", "operator").rule == high.name

    def test_deny_wins_a_tie(self):
        allow, deny, approve = make_rule(effect=ALLOW), make_rule(effect=DENY), make_rule(effect=REQUIRE_APPROVAL)
        assert PolicyEngine([allow, approve, deny]).evaluate("episode:x", "operator").effect == DENY

    def test_approval_beats_allow_in_a_tie(self):
        engine = PolicyEngine([make_rule(effect=ALLOW), make_rule(effect=REQUIRE_APPROVAL)])
        assert engine.evaluate("episode:x", "operator").effect == REQUIRE_APPROVAL

    def test_risk_out_of_range_is_denied(self):
        decision = PolicyEngine([make_rule()]).evaluate("episode:x", "operator", risk=42)
        assert decision.effect == DENY and "out of range" in decision.reason

    def test_duplicate_names_rejected(self):
        rule = make_rule()
        with pytest.raises(ValueError, match="duplicate"):
            PolicyEngine([rule, rule])

    def test_remove(self):
        rule = make_rule()
        engine = PolicyEngine([rule])
        assert engine.remove(rule.name) is True
        assert engine.remove(rule.name) is False
        assert engine.rules == ()

    def test_unknown_default_effect(self):
        with pytest.raises(ValueError):
            PolicyEngine(default_effect="shrug")

    def test_from_config(self):
        engine = PolicyEngine.from_config(
            {
                "default": ALLOW,
                "rules": [{"name": "no-deletes", "action": "*:delete", "effect": DENY, "priority": 5}],
            }
        )
        assert engine.evaluate("episode:delete", "admin").effect == DENY
        assert engine.evaluate("episode:read", "admin").effect == ALLOW

    def test_from_config_names_missing_field(self):
        with pytest.raises(ValueError, match=r"rules\[0\]: missing field 'effect'"):
            PolicyEngine.from_config({"rules": [{"name": "x", "action": "*"}]})


def test_rule_is_immutable():
    rule = Rule("r", "a:*", ALLOW)
    with pytest.raises(AttributeError):
        rule.effect = DENY  # type: ignore[misc]
