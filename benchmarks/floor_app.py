"""The floor every figure is compared with: the smallest Textual app with a line of text and an Input."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input, Static

MARKER = "Floor app: what is your name?"


class FloorApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(MARKER, markup=False)
        yield Input(placeholder="Type here")


if __name__ == "__main__":
    FloorApp().run()
