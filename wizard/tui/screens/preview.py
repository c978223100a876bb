"""The first question as a picture (wizard/files/first_frame.py), shown while the wizard loads.

It has the question screen's layout and ids, so the stylesheet places everything where
the live question will be, and the live screen replaces it without a jump. Nothing here
takes keys: the app holds them until the live question is ready.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Container, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from wizard.files.first_frame import FirstFrame
from wizard.model.structure import STRUCTURE_NOUNS, STRUCTURE_PLACEHOLDERS, STRUCTURE_PROMPTS, STRUCTURE_SECTION, TYPES
from wizard.tui.screen_fit import apply
from wizard.tui.screen_text import body_classes, list_hint, topbar_line, types_line, where_line
from wizard.tui.text import literal
from wizard.tui.textual_internals.painting import SteadyStatic
from wizard.tui.textual_internals.screens import PaintsNothingCovered, TellsFirstPaint
from wizard.tui.widgets.help_panel import structure_help


def new_canvas(path: Path, coach: bool) -> FirstFrame:
    """A new canvas starts on its customer types; its count of steps and save time are left
    out here, since they need the banks and the file."""
    return FirstFrame(
        topbar=topbar_line(path, "  ", 0, 0).markup,
        where=literal(where_line((), types_line(STRUCTURE_SECTION, 0)), "dim").markup,
        prompt=literal(STRUCTURE_PROMPTS[TYPES], "bold").markup,
        help=structure_help(TYPES, coach).markup,
        answer=[("input", "", STRUCTURE_PLACEHOLDERS[TYPES]),
                ("hint", list_hint(STRUCTURE_NOUNS[TYPES], None, has_items=False, app=None), "")],
        step=f"#{TYPES}",  # Step((), TYPES).ref, without loading the models
    )


def readable(frame: FirstFrame) -> bool:
    """Whether a stored picture shows as the capture wrote it: markup that parses, and no
    action or link in it. One damaged or edited by hand is not shown; it only costs the
    fast start."""
    try:
        contents = [Content.from_markup(text) for text in (frame.topbar, frame.where, frame.prompt, frame.help)]
    except Exception:  # Textual's MarkupError, and whatever else a damaged text may raise
        return False
    return not any("@" in str(span.style) or "link" in str(span.style) for c in contents for span in c.spans)


def answer_part(kind: str, text: str, placeholder: str) -> Widget:
    if kind == "input":
        # A real Input looks exactly like the live one; it never gets a key.
        return Input(text, placeholder=placeholder, select_on_focus=False)
    if kind == "area":
        return Static(text or placeholder, classes="preview-area", markup=False)
    # Lines as they were laid out on screen, never wrapped again.
    return Static(text, classes="field-hint" if kind == "hint" else "preview-lines", markup=False)


class PreviewScreen(PaintsNothingCovered, TellsFirstPaint, Screen[None]):
    DEFAULT_CSS = """
    PreviewScreen .preview-area { border: tall $border; background: $surface; padding: 0 1; height: 8; }
    PreviewScreen #nav { height: 1fr; text-wrap: nowrap; text-overflow: clip; }
    PreviewScreen .preview-lines { text-wrap: nowrap; text-overflow: clip; }
    PreviewScreen #preview-keys { dock: bottom; height: 1; background: $footer-background; color: $footer-foreground; }
    """

    def __init__(self, frame: FirstFrame, painted: Callable[[], object] = lambda: None) -> None:
        super().__init__()
        self.frame = frame
        self.painted = painted
        """Called once the picture is on the terminal: the app then loads the live question."""

    def compose(self) -> ComposeResult:
        frame = self.frame
        yield Static(Content.from_markup(frame.topbar), id="topbar")
        with Container(id="body", classes=f"responsive {body_classes(self.app.size.width)}"):
            yield Static("\n".join(frame.nav), id="nav", markup=False)
            with VerticalScroll(id="main"):
                # The live screen's kind of Static, so the texts wrap alike in both.
                yield SteadyStatic(Content.from_markup(frame.where), id="where")
                yield SteadyStatic(Content.from_markup(frame.prompt), id="prompt")
                with Container(id="field-box"):
                    for part in frame.answer:
                        yield answer_part(*part)
            with VerticalScroll(id="aside"):
                yield SteadyStatic(Content.from_markup(frame.help), id="help")
        yield Static(frame.keys, id="preview-keys", markup=False)

    def on_mount(self) -> None:
        # Fitted before its first frame, the only one painted before the rest loads. Its
        # parts are composed by now; `is_mounted` is set only once this handler returns.
        apply(self, self.app.size)

    def first_painted(self) -> None:
        self.painted()

    def fit_to(self, size: Size) -> None:
        """Fitted as the live question is (screen_fit.py), so it takes the picture's place
        without a jump."""
        if self.is_mounted:  # the terminal's first size comes before the picture is composed
            apply(self, size)
