"""A coach session while it runs: its clock, its plan, and where it is against the plan.

Front ends drive it (the wizard's question screen holds one in coach mode); it never
imports Textual. The clock is injectable so that tests can run a 45-minute session in
no time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

from wizard.core import coach_plan, coach_sessions, coaching
from wizard.core.coach_plan import Plan, SectionInfo
from wizard.core.coach_request import Request
from wizard.core.coaching import SectionTimer, SessionLine
from wizard.core.session import Session, Step
from wizard.model.canvas import Canvas
from wizard.model.coach import CoachSession

COVERED_AFTER = 60
"""Seconds on a section after which the session counts it as covered (a glance is not)."""


class CoachRun:
    def __init__(self, session: Session, key_name: Callable[[str], str],
                 clock: Callable[[], float] = time.monotonic) -> None:
        """`key_name`: a key binding's id to the key that presses it, as a text names it
        ("finish" to "Ctrl+F"): the front end knows the user's keymap, the core does not."""
        self.session = session
        self.key_name = key_name
        self.timer = SectionTimer(session, clock)
        self.plan: Plan | None = None
        self.warned: set[str] = set()
        """Sections (and "" for the session) whose running over was already said."""
        self.record: CoachSession | None = None
        """The session on record in the canvas while it runs (None: not begun, or closed)."""
        self.before: Canvas | None = None
        """The canvas as the session began: what changed in it is the session's diff."""
        self.closed: CoachSession | None = None
        """The session last closed here, for its summary."""

    def begin(self, minutes: int = 0, sections: list[str] | None = None) -> CoachSession:
        """Put the session on record (saved at once); the clock starts again from here."""
        if self.record is None:
            self.before = self.session.canvas.model_copy(deep=True)
            self.record = coach_sessions.begin(self.session, minutes, sections or [])
            if self.closed is not None:  # a new session after one was closed: its own clock
                self.timer.restart()
        return self.record

    def end(self) -> CoachSession | None:
        """Close the session: when it ended, what it covered and what changed, saved."""
        record = self.record
        if record is None:
            return None
        visited = [s for s, t in self.timer.all_today().items() if t >= COVERED_AFTER]
        # Ended as long after it began as the session's clock says (the one the plan runs on).
        ended = record.started + timedelta(seconds=self.timer.session_seconds())
        coach_sessions.close(self.session, record, self.before, visited, ended)
        self.record, self.closed, self.plan = None, record, None
        return record

    def infos(self) -> list[SectionInfo]:
        return coach_plan.sections(self.session.report(), self.session.catalog)

    def default_sections(self, request: Request | None = None) -> list[str]:
        """The request's sections, else the sections still open."""
        infos = self.infos()
        if request is not None and request.sections:
            wanted = set(request.sections)
            return [i.id for i in infos if i.id in wanted]
        return coach_plan.still_open(infos)

    def set_plan(self, minutes: int, sections: list[str]) -> Plan:
        """Plan (or re-plan) the session; time already spent stays where it was spent. The
        session is on record from its first plan."""
        fresh = self.record is None
        self.begin(minutes, sections)
        self.plan = Plan.make(minutes, sections, self.infos(), self.timer.all_today())
        self.warned.clear()
        if not fresh and self.record is not None:
            coach_sessions.replan(self.session, self.record, minutes, list(self.plan.sections))
        return self.plan

    def line(self, section: str) -> SessionLine:
        title = self.session.report().section_titles.get(section, section)
        return coaching.session_line(self.plan, self.timer, section, title, self.key_name("plan"))

    def newly_over(self, section: str) -> str:
        """What to say, once, when `section` (or the whole session) has just run over its time."""
        plan = self.plan
        if plan is None:
            return ""
        if plan.seconds - self.timer.session_seconds() <= 0 and "" not in self.warned:
            self.warned.add("")
            return (f"The session's time is up. End it when you are ready ({self.key_name('finish')}), or re-plan "
                    f"({self.key_name('plan')}).")
        left = plan.section_left(section, self.timer.spent_today(section))
        if left is not None and left <= 0 and section not in self.warned:
            self.warned.add(section)
            title = self.session.report().section_titles.get(section, section)
            return (f"The time planned for {title} is up: move on ({self.key_name('agenda')}, the agenda), or "
                    f"re-plan ({self.key_name('plan')}).")
        return ""


def first_step_of(session: Session, section: str) -> Step | None:
    """Where the agenda jumps for `section`: its first open question, else its first question."""
    steps = [s for s in session.steps() if s.section == section]
    return next((s for s in steps if session.status(s) in ("open", "partial", "locked")), steps[0] if steps else None)
