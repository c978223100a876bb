"""Coach mode's core: where notes are kept, time per section, the session agenda and its line.

Notes and times live in the canvas's own `[coach]` table, apart from the founder's
answers, so a canvas sent back to the founder stays clean and a coach can resume; the
notes are kept per session (wizard/core/coach_sessions.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from wizard.core import coach_plan, coach_sessions, scoring
from wizard.core.coach_plan import Plan
from wizard.core.coach_sessions import KeptNote
from wizard.core.session import Session, Step
from wizard.model.coach import CoachSession, NoteKind
from wizard.model.tree import Location, path_str


def question_key(step: Step) -> str:
    """Where a note on one question at one place is kept: `users/students#audience.age`."""
    return step.ref


def place_key(location: Location) -> str:
    """Where a note on a customer type, segment or job (or, for `()`, the canvas) is kept."""
    return path_str(location)


def note_place(step: Step) -> Location:
    """The place a step's broader note is about: its segment, else its type, else the canvas."""
    return step.location[:2]


@dataclass(frozen=True)
class NoteTarget:
    """One note a coach keeps at a step: its key, what it is about, and this session's note there."""

    key: str
    heading: str
    text: str = ""
    kind: NoteKind = "private"


def note_targets(session: Session, step: Step, record: CoachSession | None = None) -> list[NoteTarget]:
    """The two notes a coach keeps at a step: on the question itself, and on the segment (or
    type, or canvas) it belongs to; with `record`, the text and kind they have in that session."""
    place = note_place(step)
    names = session.place(Step(place, step.key)).names if place else ()
    broader = " › ".join(names) if names else "the whole canvas"
    targets = []
    for key, heading in ((question_key(step), f"On this question: {session.title(step)}"),
                         (place_key(place), f"On {broader}")):
        note = coach_sessions.note_at(record, key) if record is not None else None
        targets.append(NoteTarget(key, heading, note.text if note else "", note.kind if note else "private"))
    return targets


def notes_here(session: Session, step: Step) -> list[tuple[str, KeptNote]]:
    """Every note kept at a step's two places (any session, and the undated ones), as
    (heading, note), the question's first."""
    kept = coach_sessions.kept_notes(session.canvas)
    return [(t.heading, n) for t in note_targets(session, step) for n in kept if n.place == t.key]


class SectionTimer:
    """Time spent per section while the coach is on it; added to the canvas on `flush`."""

    def __init__(self, session: Session, clock: Callable[[], float] = time.monotonic) -> None:
        self.session = session
        self.clock = clock
        self.started = clock()
        self.section = ""
        self.since = self.started
        self.pending: dict[str, float] = {}
        """Seconds not yet added to the canvas, per section."""
        self.today: dict[str, float] = {}
        """Seconds per section in this session (never handed over: the plan counts them)."""

    def enter(self, section: str) -> None:
        """The coach moved to a step of `section` (the same section is a no-op)."""
        if section == self.section:
            return
        self._bank()
        self.section = section

    def _bank(self) -> None:
        now = self.clock()
        if self.section:
            self.pending[self.section] = self.pending.get(self.section, 0.0) + now - self.since
            self.today[self.section] = self.today.get(self.section, 0.0) + now - self.since
        self.since = now

    def spent(self, section: str) -> int:
        """Whole seconds on `section`: earlier sessions, this one, and the running stretch."""
        saved = self.session.canvas.coach.seconds.get(section, 0)
        running = self.clock() - self.since if section == self.section else 0.0
        return int(saved + self.pending.get(section, 0.0) + running)

    def restart(self) -> None:
        """A new session begins: its clock and its time per section start from nothing (the
        time so far stays to be added to the canvas)."""
        self._bank()
        self.started = self.since
        self.today = {}

    def session_seconds(self) -> int:
        return int(self.clock() - self.started)

    def spent_today(self, section: str) -> int:
        """Whole seconds on `section` in this session, the running stretch included."""
        running = self.clock() - self.since if section == self.section else 0.0
        return int(self.today.get(section, 0.0) + running)

    def all_today(self) -> dict[str, int]:
        """Seconds per section in this session, each section the coach has been on."""
        return {s: self.spent_today(s) for s in {*self.today, *([self.section] if self.section else [])}}

    def flush(self) -> None:
        """Add the time so far to the canvas and save it (on leaving, or when asked)."""
        self._bank()
        whole = {k: int(v) for k, v in self.pending.items() if int(v) > 0}
        if not whole:
            return
        with self.session.changing():
            seconds = self.session.canvas.coach.seconds
            for section, value in whole.items():
                seconds[section] = seconds.get(section, 0) + value
                self.pending[section] -= value
            self.session.save_change()


@dataclass(frozen=True)
class AgendaRow:
    section: str
    title: str
    minutes: int
    """Planned, from the bank (Structure gets a fixed slot)."""
    spent: int
    """Seconds so far, all sessions."""
    score: int
    notes: int
    """How many coach's notes sit on this section's questions."""
    today: int | None = None
    """Seconds today's plan gives it; None when it is not in today's plan."""
    spent_today: int = 0
    """Seconds on it in this session."""

    @property
    def left(self) -> int | None:
        """Seconds left of today's time (negative: over), None when not planned today."""
        return None if self.today is None else self.today - self.spent_today


def agenda(session: Session, timer: SectionTimer, plan: Plan | None = None) -> list[AgendaRow]:
    """The session plan in asking order: planned minutes, today's share, time spent, score
    and notes per section."""
    report = session.report()
    notes = [n.place for n in coach_sessions.kept_notes(session.canvas)]
    rows = []
    for info in coach_plan.sections(report, session.catalog):
        section = info.id
        prefix = "structure." if section == scoring.STRUCTURE else f"{section}."
        count = sum(1 for place in notes if place.partition("#")[2].startswith(prefix))
        today = plan.allot.get(section) if plan is not None and section in plan.sections else None
        rows.append(AgendaRow(section, info.title, info.planned, timer.spent(section),
                              report.sections[section].score, count, today, timer.spent_today(section)))
    return rows


def clock_text(seconds: int) -> str:
    minutes, secs = divmod(max(seconds, 0), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def minutes_text(seconds: int) -> str:
    """A time as a coach glances at it: whole minutes, rounded up (`12 min`), or `under 1 min`."""
    if seconds <= 0:
        return "0 min"
    return "under 1 min" if seconds < 60 else f"{-(-seconds // 60)} min"


@dataclass(frozen=True)
class SessionLine:
    """The coach's line under the top bar: this section's time left, and the session's."""

    text: str
    over: bool = False
    """The section (or the session) has run over its time: shown as a gentle warning."""


def session_line(plan: Plan | None, timer: SectionTimer, section: str, title: str, plan_key: str) -> SessionLine:
    """The coach session's line; `plan_key`: the key that plans it (F4 unless the keymap moved it)."""
    elapsed = timer.session_seconds()
    if plan is None:
        return SessionLine(f"{title} · coach session {clock_text(elapsed)} so far · {plan_key} plans it")
    session_left = plan.seconds - elapsed
    session = (f"session {minutes_text(session_left)} left" if session_left > 0
               else f"session over by {minutes_text(-session_left)}")
    left = plan.section_left(section, timer.spent_today(section))
    if left is None:
        return SessionLine(f"{title} (not in today's plan) · {session}", session_left <= 0)
    if left > 0:
        return SessionLine(f"{title} · {minutes_text(left)} left · {session}", session_left <= 0)
    return SessionLine(f"{title} · {minutes_text(-left) if left else '0 min'} over its time · {session}", True)
