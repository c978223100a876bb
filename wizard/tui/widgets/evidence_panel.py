"""The review's evidence panel: the items interviews contradicted, then the riskiest guesses
(untested, heaviest first); Enter on one goes to its question."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wizard.core import evidence, interviews
from wizard.core.evidence import Item
from wizard.core.session import Session, Step
from wizard.tui.key_names import key as key_name
from wizard.tui.text import literal, one_line

SHOWN = 8
"""Items listed: the riskiest few are what to ask about next; the rest wait their turn."""


def step_of(item: Item) -> Step:
    """The question an item answers (a job: its segment's list of jobs)."""
    from wizard.core.session import JOBS

    below = tuple(p for p in item.at.split("/") if p)
    return Step(item.segment, JOBS) if not item.question else Step((*item.segment, *below), item.question)


class EvidencePanel(Vertical):
    """Hidden while the canvas holds no item an interview could test."""

    DEFAULT_CSS = "#evidence-panel OptionList { max-height: 20vh; }"

    class Picked(Message):
        def __init__(self, step: Step) -> None:
            super().__init__()
            self.step = step

    def __init__(self, session: Session) -> None:
        super().__init__(classes="panel", id="evidence-panel")
        self.session = session
        self.steps: dict[str, Step] = {}

    def compose(self) -> ComposeResult:
        report = evidence.evidence(self.session.canvas, self.session.catalog)
        self.display = bool(report.items)
        held = report.interviews
        yield Static(Content.assemble(
            literal("Evidence: contradicted, then the riskiest guesses (Enter jumps there)", "bold"),
            literal(f"  {report.overall}% tested · {held} interview{'s' * (held != 1)} · "
                    f"{key_name(self.app, 'log-interview')} on a segment's question logs one", "dim")), markup=False)
        options = []
        for n, item in enumerate([*report.contradicted(), *report.untested()][:SHOWN]):
            key = f"v{n}"
            self.steps[key] = step_of(item)
            said = interviews.describe(item) if item.state != "guess" else f"weight {item.weight:g}"
            options.append(Option(Content.assemble(
                literal(f"{interviews.badge(item):>2} ", "bold"), literal(one_line(item.text, 40)),
                literal(f" · {item.title} · {said} — {one_line(item.where, 44)}", "dim")), id=key))
        if not options:
            options.append(Option(literal("Every item rests on an interview or a mark."), disabled=True))
        yield OptionList(*options, id="evidence")

    @on(OptionList.OptionSelected, "#evidence")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        step = self.steps.get(event.option.id or "")
        if step is not None:
            self.post_message(self.Picked(step))
