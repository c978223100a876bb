"""Giving the answer box the focus in the same turn as its question is shown.

Textual's `Widget.focus()` moves the focus a turn of the event loop later. When the next
question is of another kind, that turn comes after the screen has been laid out with the
old box hidden: Textual then moves the focus off the hidden box itself (restyling it),
then ours arrives (restyling again), and each paints a frame of its own, 30-90 ms after
the Enter instead of one frame at 10-25 ms. Focusing at once restyles both boxes before
the single layout of the new question.
"""

from __future__ import annotations

from textual.widget import Widget


def focus_now(widget: Widget) -> None:
    """Focus `widget` now when it can take the focus; otherwise as Textual would, later."""
    if widget.is_attached and widget.focusable and widget.screen.is_current:
        widget.screen.set_focus(widget)
    else:  # not mounted yet, hidden by an ancestor's style, or on a screen under a dialog
        widget.focus()
