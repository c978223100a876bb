"""Age spans written in words: "aged 18 to 65", "in their forties and fifties", "18-35 year olds", "over 18s".

A segment's age range is asked as two numbers, but founders also state ages in names,
traits and early adopters. Reading them as spans lets one rule judge both, and tells the
folded-segments rule that "forties and fifties" is one span of ages, not two groups.
"""

from __future__ import annotations

import functools
import re

DECADES = {"teens": 13, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
           "seventies": 70, "eighties": 80, "nineties": 90}
_DECADE = r"(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|[1-9]0s|[1-9]0's)"
_JOIN = r"\s*(?:-|–|—|to|and|or|through|until|till)\s*"
_SPAN_DECADES = re.compile(rf"\b(?:in\s+their\s+|from\s+their\s+|from\s+)?(?:early\s+|mid\s+|late\s+)?({_DECADE})"
                           rf"{_JOIN}(?:their\s+)?(?:early\s+|mid\s+|late\s+)?({_DECADE})", re.IGNORECASE)
_SPAN_NUMBERS = re.compile(
    r"\b(?:aged?|ages|age\s+range|between\s+the\s+ages\s+of|between)\s+(\d{1,2})" + _JOIN + r"(\d{1,3})\b"
    r"|\b(\d{1,2})" + _JOIN + r"(\d{1,3})[\s-]*(?:years?[\s-]*olds?|years?\s+of\s+age|yo\b|y/o|year-olds?)",
    re.IGNORECASE,
)
_OPEN = re.compile(r"\b(?:over|above|aged\s+over|older\s+than)[\s-]*(\d{2})s?\b|\b(\d{2})\s*\+", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
OPEN_UNTIL = 80
"""An open span ("over 18s") is read up to this age."""
OPEN_FROM_AT_MOST = 30
"""Only a low open start is a span: "over 65s" is a life stage, "over 18s" is every adult."""


def _decade(word: str) -> int:
    # casefold, not lower: the patterns ignore case the Unicode way ("twentieſ" is "twenties")
    w = word.casefold().replace("'", "")
    return DECADES[w] if w in DECADES else int(w[:-1])


@functools.lru_cache(maxsize=65536)
def spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """Every age span the text states, as (youngest, oldest, the words that say it)."""
    lowered = text.lower()
    if text.isascii() and not _DIGIT.search(text) and "ies" not in lowered and "teen" not in lowered:
        return ()  # no number and no decade ("twenties", "teens"): no span, and most answers
    out = []
    for m in _SPAN_DECADES.finditer(text):
        low, high = _decade(m.group(1)), _decade(m.group(2))
        if high >= low:
            out.append((low, high + 9 if high >= 20 else 19, m.group(0).strip()))
    for m in _SPAN_NUMBERS.finditer(text):
        low_s, high_s = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        low, high = int(low_s), int(high_s)
        if 0 < low < high <= 120:
            out.append((low, high, m.group(0).strip()))
    for m in _OPEN.finditer(text):
        low = int(m.group(1) or m.group(2))
        if 13 <= low <= OPEN_FROM_AT_MOST:
            out.append((low, OPEN_UNTIL, m.group(0).strip()))
    return tuple(out)


def is_age_word(word: str) -> bool:
    """"forties", "30s": a word that names ages, never a group of people."""
    w = word.lower().replace("'", "").replace("’", "")
    return w in DECADES or bool(re.fullmatch(r"[1-9]0s", w))
