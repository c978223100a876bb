"""Rules on pains and gains: concrete, the customer's (not our solution's), per stage, not pasted."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from wizard.checks import language, reading
from wizard.checks.per_node import per_job
from wizard.checks.registry import INFO, WARNING, Hit, items, recommended, rule
from wizard.checks.words import quote
from wizard.model.bank import STAGES
from wizard.model.canvas import Job
from wizard.model.tree import Location, Place

STAGE_WORDS = {"before": "before the job", "during": "while doing the job", "after": "after the job"}
LISTS = {"profile.pains": "Pains", "profile.gains": "Gains"}
SAME = 90.0
"""Similarity (0-100, inflection and word order aside) from which two items are one pasted twice."""
PASTED = 98.0
"""The same between a pain and a gain: only the very same words."""


def _cited(found: list[str]) -> str:
    return ", ".join(quote(i, 40) for i in found[:3])


def _examined(job: Job, question: str) -> tuple[list[str], list[str]]:
    """Stages with items, and stages looked at (with items or marked not applicable)."""
    with_items = [s for s in STAGES if items(job.stage(s).get(question))]
    looked_at = [s for s in STAGES if s in with_items or job.stage(s).na_reason(question) is not None]
    return with_items, looked_at


def _reads(location: Location, question: str, stages: list[str]) -> tuple[tuple[Location, str], ...]:
    return tuple(((*location, s), question) for s in stages)


@rule("one-stage-only", "Pains or gains examined in only one stage of a job", WARNING)
@per_job
def one_stage_only(place: Place, job: Job) -> Iterator[Hit]:
    for question, title in LISTS.items():
        with_items, looked_at = _examined(job, question)
        if len(with_items) == 1 and len(looked_at) == 1:
            stage = with_items[0]
            others = [s for s in STAGES if s != stage]
            # Aimed at the last stage left empty: the founder reaches it last, and the
            # finding waits until every earlier stage has been asked.
            target = others[-1]
            yield Hit((*place.location, target), question,
                      f"{title} of {quote(job.statement, 40)} are listed only {STAGE_WORDS[stage]}.",
                      f"{title} change as the job goes on: look at them "
                      f"{' and '.join(STAGE_WORDS[s] for s in others)} too, e.g. what goes wrong "
                      "halfway through, and what is left to deal with once it is done.",
                      _reads(place.location, question, [s for s in STAGES if s != target]))


@rule("too-few-items", "Fewer pains or gains at a stage than the bank recommends", INFO)
@per_job
def too_few_items(place: Place, job: Job) -> Iterator[Hit]:
    for question, title in LISTS.items():
        want = recommended(question, 3)
        with_items, looked_at = _examined(job, question)
        if len(looked_at) < 2:
            continue  # nothing yet is the score's to report, a single stage one-stage-only's
        for stage in with_items:
            have = len(items(job.stage(stage).get(question)))
            if have < want:
                yield Hit((*place.location, stage), question,
                          f"{have} {title.lower()[:-1] if have == 1 else title.lower()} "
                          f"{STAGE_WORDS[stage]} for {quote(job.statement, 40)}, where the bank "
                          f"recommends {want}.",
                          "Ask “what else?” until you have enough to choose from: the worst one is "
                          "rarely the first that comes to mind.")


@rule("vague-pains-gains", "Vague pains or gains: a feeling or a promise with nothing concrete", WARNING)
@per_job
def vague_pains_gains(place: Place, job: Job) -> Iterator[Hit]:
    advice = {
        "profile.pains": "Say what happens, how often, or what it costs: “waits 20 minutes on the phone "
                         "to book”, not “booking is a hassle”.",
        "profile.gains": "Say how much, how often, or of what: “saves two evenings a month on invoices”, "
                         "not “saves time”.",
    }
    tests = {"profile.pains": reading.vague_pain, "profile.gains": reading.vague_gain}
    for stage in STAGES:
        for question in LISTS:
            vague = [i for i in items(job.stage(stage).get(question)) if tests[question](i)]
            if vague:
                yield Hit((*place.location, stage), question,
                          f"{_cited(vague)} {'is' if len(vague) == 1 else 'are'} too vague to design "
                          f"for: {'how it feels' if question == 'profile.pains' else 'a promise'}, "
                          "with nothing about what happens.", advice[question])


@rule("pain-is-missing-solution", "A pain that is only the absence of our solution", WARNING)
@per_job
def pain_is_missing_solution(place: Place, job: Job) -> Iterator[Hit]:
    for stage in STAGES:
        found = [(i, s) for i in items(job.stage(stage).get("profile.pains"))
                 if (s := reading.missing_solution(i))]
        if found:
            item, thing = found[0]
            yield Hit((*place.location, stage), "profile.pains",
                      f"{quote(item, 50)} names the missing “{thing}”: the pain is written from our "
                      "solution, not from what the customer goes through.",
                      "Describe what happens to them without it: “has to phone during opening hours "
                      "to book”, not “no online booking tool”.")


@rule("pain-gain-mixed-up", "Wishes written as pains, or pains turned round as gains", WARNING)
@per_job
def pain_gain_mixed_up(place: Place, job: Job) -> Iterator[Hit]:
    for stage in STAGES:
        node = job.stage(stage)
        wishes = [i for i in items(node.get("profile.pains")) if reading.wish(i)]
        if wishes:
            yield Hit((*place.location, stage), "profile.pains",
                      f"{_cited(wishes)} {'is a wish' if len(wishes) == 1 else 'are wishes'}: "
                      "what they want belongs under gains.",
                      "Under pains, write what goes wrong today (“misses appointments when the "
                      "reminder letter comes late”); move the wish to gains.")
        negated = [i for i in items(node.get("profile.gains")) if reading.negated(i)]
        if negated:
            yield Hit((*place.location, stage), "profile.gains",
                      f"{_cited(negated)} {'is a pain' if len(negated) == 1 else 'are pains'} turned "
                      "round: a gain is something they would be glad to get, not a pain gone.",
                      "Keep the pain under pains, and name what they would gain instead: "
                      "“leaves the clinic with the next visit booked”, not “no more phone calls”.")


def _all_items(job: Job) -> tuple[tuple[str, str, str], ...]:
    """(stage, list question, item) for every pain and gain of a job, in asking order."""
    return tuple((stage, question, item) for stage in STAGES for question in LISTS
                 for item in items(job.stage(stage).get(question)))


@rule("repeated-items", "The same pain or gain pasted into several places", WARNING)
@per_job
def repeated_items(place: Place, job: Job) -> Iterator[Hit]:
    entries = _all_items(job)
    for n, twin_at in _repeats(entries):
        stage, question, item = entries[n]
        twin = entries[twin_at]
        where = (f"{LISTS[twin[1]].lower()} {STAGE_WORDS[twin[0]]}")
        yield Hit((*place.location, stage), question,
                  f"{quote(item, 50)} repeats {quote(twin[2], 50)}, already among the {where}.",
                  "Each stage has pains and gains of its own: ask what is different at this point "
                  "of the job, and keep each item once, where it belongs.",
                  (((*place.location, twin[0]), twin[1]),))


@functools.lru_cache(maxsize=4096)
def _repeats(entries: tuple[tuple[str, str, str], ...]) -> tuple[tuple[int, int], ...]:
    """(an item, the first earlier item it repeats), for the first repeat in each stage's list.

    A pain and a gain on one subject are often a pain turned round (pain-gain-mixed-up's);
    across the two lists only a verbatim paste counts."""
    out: list[tuple[int, int]] = []
    flagged: set[tuple[str, str]] = set()
    earlier: dict[int, str] = {}  # the gists of the items before, those with any content word
    for n, (stage, question, item) in enumerate(entries):
        gist = language.gist(item)
        if (stage, question) not in flagged:
            alike = language.alike(gist, earlier, min(SAME, PASTED))
            twin = min((at for at, score in alike.items() if score >= (SAME if entries[at][1] == question else PASTED)),
                       default=None)
            if twin is not None:
                flagged.add((stage, question))
                out.append((n, twin))
        if gist:
            earlier[n] = gist
    return tuple(out)
