"""The line under the question: not applicable, waiting on another answer, quality checks, a note."""

from __future__ import annotations

import contextlib
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.message import Message

from wizard.core.session import Session, Step
from wizard.core.set_aside import side_file
from wizard.core.shown import shown_at
from wizard.model.safetext import file_name
from wizard.tui.key_names import key
from wizard.tui.text import literal, one_line
from wizard.tui.textual_internals.painting import SteadyStatic

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

    from wizard.checks import Finding

# The checks (wizard.checks: every rule module) are imported on their thread when they
# first run, not before the first question: until then there is no finding to show.

RECHECK_AFTER = 0.1
"""Seconds after a new question is shown that the quality checks of a changed canvas run."""
FIRST_CHECK_AFTER = 1.5
"""Seconds after the first question is shown that the first checks run: their language
libraries take half a second to load on their thread, which would still compete with the
start-up (the real answer box taking over from the first-frame picture, the first keys)."""


def short_of(session: Session, step: Step, next_key: str) -> str:
    """Why a question with an answer is still open: fewer items than its bank recommends."""
    question = session.question(step)
    value = session.value(step)
    if question is None or not isinstance(value, list):
        return "Partly answered."
    have, want = len(value), question.recommended_items
    noun = "picked" if question.kind.has_choices else "listed"
    more = want - have
    return (f"Partly answered: {have} of the {want} recommended {noun}. "
            f"Add {more} more for full marks ({next_key} goes on as it is).")


def rejected_here(session: Session, step: Step) -> str:
    """What the file holds at this question that no answer box can show (a hand edit), and
    what happens to it; "" when nothing is. Said here, where it would otherwise look like an
    empty answer, as well as when the file opens."""
    if step.is_structure or not session.exists(step):
        return ""
    held = session.node(step).get(step.key)
    problem = session.rejected(step, held)
    if not problem:
        return ""
    aside = file_name(side_file(session.path).name)
    return (f"The file holds {one_line(repr(held), 40)} here, which the wizard cannot use ({problem}). "
            f"It stays in the file until you answer; your answer sets it aside in {aside}.")


class StatusLine(SteadyStatic):
    """Hidden when there is nothing to say; repainted only when what it says changes.

    Its marks (not applicable, waiting, short of items, a note) always show; the coach's
    checks take at most `budget` lines (screen_fit.py), the rest summed up in one."""

    class Changed(Message):
        """What the status says changed, and with it, maybe, its height."""

    def __init__(self, session: Session) -> None:
        super().__init__(id="status", markup=False)
        self.session = session
        self.step: Step | None = None
        self.note = ""
        self._checked: tuple[object, list[Finding]] = (None, [])
        self._recheck_due = False
        self._shown: list[str] | None = None
        self.marks: list[str] = []
        self.checks: list[str] = []
        self.budget: int | None = None
        """Lines the checks may take (None: all of them)."""
        self._width = 0
        self._left: Step | None = None
        """The question just left: a text answer is saved as the founder leaves it, so what
        the coach finds in it is said on the next question (once), with the way back."""
        self._known: set[tuple[str, str]] = set()
        """The findings about `_left` already known when it was left: only new ones are said."""
        self.evidence = ""
        """What the interviews say of the answer on screen ("" when there is nothing to say)."""

    def show_for(self, step: Step, note: str = "") -> None:
        if self.step is not None and step != self.step:
            self._left = self.step
            self._known = {(f.rule, f.message) for f in self._checked[1]
                           if f.location == self.step.location and f.question == self.step.key}
        self.step, self.note = step, note
        self._show(self._lines(step, note))

    def heights(self, width: int) -> tuple[int, int]:
        """The lines the marks would take at `width`, and the lines all the checks would."""
        return sum(self._height(m, width) for m in self.marks), sum(self._height(c, width) for c in self.checks)

    def _height(self, line: str, width: int) -> int:
        return literal(line).get_height(cast("RulesMap", self.styles), max(width, 1))

    def set_budget(self, lines: int | None, width: int) -> None:
        self.budget, self._width = lines, width
        self._render_lines()

    def _lines(self, step: Step, note: str) -> tuple[list[str], list[str]]:
        session = self.session
        lines = []
        reason = session.na_reason(step)
        if reason is not None:
            lines.append("Marked not applicable" + (f": {reason}" if reason else "")
                         + f" ({key(self.app, 'not-applicable')} to undo)")
        held = rejected_here(session, step)
        if held:
            lines.append(held)
        status = session.status(step)
        if status == "locked":
            lines.append("This counts once the question it depends on is answered.")
        elif status == "partial":
            lines.append(short_of(session, step, key(self.app, "next")))
        if self.evidence:
            lines.append(self.evidence)
        if note:
            lines.append(note)
        found = [f"Coach's check: {f.message} {f.suggestion}" for f in self._findings(step)]
        left = self._left
        if left is not None and left != step:
            title = session.title(left) if session.exists(left) else ""
            back = key(self.app, "back")
            found += [f"Coach's check on “{title}” ({back} goes back): {f.message} {f.suggestion}"
                      for f in shown_at(self._checked[1], session, left)
                      if (f.rule, f.message) not in self._known]
        return lines, found

    def _show(self, parts: tuple[list[str], list[str]]) -> None:
        if parts == (self.marks, self.checks) and self._shown is not None:
            return  # the status refreshes after every save, and every second in coach mode
        self.marks, self.checks = parts
        self._render_lines()
        self.post_message(self.Changed())

    def _render_lines(self) -> None:
        lines = self.marks + self._fitting_checks()
        if lines == self._shown:
            return  # an update repaints it
        self._shown = lines
        self.update(literal("\n".join(lines), "italic"))
        self.display = bool(lines)

    def _fitting_checks(self) -> list[str]:
        """The checks that fit the budget, whole; the others counted in a line of their own."""
        if self.budget is None or not self.checks:
            return list(self.checks)
        heights = [self._height(c, self._width) for c in self.checks]
        if sum(heights) <= self.budget:
            return list(self.checks)
        room, shown = self.budget - 1, []  # a line for the summary
        for line, height in zip(self.checks, heights, strict=True):
            if height > room:
                break
            shown.append(line)
            room -= height
        if self.budget < 1:
            return shown
        more = len(self.checks) - len(shown)
        return [*shown, f"{more} {'more ' if shown else ''}coach's check{'s' * (more > 1)} here: "
                        f"see {'them' if more > 1 else 'it'} in the review ({key(self.app, 'review')})"]

    def _findings(self, step: Step) -> list[Finding]:
        """Quality checks on this question here, once the answers they read are in (see
        wizard/core/shown.py); run again only once the canvas changed (the session makes
        a new report then), since the status refreshes every second.

        The checks never run on the UI thread, not even for the first question: the first
        run loads their language libraries (about half a second). After a change they run
        a moment after the new question has been painted and focused (a few frames: a
        callback after the first refresh would still hold up the rest), on a thread, and
        `_checked_now` then adds any finding."""
        if self._checked[0] is not self.session.report() and not self._recheck_due:
            self._recheck_due = True
            self.set_timer(FIRST_CHECK_AFTER if self._checked[0] is None else RECHECK_AFTER, self._recheck)
        return shown_at(self._checked[1], self.session, step)

    def _recheck(self) -> None:
        self._recheck_due = False
        if self._checked[0] is self.session.report() or self.step is None:
            return
        # On a large canvas the checks take a tenth of a second or more: on a thread, the
        # keys typed meanwhile are not held up (the canvas is held still while they read it).
        self.run_worker(partial(self._check_off_thread, self.session.report()), thread=True, group="checks",
                        exit_on_error=False)  # advice only: never worth stopping the wizard for

    def _check_off_thread(self, report: object) -> None:
        from wizard import checks

        checks.warm()  # the libraries load outside the lock: typing is never held up by them
        with self.session.lock:
            found = checks.run(self.session.canvas, self.session.catalog)
        with contextlib.suppress(RuntimeError):  # the wizard closed while they ran
            self.app.call_from_thread(self._checked_now, report, found)

    def _checked_now(self, report: object, found: list[Finding]) -> None:
        if report is not self.session.report():
            return  # the canvas changed while they ran: that change's own recheck follows
        self._checked = (report, found)
        if self.step is not None:
            self._show(self._lines(self.step, self.note))
