"""Rules on the research plan: one person owns it, and it sets out to learn about past behaviour."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from wizard.checks import language
from wizard.checks.lexicon import GROUP
from wizard.checks.registry import WARNING, Hit, rule, text
from wizard.checks.words import concrete_words, is_generic, lower_words, quote, words, wordset
from wizard.model.canvas import Canvas

PLAN = ("research.prospecting", "research.reach_out", "research.message", "research.incentive",
        "research.cadence")
PERSON = wordset("""
founder co-founder cofounder ceo cto coo cmo head lead leader manager director owner me i myself
coordinator officer researcher designer engineer partner chair president principal consultant
""")
MIN_GOAL_WORDS = 3
"""Concrete words a learning goal needs before it can decide whom to talk to and what to ask."""

CONFIRM = re.compile(
    r"\b(?:confirm|validate|validating|prove|verify|check\s+(?:that|if|whether)|make\s+sure|show\s+that|"
    r"demonstrate|get\s+(?:feedback|validation|buy-in|sign-off)|see\s+if\s+(?:they|people|customers)\s+"
    r"(?:like|want|love|need)|test\s+(?:our|the)\s+(?:idea|product|app|concept|prototype))\b", re.IGNORECASE)
FUTURE = re.compile(
    r"\b(?:would|will|'d|’d)\s+(?:\w+\s+){0,3}(?:buy|pay|use|try|sign|switch|subscribe|like|want|love|recommend|"
    r"be\s+interested|join|adopt|order|book|choose|prefer)\b|\binterested\s+in\s+(?:our|a|an|the|trying|buying|"
    r"using)\b|\bhow\s+much\s+(?:\w+\s+){0,2}(?:would|will)\b|\bif\s+we\s+(?:built|build|made|offered|launched)\b",
    re.IGNORECASE)
OPEN = re.compile(r"\b(?:how|why|what|when|where|which|who)\b", re.IGNORECASE)
_CLAUSES = re.compile(r"[,;:.?!]|\band\b|\bbut\b|\balso\b", re.IGNORECASE)
PITCH = re.compile(
    r"\b(?:would|will)\s+you\s+(?:\w+\s+){0,2}(?:buy|pay|use|try|sign\s+up|switch|subscribe|be\s+interested|"
    r"recommend|order|want)\b|\bhow\s+much\s+would\s+you\s+pay\b|\binterested\s+in\s+(?:our|trying|buying|using)\b",
    re.IGNORECASE)


def _planned(canvas: Canvas) -> list[str]:
    """The parts of the plan that are filled in, besides its owner and goal. The interview
    labels do not count: the wizard asks them with each segment, long before the owner."""
    return [q.split(".", 1)[1].replace("_", " ") for q in PLAN if canvas.get(q) is not None]


NAME_BELOW = 4.5
"""A capitalised word rarer than this (Zipf) is read as a person's name ("Priya", not "Sales")."""


@functools.lru_cache(maxsize=4096)
def nobody_in_particular(owner: str) -> bool:
    """A whole group, or nobody: "the team", "marketing", "everyone", "whoever is free"."""
    if is_generic(owner):
        return True
    found = lower_words(owner)
    if any(w in PERSON or language.lemma(w) in PERSON for w in found):
        return False
    names = [w for w in words(owner) if w[:1].isupper() and not w.isupper() and w.lower() not in GROUP
             and language.lemma(w) not in GROUP and language.zipf(w.lower()) < NAME_BELOW]
    if names:
        return False  # a name: "Priya", "Sam Okafor" (not an acronym such as "HR")
    return any(language.lemma(w) in GROUP or w in GROUP for w in found) or not concrete_words(owner)


@rule("research-no-owner", "A research plan owned by no one person", WARNING)
def research_no_owner(canvas: Canvas) -> Iterator[Hit]:
    owner = text(canvas.get("research.owner"))
    planned = _planned(canvas)
    advice = ("Name one person who can act on what they hear: at pre-seed or seed stage, the founder; "
              "later, someone with influence over marketing, product or sales.")
    if owner and nobody_in_particular(owner):
        yield Hit((), "research.owner",
                  f"The research owner is {quote(owner, 40)}: a group, and so nobody in particular. Research "
                  "that belongs to everyone gets done by no one.", advice)
    elif not owner and planned:
        yield Hit((), "research.owner",
                  f"The research plan has its {', '.join(planned[:3])}, but nobody owns it: research that "
                  "belongs to everyone gets done by no one.", advice)


@functools.lru_cache(maxsize=4096)
def seeks_confirmation(goal: str) -> str | None:
    """How a goal asks only for a yes ("confirm", "would they buy"), with no open question
    about what people do today; None when it sets out to learn."""
    clauses = [c for c in _CLAUSES.split(goal) if c.strip()]
    closed = [c for c in clauses if CONFIRM.search(c) or FUTURE.search(c)]
    if not closed:
        return None
    if any(OPEN.search(c) and not FUTURE.search(c) and not CONFIRM.search(c) for c in clauses):
        return None
    match = CONFIRM.search(goal) or FUTURE.search(goal)
    return match.group(0) if match else None


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


@rule("research-seeks-confirmation", "Research that seeks a yes or asks about the future", WARNING)
def research_seeks_confirmation(canvas: Canvas) -> Iterator[Hit]:
    goal = text(canvas.get("research.learning_goal"))
    said = seeks_confirmation(goal) if goal else None
    if said:
        yield Hit((), "research.learning_goal",
                  f"The learning goal {quote(goal, 50)} sets out to hear a yes (“{said}”): people are polite "
                  "about ideas and poor at predicting what they will do.",
                  "Ask what they did last time instead: “how did practice managers fill last-minute "
                  "cancellations last month, and what did it cost them?”")
    message = text(canvas.get("research.message"))
    pitch = PITCH.search(message) if message else None
    if pitch:
        yield Hit((), "research.message",
                  f"The message asks “{pitch.group(0)}”: a question about the future, which invites a "
                  "polite yes and teaches you nothing.",
                  "Ask for their story, not their opinion: “could we talk for 20 minutes about how you "
                  "handled this the last time it came up?”")
