"""Rules on the customer model's structure: a job per type, a type for each payer, a market type that fits."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wizard.checks import language, reading
from wizard.checks.audience import everyone
from wizard.checks.registry import INFO, WARNING, Hit, items, rule, segments, text
from wizard.checks.words import concrete_words, quote
from wizard.model.canvas import Canvas, CustomerType, Segment
from wizard.model.structure import JOBS, SEGMENTS, TYPES


@rule("type-without-job", "A customer type with no job", WARNING)
def type_without_job(canvas: Canvas) -> Iterator[Hit]:
    for ctype in canvas.customer_types:
        if any(seg.jobs for seg in ctype.segments):
            continue
        if not ctype.segments:
            yield Hit((ctype.id,), SEGMENTS, f"{quote(ctype.name)} has no segment, and so no job to be done.",
                      "Name the segment of this type you will serve first, then the job it needs done.")
            continue
        seg = ctype.segments[0]
        written = next((text(s.get("segment_questions.job")) for s in ctype.segments
                        if text(s.get("segment_questions.job"))), "")
        advice = (f"Add {quote(written, 40)} as a job, so its pains and gains get examined." if written else
                  "Add at least one job in the customer's words: each customer type gets its own job "
                  "and its own value proposition.")
        yield Hit((ctype.id, seg.id), JOBS, f"{quote(ctype.name)} has no job to be done.", advice)


_NOBODY_HERE = re.compile(r"\b(?:no\s?one|nobody|none|someone else|somebody else)\b", re.IGNORECASE)
_SAME = frozenset({"buyer", "buyers", "payer", "payers", "purchaser", "same", "themselves", "themself",
                   "user", "users"})


def _stems(answer: str) -> set[str]:
    return {language.lemma(w) for w in concrete_words(answer)}


def _overlap(a: set[str], b: set[str]) -> bool:
    return bool(a & b) or any(language.similar_words(x, y) for x in a for y in b)


def payer_differs(pays: str, uses: str) -> bool:
    """Whether the payer and the user look like different people, judged from their words."""
    if _NOBODY_HERE.search(pays):
        return True
    if everyone(uses):
        return False  # "everybody who owns one" includes whoever pays (target-is-everyone's to say)
    if _SAME & set(concrete_words(uses)) or _SAME & set(concrete_words(pays)):
        return False
    return not _overlap(_stems(pays), _stems(uses))


def _type_words(ctype: CustomerType) -> set[str]:
    found = _stems(ctype.name) | _stems(str(ctype.get("customer_model.role") or "").replace("_", " "))
    for seg in ctype.segments:
        found |= _stems(seg.name) | _stems(text(seg.get("segment_questions.who_uses")))
    return found


def _heads(answer: str) -> set[str]:
    """The people an answer names first, as lemmas: "Their employer, from ..." -> {employer}."""
    head = reading.head_noun(answer)
    return {language.lemma(head)} if head else set()


def payer_covered(canvas: Canvas, ctype: CustomerType, seg: Segment, pays: str, uses: str) -> bool:
    """The payer has a customer type of their own, is this segment itself, or the segment's
    beneficiaries say how the payer and the users are related."""
    payer = _stems(pays) if _NOBODY_HERE.search(pays) else _heads(pays)
    if _overlap(payer, _stems(seg.name) | _stems(ctype.name)):
        return True  # the segment is the payer, buying for others (a principal for teachers)
    if any(_overlap(payer, _type_words(other)) for other in canvas.customer_types if other is not ctype):
        return True
    benefit = set().union(*(_heads(b) for b in items(seg.get("segment_questions.beneficiaries"))))
    return _overlap(benefit, _heads(uses) | payer)


@rule("payer-not-user", "Who pays differs from who uses, yet the payer has no customer type", INFO)
def payer_not_user(canvas: Canvas) -> Iterator[Hit]:
    for place, seg in segments(canvas):
        pays = text(seg.get("segment_questions.who_pays"))
        uses = text(seg.get("segment_questions.who_uses"))
        ctype = place.chain[1]
        assert isinstance(ctype, CustomerType)
        if pays and uses and payer_differs(pays, uses) and not payer_covered(canvas, ctype, seg, pays, uses):
            yield Hit(place.location, "segment_questions.beneficiaries",
                      f"Who pays ({quote(pays, 40)}) and who uses ({quote(uses, 40)}) look like different "
                      "people, yet no customer type stands for the payer.",
                      "If the payers must be won over on their own, add them as a customer type (buyers, "
                      "funders, advertisers) with their own job; if they simply buy for the users, name "
                      "the users here with what they gain.",
                      ((place.location, "segment_questions.who_pays"), (place.location, "segment_questions.who_uses")))


@rule("multi-sided-one-type", "A multi-sided platform with only one customer type", WARNING)
def multi_sided_one_type(canvas: Canvas) -> Iterator[Hit]:
    if canvas.get("market.market_type") == "multi_sided" and len(canvas.customer_types) < 2:
        yield Hit((), "market.market_type",
                  "The market is a multi-sided platform, but the canvas has only one customer type.",
                  "Add each side as its own customer type (e.g. users and advertisers), each with its "
                  "own job and value proposition; or, if one side is all there is, pick another market type.",
                  (((), TYPES),))


@rule("market-type-mismatch", "A market type the customer model contradicts", WARNING)
def market_type_mismatch(canvas: Canvas) -> Iterator[Hit]:
    market = canvas.get("market.market_type")
    reads = (((), TYPES), *(((t.id,), "customer_model.size") for t in canvas.customer_types))
    lone = [t for t in canvas.customer_types if t.get("customer_model.size") in ("one", "few")]
    if market == "mass_market" and lone:
        yield Hit((), "market.market_type",
                  f"A mass market, yet {quote(lone[0].name, 40)} is a single customer or a handful: a mass "
                  "market is a broad crowd with much the same needs.",
                  "If a few named buyers or one funder decide, the market is niche or segmented; choose "
                  "the type that matches how you will sell.", reads)
    count = sum(len(t.segments) for t in canvas.customer_types)
    if market in ("segmented", "diversified") and count == 1:
        kind = "segmented" if market == "segmented" else "diversified"
        yield Hit((), "market.market_type",
                  f"The market is {kind}, but the canvas has a single segment: {kind} markets serve "
                  "several groups with their own needs.",
                  "Add the other segments you will serve, or call it a niche market if this one group "
                  "is your focus.", reads)
