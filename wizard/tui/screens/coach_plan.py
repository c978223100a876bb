"""The coach's plan dialog: how long the session is and which sections it covers.

Prefilled with the sections still open and the minutes their banks plan; each row shows
the minutes it gets as the coach changes the length or the sections. Opened when a coach
session starts without `--minutes`, and again (F4, or `p` in the agenda) to re-plan.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from wizard.core.coach_plan import Plan, SectionInfo, planned_minutes
from wizard.core.coach_request import MAX_MINUTES
from wizard.core.coaching import clock_text
from wizard.tui.key_names import key
from wizard.tui.screens.dialogs import Dialog
from wizard.tui.text import literal, one_line

PlanChoice = tuple[int, list[str]]
"""Minutes and section ids, as the coach chose them."""


TITLE_WIDTH = 34
"""A section's title in the plan's rows, cut at a word beyond this."""


def _cut(title: str) -> str:
    """The title on one line, cut at a word ("Customer profile: jobs, pains…") when too long."""
    flat = one_line(title, 10_000)
    if len(flat) <= TITLE_WIDTH:
        return flat
    head = flat[:TITLE_WIDTH - 1]
    return (head.rsplit(" ", 1)[0] if " " in head else head).rstrip(",;:") + "…"


class PlanScreen(Dialog[PlanChoice | None]):
    """Returns (minutes, sections), or None when the coach goes on without a (new) plan."""

    BINDINGS = [
        # Enter starts from anywhere in the dialog: in the list it would tick a row, which
        # Space does (as in every Textual selection list).
        Binding("enter", "start", "Start", id="plan-start", priority=True),
        Binding("escape", "dismiss(None)", "Cancel", id="plan-cancel"),
    ]

    def __init__(self, infos: list[SectionInfo], chosen: list[str], minutes: int | None = None,
                 spent: Mapping[str, int] | None = None, elapsed: int = 0) -> None:
        """`spent`/`elapsed`: seconds so far in this session, when re-planning one under way."""
        super().__init__()
        self.infos = infos
        self.chosen = chosen
        self.minutes = minutes if minutes is not None else planned_minutes(infos, chosen)
        self.spent = dict(spent or {})
        self.elapsed = elapsed

    def compose(self) -> ComposeResult:
        again = bool(self.elapsed)
        heading = f"Re-plan this session ({clock_text(self.elapsed)} gone)" if again else "Plan this session"
        with Vertical(classes="dialog plan-dialog"):
            yield Static(heading, classes="heading", markup=False)
            with Horizontal(classes="plan-minutes"):
                yield Static("Minutes in all: ", markup=False)
                yield Input(str(self.minutes), id="plan-minutes", type="integer", max_length=3, compact=True,
                            restrict=r"[0-9]*")
            yield Static("Sections today (Space ticks one): planned, done, today's share", classes="field-hint",
                         markup=False)
            listing = SelectionList[str](*(Selection(self._prompt(i, None), i.id, i.id in self.chosen, id=i.id)
                                           for i in self.infos), id="plan-sections")
            listing.compact = True  # no frame: at 80x24 every section and the keys fit
            yield listing
            yield Static("", id="plan-problem", markup=False)
            start, cancel = key(self.app, "plan-start"), key(self.app, "plan-cancel")
            yield Static(f"{start} starts · Tab: minutes or sections · {cancel}: go on without a plan" if not again
                         else f"{start} re-plans · Tab: minutes or sections · {cancel}: keep the plan",
                         classes="field-hint", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(f"Start ({start})" if not again else f"Re-plan ({start})", id="start", variant="primary",
                             compact=True)
                yield Button(f"Cancel ({cancel})", id="cancel", compact=True)

    def on_mount(self) -> None:
        box = self.query_one("#plan-minutes", Input)
        box.focus()
        box.select_all()
        self._update()

    def _prompt(self, info: SectionInfo, seconds: int | None) -> Content:
        done = int(100 * (1 - info.open_share) + 1e-6)  # as the score rounds: 100 only when complete
        # 64 cells in all, so that at 80 columns no row is cut (the dialog is 76 wide): a
        # long title gives way first, at a word.
        share = f"→ {round(seconds / 60):>3} min" if seconds is not None else " not today"
        return Content.assemble(literal(f"{_cut(info.title):<{TITLE_WIDTH}}"),
                                literal(f" {info.planned:>3} min · {done:>3}% done ", "dim"),
                                literal(share, "bold" if seconds is not None else "dim"))

    def choice(self) -> PlanChoice | str:
        """The coach's choice, or what is wrong with it."""
        text = self.query_one("#plan-minutes", Input).value.strip()
        sections = list(self.query_one("#plan-sections", SelectionList).selected)
        minutes = int(text) if text.isdigit() else 0
        if not 1 <= minutes <= MAX_MINUTES:
            return f"Give the session's length in minutes, 1 to {MAX_MINUTES}."
        if not sections:
            return "Tick at least one section (Space)."
        order = [i.id for i in self.infos]
        return minutes, sorted(sections, key=order.index)

    @on(Input.Changed)
    @on(SelectionList.SelectedChanged)
    def _update(self) -> None:
        choice = self.choice()
        problem = self.query_one("#plan-problem", Static)
        problem.update(literal(choice, "bold") if isinstance(choice, str) else "")
        problem.display = isinstance(choice, str)
        allot = Plan.make(choice[0], choice[1], self.infos, self.spent).allot if not isinstance(choice, str) else {}
        listing = self.query_one("#plan-sections", SelectionList)
        for index, info in enumerate(self.infos):
            listing.replace_option_prompt_at_index(index, self._prompt(info, allot.get(info.id)))

    def action_start(self) -> None:
        choice = self.choice()
        if isinstance(choice, str):
            self.app.bell()
            self._update()
            return
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()
        else:
            self.dismiss(None)
