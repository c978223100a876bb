"""Keys handled in the order they were typed: each one only once the one before is done, and
those pressed while the first question is still a picture kept and replayed first.

Textual hands a key to the focused widget's queue and moves on to the next: a burst of
keys (a paste without bracketed paste, `tmux send-keys`, a slow connection) is queued at
once, and a key bound to an action (Ctrl+N) runs at once, before the letters typed ahead
of it have reached the answer; an Enter that moves to the next question leaves the
letters typed after it to land in the question it left. So the app waits, before each key,
until what the keys before it caused has been handled (`settled`). What a key causes in
the app's own queue is handled then and there too, not behind the keys queued after it
(`InOrder`): the key itself when it comes back up to the app (where Textual runs the
bindings that are not priority ones: Enter in an input, a letter bound in a list), and the
callbacks it asked the app for (`focus()` moves the focus through one).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from wizard.tui.textual_internals.input import CAUSED_BY_A_KEY, text_area_class

Held = events.Key | events.Paste

QUIET_TURNS = 3
"""Turns of the event loop in a row with nothing left to handle. A handler that is running
has already taken its message off its queue, so one quiet look is not enough; a handler
that awaits something (a mount) shows as a widget not mounted yet."""
LIMIT = 5.0
"""Seconds a key waits at most, should something keep posting for ever."""
TELL_AFTER = 0.05
"""Seconds after a byte that is not UTF-8 before saying so, for the ones just behind it."""


def busy(node: Widget) -> bool:
    """Whether `node` or anything shown below it still has messages to handle or is being
    mounted. Hidden widgets (answer boxes of other kinds, made ahead) are left out: no key
    goes to them."""
    stack = [node]
    while stack:
        node = stack.pop()
        if node.message_queue_size or not node.is_mounted:
            return True
        stack.extend(child for child in node.children if child.display)
    return False


async def settled(app: App[Any]) -> None:
    """Until everything the keys before have caused on the current screen is handled."""
    quiet, deadline = 0, time.monotonic() + LIMIT
    while quiet < QUIET_TURNS:
        quiet = 0 if busy(app.screen) else quiet + 1
        if quiet < QUIET_TURNS:
            if time.monotonic() > deadline:
                return
            await asyncio.sleep(0)


class Release(Message):
    """Posted to the app once the live question is ready: the held keys go first, before
    any key still waiting behind this message."""


class HeldKeys:
    """Holds the keys from `start()` until the app handles `Release`, then gives them back."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.events: list[Held] | None = None
        self.replaying = False
        """The held keys are being handled (`replay`): they are given back, not yet all typed."""

    def start(self) -> None:
        self.events = []

    def take(self, event: events.Event) -> bool:
        """Keep `event` if keys are being held; True when it was kept."""
        if self.events is None or not isinstance(event, (events.Key, events.Paste)) or event.is_forwarded:
            return False
        self.events.append(event)
        return True

    def drop(self) -> None:
        self.events = None

    def release(self, wanted: Callable[[], bool], ready: Callable[[], bool], tries: int = 0) -> None:
        """Once `ready()` (the answer has the focus), post `Release`; keys typed meanwhile are
        still held, so none can overtake the ones held before."""
        if self.events is None:
            return
        if wanted() and not ready() and tries < 50:
            self.app.call_after_refresh(self.release, wanted, ready, tries + 1)
            return
        self.app.post_message(Release())

    async def replay(self, wanted: bool, typed: Callable[[Held], Awaitable[None]]) -> None:
        """Hand the held keys to `typed`, one after the other (see `handed_over`)."""
        self.replaying = True
        try:
            for event in self.handed_over(wanted):
                await typed(event)
        finally:
            self.replaying = False

    def handed_over(self, wanted: bool) -> list[Held]:
        """The held keys, copied as typed, to be handled now (none when not `wanted`: keys
        meant for a question are dropped when a dialog or an error came up instead)."""
        held, self.events = self.events or [], None
        if not wanted:
            return []
        return [events.Key(e.key, e.character) if isinstance(e, events.Key) else events.Paste(e.text) for e in held]


def text_box(widget: Widget | None) -> bool:
    """An Input or a TextArea (a TextArea only once its module is loaded: the start does not
    load it, and none can have the focus before)."""
    if isinstance(widget, Input):
        return True
    text_area = text_area_class()
    return text_area is not None and isinstance(widget, text_area)


def escaped_bytes(text: str) -> bytes:
    """The bytes that were not UTF-8 in what was typed (see wizard/model/input_text.py)."""
    return bytes(ord(c) - 0xDC00 for c in text if "\udc80" <= c <= "\udcff")


class InOrder:
    """The app's keys, pastes and clicks from the terminal, each handed to `dispatch` (the
    app's own handling) once the one before is done, and only what the wizard takes of it
    (input_text.py): a paste without its control characters, no byte that was not UTF-8."""

    def __init__(self, app: App[Any], dispatch: Callable[[Any], Awaitable[None]],
                 post: Callable[[Message], bool]) -> None:
        self.app = app
        self.dispatch = dispatch
        self.post = post
        self.typing_into: Widget | None = None
        """The text box the last key was a letter for: the letters after it go straight to
        its queue, behind that one (all a letter does there is insert itself)."""
        self.handling: events.Event | None = None
        self.caught: list[Message] | None = None
        self.thread = threading.get_ident()
        self.not_utf8 = bytearray()

    def came_back(self, message: Message) -> bool:
        """From the app's post_message: True when `message` is caused by the key being
        handled (that key come back up, or a callback asked for on the UI thread), which
        `handle` then handles at once."""
        if self.caught is None or threading.get_ident() != self.thread:
            return False
        if message is self.handling or isinstance(message, CAUSED_BY_A_KEY):
            self.caught.append(message)
            return True
        return False

    async def handle(self, event: events.Event) -> None:
        app = self.app
        if self._letter(event) and app.focused is self.typing_into:
            await self.dispatch(event)  # a letter never comes back up: it stops in the box
            return
        self.thread, self.caught = threading.get_ident(), []
        try:
            await self._settle()  # what came before, the focus moved by a new answer box included
            self.typing_into = app.focused if self._letter(event) else None
            taken = self._taken(event)
            if taken is None:
                return
            self.handling = taken
            await self.dispatch(taken)
            await self._settle()
        finally:
            self.handling, self.caught = None, None

    def _letter(self, event: events.Event) -> bool:
        return isinstance(event, events.Key) and event.is_printable and text_box(self.app.focused)

    async def _settle(self) -> None:
        """Until the screen is settled and no callback caught is left."""
        deadline = time.monotonic() + LIMIT
        while True:
            await settled(self.app)
            caught, self.caught = self.caught or [], []
            if not caught:
                return
            if time.monotonic() > deadline:  # something keeps asking: back to the queue
                self.caught = None
                for message in caught:
                    self.post(message)
                return
            for message in caught:
                await self.dispatch(message)

    def _taken(self, event: events.Event) -> events.Event | None:
        if isinstance(event, events.Key) and event.key == "ctrl+j":
            # Enter typed before Textual put the terminal in raw mode (in the first moments of
            # the start) was turned into a line feed by the terminal (ICRNL): it is Enter.
            return events.Key("enter", "\r")
        if isinstance(event, events.Key) and event.character and escaped_bytes(event.character):
            if not self.not_utf8:  # told once for a burst of them (a latin-1 paste, a broken character)
                self.app.set_timer(TELL_AFTER, self._tell_not_utf8)
            self.not_utf8 += escaped_bytes(event.character)
            return None
        if isinstance(event, events.Paste):
            from wizard.model import input_text  # on the first paste: nothing more to load at the start

            text, refused = input_text.pasted(event.text)
            if refused:
                self.app.notify(refused, title="Pasted", severity="warning", markup=False, timeout=10)
            if not text:
                return None
            return events.Paste(text) if text != event.text else event
        return event

    def _tell_not_utf8(self) -> None:
        from wizard.model import input_text

        data, self.not_utf8 = bytes(self.not_utf8), bytearray()
        self.app.notify(input_text.not_utf8_message(data), title="Not typed", severity="warning", markup=False,
                        timeout=10)
