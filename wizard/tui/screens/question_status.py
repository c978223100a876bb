"""What the question screen says around the answer: the top bar, where it is, why the score fell.

Each is worked out again after every save and every second, and painted again only when
what it says changed: a repaint that changes nothing still costs a frame, and one landing
right after a key's own made that key look slower.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from wizard.core.progress import explain_drop
from wizard.core.scoring import Report
from wizard.tui.lookup import by_id
from wizard.tui.question_text import topbar, where_text
from wizard.tui.text import literal

if TYPE_CHECKING:
    from wizard.tui.screens.question import QuestionScreen


class Surroundings:
    """The question screen's top bar and where line, and the score they last showed."""

    def __init__(self) -> None:
        self._where = ""
        self._topbar: Content | None = None
        """The top bar as last painted."""
        self._scored: Report | None = None
        """The report the score on screen came from, to explain a fall (progress.py)."""

    def show_topbar(self, screen: QuestionScreen) -> None:
        """The file, whether it holds what is on screen, and the scores: one line whatever it
        says, so no layout."""
        line, last = topbar(screen.session, screen.step), self._topbar
        bar = by_id(screen, "topbar", Static)
        if bar is None:
            return  # the screen is closing
        # Content's == compares the text alone: the styles (what is wrong stands out) count too.
        if last is None or bar.content is not last or (line.plain, line.spans) != (last.plain, last.spans):
            bar.update(line, layout=False)
            self._topbar = line

    def show_where(self, screen: QuestionScreen) -> None:
        where = where_text(screen.session, screen.step)
        if where != self._where:  # unchanged after a save: leave it, no layout
            self._where = where
            screen.query_one("#where", Static).update(literal(where, "dim"))

    def explain_a_fall(self, screen: QuestionScreen) -> None:
        """Adding a segment, or an answer that makes more questions apply, lowers the score:
        say why when it happens, so it does not look like lost work."""
        report = screen.session.report()
        before, self._scored = self._scored, report
        if before is not None and report is not before and report.score < before.score:
            screen.notify(explain_drop(before, report), title="Why the score fell", markup=False, timeout=12)
