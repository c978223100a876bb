"""The first screen without a file: start a new canvas, open one, or pick a recent one."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from wizard.files.drafts import recent
from wizard.model.canvas import slugify
from wizard.model.safetext import file_name
from wizard.tui.text import literal


class WelcomeScreen(Screen[None]):
    """Tab moves between the three ways in; Enter acts on the one in focus."""

    def __init__(self, message: str = "") -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome"):
            yield Static("Canvas Wizard", id="welcome-title", markup=False)
            yield Static("Work out who your customers are, one question at a time. "
                         "Every answer is saved as you go.", markup=False)
            if self.message:
                yield Static(literal(self.message), id="welcome-error", markup=False)
            with Vertical(classes="panel"):
                yield Static("Start a new canvas", classes="heading", markup=False)
                yield Input(placeholder="Title, e.g. Campus social network", id="new-title")
                yield Input(placeholder="Save as (default: title.toml in this folder)", id="new-path")
            with Vertical(classes="panel"):
                yield Static("Open a canvas file", classes="heading", markup=False)
                yield Input(placeholder="Path to a .toml canvas", id="open-path")
            files = recent()
            if files:
                with Vertical(classes="panel"):
                    yield Static("Recently used", classes="heading", markup=False)
                    yield OptionList(*(Option(literal(file_name(p)), id=str(i)) for i, p in enumerate(files)),
                                     id="recent")
                self.recent_files = files
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#new-title", Input).focus()

    def _open(self, path: Path) -> None:
        self.app.open_path(path.expanduser())  # type: ignore[attr-defined]

    @on(Input.Submitted, "#new-title")
    def _title_done(self) -> None:
        self.query_one("#new-path", Input).focus()

    @on(Input.Submitted, "#new-path")
    def _create(self) -> None:
        title = self.query_one("#new-title", Input).value.strip()
        typed = self.query_one("#new-path", Input).value.strip()
        if not title and not typed:
            self.notify("Give the canvas a title or a file name first.", severity="warning")
            self.query_one("#new-title", Input).focus()
            return
        path = Path(typed) if typed else Path(f"{slugify(title)}.toml")
        if path.suffix != ".toml":
            path = path.with_name(path.name + ".toml")
        if path.exists():
            self.notify(f"{file_name(path)} already exists: open it below instead.", severity="warning", markup=False)
            self.query_one("#open-path", Input).value = str(path)
            return
        self.app.new_title = title  # type: ignore[attr-defined]
        self._open(path)

    @on(Input.Submitted, "#open-path")
    def _open_typed(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self._open(Path(event.value.strip()))

    @on(OptionList.OptionSelected, "#recent")
    def _open_recent(self, event: OptionList.OptionSelected) -> None:
        self._open(self.recent_files[int(event.option.id or 0)])
