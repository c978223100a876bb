"""The key bar: Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen[object]) -> tuple[object, ...]:
    """Everything the footer's keys are built from, to tell whether a rebuild would change them."""
    app = screen.app
    return tuple(
        (key, b.action, b.description, b.group, enabled, tooltip, app.get_key_display(b))
        for key, (_, b, enabled, tooltip) in screen.active_bindings.items()
        if b.show or key == app.COMMAND_PALETTE_BINDING
    )


class SteadyFooter(Footer):
    """Textual's Footer rebuilds all its keys (over a dozen widgets) on every change of focus,
    and moving to the next question changes the focus several times: each rebuild cost more
    than painting the new question. This one rebuilds only when the keys would differ."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        # Textual's Footer shows no keys until the first change of focus, so the first frame
        # came without them and a rebuild followed at once; build them with the screen.
        self._bindings_ready = True
        self._shown = shown_keys(self.screen)
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        rebuilds = screen.app.app_focus and self.is_attached and screen is self.screen
        if rebuilds:
            shown = shown_keys(screen)
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)
