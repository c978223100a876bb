"""Shown when a canvas cannot be opened: why, and a way to open another. The file is untouched."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from wizard.model.safetext import file_name
from wizard.tui.text import literal


class BadFileScreen(Screen[None]):
    BINDINGS = [Binding("ctrl+q", "app.quit", "Quit", id="quit")]

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__()
        self.path = path
        self.problem = problem

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="bad-file"):
            yield Static("This canvas cannot be opened", classes="heading", markup=False)
            yield Static(literal(file_name(self.path), "bold"), markup=False)
            yield Static(literal(self.problem), id="problem", markup=False)
            yield Static("The file has not been changed. Fix it in an editor, or open another file:",
                         markup=False)
            yield Input(placeholder="Path to another .toml canvas (a new name starts a new canvas)",
                        id="other-path")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _open(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.app.open_path(Path(event.value.strip()).expanduser())  # type: ignore[attr-defined]
