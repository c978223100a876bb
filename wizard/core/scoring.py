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

from wizard.model.bank import Kind, Question, Scope, When
from wizard.model.bulk import gc_paused
from wizard.model.canvas import Canvas, CustomerType, Value, is_empty
from wizard.model.catalog import Catalog, Entry
from wizard.model.memo import NodeMemo, for_canvas
from wizard.model.structure import STRUCTURE_SECTION
from wizard.model.tree import Location, Place, walk

STRUCTURE = "structure"


@dataclass(slots=True)
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
    by_node: list[list[Slot]] = field(default_factory=list)
    """The same slots node by node, in asking order. A node's list is the same object from
    one report to the next while the node is unchanged, so what is derived from it (the
    sidebar's marks) can be kept by the list's identity."""

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


@dataclass(frozen=True)
class _Ask:
    """A question as it is asked at every node of its scope, looked up in the catalog once."""

    entry: Entry
    bank_id: str
    qid: str
    full_id: str
    decider: tuple[int, str, str, When] | None
    """For a conditional question: the depth of the node holding the deciding answer, its
    bank and question id, and the condition."""


@dataclass(frozen=True)
class _Plan:
    asks: dict[Scope, list[_Ask]]
    context: dict[Scope, list[tuple[int, str, str]]]
    """Deciding answers asked further up, which a node's slots depend on besides its own."""


_PLANS: dict[int, tuple[Catalog, _Plan]] = {}


def _plan(catalog: Catalog) -> _Plan:
    kept = _PLANS.get(id(catalog))
    if kept is not None and kept[0] is catalog:
        return kept[1]
    asks: dict[Scope, list[_Ask]] = {}
    context: dict[Scope, list[tuple[int, str, str]]] = {}
    for scope in Scope:
        asks[scope], context[scope] = [], []
        for entry in catalog.at_scope(scope):
            bank_id, qid = entry.full_id.split(".", 1)
            target_id = catalog.condition_target(entry.full_id)
            target = catalog.get(target_id) if target_id is not None else None
            when = entry.question.when
            decider = None
            if target is not None and when is not None:
                depth, (tbank, tqid) = target.question.scope.depth, target_id.split(".", 1)  # type: ignore[union-attr]
                decider = (depth, tbank, tqid, when)
                if depth < scope.depth and (depth, tbank, tqid) not in context[scope]:
                    context[scope].append((depth, tbank, tqid))
            asks[scope].append(_Ask(entry, bank_id, qid, entry.full_id, decider))
    plan = _Plan(asks, context)
    if len(_PLANS) > 16:
        _PLANS.clear()
    _PLANS[id(catalog)] = (catalog, plan)  # the catalog is kept, so its id is never reused
    return plan


def _node_slots(plan: _Plan, place: Place) -> list[Slot]:
    """The slots of one node, in asking order: what `slots` yields for it."""
    out = list(_structure(place))
    node, chain, scope, location = place.node, place.chain, place.scope, place.location
    label = place.label
    answers, na = node.answers, node.not_applicable
    stage = f" ({location[-1]})" if scope is Scope.STAGE else ""
    # Run for every node of a large canvas (30,000 slots at 1000 segments): the lookups are
    # done once per question in the plan, and a node without N/A marks skips that test.
    for ask in plan.asks[scope]:
        q = ask.entry.question
        if na and not q.required and na.get(ask.bank_id, {}).get(ask.qid) is not None:
            continue
        decided: bool | None = True
        if ask.decider is not None:
            depth, tbank, tqid, when = ask.decider
            value = chain[depth].answers.get(tbank, {}).get(tqid)
            decided = when.holds(value) if isinstance(value, str) else None
            if decided is False:
                continue
        given = answers.get(ask.bank_id)
        earned = credit(q, given.get(ask.qid) if given else None) if decided else 0.0
        status = "locked" if decided is None else _status(earned)
        out.append(Slot(ask.bank_id, ask.full_id, location, label, q.title + stage if stage else q.title,
                        q.weight, earned, q.required, status))
    return out


def _memo_extra(plan: _Plan, place: Place) -> tuple[object, ...]:
    """What a node's slots depend on besides its own answers and marks."""
    chain = place.chain
    deciding = tuple(v if isinstance(v := chain[d].answers.get(b, {}).get(q), str) else None
                     for d, b, q in plan.context[place.scope])
    node = chain[-1]
    shape: tuple[bool, ...] = ()
    if isinstance(node, Canvas):
        shape = (bool(node.customer_types),)
    elif isinstance(node, CustomerType):
        shape = (bool(node.segments), any(s.jobs for s in node.segments))
    return (place.names, deciding, shape)


def slots(canvas: Canvas, catalog: Catalog) -> Iterator[Slot]:
    """Every applicable slot of the canvas, in the order the wizard asks them."""
    plan = _plan(catalog)
    for place in walk(canvas):
        yield from _node_slots(plan, place)


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


@gc_paused
def score(canvas: Canvas, catalog: Catalog) -> Report:
    """The completeness report. Each node's slots are kept (see wizard.model.memo) and
    reused while the node and what it depends on are unchanged, so scoring again after a
    change to one answer costs little more than walking the canvas."""
    plan = _plan(catalog)
    memo: NodeMemo[tuple[list[Slot], list[tuple[str, float, float]]]] = for_canvas(canvas, "score", catalog)
    titles = {STRUCTURE: STRUCTURE_SECTION} | {b.id: b.title for b in catalog.banks}
    report = Report(Tally(), {k: Tally() for k in titles}, titles, {}, {})
    overall, sections, segments = report.overall, report.sections, report.segments
    with memo.lock:
        for place in walk(canvas):
            location, node = place.location, place.node
            extra = _memo_extra(plan, place)
            kept = memo.get(location, node, extra)
            if kept is None:
                node_slots = _node_slots(plan, place)
                kept = memo.put(location, node, extra,
                                (node_slots, [(s.section, s.earned, s.weight) for s in node_slots]))
            if place.scope is Scope.SEGMENT:
                segments[location] = Tally()
                report.segment_names[location] = place.label
            report.slots.extend(kept[0])
            report.by_node.append(kept[0])
            # Slot by slot in asking order, as Tally.add does: the sums are floating point,
            # and adding in another order could change their last digits.
            seg = segments.get(location[:2]) if len(location) >= 2 else None
            for section, earned, weight in kept[1]:
                overall.earned += earned
                overall.possible += weight
                tally = sections[section]
                tally.earned += earned
                tally.possible += weight
                if seg is not None:
                    seg.earned += earned
                    seg.possible += weight
        memo.sweep()
    return report
