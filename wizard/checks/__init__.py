"""Quality checks (the coach's notes): named rules that read a canvas and say what looks off.

Each rule is a small function registered by id, title and severity (see `registry.rule`);
it reads the canvas and reports findings with where they are, what looks wrong and what
to do instead. Checks never change the canvas or its completeness score: they are advice
from the source articles for a founder or coach to weigh, and several are word
heuristics that can be wrong. `run(canvas, catalog)` gives every finding; `RULES` lists
the rules.
"""

from __future__ import annotations

# Importing the rule modules registers their rules, in this order.
from wizard.checks import (  # noqa: F401
    adopters,
    audience,
    customers,
    evidence,
    jobs,
    persona,
    profile,
    research,
    value,
)
from wizard.checks.registry import INFO, RULES, SEVERITIES, WARNING, Finding, Hit, Rule, for_step, run

__all__ = ["INFO", "RULES", "SEVERITIES", "WARNING", "Finding", "Hit", "Rule", "for_step", "run", "warm"]


def warm() -> None:
    """Load the language libraries the rules use (about half a second, once per process):
    on the wizard's checks thread before its first run, or before `report` forks workers."""
    from wizard.checks import language

    language.warm()
