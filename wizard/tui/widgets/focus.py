"""Giving the answer box the focus in the same turn as its question is shown, and text typed elsewhere.

Textual's `Widget.focus()` moves the focus a turn of the event loop later. When the next
question is of another kind, that turn comes after the screen has been laid out with the
old box hidden: Textual then moves the focus off the hidden box itself (restyling it),
then ours arrives (restyling again), and each paints a frame of its own, 30-90 ms after
the Enter instead of one frame at 10-25 ms. Focusing at once restyles both boxes before
the single layout of the new question.
"""

from __future__ import annotations

from collections.abc import Container

from textual import events
from textual.widget import Widget


def focus_now(widget: Widget) -> None:
    """Focus `widget` now when it can take the focus; otherwise as Textual would, later."""
    if widget.is_attached and widget.focusable and widget.screen.is_current:
        widget.screen.set_focus(widget)
    else:  # not mounted yet, hidden by an ancestor's style, or on a screen under a dialog
        widget.focus()


def is_text(event: events.Key, bound: Container[str]) -> bool:
    """Whether `event` is a character typed as text: printable, not a space, and not one of
    the keys in `bound` (a widget's own bindings, `_bindings.key_to_bindings`)."""
    # The character too: a keymap may name "?" where the key is "question_mark".
    return (bool(event.is_printable and event.character) and event.key != "space" and event.key not in bound
            and event.character not in bound)


def type_into(target: Widget | None, source: Widget, event: events.Key) -> bool:
    """Hand a character typed in `source`, a widget that has no use for text (the tree, a
    list), to the box it was meant for: `target` takes the focus and the character. The
    keys after it go there too, in order (wizard/tui/held_keys.py waits for this one).
    False when there is no such box (the key is then `source`'s as before)."""
    if target is None or target is source:
        return False
    focus_now(target)
    event.stop()
    event.prevent_default()  # not `source`'s own key handler as well
    target.post_message(events.Key(event.key, event.character))
    return True
