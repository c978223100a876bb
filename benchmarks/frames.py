"""Timing a running Textual app from the inside: when frames are painted, and keys posted directly.

Keys are posted to the app as the terminal driver would post them (no Pilot, whose
`press` sleeps between keys). A frame is counted when the screen hands its update to the
app for display; in headless mode Textual stops there, so the update is also rendered to
the escape sequences a terminal would receive, to include that cost.
"""

from __future__ import annotations

import asyncio
import random
import time
from typing import Any

from textual import events
from textual.app import App
from textual.widgets import Input

QUIET = 0.01
"""No new frame for this long, and nothing left to do: the app has finished answering a key."""


_PAUSES = random.Random(1)


def busy(app: App[Any]) -> bool:
    """Whether the app still has messages, callbacks or a repaint waiting."""
    screen = app.screen
    if screen._callbacks or screen._layout_required or screen._repaint_required or screen._dirty_widgets:
        return True
    return any(pump._message_queue.qsize() or pump._next_callbacks
               for pump in (app, *screen.walk_children(with_self=True)))


class Frames:
    """Records the time of every frame the app paints."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.times: list[float] = []
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is not None and hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)
                self.times.append(time.perf_counter())

        app._display = display  # type: ignore[method-assign]

    async def settle(self, since: float, timeout: float = 5.0) -> float | None:
        """Seconds from `since` to the last frame painted before the app went quiet, or None
        when no frame was painted at all."""
        deadline = since + timeout
        while True:
            await asyncio.sleep(0.002)
            now = time.perf_counter()
            last = self.times[-1] if self.times else 0.0
            if last >= since and now - last >= QUIET and not busy(self.app):
                return last - since
            if now > deadline:
                return last - since if last >= since else None

    async def idle(self) -> None:
        """Wait until the app has nothing left to do."""
        while time.perf_counter() - (self.times[-1] if self.times else 0.0) < QUIET or busy(self.app):
            await asyncio.sleep(0.002)


def stop_blinking(app: App[Any]) -> None:
    """A blinking cursor repaints on its own twice a second; it would be counted as a frame."""
    for screen in app.screen_stack:
        for field in screen.query(Input):
            field.cursor_blink = False


async def press(app: App[Any], frames: Frames, key: str, character: str | None) -> float | None:
    """Post one key the way the terminal driver does; seconds until its frame was painted.

    Keys come a typist's pause after the app went idle (20-60 ms, never in step with
    Textual's 60 Hz frame clock), not at once: a key within 1/60 s of the last frame waits
    for the next frame slot by design, which would measure the frame cap, not the app.
    """
    await frames.idle()
    await asyncio.sleep(_PAUSES.uniform(0.02, 0.06))
    start = time.perf_counter()
    app.post_message(events.Key(key, character))
    return await frames.settle(start)


def key_for(char: str) -> tuple[str, str]:
    return ("space", " ") if char == " " else (char, char)
