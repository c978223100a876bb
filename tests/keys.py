"""Typing into the running wizard as a terminal does: many keys at once, none waiting for the last."""

from __future__ import annotations

import asyncio
from typing import Any

from textual import events
from textual.app import App
from textual.keys import _character_to_key

NAMED = {"\r": "enter", "\t": "tab", "\x7f": "backspace", "\x1b": "escape"}


def key(text: str) -> events.Key:
    """The Key event Textual's parser makes for one character, or for a key name."""
    if len(text) > 1:  # a name: "ctrl+n", "enter"
        return events.Key(text, {"enter": "\r", "tab": "\t", "backspace": "\x7f"}.get(text))
    if text in NAMED:
        return events.Key(NAMED[text], text)
    return events.Key(text if text.isalnum() else _character_to_key(text), text)


def burst(app: App[Any], *parts: str) -> None:
    """Hand every key to the app at once, as the input thread does with a burst: each part is
    typed character by character, unless it is a key name in angle brackets (`<ctrl+n>`,
    `<enter>`) or a paste (`paste:TEXT`)."""
    driver = app._driver
    assert driver is not None
    for part in parts:
        if part.startswith("paste:"):
            driver.send_message(events.Paste(part.removeprefix("paste:")))
        elif len(part) > 2 and part.startswith("<") and part.endswith(">"):
            driver.send_message(key(part[1:-1]))
        else:
            for character in part:
                driver.send_message(key(character))


async def idle(pilot: Any) -> None:
    """Until the app has handled every key and everything they caused (a few quiet looks in
    a row: nothing queued anywhere on the screen or in the app)."""
    app = pilot.app
    quiet = 0
    for _ in range(5000):
        await asyncio.sleep(0.002)
        nodes = [app, *app.screen.walk_children(with_self=True)]
        busy = any(node.message_queue_size for node in nodes) or not all(node.is_mounted for node in nodes)
        quiet = 0 if busy else quiet + 1
        if quiet >= 5:
            return
    raise AssertionError("the app never settled")
