"""The canvas as the exports see it: walked once, every answer rendered as text with choice labels."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from wizard.checks import Finding
from wizard.core import evidence, scoring
from wizard.core.coach_sessions import HOMEWORK, PRIVATE, kept_notes, note_place
from wizard.core.evidence import EvidenceReport
from wizard.export import evidence_view
from wizard.export.evidence_view import EvidenceIndex, InterviewView, ItemEvidence
from wizard.model.bank import Kind, Question, Scope
from wizard.model.canvas import Canvas, Value
from wizard.model.catalog import Catalog, Entry
from wizard.model.tree import Location, Place, walk

STAGE_TITLES = {"before": "Before", "during": "During", "after": "After"}


class State(StrEnum):
    ANSWERED = "answered"
    NOT_APPLICABLE = "not applicable"
    MISSING = "not answered yet"


@dataclass(frozen=True)
class Shown:
    """One question at one place: its answer as text items, or why there is none."""

    full_id: str
    title: str
    state: State
    items: tuple[str, ...] = ()
    """The answer: one item for text, a choice or a range; one per entry for lists."""
    many: bool = False
    """A list-shaped answer (list, multiple choice, ranking), shown as a list."""
    ranked: bool = False
    reason: str = ""
    """Why the question is not applicable, when one was given."""
    recommended: int = 1
    """Lists: how many items the bank recommends (what the picture is laid out to hold)."""
    evidence: tuple[ItemEvidence | None, ...] = ()
    """Each item's evidence, beside `items`; empty when the canvas has no interview or mark yet
    (every item is a guess), None for an item no interview can test (the segment's name)."""

    def marks(self) -> tuple[tuple[str, ItemEvidence | None], ...]:
        """(item, its evidence or None) for each item."""
        return tuple((text, self.evidence[n] if n < len(self.evidence) else None)
                     for n, text in enumerate(self.items))

    @property
    def answered(self) -> bool:
        return self.state is State.ANSWERED

    @property
    def short(self) -> bool:
        """A list answered with fewer items than the bank recommends."""
        return self.answered and self.many and len(self.items) < self.recommended


@dataclass(frozen=True)
class Section:
    """The questions of one bank asked at one place."""

    bank_id: str
    title: str
    answers: tuple[Shown, ...]


class Audience(StrEnum):
    """Who an export is for. The founder's copy holds no coach notes and no quality findings."""

    FOUNDER = "founder"
    COACH = "coach"


@dataclass(kw_only=True)
class NodeView:
    sections: list[Section]

    def answered(self) -> Iterator[Shown]:
        return (a for s in self.sections for a in s.answers if a.answered)

    def still_open(self) -> list[str]:
        """The titles of the questions asked here and not answered yet (not applicable ones are closed)."""
        return [a.title for s in self.sections for a in s.answers if a.state is State.MISSING]

    def answer(self, full_id: str) -> Shown | None:
        return next((a for s in self.sections for a in s.answers if a.full_id == full_id), None)

    def text(self, full_id: str) -> str | None:
        """The answer as one string when it is answered, else None."""
        shown = self.answer(full_id)
        if shown is None or shown.state is not State.ANSWERED:
            return None
        return "; ".join(shown.items)


@dataclass(kw_only=True)
class StageView(NodeView):
    name: str

    @property
    def title(self) -> str:
        return STAGE_TITLES.get(self.name, self.name)


@dataclass(kw_only=True)
class JobView(NodeView):
    statement: str
    location: Location = ()
    stages: list[StageView] = field(default_factory=list)
    evidence: ItemEvidence | None = None
    """The job's own evidence (None while the canvas has no interview or mark)."""


@dataclass(frozen=True)
class Note:
    """A coach's note, with the place (and question) it is about in words."""

    location: Location
    where: str
    question: str
    text: str
    kind: str = "private"
    """"private" (coach-facing outputs only) or "homework" (for the founder)."""
    date: datetime | None = None
    """When the session it was written in began; None for an undated note."""


@dataclass(kw_only=True)
class SegmentView(NodeView):
    location: Location
    name: str
    type_name: str
    score: int
    jobs: list[JobView] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    """The coach's notes about this segment: coach-facing exports only (empty in the founder's)."""
    findings: list[Finding] = field(default_factory=list)
    """The quality checks' findings here: coach-facing exports only (empty in the founder's)."""
    homework: list[Note] = field(default_factory=list)
    """Homework the coach set for the founder and not done yet: the one kind of coach note
    that founder-facing exports show."""
    interviews: list[InterviewView] = field(default_factory=list)
    """The segment's interviews, as this export may name them (see evidence_view)."""
    evidence_score: int = 0


@dataclass(kw_only=True)
class TypeView(NodeView):
    name: str
    segments: list[SegmentView] = field(default_factory=list)


@dataclass(kw_only=True)
class CanvasView(NodeView):
    title: str
    created: datetime
    updated: datetime
    report: scoring.Report
    audience: Audience = Audience.FOUNDER
    types: list[TypeView] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    """Notes about the canvas as a whole, a customer type, or a place no longer there (coach only)."""
    findings: list[Finding] = field(default_factory=list)
    """What the quality checks say about anything outside a segment, or no longer in the canvas
    (coach only)."""
    homework: list[Note] = field(default_factory=list)
    """Homework about the canvas as a whole or a customer type; see SegmentView.homework."""
    all_findings: list[Finding] = field(default_factory=list)
    """Every finding, for the founder's copy too: an export may use them to order its own content
    (the interview kit asks first about what is flagged) but shows their words only to a coach."""
    evidence: EvidenceIndex | None = None
    proof: EvidenceReport | None = None
    """The evidence report the index was made from (the interview kit lists its untested items)."""
    with_names: bool = False

    @property
    def has_evidence(self) -> bool:
        """Any interview or mark: only then do the exports show a state beside every item."""
        return self.evidence is not None and self.evidence.any

    @property
    def for_coach(self) -> bool:
        return self.audience is Audience.COACH

    @property
    def segments(self) -> Iterator[SegmentView]:
        for ctype in self.types:
            yield from ctype.segments

    def scored_sections(self) -> list[tuple[str, int]]:
        """(section title, score) for every section that has anything to score."""
        report = self.report
        return [(report.section_titles[sid], t.score) for sid, t in report.sections.items() if t.possible]


def stamp(moment: date) -> str:
    """A date as people write it (20 November 2026), in English whatever the locale: the exports are."""
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def render_value(question: Question, value: Value) -> tuple[str, ...]:
    """An answer as text: choices by their labels, ranges with their unit."""
    if isinstance(value, tuple):
        low, high = value
        return (f"{low}–{high} {question.unit}".rstrip(),)
    if isinstance(value, list):
        return tuple(question.choice_label(v) if question.kind.has_choices else v for v in value)
    return (question.choice_label(value) if question.kind.has_choices else value,)


def _shown(catalog: Catalog, entry: Entry, place: Place, found: EvidenceIndex | None = None) -> Shown | None:
    """None when the question is not asked here (its condition is false)."""
    q, full_id, node = entry.question, entry.full_id, place.node
    if scoring.applies(catalog, full_id, place) is False:
        return None
    title = q.title
    reason = node.na_reason(full_id)
    # Required questions cannot be not applicable; a mark on one is ignored, as in the score.
    if reason is not None and not q.required:
        return Shown(full_id, title, State.NOT_APPLICABLE, reason=reason)
    value = node.get(full_id)
    if value is None:
        return Shown(full_id, title, State.MISSING, recommended=q.recommended_items)
    return Shown(full_id, title, State.ANSWERED, render_value(q, value),
                 many=q.kind.is_list, ranked=q.kind is Kind.RANKING, recommended=q.recommended_items,
                 evidence=evidence_view.for_answer(found, q, full_id, place.location, value))


def _sections(catalog: Catalog, entries: Iterable[Entry], place: Place,
              found: EvidenceIndex | None = None) -> list[Section]:
    grouped: dict[str, list[Shown]] = {}
    titles: dict[str, str] = {}
    for entry in entries:
        shown = _shown(catalog, entry, place, found)
        if shown is not None:
            grouped.setdefault(entry.bank.id, []).append(shown)
            titles[entry.bank.id] = entry.bank.title
    return [Section(bank_id, titles[bank_id], tuple(items)) for bank_id, items in grouped.items()]


def _notes(canvas: Canvas, catalog: Catalog, private: bool) -> list[Note]:
    """The homework still to do, and with `private` the coach's private notes too."""
    notes = []
    for kept in kept_notes(canvas):
        if not (kept.is_open_homework or (private and kept.kind == PRIVATE)):
            continue
        place = note_place(canvas, catalog, kept.place)
        notes.append(Note(place.location, place.where, place.question, kept.text, kept.kind, kept.date))
    return notes


def build(canvas: Canvas, catalog: Catalog, untitled: str = "Customer canvas",
          findings: Iterable[Finding] = (), audience: Audience = Audience.FOUNDER,
          with_names: bool = False) -> CanvasView:
    """Everything an export shows, in the canvas's own order; `untitled` names a canvas without a title.

    For the founder (the default) the coach's notes and the findings are left out here, once,
    so that no renderer can show them by mistake; so are the people interviewed, unless
    `with_names` (see evidence_view).
    """
    by_scope = {scope: catalog.at_scope(scope) for scope in Scope}
    report = scoring.score(canvas, catalog)
    all_findings = list(findings)
    coach = audience is Audience.COACH
    # Private notes for the coach's copy only; homework is for the founder, in every copy.
    every_note = _notes(canvas, catalog, private=coach)
    notes = [n for n in every_note if n.kind == PRIVATE]
    homework = [n for n in every_note if n.kind == HOMEWORK]
    findings = all_findings if coach else []
    proof = evidence.evidence(canvas, catalog)
    found = evidence_view.index(proof, catalog, with_names, coach)
    view = CanvasView(sections=[], title=canvas.title.strip() or untitled, created=canvas.created,
                      updated=canvas.updated, report=report, audience=audience, all_findings=all_findings,
                      evidence=found, proof=proof, with_names=with_names)
    for place in walk(canvas):
        sections = _sections(catalog, by_scope[place.scope], place, found)
        if place.scope is Scope.CANVAS:
            view.sections = sections
        elif place.scope is Scope.CUSTOMER_TYPE:
            view.types.append(TypeView(sections=sections, name=place.names[-1]))
        elif place.scope is Scope.SEGMENT:
            tally = report.segments.get(place.location)
            view.types[-1].segments.append(SegmentView(
                sections=sections, location=place.location, name=place.names[-1], type_name=place.names[0],
                score=tally.score if tally else 0,
                notes=[n for n in notes if n.location[:2] == place.location],
                homework=[n for n in homework if n.location[:2] == place.location],
                findings=[f for f in findings if f.location[:2] == place.location],
                interviews=found.interviews.get(place.location, []),
                evidence_score=found.scores.get(place.location, 0)))
        elif place.scope is Scope.JOB:
            job_evidence = found.get(place.location[:2], place.location[2], "", "") if found.any else None
            view.types[-1].segments[-1].jobs.append(JobView(sections=sections, statement=place.names[-1],
                                                                 location=place.location, evidence=job_evidence))
        else:
            view.types[-1].segments[-1].jobs[-1].stages.append(StageView(sections=sections,
                                                                         name=place.location[-1]))
    placed = {seg.location for seg in view.segments}
    view.notes = [n for n in notes if n.location[:2] not in placed]
    view.homework = [n for n in homework if n.location[:2] not in placed]
    view.findings = [f for f in findings if f.location[:2] not in placed]
    return view
