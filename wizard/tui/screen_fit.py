"""Fitting the question screen to the terminal: the answer box always in view.

Around the answer box are the place and progress, the prompt, marks (not applicable, a
short list), the coach's checks, and below or beside it the coach's probes and notes and
the help. When they do not all fit, something has to give way, and it must never be the
box the founder types into: first the help, then the coach's notes (F2 shows them whole),
then the checks, then the coach's probes. A
stylesheet cannot say that (Textual's layouts have no shrink order), so the screen works it
out here from the heights its parts would take, and caps them.

Anything given a line of its own outside the question's body (the top bar, the key bar,
the coach session's line) is simply not part of the room counted here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static

from wizard.tui.lookup import by_id
from wizard.tui.screen_text import WIDE, text_widths
from wizard.tui.textual_internals.painting import SteadyTree

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.screen import Screen

MIN_HELP = 3
"""Fewer lines of help than this are a fragment: none is shown instead."""
MIN_ANSWER = 3
"""The answer box shows at least this many lines (an input box with its border)."""


@dataclass(frozen=True)
class Parts:
    """The natural height, in lines, of each part of the question screen at its width."""

    room: int
    """Lines of the body (between the top bar and the key bar)."""
    fixed: int
    """The place, the prompt and the marks, with their margins: these never give way."""
    answer: int
    checks: int
    """The coach's checks, with their margin."""
    coach: int
    """The coach's probes, at the top of the side panel (coach mode)."""
    help: int
    stacked: bool
    """The side panel below the question (a terminal narrower than WIDE), not beside it."""
    notes: int = 0
    """The coach's notes, below the probes (coach mode)."""
    frame: int = 1
    """The line the side panel's border takes when it is below the question."""


@dataclass(frozen=True)
class Fit:
    checks: int
    coach: int
    help: int
    notes: int = 0

    @property
    def side(self) -> int:
        """Lines of the side panel (its border not included)."""
        return self.coach + self.notes + self.help


def fit(parts: Parts) -> Fit:
    """How many lines the checks, the coach's part and the help may take."""
    checks, coach, notes, help_ = parts.checks, parts.coach, parts.notes, parts.help
    if not parts.stacked:
        # The side panel is a column of its own; only the checks share the answer's column.
        return Fit(max(0, min(checks, parts.room - parts.fixed - parts.answer)), coach, help_, notes)

    def over() -> int:
        side = coach + notes + help_
        return parts.fixed + parts.answer + checks + (parts.frame + side if side else 0) - parts.room

    if over() > 0:
        help_ = max(0, help_ - over())
        if help_ < min(MIN_HELP, parts.help):
            help_ = 0
    if over() > 0:
        notes = max(0, notes - over())
    if over() > 0:
        checks = max(0, checks - over())
    if over() > 0:
        coach = max(0, coach - over())
    return Fit(checks, coach, help_, notes)


class Status(Protocol):
    """The status line as fitting sees it (status_line.StatusLine, which needs the models)."""

    display: bool

    def heights(self, width: int) -> tuple[int, int]: ...

    def set_budget(self, lines: int | None, width: int) -> None: ...


def lines(widget: Widget, width: int) -> int:
    """The lines `widget` takes at `width`, its vertical margins included (0 when hidden)."""
    if not widget.display:
        return 0
    size = Size(width, 10_000)
    return widget.get_content_height(size, size, width) + widget.styles.margin.height


_HEIGHTS: dict[tuple[int, int, int], tuple[Content, int]] = {}
"""Lines of a text at a width, by (text, widget, width): a question is fitted several times
as its parts settle (the checks' line, a new kind of answer box measured in), and the help
is by far its longest text. A Content never changes once made, and the texts measured
here are shown in widgets whose wrapping styles are fixed by the stylesheet."""


def content_lines(content: Content, widget: Widget, width: int) -> int:
    if not content:
        return 0
    key = (id(content), id(widget), width)
    kept = _HEIGHTS.get(key)
    if kept is not None and kept[0] is content:
        return kept[1]
    if len(_HEIGHTS) > 32:  # the texts of the questions shown just now are all it needs
        _HEIGHTS.clear()
    height = content.get_height(cast("RulesMap", widget.styles), max(width, 1))
    _HEIGHTS[key] = (content, height)
    return height


def apply(screen: Screen[Any], size: Size, status: Status | None = None, coach: Content | None = None,
          notes: Content | None = None) -> Fit:
    """Cap the parts of the question screen (its ids: #where, #prompt, #field-box, #aside,
    #help) so that the answer box stays in view at `size`. `coach` is the coach's part at
    the top of the help, which gives way after the help and the checks."""
    width, side_width = text_widths(size.width)
    # Measured as if the question's column had its scrollbar: once it has one (laid out
    # before this fit, say), its text is that much narrower and wraps onto more lines,
    # and a fit to the width without it would keep it overflowing, scrollbar and all.
    width = max(width - screen.query_one("#main").styles.scrollbar_size_vertical, 1)
    stacked = size.width < WIDE
    help_widget, aside = screen.query_one("#help", Static), screen.query_one("#aside")
    marks = checks = 0
    if status is not None:
        marks, checks = status.heights(width)
        if marks or checks:
            marks, checks = (marks + 1, checks) if marks else (0, checks + 1)  # its margin below
    # The help follows the coach's part on its last (blank) line; the notes follow the probes.
    coach_lines = content_lines(Content.assemble(coach, "x"), help_widget, side_width) - 1 if coach else 0
    both = Content.assemble(coach or "", notes or "", "x")
    notes_lines = content_lines(both, help_widget, side_width) - 1 - coach_lines if notes else 0
    total_help = content_lines(cast(Content, help_widget.content), help_widget, side_width)
    # The top bar and the key bar, and the coach session's line when there is one.
    line = by_id(screen, "session-line", Widget)
    bars = 2 + int(line is not None and line.display)
    parts = Parts(room=size.height - bars, stacked=stacked,
                  fixed=lines(screen.query_one("#where"), width) + lines(screen.query_one("#prompt"), width) + marks,
                  answer=lines(screen.query_one("#field-box"), width), checks=checks,
                  coach=coach_lines, notes=notes_lines, help=max(total_help - coach_lines - notes_lines, 0))
    room = fit(parts)
    nav = by_id(screen, "nav", SteadyTree)
    if nav is not None and nav.display:  # the sidebar spans the body
        nav.scrolls_within(parts.room)
    if status is not None:
        status.set_budget(max(room.checks - (0 if marks else 1), 0), width)
    body = screen.query_one("#body")
    if not stacked:
        # Beside the question the help is a column as tall as the body, so whether it
        # scrolls is known here: said now, the layout that shows the question places the
        # scrollbar too. Left to Textual, it comes (or goes) in a layout and a frame of its
        # own, 30-50 ms later; where this guess is wrong, Textual still puts it right then.
        overflow = total_help > parts.room
        aside.show_vertical_scrollbar = overflow
        aside.vertical_scrollbar.display = overflow
    # Beside the question, the panel's styles do not depend on how much help there is.
    applied = (stacked, room.side if stacked else 0)
    if getattr(screen, "_fitted", None) == applied:
        return room  # styles set again, even to the same values, lay the whole screen out again
    screen._fitted = applied  # type: ignore[attr-defined]
    if stacked:
        # The grid's row, not the panel's height: an `auto` row is as tall as the tallest
        # widget in it, and the sidebar spans that row too.
        aside.display = room.side > 0
        aside.styles.max_height = parts.frame + room.side
        body.styles.grid_rows = f"1fr {parts.frame + room.side if room.side else 0}"
    else:
        aside.display = True
        aside.styles.max_height = None  # the stylesheet's: the whole column
        body.styles.grid_rows = None  # the stylesheet's: one row, the help a column of its own
    return room
