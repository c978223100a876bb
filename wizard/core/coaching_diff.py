"""What changed in the coaching between two drafts: sessions begun or closed, homework set, done or dropped.

Sessions are matched by when they began (a session keeps its `started` for life); a piece
of homework by its session, its place and its text, so a piece reworded shows as one
dropped and one set. Private notes are counted, never quoted: `diff` is read by founders
and teams too, and the coach's copy of a summary is where private notes belong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from wizard.core.coach_sessions import HOMEWORK, note_place
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog
from wizard.model.coach import CoachSession, SessionNote


@dataclass(frozen=True)
class SessionChange:
    started: datetime
    change: str
    """"begun" (new in the newer draft), "closed" (ended since), "removed"."""
    minutes: int
    covered: tuple[str, ...] = ()


@dataclass(frozen=True)
class HomeworkChange:
    started: datetime
    change: str
    """"set", "done", "undone" (ticked off, then not), "dropped"."""
    text: str
    where: str


@dataclass
class CoachingDiff:
    sessions: list[SessionChange] = field(default_factory=list)
    homework: list[HomeworkChange] = field(default_factory=list)
    private_notes: tuple[int, int] = (0, 0)
    """Private notes over every session, before and after (counted, never shown)."""

    @property
    def empty(self) -> bool:
        return not self.sessions and not self.homework and self.private_notes[0] == self.private_notes[1]

    def as_json(self) -> dict[str, Any]:
        return {"sessions": [{"started": s.started.isoformat(), "change": s.change, "minutes": s.minutes,
                              "covered": list(s.covered)} for s in self.sessions],
                "homework": [{"session": h.started.isoformat(), "change": h.change, "text": h.text,
                              "where": h.where} for h in self.homework],
                "private_notes": {"before": self.private_notes[0], "after": self.private_notes[1]}}


def _private(canvas: Canvas) -> int:
    return sum(1 for s in canvas.coach.sessions for n in s.notes if n.kind != HOMEWORK)


def _pieces(record: CoachSession | None) -> dict[tuple[str, str], SessionNote]:
    return {(n.place, n.text): n for n in (record.notes if record else []) if n.kind == HOMEWORK}


def compare(old: Canvas, new: Canvas, catalog: Catalog) -> CoachingDiff:
    """The coaching's changes from `old` to `new`, sessions oldest first."""
    before = {s.started: s for s in old.coach.sessions}
    after = {s.started: s for s in new.coach.sessions}
    out = CoachingDiff(private_notes=(_private(old), _private(new)))
    for started in sorted(before.keys() | after.keys()):
        was, now = before.get(started), after.get(started)
        if now is None:
            assert was is not None
            out.sessions.append(SessionChange(started, "removed", was.minutes))
        elif was is None:
            out.sessions.append(SessionChange(started, "begun", now.minutes, tuple(now.covered)))
        if now is not None and now.ended is not None and (was is None or was.ended is None):
            out.sessions.append(SessionChange(started, "closed", now.minutes, tuple(now.covered)))
        old_pieces, new_pieces = _pieces(was), _pieces(now)
        for key in [*old_pieces, *(k for k in new_pieces if k not in old_pieces)]:
            a, b = old_pieces.get(key), new_pieces.get(key)
            if b is None:
                change = "dropped"
            elif a is None:
                change = "done" if b.done else "set"
            elif a.done != b.done:
                change = "done" if b.done else "undone"
            else:
                continue
            place = note_place(new if b is not None else old, catalog, key[0])
            where = place.where if place.location else "Whole canvas"
            out.homework.append(HomeworkChange(started, change, key[1],
                                               f"{where} · {place.question}" if place.question else where))
    return out
