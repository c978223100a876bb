"""Canvases answered the way founders answer: sentences as long as the examples', at or beyond the banks' counts.

Every list item starts with a token naming where it is (`s3j1bp2`: segment 3, job 1, before,
pain 2), so a test can find it on a printed page.
"""

from __future__ import annotations

import random

from wizard.model.bank import Kind, Question, Scope
from wizard.model.canvas import Canvas, CustomerType, Job, Node, Segment
from wizard.model.catalog import Catalog
from wizard.model.tree import walk

WORDS = str.split("students campus friends event tickets sponsors budget weekend market customers shop order party "
         "message online local reach follow people cost time trust new first year team plan week money "
         "share photos group advert report results venue night brand price deal service support")
# Characters per answer, as long as the shipped examples' answers run.
LENGTHS = {Kind.LIST: (40, 68), Kind.TEXT: (50, 110), Kind.LONG_TEXT: (150, 240)}


def sentence(rng: random.Random, low: int, high: int, token: str = "") -> str:
    target = rng.randint(low, high)
    words = [token] if token else []
    while len(" ".join(words)) < target:
        words.append(rng.choice(WORDS))
    text = " ".join(words)
    return text[0].upper() + text[1:]


def _answer(rng: random.Random, q: Question, where: str, extra: int) -> str | list[str] | tuple[int, int]:
    if q.kind is Kind.SINGLE_CHOICE:
        return q.choices[rng.randrange(len(q.choices))].value
    if q.kind.has_choices:
        return [c.value for c in q.choices][:q.recommended_items + (extra if q.kind is Kind.RANKING else 0)]
    if q.kind is Kind.RANGE:
        return (q.range_min + 18, q.range_min + 45)
    if q.kind is Kind.LIST:
        low, high = LENGTHS[Kind.LIST]
        short = q.id[:1]
        return [sentence(rng, low, high, f"{where}{short}{n}") for n in range(1, q.recommended_items + extra + 1)]
    low, high = LENGTHS.get(q.kind, LENGTHS[Kind.TEXT])
    return sentence(rng, low, high)


def _token(location: tuple[str, ...]) -> str:
    """`s3j1b` for segment 3, job 1, before; types and the canvas get `t2` and `c`."""
    if not location:
        return "c"
    parts = [location[0].replace("type-", "t")]
    if len(location) > 1:
        parts = [location[1].replace("seg-", "s")]
    if len(location) > 2:
        parts.append(location[2].replace("job-", "j"))
    if len(location) > 3:
        parts.append(location[3][0])
    return "".join(parts)


def canvas(catalog: Catalog, segments: tuple[int, ...] = (2, 2, 1), jobs: int = 1, extra: int = 0,
           seed: int = 1, title: str = "Realistic canvas") -> Canvas:
    """One customer type per entry of `segments`, with that many segments, each with `jobs` jobs;
    every question answered, lists with `extra` items beyond the recommended count."""
    rng = random.Random(seed)
    result = Canvas(title=title)
    number = 0
    for t, count in enumerate(segments, 1):
        ctype = CustomerType(id=f"type-{t}", name=f"Customer type {t}")
        for _ in range(count):
            number += 1
            segment = Segment(id=f"seg-{number}", name=sentence(rng, 18, 40))
            segment.jobs = [Job(id=f"job-{j}", statement=sentence(rng, 30, 60)) for j in range(1, jobs + 1)]
            ctype.segments.append(segment)
        result.customer_types.append(ctype)
    for place in walk(result):
        node: Node = place.node
        for entry in catalog.at_scope(place.scope):
            # A question whose condition is false here is not asked; answering it would only be set aside.
            when = entry.question.when
            if when is not None:
                target = catalog.get(catalog.condition_target(entry.full_id) or "")
                value = place.at(target.question.scope).get(target.full_id) if target else None
                if not isinstance(value, str) or not when.holds(value):
                    continue
            node.set(entry.full_id, _answer(rng, entry.question, _token(place.location), extra))
    return result


__all__ = ["Scope", "canvas"]
