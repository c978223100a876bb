"""Rules on who the segment is: a target that is everyone, ages spanning decades, segments folded together."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from wizard.checks import ages
from wizard.checks.per_node import per_segment
from wizard.checks.registry import WARNING, Hit, items, rule, segments, text
from wizard.checks.words import concrete_words, is_generic, is_plural_group, quote, words, wordset
from wizard.model.canvas import Canvas, Segment
from wizard.model.structure import SEGMENTS
from wizard.model.tree import Place

MAX_AGE_SPAN = 25
"""Years. Seed 004: "women aged 21-65" is far too broad; past about twenty years a range
covers lives too different to shape one message (the seeds' examples span 6 to 25)."""

EVERYONE = re.compile(
    r"\b(?:every\s?one|every\s?body|any\s?one|any\s?body|the\s+(?:general\s+)?public|"
    r"the\s+(?:whole|entire)\s+(?:world|market|population|country)|"
    r"(?:all|any)\s+(?:kinds?\s+of\s+|sorts?\s+of\s+|types?\s+of\s+)?(?:people|ages|adults|consumers|"
    r"customers|users|businesses|business|companies|company|organi[sz]ations|firms|households|genders)|"
    r"anywhere|everywhere|worldwide|world-wide|of\s+(?:any|all|every)\s+(?:kinds?|sizes?|types?|ages?|"
    r"sectors?|industries|industry|backgrounds?)|in\s+(?:any|every)\s+(?:industry|sector|country|city|town))\b",
    re.IGNORECASE,
)
WORLD = re.compile(
    r"\b(?:worldwide|world-wide|global(?:ly)?|international(?:ly)?|anywhere|everywhere|wherever|"
    r"the\s+(?:whole\s+|entire\s+)?world|all\s+over|around\s+the\s+world|any\s+country|all\s+countries|"
    r"every\s+country|online|earth|planet|all\s+regions|nationwide|no\s+particular\s+place)\b",
    re.IGNORECASE,
)
EQUALLY = re.compile(r"\b(?:equal(?:ly)?|the\s+same|all\s+(?:of\s+)?(?:them|our|the)|both|each\s+(?:one|of))\b",
                     re.IGNORECASE)

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


@functools.lru_cache(maxsize=65536)
def whole_world(answer: str) -> re.Match[str] | None:
    """A location that is everywhere: "worldwide", "anywhere online", "global"."""
    match = WORLD.search(answer)
    if match is None:
        return None
    rest = WORLD.sub(" ", answer)
    return match if not concrete_words(rest) else None


def _age_texts(seg: Segment) -> Iterator[tuple[str, str, str]]:
    get = seg.get
    yield "structure", "The segment's name", seg.name
    for question, what in (("segment_questions.who_uses", "Who uses it"),
                           ("customer_model.early_adopters", "The early adopters"),
                           ("audience.life_stage", "The life stage")):
        yield question, what, text(get(question))
    for item in items(get("segment_questions.characteristics")):
        yield "segment_questions.characteristics", "A shared trait", item


@rule("broad-age-range", "An age range spanning more than about twenty years", WARNING)
@per_segment
def broad_age_range(place: Place, seg: Segment) -> Iterator[Hit]:
    advice = ("Narrow it to the ages of the people you can actually name, or split the segment in two "
              "if people at either end behave differently.")
    age = seg.get("audience.age")
    if isinstance(age, tuple) and age[1] - age[0] > MAX_AGE_SPAN:
        low, high = age
        yield Hit(place.location, "audience.age",
                  f"The age range {low}–{high} spans {high - low} years: too many different lives "
                  "to shape one message.", advice)
    for question, what, answer in _age_texts(seg):
        wide = [s for s in ages.spans(answer) if s[1] - s[0] > MAX_AGE_SPAN]
        if wide:
            low, high, said = wide[0]
            where = (place.location[:1], SEGMENTS) if question == "structure" else (place.location, question)
            yield Hit(*where, f"{what} ({quote(answer, 50)}) spans ages {low} to {high} (“{said}”): "
                      "too many different lives to shape one message.", advice)


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
        where = text(seg.get("audience.location"))
        if where and whole_world(where):
            yield Hit(place.location, "audience.location",
                      f"The location {quote(where)} is the whole world: it tells you nowhere to find them.",
                      "Name where you will start: a city, a region, or a kind of place such as "
                      "“market towns in the Midlands”.")
    important = text(canvas.get("market.most_important"))
    if important and (everyone(important) or is_generic(important) or
                      (EQUALLY.search(important) and len(concrete_words(important)) <= 3)):
        yield Hit((), "market.most_important",
                  f"The most important customers are given as {quote(important)}: that names no priority.",
                  "Name the one group that matters most, and say in a clause why: revenue, "
                  "influence, or drawing the other customers in.")


_JOINERS = re.compile(r"\s*(?:,|&|/|\+|\band\b|\bor\b|\bplus\b)\s*", re.IGNORECASE)


@functools.lru_cache(maxsize=65536)  # a pure function of the name, asked again after every change
def folded_groups(name: str) -> tuple[str, str] | None:
    """Two groups a segment name joins, e.g. ("Students", "teachers"), or None.

    Only a joint after a plural group word counts, so shared-noun phrases such as
    "fashion and music brands" or "small and medium businesses" stay one segment, and so do
    spans of ages or sizes written in words ("in their forties and fifties").
    """
    parts = [p for p in _JOINERS.split(name) if p.strip()]
    for left, right in itertools.pairwise(parts):
        left_words, right_words = words(left), words(right)
        if not left_words or not right_words or ages.is_age_word(left_words[-1]):
            continue
        if ages.is_age_word(right_words[0]) or right_words[0].lower() in SIZE_WORDS:
            continue
        if len(right_words) > 2 and right_words[1].lower() in SHARED_FRAME:
            continue  # "pickers and packers with a recent injury": one qualifier for both, one group
        if is_plural_group(left_words[-1]) and left_words[-1].lower() not in SIZE_WORDS and (
                is_person(left_words[-1]) or is_person(right_words[0])):
            return left.strip(), right.strip()
    return None


PERSON_WORDS = wordset("""
people persons men women children kids parents families couples mums moms dads teens adults pensioners
residents staff patients guests tenants landlords owners students pupils users buyers carers nurses
doctors clients customers members fans friends colleagues employees volunteers
""")
NOT_PERSON = wordset("restaurants departments centers centres theaters theatres quarters towers clusters shelters")


def is_person(word: str) -> bool:
    """Whether a plural names people ("teachers", "landlords", "freelancers") rather than places or
    organisations ("shops", "cafés", "clinics"): shops and cafés can be one kind of buyer; students
    and teachers are two roles."""
    w = word.lower()
    if w in PERSON_WORDS:
        return True
    if w in NOT_PERSON:
        return False
    stem = w[:-1] if w.endswith("s") else w
    return stem.endswith(("er", "or", "ist", "ian", "ant", "ent", "ee", "ess"))


SHARED_FRAME = wordset("with who whose that in at on from near across around living working")
SIZE_WORDS = wordset("""
years months weeks days hours sizes small medium large big mid-sized teens kids' ones others
""")


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
