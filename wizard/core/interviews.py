"""Logging interviews from the wizard: the form's state (kept as a draft while it is typed),
saving, editing and removing an interview, marks, and how each item's evidence reads on screen.

Plain Python over the session and wizard/core/evidence.py; the Textual screens are front
ends over this (wizard/tui/screens/interviews.py and its neighbours).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from wizard.core import evidence
from wizard.core.evidence import Item, SegmentEvidence
from wizard.core.evidence_text import state_label
from wizard.files.errors import ReadOnlyError
from wizard.model.canvas import Canvas, Segment, unique_id
from wizard.model.evidence import Interview, Link, Mark
from wizard.model.tree import Location, find, path_str

if TYPE_CHECKING:
    from wizard.core.session import Session

HOW = ("call", "visit", "chat", "other")
"""The ways offered in the form; a hand-written file may say anything else (video, email)."""

DRAFT_PREFIX = "interview:"
"""Drafts of the interview form are kept under `interview:SEGMENT-PATH#ID` (`#new` for one
not saved yet), beside the answers' drafts, which are kept under step refs."""

# The marks: one character each (two with a count), readable without colour, in any theme.
BADGES = {"guess": "?", "supported": "✓", "contradicted": "✗", "observed": "●", "paid": "$"}


# -- where --------------------------------------------------------------------------
def segment_location(location: Location) -> Location | None:
    """The segment a step at `location` belongs to (None above the segments)."""
    return location[:2] if len(location) >= 2 else None


def segment_at(canvas: Canvas, location: Location) -> Segment | None:
    place = find(canvas, location[:2]) if len(location) >= 2 else None
    node = place.node if place is not None else None
    return node if isinstance(node, Segment) else None


def segment_report(session: Session, location: Location) -> SegmentEvidence | None:
    """The evidence of the segment at `location` (a segment's location, or below it)."""
    seg_loc = segment_location(location)
    place = find(session.canvas, seg_loc) if seg_loc else None
    if seg_loc is None or place is None or not isinstance(place.node, Segment):
        return None
    return evidence.segment_evidence(place.node, seg_loc, " › ".join(place.names), session.catalog)


def items_of_answer(session: Session, location: Location, question: str) -> list[Item]:
    """The items of one answer (its entries, or the whole answer) at a step's location."""
    report = segment_report(session, location)
    at = "/".join(location[2:])
    return [] if report is None else [i for i in report.items if i.at == at and i.question == question]


# -- how an item's evidence reads ---------------------------------------------------------
def badge(item: Item) -> str:
    """Its state in one or two characters: `?` a guess, `✓2` supported by two interviews,
    `✗` contradicted, `●` observed, `$` paid."""
    mark = BADGES[item.state]
    return f"{mark}{item.interviews}" if item.state == "supported" else mark


def describe(item: Item) -> str:
    """Its state in words (for the help, screen readers, and the key to the marks)."""
    state = item.state
    if state == "contradicted":
        quote = next((link.quote for _i, link in item.contradicts if link.quote), "")
        if quote:
            return f"contradicted: “{quote}”"
    if state in ("supported", "contradicted"):
        return state_label(item)  # "supported by 2 interviews", as every export says it
    if state in ("observed", "paid"):
        return "observed (seen it happen)" if state == "observed" else "paid (money changed hands)"
    return "a guess: no interview yet"


LEGEND = "Evidence: ? a guess · ✓N supported by N interviews · ✗ contradicted · ● observed · $ paid"


# -- the form ------------------------------------------------------------------------
@dataclass
class Form:
    """What the interview form holds, as typed: saved as an Interview, kept as a draft."""

    date: str = ""
    who: str = ""
    how: str = "call"
    notes: str = ""
    quotes: list[str] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)
    """{at, question, item, verdict, quote} per linked item."""
    id: str = ""
    """The interview being edited; "" for a new one."""
    name: str = ""
    """The person's name, optional: no export shows it unless asked (`--with-names`)."""

    @classmethod
    def new(cls, today: dt.date | None = None) -> Form:
        return cls(date=(today or dt.date.today()).isoformat())

    @classmethod
    def of(cls, interview: Interview) -> Form:
        links = [{"at": k.at, "question": k.question, "item": k.item, "verdict": k.verdict, "quote": k.quote}
                 for k in interview.links]
        return cls(interview.date.isoformat(), interview.who, interview.how, interview.notes,
                   list(interview.quotes), links, interview.id, interview.name)

    def dumps(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def loads(cls, text: str) -> Form | None:
        """A form back from its draft; None when the draft is not one (damaged, or older)."""
        try:
            data: Any = json.loads(text)
            form = cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})
        except (ValueError, TypeError, AttributeError):
            return None
        if not all(isinstance(v, str) for v in (form.date, form.who, form.how, form.notes, form.id, form.name)):
            return None
        form.quotes = [q for q in form.quotes if isinstance(q, str)] if isinstance(form.quotes, list) else []
        form.links = [k for k in form.links if isinstance(k, dict)] if isinstance(form.links, list) else []
        return form

    def verdict(self, item: Item) -> dict[str, str] | None:
        return next((k for k in self.links if (k.get("at", ""), k.get("question", ""), k.get("item", ""))
                     == item.key()), None)

    def set_verdict(self, item: Item, verdict: str | None, quote: str | None = None) -> None:
        """Link `item` as `supports` or `contradicts` (None: unlink); `quote` None keeps its quote."""
        found = self.verdict(item)
        if verdict is None:
            if found is not None:
                self.links.remove(found)
            return
        if found is None:
            found = {"at": item.at, "question": item.question, "item": item.item, "verdict": verdict, "quote": ""}
            self.links.append(found)
        found["verdict"] = verdict
        if quote is not None:
            found["quote"] = quote

    def is_blank(self) -> bool:
        return not (self.who.strip() or self.notes.strip() or any(q.strip() for q in self.quotes) or self.links)


def draft_key(segment: Location, interview_id: str = "") -> str:
    return f"{DRAFT_PREFIX}{path_str(segment)}#{interview_id or 'new'}"


def parse_draft_key(key: str) -> tuple[Location, str] | None:
    """(segment location, interview id or "") of a form's draft key; None for other drafts."""
    if not key.startswith(DRAFT_PREFIX):
        return None
    path, _, interview_id = key[len(DRAFT_PREFIX):].partition("#")
    location = tuple(p for p in path.split("/") if p)
    return (location, "" if interview_id == "new" else interview_id) if len(location) == 2 else None


def parse_date(text: str, today: dt.date | None = None) -> dt.date:
    """The day typed: `2026-11-03`, `today` or `yesterday`. ValueError says what is wrong."""
    today = today or dt.date.today()
    typed = text.strip().lower()
    if typed in ("", "today"):
        return today
    if typed == "yesterday":
        return today - dt.timedelta(days=1)
    try:
        day = dt.date.fromisoformat(typed)
    except ValueError:
        raise ValueError(f"“{text.strip()}” is not a date the wizard can read: write it as year-month-day, "
                         f"e.g. {today.isoformat()}, or “today” or “yesterday”.") from None
    if day > today:
        raise ValueError(f"{day.isoformat()} is in the future: give the day the interview was held.")
    return day


def problems(form: Form, today: dt.date | None = None) -> str:
    """What stops the form from being saved, in one sentence ("" when it can be)."""
    try:
        parse_date(form.date, today)
    except ValueError as exc:
        return f"Date: {exc}"
    if form.is_blank():
        return "Say who it was with, or note or quote something they said, before saving."
    return ""


# -- changes to the canvas -------------------------------------------------------------
def _writable(session: Session) -> None:
    if session.read_only:
        raise ReadOnlyError(session.path, f"{session.read_only}; nothing can be saved")


def _segment(session: Session, segment: Location) -> Segment:
    found = segment_at(session.canvas, segment)
    if found is None:
        raise ValueError("the segment of this interview is not in the canvas any more")
    return found


def save(session: Session, segment: Location, form: Form, today: dt.date | None = None) -> Interview:
    """Store the form as a new interview of the segment, or over the one it edits; saved."""
    problem = problems(form, today)
    if problem:
        raise ValueError(problem)
    _writable(session)
    return _store(session, segment, form, today)


def _store(session: Session, segment: Location, form: Form, today: dt.date | None) -> Interview:
    with session.changing():
        seg = _segment(session, segment)
        day = parse_date(form.date, today)
        how = form.how.strip()
        old = next((i for i in seg.interviews if i.id == form.id), None) if form.id else None
        taken = {i.id for i in seg.interviews if i is not old}
        new_id = old.id if old is not None else unique_id(f"{day.isoformat()} {form.who.strip() or 'interview'}", taken)
        links = [Link(at=k.get("at", ""), question=k.get("question", ""), item=k.get("item", ""),
                      verdict="contradicts" if k.get("verdict") == "contradicts" else "supports",
                      quote=k.get("quote", "").strip()) for k in form.links]
        interview = Interview(id=new_id, date=day, who=form.who.strip(), how=how, notes=form.notes.strip(),
                              quotes=[q.strip() for q in form.quotes], links=links,
                              name=form.name.strip())
        if old is not None:
            seg.interviews[seg.interviews.index(old)] = interview
        else:
            seg.interviews.append(interview)
        form.id = new_id  # in the canvas now: a save that fails and is tried again replaces it
        session.save_change(steps_too=False)
    return interview


def remove(session: Session, segment: Location, interview_id: str) -> Interview | None:
    """Delete one interview (and so its links); the one removed, or None."""
    _writable(session)
    with session.changing():
        seg = _segment(session, segment)
        gone = next((i for i in seg.interviews if i.id == interview_id), None)
        if gone is not None:
            seg.interviews.remove(gone)
            session.save_change(steps_too=False)
    return gone


def toggle_mark(session: Session, segment: Location, item: Item, kind: str, today: dt.date | None = None) -> bool:
    """Mark `item` observed or paid, or take that mark off again; True when it is on now."""
    _writable(session)
    with session.changing():
        seg = _segment(session, segment)
        same = [m for m in seg.marks if (m.at, m.question, m.item) == item.key() and m.kind == kind]
        if same:
            seg.marks = [m for m in seg.marks if m not in same]
        else:
            seg.marks.append(Mark(at=item.at, question=item.question, item=item.item,
                                  kind="paid" if kind == "paid" else "observed", date=today or dt.date.today()))
        session.save_change(steps_too=False)
    return not same


def follow_answer_edit(canvas: Canvas, location: Location, question: str, before: object, after: object) -> int:
    """A list answer at `location` went from `before` to `after` in the wizard: its links and
    marks follow the entries moved or reworded (wizard/core/evidence.follow_list_edit)."""
    segment = segment_at(canvas, location)
    if segment is None or not isinstance(before, list) or not isinstance(after, list):
        return 0
    if not (segment.interviews or segment.marks):
        return 0
    return evidence.follow_list_edit(segment, "/".join(location[2:]), question, before, after)
