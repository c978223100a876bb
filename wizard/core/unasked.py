"""Answers set aside in the canvas: given while a condition held, kept once it no longer does.

Company size is asked of a segment of businesses; when the segment turns out to be
consumers only, the answer is not asked for, shown or counted any more, but it is the
founder's work, so it is never deleted behind their back. This finds such answers, and
either deletes one or brings it back by changing the answer its condition depends on.
Plain Python, for any front end. (Values `check` rejects are set aside in a file of their
own instead: wizard/core/set_aside.py.)
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.core import scoring
from wizard.model.canvas import Canvas, Value
from wizard.model.catalog import Catalog
from wizard.model.tree import Location, walk


@dataclass(frozen=True)
class SetAside:
    """One answer kept although its question no longer applies where it was given."""

    location: Location
    question_id: str
    title: str
    where: str
    value: Value
    decider_id: str
    """The question whose answer decides whether this one is asked."""
    decider_location: Location
    decider_title: str
    decided: str
    """That answer now, as its choice's label."""

    @property
    def ref(self) -> str:
        return f"{'/'.join(self.location)}#{self.question_id}"


def find(canvas: Canvas, catalog: Catalog) -> list[SetAside]:
    """Every answer set aside, in the canvas's order."""
    out: list[SetAside] = []
    for place in walk(canvas):
        for bank_id, answers in place.node.answers.items():
            for qid, value in answers.items():
                full_id = f"{bank_id}.{qid}"
                entry, decider_id = catalog.get(full_id), catalog.condition_target(full_id)
                if entry is None or decider_id is None or scoring.applies(catalog, full_id, place) is not False:
                    continue
                decider = catalog.get(decider_id)
                assert decider is not None
                depth = decider.question.scope.depth
                now = place.at(decider.question.scope).get(decider_id)
                labels = {c.value: c.label for c in decider.question.choices}
                out.append(SetAside(place.location, full_id, entry.question.title, place.label, value,
                                    decider_id, place.location[:depth], decider.question.title,
                                    labels.get(str(now), str(now))))
    return out


@dataclass(frozen=True)
class Restore:
    """One answer to the deciding question that brings a set-aside answer back."""

    value: str
    label: str
    sets_aside: list[str]
    """Titles of the answers at the same place that this answer would set aside instead."""


def restore_choices(canvas: Canvas, catalog: Catalog, item: SetAside) -> list[Restore]:
    """The deciding question's answers under which `item` is asked again, each with what
    it would set aside in turn (the other questions depending on it there)."""
    decider = catalog.get(item.decider_id)
    entry = catalog.get(item.question_id)
    assert decider is not None and entry is not None and entry.question.when is not None
    below = item.decider_location
    now = next(p for p in walk(canvas) if p.location == below).node.get(item.decider_id)
    # The answers below the deciding one that depend on it and count now.
    counted = []
    for place in walk(canvas):
        if place.location[: len(below)] != below:
            continue
        for bank_id, answers in place.node.answers.items():
            for qid in answers:
                other = catalog.get(f"{bank_id}.{qid}")
                if other is None or catalog.condition_target(other.full_id) != item.decider_id:
                    continue
                when = other.question.when
                if when is not None and isinstance(now, str) and when.holds(now):
                    counted.append((other.question.title, when))
    out = []
    for choice in decider.question.choices:
        if entry.question.when.holds(choice.value):
            lost = sorted({title for title, when in counted if not when.holds(choice.value)})
            out.append(Restore(choice.value, choice.label, lost))
    return out
