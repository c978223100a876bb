"""Rules on the research plan: somebody owns it, and it says what it is meant to learn."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wizard.checks.registry import WARNING, Hit, rule, text
from wizard.checks.words import concrete_words, is_generic, lower_words, quote
from wizard.model.canvas import Canvas

PLAN = ("research.prospecting", "research.reach_out", "research.message", "research.incentive",
        "research.cadence")
NOBODY_IN_PARTICULAR = re.compile(
    r"(?:the |our |whole |entire |all )*(?:team|teams|everyone|everybody|all of us|of us|we|us|nobody|"
    r"no one|someone|somebody|anyone|whoever|staff|company|tbd|tbc|na|n a)"
)
MIN_GOAL_WORDS = 3
"""Concrete words a learning goal needs before it can decide whom to talk to and what to ask."""


def _planned(canvas: Canvas) -> list[str]:
    """The parts of the plan that are filled in, besides its owner and goal. The interview
    labels do not count: the wizard asks them with each segment, long before the owner."""
    return [q.split(".", 1)[1].replace("_", " ") for q in PLAN if canvas.get(q) is not None]


@rule("research-no-owner", "A research plan with no owner", WARNING)
def research_no_owner(canvas: Canvas) -> Iterator[Hit]:
    owner = text(canvas.get("research.owner"))
    planned = _planned(canvas)
    advice = ("Name one person who can act on what they hear: at pre-seed or seed stage, the founder; "
              "later, someone with influence over marketing, product or sales.")
    if owner and (NOBODY_IN_PARTICULAR.fullmatch(" ".join(lower_words(owner))) or is_generic(owner)):
        yield Hit((), "research.owner", f"The research owner is {quote(owner, 40)}: nobody in particular.", advice)
    elif not owner and planned:
        yield Hit((), "research.owner",
                  f"The research plan has its {', '.join(planned[:3])}, but nobody owns it: research that "
                  "belongs to everyone gets done by no one.", advice)


@rule("research-no-goal", "A research plan with no learning goal", WARNING)
def research_no_goal(canvas: Canvas) -> Iterator[Hit]:
    goal = text(canvas.get("research.learning_goal"))
    planned = _planned(canvas)
    advice = ("State it as one question a handful of interviews could answer, e.g. “why do conference "
              "planners stop running their own ads?”")
    if goal and len(concrete_words(goal)) < MIN_GOAL_WORDS:
        yield Hit((), "research.learning_goal",
                  f"The learning goal {quote(goal, 40)} is too thin to decide whom to talk to or what to ask.",
                  advice)
    elif not goal and planned:
        yield Hit((), "research.learning_goal",
                  f"The research plan has its {', '.join(planned[:3])}, but no learning goal: without one, "
                  "interviews become pleasant chats that settle nothing.", advice)
