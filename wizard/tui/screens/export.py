"""Export from the wizard: choose a format and a file, and write the canvas on screen there (never over a file unasked).

`ExportScreen` is the dialog; `ExportProvider` puts "Export ..." (and one entry per format)
in the command palette; `open_export(app, session)` is what a finish screen's button calls.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, Static

from wizard.files.errors import UserFileError
from wizard.tui.text import literal

if TYPE_CHECKING:
    from typing import Any

    from wizard.core.session import Session

FORMATS = ("html", "markdown", "interview", "summary")
TITLES = {"html": "The picture (HTML, to print or show)", "markdown": "Persona document (Markdown)",
          "interview": "Interview kit (Markdown)", "summary": "Coach session summary (Markdown)"}


def default_path(canvas: Path, fmt: str) -> Path:
    """Beside the canvas, named after it: `shop.toml` -> `shop.html`, `shop.md`, `shop.interview.md`."""
    from wizard.export.formats import SUFFIXES

    return canvas.with_name(canvas.stem + SUFFIXES[fmt])


def names_anyone(session: Session) -> bool:
    """Whether an interview says who it was with (a name, or a role and initials)."""
    return any(i.name.strip() or i.who.strip() for t in session.canvas.customer_types for seg in t.segments
               for i in seg.interviews)


def export_to(session: Session, fmt: str, out: Path, coach: bool, replace: bool, with_names: bool = False) -> None:
    """Render the canvas as it is on screen and write it to `out`; UserFileError says why not.
    The people interviewed are named only `with_names` (the coach's copy says who, by role)."""
    from wizard.export.formats import render_canvas
    from wizard.export.view import Audience
    from wizard.files.outputs import write_output

    if out.exists() and session.path.exists() and out.resolve() == session.path.resolve():
        raise UserFileError(out, "is the canvas itself; choose another file")
    audience = Audience.COACH if coach else Audience.FOUNDER
    text = render_canvas(session.canvas, session.catalog, fmt, audience, untitled=session.path.stem,
                         with_names=with_names)
    write_output(out, text, force=replace)


class ExportScreen(ModalScreen[Path | None]):
    """The dialog: a format, a file (beside the canvas by default), whether it is the coach's
    copy and, when interviews say who they were with, whether the copy names them."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen .dialog { width: 76; }
    ExportScreen RadioSet { width: 100%; border: none; padding: 0; }
    ExportScreen #export-error { color: $text-error; height: auto; }
    ExportScreen Input { margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="export-cancel")]

    def __init__(self, session: Session, fmt: str = "html", coach: bool = False) -> None:
        super().__init__()
        self.session = session
        self.fmt = fmt if fmt in FORMATS else "html"
        self.coach = coach
        self._suggested = default_path(session.path, self.fmt)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal("Export the canvas", "bold"), markup=False)
            with RadioSet(id="export-format"):
                for fmt in FORMATS:
                    yield RadioButton(TITLES[fmt], value=fmt == self.fmt, id=f"format-{fmt}")
            yield Input(str(self._suggested), id="export-path", placeholder="The file to write")
            # Compact, one line each: the dialog, buttons and all, fits 80x24.
            yield Checkbox("Coach's copy: private notes and quality checks", self.coach,
                           id="export-coach", compact=True)
            if names_anyone(self.session):  # interviews hold what founders type about real people
                yield Checkbox("Name the people interviewed (quotes show anyway)", False,
                               id="export-names", compact=True)
            yield Static("", id="export-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Export", id="export", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-format", RadioSet).focus()

    @on(RadioSet.Changed)
    def _format(self, event: RadioSet.Changed) -> None:
        self.fmt = FORMATS[event.index]
        field = self.query_one("#export-path", Input)
        if Path(field.value) == self._suggested:  # a name the user typed is theirs to keep
            self._suggested = default_path(self.session.path, self.fmt)
            field.value = str(self._suggested)

    def _target(self) -> Path:
        typed = Path(self.query_one("#export-path", Input).value.strip()).expanduser()
        return typed if typed.is_absolute() else self.session.path.parent / typed

    @on(Input.Submitted)
    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        if not self.query_one("#export-path", Input).value.strip():
            self._error("Give the file to write.")
            return
        out = self._target()
        if out.is_file():
            from wizard.tui.screens.dialogs import ConfirmScreen

            self.app.push_screen(ConfirmScreen(f"{out} already exists. Replace it with this export?"),
                                 partial(self._confirmed, out))
            return
        self._write(out, replace=False)

    def _confirmed(self, out: Path, replace: bool | None) -> None:
        if replace:
            self._write(out, replace=True)
        else:
            self._error("Not written: choose another file name, or confirm to replace it.")

    def _write(self, out: Path, replace: bool) -> None:
        coach = self.query_one("#export-coach", Checkbox).value
        names = any(box.value for box in self.query("#export-names").results(Checkbox))
        try:
            export_to(self.session, self.fmt, out, coach, replace, with_names=names)
        except UserFileError as exc:
            self._error(str(exc))
            return
        self.app.notify(f"Exported to {out}", title=TITLES[self.fmt], markup=False)
        self.dismiss(out)

    def _error(self, message: str) -> None:
        self.query_one("#export-error", Static).update(literal(message))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


def open_export(app: App[Any], session: Session, fmt: str = "html") -> None:
    """Show the export dialog over whatever is on screen (the palette entry, a finish screen's button)."""
    app.push_screen(ExportScreen(session, fmt, coach=bool(getattr(app, "coach", False))))


class ExportProvider(Provider):
    """"Export ..." in the command palette, and one entry per format to go straight to it."""

    def _session(self) -> Session | None:
        session: Session | None = getattr(self.app, "session", None)
        return session

    async def discover(self) -> Hits:
        session = self._session()
        if session is not None:
            yield DiscoveryHit("Export ...", partial(open_export, self.app, session),
                               help="The picture, the persona document or the interview kit, to a file")

    async def search(self, query: str) -> Hits:
        session = self._session()
        if session is None:
            return
        matcher = self.matcher(query)
        entries = [("Export ...", "html")] + [(f"Export: {TITLES[fmt]}", fmt) for fmt in FORMATS]
        for text, fmt in entries:
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, literal(text), partial(open_export, self.app, session, fmt), text=text)
