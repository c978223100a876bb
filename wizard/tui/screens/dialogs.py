"""Small modal questions drawn mid-screen: confirm, a not-applicable reason, a file open elsewhere or changed."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from wizard.model.safetext import file_name
from wizard.tui.key_names import key
from wizard.tui.text import literal

DialogResult = TypeVar("DialogResult")


class Dialog(ModalScreen[DialogResult]):
    """A small question drawn in the middle of the screen, over the one it interrupts."""

    DEFAULT_CSS = "Dialog { align: center middle; }"


class ConfirmScreen(Dialog[bool]):
    BINDINGS = [Binding("escape,n", "dismiss(False)", "No", id="confirm-no"),
                Binding("y", "dismiss(True)", "Yes", id="confirm-yes")]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self.question), markup=False)
            with Horizontal(classes="buttons"):
                yield Button(f"Yes ({key(self.app, 'confirm-yes', letter=True)})", id="yes", variant="error")
                yield Button(f"No ({key(self.app, 'confirm-no', letter=True)})", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class ReasonScreen(Dialog[str | None]):
    """Ask why a question does not apply; the reason is optional."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="reason-cancel")]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(f"Mark '{self.title_text}' not applicable?", "bold"), markup=False)
            yield Static(f"Why (optional): Enter to confirm, {key(self.app, 'reason-cancel')} to cancel.", markup=False)
            yield Input(placeholder="e.g. a B2B segment: no household to describe")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())


class LockedScreen(Dialog[str]):
    """Another wizard has the canvas open: read it without changing it, open another, or quit."""

    BINDINGS = [Binding("r", "dismiss('read-only')", "Read-only", id="locked-read-only"),
                Binding("o", "dismiss('other')", "Other file", id="locked-other"),
                Binding("q,escape", "dismiss('quit')", "Quit", id="locked-quit")]

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__()
        self.path = path
        self.holder = holder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(f"{file_name(self.path)} is open in another wizard", "bold"), markup=False)
            yield Static(literal(f"{self.holder} has it open. Two wizards saving one file would overwrite "
                                 "each other's answers, so only one may change it."), markup=False)
            yield Static("Read it without changing it, open another file, or quit. A wizard that was closed "
                         "or killed does not count: its lock is ignored.", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(f"Read-only ({key(self.app, 'locked-read-only', letter=True)})", id="read-only",
                             variant="primary")
                yield Button(f"Other file ({key(self.app, 'locked-other', letter=True)})", id="other")
                yield Button(f"Quit ({key(self.app, 'locked-quit', letter=True)})", id="quit")

    def on_mount(self) -> None:
        self.query_one("#read-only", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "quit")


class ChangedOnDiskScreen(Dialog[str | None]):
    """The canvas changed on disk since it was opened: keep this version or load that one."""

    BINDINGS = [Binding("k", "dismiss('mine')", "Keep mine", id="changed-keep-mine"),
                Binding("l", "dismiss('theirs')", "Load from disk", id="changed-load"),
                Binding("escape", "dismiss(None)", "Decide later", id="changed-later")]

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__()
        self.path = path
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(f"{file_name(self.path)} was changed by another program", "bold"), markup=False)
            yield Static(literal(f"It {self.problem}. Nothing has been overwritten."), markup=False)
            yield Static("Keep my version: save what is here; the file on disk is kept as a numbered backup "
                         "beside it (FILE.~N~).\nLoad the file from disk: show that version instead; what you "
                         f"typed here and had not saved stays as drafts.\n{key(self.app, 'changed-later')}: decide "
                         "at the next save.", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(f"Keep my version ({key(self.app, 'changed-keep-mine')})", id="mine", variant="primary")
                yield Button(f"Load from disk ({key(self.app, 'changed-load')})", id="theirs")

    def on_mount(self) -> None:
        self.query_one("#mine", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)
