"""Rules on who the segment is: a target that is everyone, generic prompts, folded segments."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from wizard.checks.registry import WARNING, Hit, items, rule, segments, text
from wizard.checks.words import concrete_words, is_generic, is_plural_group, quote, words
from wizard.core.session import SEGMENTS
from wizard.model.canvas import Canvas

MAX_AGE_SPAN = 30
"""Years. Seed 004: "women aged 21-65" is far too broad; a range of three decades or more
covers lives too different to shape one message (the examples span 6 to 25 years)."""

EVERYONE = re.compile(
    r"\b(?:every\s?one|every\s?body|any\s?one|any\s?body|the\s+(?:general\s+)?public|"
    r"the\s+(?:whole|entire)\s+(?:world|market|population)|"
    r"(?:all|any)\s+(?:kinds?\s+of\s+|sorts?\s+of\s+|types?\s+of\s+)?(?:people|ages|adults|consumers|"
    r"customers|users|businesses|business|companies|company|organi[sz]ations|firms|households|genders))\b",
    re.IGNORECASE,
)


QUALIFIED = 2
"""At most this many concrete words beside "everyone" still leave it everyone: "everyone on
campus" is everyone, "anyone who has just moved to a new city and knows nobody" a segment."""


@functools.lru_cache(maxsize=65536)  # a pure function of the text, asked again after every change
def everyone(answer: str) -> re.Match[str] | None:
    match = EVERYONE.search(answer)
    if match is None:
        return None
    rest = answer[: match.start()] + " " + answer[match.end():]
    return match if len(concrete_words(rest)) <= QUALIFIED else None


@rule("broad-age-range", "An age range spanning decades", WARNING)
def broad_age_range(canvas: Canvas) -> Iterator[Hit]:
    for place, seg in segments(canvas):
        age = seg.get("audience.age")
        if isinstance(age, tuple) and age[1] - age[0] >= MAX_AGE_SPAN:
            low, high = age
            yield Hit(place.location, "audience.age",
                      f"The age range {low}–{high} spans {high - low} years: too many different lives "
                      "to shape one message.",
                      "Narrow it to the ages of the people you can actually name, or split the "
                      "segment in two if people at either end behave differently.")


@rule("target-is-everyone", "A target so broad it is everyone", WARNING)
def target_is_everyone(canvas: Canvas) -> Iterator[Hit]:
    advice = ("No business can target everyone: name the kind of person most likely to want this, "
              "e.g. “first-year students living in halls” rather than “all students”.")
    for place, seg in segments(canvas):
        checked = [(place.location[:1], SEGMENTS, "The segment's name", seg.name),
                   (place.location, "segment_questions.who_uses", "Who uses it",
                    text(seg.get("segment_questions.who_uses"))),
                   (place.location, "customer_model.early_adopters", "The early adopters",
                    text(seg.get("customer_model.early_adopters")))]
        for location, question, what, answer in checked:
            match = everyone(answer)
            if match:
                yield Hit(location, question, f"{what} ({quote(answer)}) covers “{match.group(0)}”.", advice)
    important = text(canvas.get("market.most_important"))
    if important and (everyone(important) or is_generic(important)):
        yield Hit((), "market.most_important",
                  f"The most important customers are given as {quote(important)}: that is everyone.",
                  "Name the one group that matters most, and say in a clause why: revenue, "
                  "influence, or drawing the other customers in.")


GENERIC_ADVICE = {
    "audience.location": "Name a city, a region or a kind of place where you could go and find them.",
    "audience.life_stage": "Name the moment they are in, e.g. “just retired” or “expecting their first child”.",
    "audience.industry": "Name the role and the sector, e.g. “self-employed event planner”.",
    "audience.next_5_years": "Write what this segment hopes for, in their words; an educated guess is fine.",
    "audience.hobbies": "List the free-time activities most of them share, e.g. “hiking at the weekend”.",
    "audience.values": "Name what they would give something up to keep, e.g. “family comes first”.",
    "audience.life_goals": "Name the long-term goals they talk about, e.g. “raise kids who handle money well”.",
}
TEXT_PROMPTS = ("audience.location", "audience.life_stage", "audience.industry", "audience.next_5_years")
LIST_PROMPTS = ("audience.hobbies", "audience.values", "audience.life_goals")
TICKED_TOO_MANY = 4
"""Marital statuses out of five: ticking (nearly) every box describes nobody in particular."""


@rule("generic-audience", "Audience prompts answered too generically", WARNING)
def generic_audience(canvas: Canvas) -> Iterator[Hit]:
    for place, seg in segments(canvas):
        for question in TEXT_PROMPTS:
            answer = text(seg.get(question))
            if answer and is_generic(answer):
                yield Hit(place.location, question,
                          f"{quote(answer)} could describe anyone: it does not narrow the segment.",
                          GENERIC_ADVICE[question])
        for question in LIST_PROMPTS:
            generic = [i for i in items(seg.get(question)) if is_generic(i)]
            if generic:
                cited = ", ".join(quote(i, 30) for i in generic[:3])
                yield Hit(place.location, question, f"{cited} could describe anyone.", GENERIC_ADVICE[question])
        ticked = items(seg.get("audience.marital_status"))
        if len(ticked) >= TICKED_TOO_MANY:
            yield Hit(place.location, "audience.marital_status",
                      f"{len(ticked)} statuses are ticked: nearly every box, which tells you nothing.",
                      "Tick only what is typical of this segment.")


_JOINERS = re.compile(r"\s*(?:,|&|/|\+|\band\b|\bor\b|\bplus\b)\s*", re.IGNORECASE)


@functools.lru_cache(maxsize=65536)  # a pure function of the name, asked again after every change
def folded_groups(name: str) -> tuple[str, str] | None:
    """Two groups a segment name joins, e.g. ("Students", "teachers"), or None.

    Only a joint after a plural group word counts, so shared-noun phrases such as
    "fashion and music brands" or "small and medium businesses" stay one segment.
    """
    parts = [p for p in _JOINERS.split(name) if p.strip()]
    for left, right in itertools.pairwise(parts):
        left_words = words(left)
        if left_words and words(right) and is_plural_group(left_words[-1]):
            return left.strip(), right.strip()
    return None


@rule("folded-segments", "Several segments folded into one", WARNING)
def folded_segments(canvas: Canvas) -> Iterator[Hit]:
    for place, seg in segments(canvas):
        groups = folded_groups(seg.name)
        if groups is not None:
            yield Hit(place.location[:1], SEGMENTS,
                      f"The segment {quote(seg.name)} joins {quote(groups[0], 30)} and "
                      f"{quote(groups[1], 30)}: they likely pay, use and hope for different things.",
                      "Make each group a segment of its own, so its job, pains and gains are asked for it.")
        if seg.get("audience.b2b_b2c") == "both":
            yield Hit(place.location, "audience.b2b_b2c",
                      f"{quote(seg.name)} mixes businesses and consumers, whose buyers and reasons differ.",
                      "Split it into a business segment and a consumer segment, unless they truly buy "
                      "the same way (freelancers buying as themselves, say).")
