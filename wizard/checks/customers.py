"""Rules on the customer model and market: jobs per type, early adopters, alternatives, payers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wizard.checks.registry import INFO, WARNING, Hit, items, jobs, rule, segments, text
from wizard.checks.words import concrete_words, is_doing_nothing, quote
from wizard.core.session import JOBS, SEGMENTS
from wizard.model.canvas import Canvas


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


@rule("early-adopters-single-buyer", "Early adopters given for a type that is a single buyer", WARNING)
def early_adopters_single_buyer(canvas: Canvas) -> Iterator[Hit]:
    for ctype in canvas.customer_types:
        if ctype.get("customer_model.size") != "one":
            continue
        named = [s.name for s in ctype.segments if text(s.get("customer_model.early_adopters"))]
        if named:
            yield Hit((ctype.id,), "customer_model.size",
                      f"{quote(ctype.name)} is a single customer, yet {quote(named[0], 40)} names early adopters.",
                      "A lone buyer (one funder, one council) has no smaller group to start with, so the "
                      "wizard no longer asks for early adopters and the ones kept in the file can go; if "
                      "there are in fact several buyers, change “How many”.")


@rule("doing-nothing-only", "“Doing nothing” as the only existing alternative", WARNING)
def doing_nothing_only(canvas: Canvas) -> Iterator[Hit]:
    for place, job in jobs(canvas):
        alternatives = items(job.get("customer_model.existing_alternatives"))
        if alternatives and all(is_doing_nothing(a) for a in alternatives):
            yield Hit(place.location, "customer_model.existing_alternatives",
                      f"The only alternative to {quote(job.statement, 40)} is doing nothing: people who are "
                      "not trying to get a job done may not care about it much.",
                      "Find what they really do today, workarounds included; if it truly is nothing, "
                      "check in interviews that the job matters to them.")


_NOBODY_HERE = re.compile(r"\b(?:no\s?one|nobody|none|someone else|somebody else)\b", re.IGNORECASE)
_SAME = frozenset({"buyer", "buyers", "payer", "payers", "purchaser", "same", "themselves", "themself"})


def _stems(answer: str) -> set[str]:
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in concrete_words(answer)}


def payer_differs(pays: str, uses: str) -> bool:
    """Whether the payer and the user look like different people, judged from their words."""
    if _NOBODY_HERE.search(pays):
        return True
    if _SAME & set(concrete_words(uses)):
        return False
    return not (_stems(pays) & _stems(uses))


@rule("payer-not-user", "Who pays differs from who uses, but the model has one side", INFO)
def payer_not_user(canvas: Canvas) -> Iterator[Hit]:
    if canvas.get("market.market_type") == "multi_sided" or len(canvas.customer_types) > 1:
        return
    for place, seg in segments(canvas):
        pays = text(seg.get("segment_questions.who_pays"))
        uses = text(seg.get("segment_questions.who_uses"))
        if pays and uses and payer_differs(pays, uses):
            yield Hit(place.location, "segment_questions.who_pays",
                      f"Who pays ({quote(pays, 40)}) and who uses ({quote(uses, 40)}) look like different "
                      "people, yet the canvas has one customer type and is not a multi-sided platform.",
                      "If the payers must be won over on their own, add them as a customer type (buyers, "
                      "advertisers, funders) and review the market type; if they simply buy for the user, "
                      "say so under “Who benefits”.")


@rule("multi-sided-one-type", "A multi-sided platform with only one customer type", WARNING)
def multi_sided_one_type(canvas: Canvas) -> Iterator[Hit]:
    if canvas.get("market.market_type") == "multi_sided" and len(canvas.customer_types) < 2:
        yield Hit((), "market.market_type",
                  "The market is a multi-sided platform, but the canvas has only one customer type.",
                  "Add each side as its own customer type (e.g. users and advertisers), each with its "
                  "own job and value proposition.")


@rule("demographics-only", "Segments split on demographics alone", INFO)
def demographics_only(canvas: Canvas) -> Iterator[Hit]:
    if canvas.get("market.segmentation_bases") == ["demographic"]:
        yield Hit((), "market.segmentation_bases",
                  "Segments are split on demographics alone, which explain behaviour least.",
                  "Add a behavioural or psychographic base: what they do, or what they believe.")
