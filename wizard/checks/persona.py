"""Rules on the persona a segment's answers add up to: generic psychographics, demographics alone."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from wizard.checks import language
from wizard.checks.audience import whole_world
from wizard.checks.lexicon import PROMISE, has
from wizard.checks.per_node import per_segment
from wizard.checks.reading import PHRASE_END, content
from wizard.checks.registry import INFO, WARNING, Hit, items, rule, segments, text
from wizard.checks.words import is_generic, lower_words, quote, wordset
from wizard.model.canvas import Canvas, Segment
from wizard.model.tree import Place

GENERIC_ADVICE = {
    "audience.location": "Name a city, a region or a kind of place where you could go and find them.",
    "audience.life_stage": "Name the moment they are in, e.g. “just retired” or “expecting their first child”.",
    "audience.industry": "Name the role and the sector, e.g. “self-employed event planner”.",
    "audience.next_5_years": "Write what this segment hopes for, in their words; an educated guess is fine.",
    "audience.hobbies": "Name what this segment does, where and with whom, e.g. “bouldering at the weekend "
                        "with friends from work”, not “sport” or “going out”.",
    "audience.values": "Name what they would give something up to keep, e.g. “never owing anyone money”, "
                       "not “success” or “a good life”.",
    "audience.life_goals": "Name the long-term goals they talk about, e.g. “raise kids who handle money well”, "
                           "not “be happy”.",
}
TEXT_PROMPTS = ("audience.location", "audience.life_stage", "audience.industry", "audience.next_5_years")
LIST_PROMPTS = ("audience.hobbies", "audience.values", "audience.life_goals")
TICKED_TOO_MANY = 4
"""Marital statuses out of five: ticking (nearly) every box describes nobody in particular."""
COMMON = 4.5
"""Zipf frequency from which a word is everyday English ("music" 5.5, "films" 4.6, "gigs" 3.6,
"bouldering" 2.3): an item made only of such words could be said of anyone."""


@functools.lru_cache(maxsize=65536)
def generic_item(item: str) -> bool:
    """A bare, everyday phrase: "success", "a good life", "films", "going out", "be happy".
    A qualifier (a preposition, a clause, a third word) makes it particular."""
    found = lower_words(item)
    if not found or len(found) > 3 or any(w in PHRASE_END for w in found):
        return is_generic(item)
    words = content(item)
    if not words or len(words) > 2:
        return is_generic(item)
    return all(language.zipf(w) >= COMMON or has(w, PROMISE) for w in words)


@rule("generic-audience", "Audience prompts answered too generically", WARNING)
@per_segment
def generic_audience(place: Place, seg: Segment) -> Iterator[Hit]:
    for question in TEXT_PROMPTS:
        answer = text(seg.get(question))
        if answer and is_generic(answer) and not (question == "audience.location" and whole_world(answer)):
            yield Hit(place.location, question,
                      f"{quote(answer)} could describe anyone: it does not narrow the segment.",
                      GENERIC_ADVICE[question])
    for question in LIST_PROMPTS:
        listed = items(seg.get(question))
        generic = [i for i in listed if generic_item(i)]
        if generic and 3 * len(generic) >= 2 * len(listed):
            cited = ", ".join(quote(i, 30) for i in generic[:3])
            yield Hit(place.location, question,
                      f"{cited} could be said of anyone: {'it does' if len(generic) == 1 else 'they do'} "
                      "not tell this segment apart.", GENERIC_ADVICE[question])
    ticked = items(seg.get("audience.marital_status"))
    if len(ticked) >= TICKED_TOO_MANY:
        yield Hit(place.location, "audience.marital_status",
                  f"{len(ticked)} statuses are ticked: nearly every box, which tells you nothing.",
                  "Tick only what is typical of this segment.")


_DEMOGRAPHIC = re.compile(
    r"\b(?:aged?|ages|years?\s+old|year-olds?|\d{2}\s*(?:-|–|to)\s*\d{2}|\d{2}s|\d{2}\+|teens|twenties|thirties|"
    r"forties|fifties|sixties|seventies|under\s+\d+|over\s+\d+|wom[ae]n|m[ae]n|female|male|mothers?|fathers?|"
    r"married|single|divorced|widowed|partnered|income|incomes|earn|earns|earning|salary|salaries|affluent|"
    r"wealthy|well-off|middle[\s-]class|working[\s-]class|high[\s-]income|low[\s-]income|educated|graduates?|"
    r"degree|homeowners?|renters?|tenants?|live[sd]?\s+in|living\s+in|based\s+in|urban|"
    r"suburban|rural|nationality|ethnicity|religion|christian|muslim|jewish|hindu|£\s?\d+|\$\s?\d+|€\s?\d+|"
    r"\d+k\b|household|households)\b",
    re.IGNORECASE,
)
_NOT_BEHAVIOUR = wordset("""
live lives living lived earn earns earning based married educated aged age be is are have has own owns
""")


@functools.lru_cache(maxsize=65536)
def demographic(item: str) -> bool:
    """A trait that is a census fact (age, gender, income, place, status) and nothing about
    what they do or want: "women aged 30-45", "live in Leeds", "earn over £50k"."""
    if not _DEMOGRAPHIC.search(item):
        return False
    for w in content(item):
        if w in _NOT_BEHAVIOUR or _DEMOGRAPHIC.fullmatch(w):
            continue
        if language.can_be_verb(w) and "NOUN" not in language.parts_of_speech(w):
            return False  # a verb that is only a verb: something they do
    return len([w for w in content(item) if not _DEMOGRAPHIC.fullmatch(w)]) <= 3


@rule("demographics-only", "Demographics only: nothing about behaviour or motives", INFO)
def demographics_only(canvas: Canvas) -> Iterator[Hit]:
    if canvas.get("market.segmentation_bases") == ["demographic"]:
        yield Hit((), "market.segmentation_bases",
                  "Segments are split on demographics alone, which explain behaviour least.",
                  "Add a behavioural or psychographic base: what they do, or what they believe.")
    for place, seg in segments(canvas):
        traits = items(seg.get("segment_questions.characteristics"))
        if traits and all(demographic(t) for t in traits):
            cited = ", ".join(quote(t, 30) for t in traits[:3])
            yield Hit(place.location, "segment_questions.characteristics",
                      f"The shared traits ({cited}) are all census facts: they say who they are, not what "
                      "they do or why they would buy.",
                      "Add traits that shape behaviour, e.g. “books last-minute, usually on a phone” or "
                      "“has switched provider after one bad experience”.")
