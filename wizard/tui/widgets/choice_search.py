"""Typing in a list of choices: a choice's first letters go to it, and text that is no choice is said.

A founder who types an answer into a choice question, as into every question before it,
used to see nothing happen: the letters went nowhere, a space in the sentence ticked the
choice under the cursor of a multi-choice list, and the Enter that ended it chose the
highlighted one and went on. So letters find a choice, as in a file manager: "bu" goes to
"Buyers", the same letter again to the next choice that begins with it, and a word inside
a label counts too ("b2b" finds "Businesses (B2B)"). Text that finds none is quoted back in
a notice once the typing stops, and until then a space or an Enter is part of that text:
neither ticks nor chooses anything. Textual's OptionList has no search of its own.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any, Protocol

from textual import events

from wizard.tui.key_names import bound_keys
from wizard.tui.widgets.focus import is_text

if TYPE_CHECKING:
    from textual.widgets import OptionList

    _ListMixin = OptionList
else:
    _ListMixin = object

PAUSE = 1.0
"""Seconds without a key after which the next letter starts a new search."""
SHOWN = 40
"""Characters of unmatched text quoted in the notice (it must not hide the list at 80x24)."""


def _words(label: str) -> list[str]:
    return re.findall(r"\w+", label.casefold())


def find(labels: list[str], typed: str, current: int | None) -> int | None:
    """The choice `typed` goes to, or None when no label begins with it (nor any word in one).

    The current choice stays while it still matches (the search grew), a letter typed again
    goes to the next choice that begins with it, and the search wraps round the list."""
    letters = [c.casefold() for c in typed]  # one at a time: "ﬁ" folds to two letters
    if not letters or not labels:
        return None
    again = len(letters) > 1 and len(set(letters)) == 1
    key = letters[0] if again else "".join(letters)
    heads = [i for i, label in enumerate(labels) if label.casefold().startswith(key)]
    inside = [i for i, label in enumerate(labels) if any(w.startswith(key) for w in _words(label))]
    found = heads or inside
    if not found:
        return None
    start = -1 if current is None else current
    if not again and start in found:
        return start
    after = [i for i in found if i > start] if again else [i for i in found if i >= start]
    return (after or found)[0]


class Labelled(Protocol):
    def option_labels(self) -> list[str]:
        """The choices' labels, in the order the list shows them."""
        ...

    @property
    def choose_key(self) -> str:
        """How the list takes the choice under the cursor, for the notice ("Enter chooses it")."""
        ...


class FindsAsTyped(_ListMixin):
    """For an OptionList inside a choice field (put it first): letters find a choice."""

    _typed = ""
    _last = 0.0
    _unmatched = False

    def _field(self) -> Labelled | None:
        parent: Any = self.parent
        return parent if hasattr(parent, "option_labels") else None

    async def _on_key(self, event: events.Key) -> None:
        # Textual calls the `_on_key` of every class in the MRO; prevent_default stops it
        # before the list's own, and stop keeps the key from the bindings up the tree.
        if self._take(event):
            event.stop()
            event.prevent_default()

    def _take(self, event: events.Key) -> bool:
        """Whether the key is part of a search (and so handled here)."""
        field = self._field()
        now = time.monotonic()
        if field is None:
            return False
        going_on = bool(self._typed) and now - self._last < PAUSE
        if self._unmatched and going_on and event.key in ("space", "enter"):
            if event.key == "enter":
                self._tell()  # the text is done: say so now, and choose nothing
            else:
                self._add(" ", now)
            return True
        character = event.character
        if character is None or not is_text(event, bound_keys(self)):
            return False
        if not going_on:
            self._typed, self._unmatched = "", False
        self._add(character, now)
        if not self._unmatched:
            found = find(field.option_labels(), self._typed, self.highlighted)
            if found is None:
                self._unmatched = True
            else:
                self.highlighted = found
        return True

    def _add(self, character: str, now: float) -> None:
        self._typed += character
        self._last = now
        self.set_timer(PAUSE, self._paused)

    def _paused(self) -> None:
        if self._unmatched and time.monotonic() - self._last >= PAUSE * 0.95:
            self._tell()

    def _tell(self) -> None:
        field = self._field()
        typed, self._typed, self._unmatched = self._typed.strip(), "", False
        if field is None or not typed:
            return
        shown = typed if len(typed) <= SHOWN else typed[: SHOWN - 1] + "…"
        self.app.notify(
            f"“{shown}” is not one of the choices. Type a choice's first letters, or move with ↑ ↓; "
            f"then {field.choose_key}.",
            title="Nothing chosen", severity="warning", markup=False, timeout=10)
