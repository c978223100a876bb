"""Evidence as the exports see it: each item's state, what was said for and against it, and the interviews.

Who said what is the founder's to share. Unless an export is made `--with-names`, the
exports name an interview by its number in the segment, its date and how it was held:
the founder's copy shows neither `name` nor `who` (initials or a role narrow a quote down
to one person as surely as a name does) nor the interview's notes (what the founder wrote
about a real person); the coach's copy shows `who`, never `name`. Quotes always stay: they
are the evidence. With `with_names`, both copies show `name` and `who`, and the notes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from wizard.core.evidence import EvidenceReport, Item
from wizard.core.evidence_text import quote_of, shown_text, state_label
from wizard.model.bank import Question
from wizard.model.canvas import Value
from wizard.model.catalog import Catalog
from wizard.model.evidence import Interview, Link
from wizard.model.tree import Location

SYMBOLS = {"guess": "?", "supported": "✓", "contradicted": "✗", "observed": "◉", "paid": "◆"}
"""The picture's small marks; `supported` carries its count ("✓2"). The legend says what each means."""


@dataclass(frozen=True)
class Said:
    """A quote, and the interview it came from as this export may name it."""

    quote: str
    source: str
    """"interview 2, 3 November 2026" (or with the person, when names are shown)."""


@dataclass(frozen=True)
class ItemEvidence:
    """One item's evidence, ready to show."""

    state: str
    label: str
    """"a guess", "supported by 2 interviews", "contradicted by 1 interview", "observed", "paid"."""
    supports: int
    against: tuple[Said, ...] = ()
    backing: tuple[Said, ...] = ()
    marks: tuple[str, ...] = ()
    """What the founder noted with an observed / paid mark."""

    @property
    def symbol(self) -> str:
        """The picture's mark: "?", "✓2", "✗", "◉", "◆"."""
        mark = SYMBOLS[self.state]
        return f"{mark}{self.supports}" if self.state == "supported" else mark

    @property
    def tested(self) -> bool:
        return self.state != "guess"


@dataclass(frozen=True)
class InterviewView:
    number: int
    """Its place among the segment's interviews, from 1."""
    when: date
    how: str
    person: str
    """Who, as this export may say it: "" when names are left out."""
    notes: str
    quotes: tuple[str, ...]
    links: int

    @property
    def source(self) -> str:
        return source_line(self.number, self.when, self.how, self.person)


def source_line(number: int, when: date, how: str, person: str) -> str:
    from wizard.export.view import stamp  # the view imports this module for its types

    parts = [f"interview {number}", stamp(when)]
    if how.strip():
        parts.append(how.strip())
    line = ", ".join(parts)
    return f"{line} ({person})" if person else line


def person(interview: Interview, names: bool, coach: bool) -> str:
    who = interview.who.strip()
    if names and interview.name.strip():
        return f"{interview.name.strip()}, {who}" if who else interview.name.strip()
    return who if names or coach else ""


@dataclass(frozen=True)
class Ask:
    """An item to ask about first in the next interviews: contradicted, or still a guess."""

    state: str
    text: str
    title: str
    place: str
    """Where in the segment: "" for the segment itself, else the job (and stage)."""
    weight: float
    against: tuple[Said, ...] = ()


@dataclass
class EvidenceIndex:
    """Every item's evidence by (segment, at, question, entry), and each segment's interviews as shown."""

    items: dict[tuple[Location, str, str, str], ItemEvidence]
    interviews: dict[Location, list[InterviewView]]
    scores: dict[Location, int]
    overall: int
    any: bool
    """Any interview or mark in the canvas: without one, every item is a guess and the
    exports say so once instead of beside every item."""
    asks: dict[Location, list[Ask]]
    """Per segment, the contradicted items, then the untested ones heaviest first."""

    def get(self, segment: Location, at: str, question: str, entry: str) -> ItemEvidence | None:
        return self.items.get((segment, at, question, entry)) or self.items.get((segment, at, question, ""))


def _asks(report: EvidenceReport, catalog: Catalog, said: Callable[[Item, list[tuple[Interview, Link]]],
                                                                  tuple[Said, ...]]) -> dict[Location, list[Ask]]:
    out: dict[Location, list[Ask]] = {seg.location: [] for seg in report.segments}
    names = {seg.location: seg.name for seg in report.segments}
    for item in [*report.contradicted(), *report.untested()]:
        place = item.where.removeprefix(names[item.segment]).removeprefix(" › ")
        out[item.segment].append(Ask(item.state, shown_text(item, catalog), item.title, place, item.weight,
                                     said(item, item.contradicts)))
    return out


def index(report: EvidenceReport, catalog: Catalog, names: bool, coach: bool) -> EvidenceIndex:
    numbers: dict[tuple[Location, str], str] = {}
    interviews: dict[Location, list[InterviewView]] = {}
    for seg in report.segments:
        views = []
        for n, i in enumerate(seg.interviews, 1):
            who = person(i, names, coach)
            numbers[(seg.location, i.id)] = source_line(n, i.date, i.how, who)
            views.append(InterviewView(n, i.date, i.how, who, i.notes if names or coach else "", tuple(i.quotes),
                                       len(i.links)))
        interviews[seg.location] = views

    def said(item: Item, pairs: list[tuple[Interview, Link]]) -> tuple[Said, ...]:
        return tuple(Said(quote_of(i, link), numbers[(item.segment, i.id)]) for i, link in pairs)

    items = {}
    for item in report.items:
        key = (item.segment, item.at, item.question, item.item)
        items[key] = ItemEvidence(item.state, state_label(item), item.interviews, said(item, item.contradicts),
                                  said(item, item.supports), tuple(m.note for m in item.marks if m.note.strip()))
    any_evidence = any(seg.interviews or any(i.marks for i in seg.items) for seg in report.segments)
    return EvidenceIndex(items, interviews, {seg.location: seg.score for seg in report.segments}, report.overall,
                         any_evidence, _asks(report, catalog, said))


def for_answer(found: EvidenceIndex | None, question: Question, full_id: str, location: Location,
               value: Value) -> tuple[ItemEvidence | None, ...]:
    """The evidence of each item of an answer asked at `location` (one per entry of a list; one for
    a whole answer); () when the canvas records no evidence or the answer is not in a segment."""
    if found is None or not found.any or len(location) < 2:
        return ()
    segment, at = location[:2], "/".join(location[2:])
    if isinstance(value, list):
        return tuple(found.get(segment, at, full_id, v) if question.kind.is_list else None for v in value)
    return (found.get(segment, at, full_id, ""),)
