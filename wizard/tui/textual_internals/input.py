"""What the wizard relies on in how Textual reads the terminal and hands keys on (undocumented).

Everything here depends on code Textual does not document, so it lives in this package,
and tests/test_textual_internals.py fails loudly when an upgrade changes what it relies on.

Textual's input thread (`run_input_thread` of its Linux and web drivers) decodes the bytes
it reads as strict UTF-8 and hands the text to its `XTermParser`. Two things there break
the promise that a keystroke lands where it was typed:

- A byte that is not UTF-8 (a terminal set to latin-1, a broken surrogate) raises
  UnicodeDecodeError in that thread and ends the app. Here bytes that are not UTF-8 are
  decoded with `surrogateescape` instead: each one arrives as a character U+DC80-U+DCFF,
  which wizard/model/input_text.py recognises and refuses where it was typed, with the reason.
- The parser treats an ESC inside a bracketed paste as the start of a key sequence: the
  rest of that part of the paste is sent as keys (a BEL in an OSC sequence acts as
  Ctrl+G), ahead of the text pasted before it. `WholePasteParser` takes a bracketed paste
  whole, in order, as one Paste event, whatever it holds.

Neither can be changed from outside the thread, and its function builds both from its
module's globals. So the driver the app runs is a subclass whose `run_input_thread` is
Textual's own function, rebuilt with other values for those two names (see `reading_safely`):
no copy of Textual's code, and nothing changed for any other app in the process.

Keeping keys in the order typed (wizard/tui/held_keys.py) relies on two more things: what a
key causes in the app's own queue (`CAUSED_BY_A_KEY`), and the private module TextArea
lives in (`text_area_class`), looked up there so the start need not load it.
"""

from __future__ import annotations

import codecs
import functools
import sys
import types
from collections.abc import Callable, Generator
from typing import Any

from textual import events, messages
from textual._parser import ParseEOF, ParseTimeout, Read1, TokenCallback
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.driver import Driver
from textual.message import Message
from textual.widget import Widget

ESC = "\x1b"
REPLACED = ("XTermParser", "getincrementaldecoder")
"""The globals of a driver's `run_input_thread` given other values here."""
CAUSED_BY_A_KEY = (events.Callback, messages.InvokeLater)
"""What Textual posts to the app for a key it is handling: `focus()` moves the focus, and
`call_later` and `call_after_refresh` run their callbacks, through these."""
TEXT_AREA_MODULE = "textual.widgets._text_area"


def text_area_class() -> type[Widget] | None:
    """Textual's TextArea if its module is loaded yet (none can have the focus before)."""
    module = sys.modules.get(TEXT_AREA_MODULE)
    return None if module is None else module.TextArea


def escaping_decoder(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
    """Stands in for codecs.getincrementaldecoder in the input thread: the same decoder,
    with bytes it cannot decode kept as U+DC80-U+DCFF rather than raised."""
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="surrogateescape")


class WholePasteParser(XTermParser):
    """Textual's parser, but a bracketed paste comes out as one Paste of exactly what was
    pasted: escape sequences, controls and all (the app decides what it takes).

    Every character outside a paste goes through Textual's own parser. When that parser
    has just read the start of a paste, the characters up to the end of the paste are
    kept here instead; then the end marker is handed on, so Textual's parser leaves its
    paste mode (and its empty Paste is dropped).
    """

    def parse(self, token_callback: TokenCallback[Message]) -> Generator[Any, str, None]:
        dropping = False

        def tokens(token: Message) -> None:
            nonlocal dropping
            if dropping and isinstance(token, events.Paste) and not token.text:
                dropping = False
                return
            token_callback(token)

        inner = super().parse(tokens)
        request: Any = next(inner)
        recent = ""
        while True:
            try:
                character = yield request
            except ParseTimeout:
                step = _resume(inner, ParseTimeout())
            except ParseEOF:
                _resume(inner, ParseEOF())
                return
            else:
                step = _resume(inner, character)
                recent = (recent + character)[-len(BRACKETED_PASTE_START):]
            if step is None:
                return
            request = step
            if recent != BRACKETED_PASTE_START:
                continue
            recent = ""
            text, ended = yield from self._paste()
            token_callback(events.Paste(text))
            if ended:
                return
            dropping = True
            for character in BRACKETED_PASTE_END:
                step = _resume(inner, character)
                if step is None:
                    return
                request = step

    def _paste(self) -> Generator[Read1, str, tuple[str, bool]]:
        """The text of a paste up to its end marker; True with it when the input ended first."""
        text: list[str] = []
        pending = ""  # what may be the start of the end marker
        while True:
            try:
                character = yield self.read1()
            except ParseEOF:
                return "".join(text) + pending, True
            if not pending and character != ESC:
                text.append(character)
                continue
            pending += character
            while pending and not BRACKETED_PASTE_END.startswith(pending):
                text.append(pending[0])
                pending = pending[1:]
            if pending == BRACKETED_PASTE_END:
                return "".join(text), False


def _resume(inner: Generator[Any, str, None], value: str | BaseException) -> Any:
    """The inner parser's next request, or None once it has finished."""
    try:
        return inner.throw(value) if isinstance(value, BaseException) else inner.send(value)
    except StopIteration:
        return None


@functools.cache
def reading_safely(driver_class: type[Driver]) -> type[Driver]:
    """`driver_class`, reading input through WholePasteParser and escaping_decoder; the
    class itself when its input thread is not one this module knows (Windows, headless)."""
    method = getattr(driver_class, "run_input_thread", None)
    if not isinstance(method, types.FunctionType) or not set(REPLACED) <= set(method.__code__.co_names):
        return driver_class
    scope = dict(method.__globals__, XTermParser=WholePasteParser, getincrementaldecoder=escaping_decoder)
    rebuilt = types.FunctionType(method.__code__, scope, method.__name__, method.__defaults__, method.__closure__)
    rebuilt.__qualname__ = method.__qualname__
    return type(driver_class.__name__, (driver_class,), {"run_input_thread": rebuilt,
                                                         "__module__": __name__})
