"""Keys pressed while the first question is still a picture, kept and replayed in order."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import App

Held = events.Key | events.Paste


class HeldKeys:
    """Holds the keys from `start()` until `release()`, then types them into the app."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.events: list[Held] | None = None

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
        """Replay the keys once `ready()` (the answer has the focus), if `wanted()`: keys
        meant for a question are dropped when a dialog or an error came up instead."""
        held = self.events
        if held is None:
            return
        if wanted() and not ready() and tries < 50:
            self.app.call_after_refresh(self.release, wanted, ready, tries + 1)
            return
        self.events = None
        if held and wanted():
            self.app.run_worker(self._replay(held), group="replay")

    async def _replay(self, held: list[Held]) -> None:
        # One at a time, as if typed: Enter's "submitted" must be handled before the next
        # letter arrives, or that letter would land in the answer just sent.
        for event in held:
            again = (events.Key(event.key, event.character) if isinstance(event, events.Key)
                     else events.Paste(event.text))
            self.app.post_message(again)
            await self._until_quiet()

    async def _until_quiet(self) -> None:
        """Until every message the last key caused has been handled (a handler that is
        running has emptied its queue, hence a few quiet turns in a row)."""
        app, quiet = self.app, 0
        for _ in range(10_000):  # a bound, should something keep posting for ever
            busy = app.message_queue_size or any(
                node.message_queue_size for node in app.screen.walk_children(with_self=True))
            quiet = 0 if busy else quiet + 1
            if quiet >= 3:
                return
            await asyncio.sleep(0)
