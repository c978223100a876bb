"""Coach sessions kept in the canvas: opening and closing one, its notes, and the homework.

A session is written to the canvas when it starts (so that a note written in it is saved
at once, and a session left without closing is still on record) and completed when it is
closed: when it ended, which sections it covered, and what changed in the canvas since it
began, one line per change (wizard/core/compare.py's diff). The undated `[coach.notes]`
of format 1 count as private notes of no session.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from wizard.core import compare
from wizard.core.compare import Change
from wizard.core.session import STRUCTURE_TITLES, Session
from wizard.model.bank import Question
from wizard.model.canvas import Canvas, now
from wizard.model.catalog import Catalog
from wizard.model.coach import CoachSession, NoteKind, SessionNote
from wizard.model.tree import Location, find, parse_path

PRIVATE: NoteKind = "private"
HOMEWORK: NoteKind = "homework"


@dataclass(frozen=True)
class KeptNote:
    """A coach's note wherever it is kept: a session's, or one of the undated `[coach.notes]`."""

    place: str
    """`path` or `path#question` ("" for the whole canvas), as in `[coach.notes]`."""
    text: str
    kind: NoteKind
    date: datetime | None
    """When its session began; None for an undated note."""
    done: bool = False

    @property
    def is_open_homework(self) -> bool:
        return self.kind == HOMEWORK and not self.done


def kept_notes(canvas: Canvas) -> list[KeptNote]:
    """Every note: the undated ones first, then each session's, oldest session first."""
    notes = [KeptNote(place, text, PRIVATE, None) for place, text in canvas.coach.notes.items()]
    for record in sorted(canvas.coach.sessions, key=lambda s: s.started):
        notes += [KeptNote(n.place, n.text, n.kind, record.started, n.done) for n in record.notes]
    return notes


@dataclass(frozen=True)
class NotePlace:
    """Where a note is, in words: the place and the question it is about."""

    location: Location
    where: str
    """The place's label (`Users › Students`), or the path and "(no longer in the canvas)"."""
    question: str
    """The question's title, or "" for a note on the place as a whole."""


def note_place(canvas: Canvas, catalog: Catalog, place: str) -> NotePlace:
    """A note's `place` (`path` or `path#question`) in words, for the screens and the exports."""
    path, _, question_id = place.partition("#")
    location = parse_path(path)
    found = find(canvas, location)
    where = found.label if found else f"{path} (no longer in the canvas)"
    entry = catalog.get(question_id) if question_id else None
    question = entry.question.title if entry else STRUCTURE_TITLES.get(question_id, question_id)
    return NotePlace(location, where, question)


def homework(canvas: Canvas) -> list[tuple[CoachSession, SessionNote]]:
    """Every piece of homework with its session, oldest session first, each in the order written."""
    return [(record, note) for record in sorted(canvas.coach.sessions, key=lambda s: s.started)
            for note in record.notes if note.kind == HOMEWORK]


def last_session(canvas: Canvas) -> CoachSession | None:
    return max(canvas.coach.sessions, key=lambda s: s.started, default=None)


# -- a session as it runs -----------------------------------------------------------
def begin(session: Session, minutes: int, sections: Iterable[str]) -> CoachSession:
    """A new session on record, saved at once."""
    record = CoachSession(started=now(), minutes=minutes, sections=list(sections))
    with session.changing():  # a background save must not copy half of the change
        session.canvas.coach.sessions.append(record)
        session.save_change(steps_too=False)
    return record


def replan(session: Session, record: CoachSession, minutes: int, sections: Iterable[str]) -> None:
    with session.changing():
        record.minutes, record.sections = minutes, list(sections)
        session.save_change(steps_too=False)


def note_at(record: CoachSession, place: str) -> SessionNote | None:
    """This session's note at `place` (the wizard keeps one per place and session)."""
    return next((n for n in record.notes if n.place == place), None)


def set_notes(session: Session, record: CoachSession, changes: dict[str, tuple[str, NoteKind]]) -> bool:
    """This session's notes at some places, as (text, kind); an empty text removes one.
    False when nothing changed (nothing is saved then)."""
    changed = False
    with session.changing():
        for place, (text, kind) in changes.items():
            text = text.strip()
            note = note_at(record, place)
            if note is None and text:
                record.notes.append(SessionNote(text=text, place=place, kind=kind))
            elif note is not None and not text:
                record.notes.remove(note)
            elif note is not None and (note.text, note.kind) != (text, kind):
                note.text, note.kind = text, kind
            else:
                continue
            changed = True
        if changed:
            session.save_change(steps_too=False)
    return changed


def set_done(session: Session, note: SessionNote, done: bool) -> None:
    """Homework ticked off (or not): the founder has done it, as the coach hears."""
    with session.changing():
        note.done = done
        session.save_change(steps_too=False)


def close(session: Session, record: CoachSession, before: Canvas | None, visited: Iterable[str],
          ended: datetime | None = None) -> None:
    """The session ends (at `ended`, else now): what it covered (the sections `visited` for a
    while, and those whose answers changed) and what changed since `before`, the canvas as
    the session began (None when that is not known: nothing is listed then)."""
    diff = compare.diff(before, session.canvas, session.catalog) if before is not None else []
    covered = {*visited, *sections_with_changes(diff)}
    order = list(session.report().section_titles)
    with session.changing():
        record.ended = ended or now()
        record.covered = sorted(covered, key=lambda s: order.index(s) if s in order else len(order))
        record.changes = change_lines(diff)
        session.save_change(steps_too=False)


# -- what changed, in words -----------------------------------------------------------
SHORT = 80
"""A value longer than this is cut in a change line (the canvas has it whole)."""


def _value(asked: Question | None, value: object) -> str:
    if isinstance(value, tuple):
        unit = f" {asked.unit}" if asked is not None and asked.unit else ""
        text = f"{value[0]}–{value[1]}{unit}"
    elif isinstance(value, list):
        text = "; ".join(_value(asked, v) for v in value)
    elif asked is not None and asked.kind.has_choices:
        text = asked.choice_label(str(value))
    else:
        text = " ".join(str(value).split())
    return text if len(text) <= SHORT else text[: SHORT - 1].rstrip() + "…"


def _line(c: Change) -> str | None:
    """One change as a line a founder can read; None for a change to a coach's note (the
    notes are listed on their own, and a private one must never show in a change)."""
    where = f"{c.where}: " if c.where else ""
    kind = c.kind
    if kind in (compare.NOTE_ADDED, compare.NOTE_REMOVED, compare.NOTE_CHANGED):
        return None
    if kind == compare.NODE_ADDED:
        return f"{where}{c.title} added"
    if kind == compare.NODE_REMOVED:
        return f"{where}{c.title} removed"
    if kind in (compare.NODE_RENAMED, compare.TITLE_CHANGED):
        return f"{where}{c.title} renamed: {_value(None, c.before)} → {_value(None, c.after)}"
    if kind == compare.ANSWER_ADDED:
        return f"{where}{c.title} answered: {_value(c.asked, c.after)}"
    if kind == compare.ANSWER_REMOVED:
        return f"{where}{c.title} cleared (was: {_value(c.asked, c.before)})"
    if kind == compare.ANSWER_CHANGED:
        return f"{where}{c.title} changed: {_value(c.asked, c.before)} → {_value(c.asked, c.after)}"
    if kind == compare.NA_ADDED:
        return f"{where}{c.title} marked not applicable" + (f" ({c.after})" if c.after else "")
    if kind == compare.NA_REMOVED:
        return f"{where}{c.title} applies again"
    return f"{where}{c.title}: not-applicable reason changed"


def change_lines(changes: Iterable[Change]) -> list[str]:
    return [line for line in map(_line, changes) if line is not None]


def sections_with_changes(changes: Iterable[Change]) -> Iterator[str]:
    """The sections the changes belong to (each a section worked on in the session)."""
    for c in changes:
        if c.kind in (compare.NOTE_ADDED, compare.NOTE_REMOVED, compare.NOTE_CHANGED):
            continue
        yield c.question.split(".", 1)[0] if c.question else "structure"
