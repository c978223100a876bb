"""The finish: where the file is, what is still open, and what to do next, then the
actions on offer (finish_actions.py: going on, taking something away, closing)."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.events import Key
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from wizard import checks
from wizard.core import unasked
from wizard.core.session import Session
from wizard.model.safetext import file_name
from wizard.tui.finish_actions import FinishAction, actions
from wizard.tui.key_names import display, key
from wizard.tui.question_text import saved_text
from wizard.tui.screen_text import meter
from wizard.tui.text import literal, one_line

TOP_GAPS = 3


def where_is(path: Path) -> str:
    """The file's full name, to find it again."""
    return file_name(str(path.absolute()))


def here() -> str:
    """The folder the commands of the next steps are to be typed in."""
    return file_name(os.getcwd())


def shown_path(path: Path) -> str:
    """The file as a command line takes it: relative to here when it is below here, quoted
    for the shell, and with no control character left to reach the terminal."""
    try:
        rel = path.resolve().relative_to(Path.cwd().resolve())
        text = str(rel)
    except (ValueError, OSError):
        text = str(path.absolute())
    return file_name(shlex.quote(text))


def next_steps(path: Path) -> list[tuple[str, str]]:
    """The commands to take the canvas on from here, each with what it does."""
    name = shown_path(path)
    page = file_name(shlex.quote(f"{path.stem}.html"))
    return [
        (f"canvas-wizard {name}", "carry on: it opens where the most is still missing"),
        (f"canvas-wizard score {name}", "the score, and everything still missing"),
        (f"canvas-wizard export {name} --format html -o {page}", "the canvas on one printable page"),
        (f"canvas-wizard export {name} --format markdown", "a persona per segment, to share with the team"),
        (f"canvas-wizard export {name} --format interview", "an interview guide per segment"),
    ]


class FinishScreen(Screen[str | None]):
    """Returns "go-on" (the first open question), "review" or None (back to the question
    on screen) for the question screen; closing ends the wizard."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Back to the question", id="finish-back"),
        # The actions are a short list: paging scrolls what is above them instead.
        Binding("pagedown", "page(1)", "More", id="finish-page-down", priority=True, show=False),
        Binding("pageup", "page(-1)", "Back up", id="finish-page-up", priority=True, show=False),
    ]

    def action_page(self, direction: int) -> None:
        body = self.query_one("#finish-body", VerticalScroll)
        (body.scroll_page_down if direction > 0 else body.scroll_page_up)(animate=False)

    def __init__(self, session: Session, drafts: int = 0) -> None:
        super().__init__()
        self.session = session
        self.drafts = drafts
        """How many questions hold typed text not committed as an answer."""
        self.actions: list[FinishAction] = []

    def compose(self) -> ComposeResult:
        session = self.session
        report = session.report()
        title = session.canvas.title or session.path.name
        yield Static(Content.assemble(literal(f" Finished for now: {one_line(title, 50)}", "bold"),
                                      f"   {meter(report.score)} {report.score}% complete"),
                     id="finish-title", markup=False)
        with VerticalScroll(id="finish-body"):
            yield Static(self._where(), id="finish-file", markup=False)
            yield Static(self._open(), id="finish-open", markup=False)
            yield Static(self._next(), id="finish-next", markup=False)
        self.actions = actions(self)
        with Vertical(id="finish-actions", classes="panel"):
            pages = f"{key(self.app, 'finish-page-up')}/{key(self.app, 'finish-page-down')}"
            yield Static(f"What now (Enter, or the key in brackets; {pages} scroll the page)", classes="heading",
                         markup=False)
            yield OptionList(*(self._option(a) for a in self.actions), id="finish-list")
            yield Static("", id="finish-hint", classes="field-hint", markup=False)
        yield Footer()

    def _option(self, action: FinishAction) -> Option:
        key = f"({display(action.key)}) " if action.key else "    "
        return Option(Content.assemble(literal(key, "bold"), literal(one_line(action.label, 70))), id=action.id)

    def relabel(self, action_id: str, action: FinishAction | None) -> None:
        """Show `action` in place of the one of that id (its label says what changed)."""
        if action is None:
            return
        self.actions = [action if a.id == action_id else a for a in self.actions]
        self.query_one("#finish-list", OptionList).replace_option_prompt(action_id, self._option(action).prompt)

    @on(OptionList.OptionHighlighted, "#finish-list")
    def _hint(self, event: OptionList.OptionHighlighted) -> None:
        action = next((a for a in self.actions if a.id == event.option.id), None)
        self.query_one("#finish-hint", Static).update(literal(action.help if action else ""))

    def on_mount(self) -> None:
        self.query_one("#finish-list", OptionList).focus()

    def _where(self) -> Content:
        state = self.session.save_state()
        saved = saved_text(state)
        lines = [literal("Your canvas", "bold"),
                 Content.assemble("  ", literal(where_is(self.session.path)), saved)]
        if state.kind in ("unsaved", "changed"):
            lines.append(literal(f"  {state.problem or 'The last changes are not in the file yet.'} "
                                 "Closing saves them, or keeps a copy and says where.", "italic"))
        return Content("\n").join(lines)

    def _open(self) -> Content:
        session, report = self.session, self.session.report()
        gaps = report.missing()
        lines = [Content(""), literal("Still open", "bold")]
        if not gaps:
            lines.append(literal("  Nothing: every question is answered."))
        else:
            sections = {g.slot.section for g in gaps}
            required = [g for g in gaps if g.slot.required]
            lines.append(literal(f"  {len(gaps)} question{'s' * (len(gaps) > 1)} in {len(sections)} "
                                 f"section{'s' * (len(sections) > 1)}"
                                 + (f" ({len(required)} required)" if required else "")
                                 + ", the ones adding most first:"))
            for gap in gaps[:TOP_GAPS]:
                lines.append(Content.assemble(literal(f"  +{gap.gain:.1f}%  {gap.slot.title}"),
                                              literal(f" — {one_line(gap.slot.where, 60)}", "dim")))
        extra = []
        findings = checks.run(session.canvas, session.catalog)
        if findings:
            extra.append(f"{len(findings)} quality check{'s' * (len(findings) > 1)} to look at (the review)")
        kept = unasked.find(session.canvas, session.catalog)
        if kept:
            extra.append(f"{len(kept)} answer{'s' * (len(kept) > 1)} set aside, not counted (the review)")
        if self.drafts:
            extra.append(f"text typed in {self.drafts} question{'s' * (self.drafts > 1)} but not yet an "
                         "answer (kept as drafts, shown when you carry on)")
        lines += [literal(f"  {line}") for line in extra]
        return Content("\n").join(lines)

    def _next(self) -> Content:
        steps = next_steps(self.session.path)
        lines = [Content(""), literal(f"Next steps, from a terminal in {here()}", "bold")]
        for command, what in steps:
            lines.append(Content.assemble(literal(f"  {command}", "bold"), literal(f"\n      {what}", "dim")))
        return Content("\n").join(lines)

    @on(OptionList.OptionSelected, "#finish-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._run(next(a for a in self.actions if a.id == event.option.id))

    def on_key(self, event: Key) -> None:
        # The character for a letter ("?" is the key "question_mark"), the key for the others (F9).
        action = next((a for a in self.actions if a.key and a.key in (event.character, event.key)), None)
        if action is not None:
            event.stop()
            self._run(action)

    def _run(self, action: FinishAction) -> None:
        action.run(self)
