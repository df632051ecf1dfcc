"""A small policy engine: ordered rules that allow, deny or require approval for an action."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from typing import Iterable, Mapping

ALLOW = "allow"
DENY = "deny"
REQUIRE_APPROVAL = "require_approval"
EFFECTS = (ALLOW, DENY, REQUIRE_APPROVAL)


@dataclass(frozen=True)
class Rule:
    """One policy rule: when an agent in ``roles`` performs an action matching ``action``, apply ``effect``."""

    name: str
    action: str
    effect: str
    roles: frozenset = field(default_factory=frozenset)
    max_risk: int | None = None
    priority: int = 0

    def __post_init__(self) -> None:
        if self.effect not in EFFECTS:
            raise ValueError(f"rule {self.name!r}: unknown effect {self.effect!r}")
        if not self.action:
            raise ValueError(f"rule {self.name!r}: empty action pattern")
        if self.max_risk is not None and not 0 <= self.max_risk <= 10:
            raise ValueError(f"rule {self.name!r}: max_risk must be 0..10")

    def matches(self, action: str, role: str, risk: int) -> bool:
        """Whether this rule applies to the given action, role and risk score."""
        if not fnmatch.fnmatchcase(action, self.action):
            return False
        if self.roles and role not in self.roles:
            return False
        if self.max_risk is not None and risk > self.max_risk:
            return False
        return True


@dataclass(frozen=True)
class Decision:
    """The outcome of evaluating a request: the effect and the rule that produced it."""

    effect: str
    rule: str | None
    reason: str

    @property
    def allowed(self) -> bool:
        return self.effect == ALLOW


class PolicyEngine:
    """Evaluates requests against rules; highest priority wins, deny wins ties, default deny."""

    def __init__(self, rules: Iterable[Rule] = (), default_effect: str = DENY) -> None:
        if default_effect not in EFFECTS:
            raise ValueError(f"unknown default effect {default_effect!r}")
        self._rules: list[Rule] = []
        self.default_effect = default_effect
        for rule in rules:
            self.add(rule)

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(self._rules)

    def add(self, rule: Rule) -> None:
        """Add a rule; names are unique."""
        if any(r.name == rule.name for r in self._rules):
            raise ValueError(f"duplicate rule name {rule.name!r}")
        self._rules.append(rule)

    def remove(self, name: str) -> bool:
        """Remove a rule by name; returns whether one was removed."""
        before = len(self._rules)
        self._rules = [r for r in self._rules if r.name != name]
        return len(self._rules) != before

    def evaluate(self, action: str, role: str, risk: int = 0) -> Decision:
        """Decide what happens to ``action`` requested by an agent with ``role`` at ``risk``."""
        if not 0 <= risk <= 10:
            return Decision(DENY, None, f"risk {risk} out of range")
        matching = [r for r in self._rules if r.matches(action, role, risk)]
        if not matching:
            return Decision(self.default_effect, None, "no rule matched")
        top = max(r.priority for r in matching)
        winners = [r for r in matching if r.priority == top]
        # Deny beats approval beats allow among equally ranked rules: the safe choice wins.
        for effect in (DENY, REQUIRE_APPROVAL, ALLOW):
            for rule in winners:
                if rule.effect == effect:
                    return Decision(effect, rule.name, f"matched rule {rule.name!r}")
        raise AssertionError("unreachable: every rule has a known effect")  # pragma: no cover

    @classmethod
    def from_config(cls, config: Mapping) -> "PolicyEngine":
        """Build an engine from a mapping like ``{"default": "deny", "rules": [{...}]}``."""
        rules = []
        for i, raw in enumerate(config.get("rules", [])):
            try:
                rules.append(
                    Rule(
                        name=raw["name"],
                        action=raw["action"],
                        effect=raw["effect"],
                        roles=frozenset(raw.get("roles", ())),
                        max_risk=raw.get("max_risk"),
                        priority=int(raw.get("priority", 0)),
                    )
                )
            except KeyError as missing:
                raise ValueError(f"rules[{i}]: missing field {missing}") from None
        return cls(rules, default_effect=config.get("default", DENY))

    def explain(self, action: str, role: str, risk: int = 0) -> list[str]:
        """List every rule with whether it matched, for debugging a decision."""
        lines = []
        for rule in sorted(self._rules, key=lambda r: -r.priority):
            mark = "x" if rule.matches(action, role, risk) else " "
            lines.append(f"[{mark}] {rule.name} ({rule.effect}, priority {rule.priority})")
        return lines
