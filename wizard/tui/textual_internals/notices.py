"""Taking back a notice that is no longer true: Textual can clear all notices, not one.

"Removed “Sailing”. Ctrl+Z puts it back." stayed on screen for its eight seconds after
the item was put back, telling the founder it was still gone. Textual's `notify` returns
nothing to dismiss, so the notice is found by its text in the app's `_notifications` and
taken away with `_unnotify`, the way its own timeout does.
"""

from __future__ import annotations

from typing import Any

from textual.app import App


def dismiss(app: App[Any], message: str) -> None:
    """Take the notices saying `message` off the screen."""
    for notification in list(app._notifications):
        if notification.message == message:
            app._unnotify(notification)
