"""Completeness: how much of the canvas is filled in, and what would add most.

Every question is asked once per node of its scope (a segment question once per segment,
a stage question once per stage of every job); each such asking is a *slot* with the
question's weight. A slot earns credit 0..1: text and choices 1 when answered, lists
min(items, recommended) / recommended, ranges 1 when both ends are set. Slots marked not
applicable leave the denominator. Structure counts as slots of its own: at least one
customer type, and for each type at least one segment and one job.

A conditional question whose deciding answer is missing still counts but earns nothing
until that answer is given. This is what keeps removing an answer from ever raising the
score: a slot can only leave the denominator because of an answer that is present.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from wizard.model.bank import Kind, Question, Scope
from wizard.model.canvas import Canvas, Value, is_empty
from wizard.model.catalog import Catalog
from wizard.model.tree import Location, Place, walk

STRUCTURE = "structure"


@dataclass(frozen=True)
class Slot:
    """One asking of one question at one place, and what it earns."""

    section: str
    question_id: str
    """Full id (`bank.question`), or `structure.<what>` for structural slots."""
    location: Location
    where: str
    title: str
    weight: float
    credit: float
    required: bool = False
    status: str = "open"
    """answered, partial, open, locked (its deciding answer is missing)."""

    @property
    def earned(self) -> float:
        return self.weight * self.credit


@dataclass
class Tally:
    earned: float = 0.0
    possible: float = 0.0

    def add(self, slot: Slot) -> None:
        self.earned += slot.earned
        self.possible += slot.weight

    @property
    def score(self) -> int:
        """0-100, rounded down so that 100 means everything is there."""
        if self.possible == 0:
            return 0
        return int(100 * self.earned / self.possible + 1e-6)


@dataclass(frozen=True)
class Missing:
    """An open slot and how many points of the overall score answering it adds."""

    slot: Slot
    gain: float


@dataclass
class Report:
    overall: Tally
    sections: dict[str, Tally]
    section_titles: dict[str, str]
    segments: dict[Location, Tally]
    segment_names: dict[Location, str]
    slots: list[Slot] = field(default_factory=list)

    @property
    def score(self) -> int:
        return self.overall.score

    def missing(self) -> list[Missing]:
        """Open and partial slots, most valuable first; ties keep the asking order."""
        total = self.overall.possible or 1.0
        gaps = [
            Missing(s, 100 * s.weight * (1 - s.credit) / total)
            for s in self.slots
            if s.credit < 1
        ]
        return sorted(gaps, key=lambda m: (-round(m.gain, 6), not m.slot.required))


def credit(question: Question, value: Value | None) -> float:
    if value is None or is_empty(value):
        return 0.0
    if question.kind.is_list:
        if not isinstance(value, list):
            return 0.0  # the wrong shape earns nothing; `check` reports it
        return min(len(value), question.recommended_items) / question.recommended_items
    if question.kind is Kind.RANGE:
        return 1.0 if isinstance(value, tuple) and len(value) == 2 else 0.0
    return 1.0 if isinstance(value, str) else 0.0


def applies(catalog: Catalog, full_id: str, place: Place) -> bool | None:
    """True or False when the condition is decided here; None while it is undecided."""
    entry = catalog.get(full_id)
    target_id = catalog.condition_target(full_id)
    if entry is None or target_id is None or entry.question.when is None:
        return True
    target = catalog.get(target_id)
    assert target is not None
    value = place.at(target.question.scope).get(target_id)
    if not isinstance(value, str):
        return None
    return entry.question.when.holds(value)


def slots(canvas: Canvas, catalog: Catalog) -> Iterator[Slot]:
    """Every applicable slot of the canvas, in the order the wizard asks them."""
    by_scope = {scope: catalog.at_scope(scope) for scope in Scope}
    for place in walk(canvas):
        yield from _structure(place)
        for entry in by_scope[place.scope]:
            q = entry.question
            full_id = entry.full_id
            node = place.node
            if not q.required and node.na_reason(full_id) is not None:
                continue
            decided = applies(catalog, full_id, place)
            if decided is False:
                continue
            earned = credit(q, node.get(full_id)) if decided else 0.0
            status = "locked" if decided is None else _status(earned)
            title = q.title if place.scope is not Scope.STAGE else f"{q.title} ({place.location[-1]})"
            yield Slot(entry.bank.id, full_id, place.location, place.label, title,
                       q.weight, earned, q.required, status)


def _status(earned: float) -> str:
    return "answered" if earned >= 1 else "partial" if earned > 0 else "open"


def _structure(place: Place) -> Iterator[Slot]:
    def slot(what: str, title: str, done: bool) -> Slot:
        return Slot(STRUCTURE, f"{STRUCTURE}.{what}", place.location, place.label, title,
                    1.0, float(done), True, _status(float(done)))

    if place.scope is Scope.CANVAS:
        canvas = place.node
        assert isinstance(canvas, Canvas)
        yield slot("customer_type", "At least one customer type", bool(canvas.customer_types))
    elif place.scope is Scope.CUSTOMER_TYPE:
        ctype = place.chain[1]
        segments = getattr(ctype, "segments", [])
        yield slot("segment", "At least one segment", bool(segments))
        yield slot("job", "At least one job", any(s.jobs for s in segments))


def score(canvas: Canvas, catalog: Catalog) -> Report:
    titles = {STRUCTURE: "Structure"} | {b.id: b.title for b in catalog.banks}
    report = Report(Tally(), {k: Tally() for k in titles}, titles, {}, {})
    for place in walk(canvas):
        if place.scope is Scope.SEGMENT:
            report.segments[place.location] = Tally()
            report.segment_names[place.location] = place.label
    for s in slots(canvas, catalog):
        report.slots.append(s)
        report.overall.add(s)
        report.sections[s.section].add(s)
        seg = report.segments.get(s.location[:2]) if len(s.location) >= 2 else None
        if seg is not None:
            seg.add(s)
    return report
