"""What an answer says, read the way a coach reads it: vague or concrete, a task or a result, a wish.

Functions of one text, built on the word classes (lexicon) and the language helpers; the
rules decide where a finding goes and what to say. Each is cached: the checks run after
every change, over text that is nearly all as it was.
"""

from __future__ import annotations

import functools
import re

from wizard.checks import language
from wizard.checks.lexicon import (
    ADOPT,
    ARTEFACT,
    BROAD,
    CHANGE,
    FEELING,
    GENERAL,
    INTENSIFIER,
    MEASURE,
    PROMISE,
    WISH,
    has,
    mentions,
    union,
)
from wizard.checks.words import STOPWORDS, has_number, lower_words, wordset

_cached = functools.lru_cache(maxsize=65536)

# Words that end a noun phrase: what follows is a complement, not the thing itself.
PHRASE_END = wordset("""
to for that which who whom whose of in on at with when so because and or but by from about as
than while if where without into onto across through via using like after before during
""")
SUBJECTS = wordset("they he she i we people customers clients users most many some")
_NEGATION_START = re.compile(r"^(?:no|not|never|none|without|nobody|nothing|don'?t|doesn'?t|won'?t|"
                             r"stop|stops|stopped|no\s+more|never\s+again)\b")
_ABSENCE = re.compile(
    r"\b(?:no|lack\s+of|lacks?|lacking|missing|absence\s+of|without|there\s+is\s+no|there'?s\s+no|"
    r"(?:do|does|did)\s*(?:not|n'?t)\s+have|(?:don|doesn|didn)'?t\s+have|has\s+no|have\s+no|"
    r"(?:can\s*not|can'?t|cannot|unable\s+to)\s+find)\s+(?:an?\s+|the\s+|any\s+|one\s+|proper\s+|good\s+|"
    r"decent\s+|simple\s+|single\s+)*((?:[\w'-]+\s+){0,3}[\w'-]+)"
)


def content(text: str) -> list[str]:
    """Words that carry meaning: not stop words, at least two letters."""
    return [w for w in lower_words(text) if len(w) >= 2 and w not in STOPWORDS]


def concrete(text: str, *classes: frozenset[str]) -> list[str]:
    """Content words outside the given classes and outside hedges and general words."""
    empty = union(*classes, INTENSIFIER, GENERAL)
    return [w for w in content(text) if not has(w, empty) and not w.isdigit()]


def phrase_after(words: list[str], start: int, limit: int = 4) -> list[str]:
    """The noun phrase from `start`: up to `limit` words, ending at the first function word."""
    out: list[str] = []
    for w in words[start:]:
        if w in PHRASE_END or len(out) >= limit:
            break
        if w in ("a", "an", "the", "our", "their", "my", "your", "his", "her", "its", "some", "any"):
            continue
        out.append(w)
    return out


@_cached
def vague_pain(text: str) -> bool:
    """A pain that says how it feels and nothing about what happens: "annoying", "a hassle",
    "too slow", "booking is a pain". One concrete word is allowed in a longer item."""
    found = lower_words(text)
    if not found or has_number(text) or not mentions(text, FEELING):
        return False
    n = len(concrete(text, FEELING))
    return (n == 0 and len(found) <= 8) or (n == 1 and len(found) <= 4)


@_cached
def vague_gain(text: str) -> bool:
    """A gain with a promise word and no measure or object: "save time", "a better experience"."""
    found = lower_words(text)
    if not found or has_number(text) or not mentions(text, PROMISE):
        return False
    n = len(concrete(text, PROMISE, FEELING))
    return (n == 0 and len(found) <= 8) or (n == 1 and len(found) <= 4)


@_cached
def missing_solution(text: str) -> str | None:
    """The solution a pain says is missing ("no online booking tool" -> "online booking tool"),
    or None when the pain is about what happens to the customer."""
    flat = " ".join(lower_words(text))
    for match in _ABSENCE.finditer(flat):
        words = match.group(1).split()
        phrase = phrase_after(words, 0)
        if any(has(w, ARTEFACT) for w in phrase):
            return " ".join(phrase)
    return None


@_cached
def wish(text: str) -> bool:
    """A pain written as a wish: "wants a faster way to pay", "would like reminders"."""
    found = lower_words(text)
    if found and found[0] in SUBJECTS:
        found = found[1:]
    if not found:
        return False
    if found[0] in ("would", "wish", "wishes", "if") and len(found) > 1:
        return found[0] != "would" or has(found[1], WISH) or found[1] in ("be", "rather")
    if has(found[0], WISH) and found[0] not in ("like", "likes"):
        return (len(found) > 1 and found[1] not in ("to",)) or found[0] in ("wish", "wishes", "hope", "hopes")
    return found[0] in ("need", "needs") and len(found) > 1 and found[1] in ("a", "an", "more", "better", "some")


@_cached
def negated(text: str) -> bool:
    """A gain that is a pain turned round: "no more queues", "not having to call"."""
    return bool(_NEGATION_START.match(" ".join(lower_words(text))))


@_cached
def solution_in_job(text: str) -> str | None:
    """How, not what: the artefact a job says to use ("use a website to book" -> "website")."""
    found = lower_words(text)
    if not found:
        return None
    for n, w in enumerate(found):
        if not has(w, ARTEFACT) or w in ("online", "digital", "automated", "automation"):
            continue
        if any(b in ("without", "instead", "not", "no", "avoid", "stop", "than") for b in found[:n]):
            continue  # "without fighting with ad dashboards": the artefact is what they escape
        before = found[max(0, n - 4):n]
        means = any(b in ("via", "through", "using", "with", "on", "by") for b in before[-3:])
        adopt = any(has(b, ADOPT) and language.can_be_verb(b) for b in before)
        if means or adopt or n == 0 or not language.can_be_verb(found[0]):
            return w
    return None


@_cached
def outcome(text: str) -> str | None:
    """A result rather than a task: "cut their tax bill", "more profit", "increase sales"."""
    found = [w for w in lower_words(text) if w not in INTENSIFIER]
    if found and found[0] in ("to", "i", "we", "they"):
        found = found[1:]
    if not found:
        return None
    head = found[0]
    rest = phrase_after(found, 1, limit=4)
    if found[1:2] in (["for"], ["up"], ["towards"]) or "for" in found[1:4]:
        return None  # "save for a deposit": putting money aside is a task
    if has(head, CHANGE) and language.can_be_verb(head) and any(has(w, MEASURE) for w in rest):
        return " ".join(found[: 1 + len(rest) + 1]).strip()
    if head in ("more", "less", "fewer", "higher", "lower", "bigger", "cheaper", "better", "increased",
                "reduced", "maximum", "minimum") and any(has(w, MEASURE) for w in found[1:4]):
        return " ".join(found[:3])
    return None


@_cached
def too_broad(text: str) -> bool:
    """A job no one could design for: "grow the business", "be successful", "make money"."""
    words = content(text)
    return bool(words) and all(has(w, BROAD) or w in INTENSIFIER for w in words)


CLAUSE = wordset("who whose that which where living working running looking trying")


@_cached
def head_noun(answer: str) -> str | None:
    """The people or thing an answer names first: the last noun of its opening noun phrase
    ("local event promoters who ..." -> "promoters", "their employer, from ..." -> "employer")."""
    phrase: list[str] = []
    for w in lower_words(answer):
        if w in PHRASE_END or w in CLAUSE or (phrase and w.endswith("ing") and language.can_be_verb(w)):
            break
        if w not in ("a", "an", "the", "some", "our", "their", "his", "her", "my", "its"):
            phrase.append(w)
    nouns = [w for w in phrase if "NOUN" in language.parts_of_speech(w) or not language.parts_of_speech(w)]
    return nouns[-1] if nouns else None
