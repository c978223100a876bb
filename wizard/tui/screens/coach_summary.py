"""The end of a coach session: its summary on screen, to export for the founder or the coach.

Shown when the coach ends the session (the finish screen, the agenda) or quits the wizard
during one. What it shows is the coach's copy (the screen is the coach's: the private notes
are on it during the session too); `f` exports the founder's copy, which never holds a
private note, and `c` the coach's.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown, Static

from wizard.core.session import Session
from wizard.tui.widgets.footer import SteadyFooter


class SummaryScreen(Screen[str]):
    """Returns "close" (close the wizard) or "back" (back to the questions)."""

    DEFAULT_CSS = """
    SummaryScreen #summary-head { height: 1; background: $panel; color: $text; padding: 0 1; }
    SummaryScreen #summary-body { padding: 0 2; }
    """
    BINDINGS = [
        Binding("f", "export(False)", "Founder's copy", id="summary-founder"),
        Binding("c", "export(True)", "Coach's copy", id="summary-coach"),
        Binding("q", "dismiss('close')", "Close the wizard", id="summary-close"),
        Binding("escape", "dismiss('back')", "Back to the questions", id="summary-back"),
    ]

    def __init__(self, session: Session, text: str, quitting: bool = False) -> None:
        super().__init__()
        self.session = session
        self.text = text
        self.quitting = quitting

    def compose(self) -> ComposeResult:
        yield Static("Session closed and saved · this is the coach's copy; f exports the founder's",
                     id="summary-head", markup=False)
        with VerticalScroll(id="summary-body"):
            # Markdown of the wizard's own making; what users wrote in it is escaped (md_line).
            yield Markdown(self.text, id="summary", open_links=False)
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#summary-body").focus()

    def action_export(self, coach: bool) -> None:
        from wizard.tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(self.session, "summary", coach=coach))
