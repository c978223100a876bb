"""What wizard/tui/textual_internals/ (the input thread, the key order, the painting speed-ups) relies on
in Textual, checked against the installed Textual: these fail loudly when an upgrade changes
it (issue 11, items 1, 6 and 7; issue 13)."""

from __future__ import annotations

import inspect
import os
import threading
import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual import events
from textual._time import get_time
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.drivers.web_driver import WebDriver
from textual.message import Message
from textual.reactive import Reactive

from wizard.model import input_text
from wizard.tui.app import WizardApp
from wizard.tui.textual_internals.input import REPLACED, WholePasteParser, escaping_decoder, reading_safely

PASTE = "S1 a\x1b[31mb E1\x07 \x1b]0;title\x07 \x1b\x1b[20 end"


def parsed(parser: XTermParser, chunks: list[str]) -> list[Message]:
    out: list[Message] = []
    for chunk in filter(None, chunks):  # an empty read is the end of the input
        out += parser.feed(chunk)
    waiting = parser._timeout_time  # for the rest of an escape sequence
    if waiting is not None:
        time.sleep(max(0.0, waiting - get_time()) + 0.01)
        out += parser.tick()
    return out


@pytest.mark.parametrize("driver", [LinuxDriver, WebDriver])
def test_the_drivers_input_thread_still_builds_its_parser_and_decoder_by_these_names(driver: Any) -> None:
    assert set(REPLACED) <= set(driver.run_input_thread.__code__.co_names), (
        f"Textual's {driver.__name__}.run_input_thread no longer uses {REPLACED}: "
        "wizard/tui/textual_internals/input.py must be brought up to date")
    safe = reading_safely(driver)
    assert issubclass(safe, driver) and safe is not driver
    assert safe.run_input_thread.__globals__["XTermParser"] is WholePasteParser
    assert driver.run_input_thread.__globals__["XTermParser"] is XTermParser, "Textual's own is left alone"


def test_the_wizard_runs_on_the_safe_driver() -> None:
    app = WizardApp(None)
    assert app.driver_class.run_input_thread.__globals__["getincrementaldecoder"] is escaping_decoder


def test_textuals_own_parser_still_runs_an_escape_in_a_paste_as_keys() -> None:
    """Why WholePasteParser exists: if this starts failing, Textual fixed it, and ours may go."""
    tokens = parsed(XTermParser(), [f"{BRACKETED_PASTE_START}a\x1b[31mb{BRACKETED_PASTE_END}"])
    assert any(isinstance(t, events.Key) for t in tokens), tokens


def test_a_bracketed_paste_is_one_paste_of_exactly_what_was_pasted() -> None:
    data = f"x{BRACKETED_PASTE_START}{PASTE}{BRACKETED_PASTE_END}y"
    for chunks in ([data], list(data), [data[:9], data[9:23], data[23:]]):
        tokens = parsed(WholePasteParser(), chunks)
        assert [(type(t).__name__, getattr(t, "text", getattr(t, "key", None))) for t in tokens] == [
            ("Key", "x"), ("Paste", PASTE), ("Key", "y")], chunks


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(st.characters(codec="utf-8", exclude_characters="\x1b"), max_size=6),
                          st.sampled_from(["\x1b", "\x1b[", "\x1b[20", "\x1b[201", "\x1b[200~", "\x07", "\r\n"])),
                max_size=12),
       st.text(st.characters(codec="utf-8", exclude_characters="\x1b"), max_size=5),
       st.lists(st.integers(1, 40), max_size=5))
def test_any_paste_arrives_whole_and_the_keys_around_it_as_textual_reads_them(
        parts: list[str], after: str, cuts: list[int]) -> None:
    pasted = "".join(parts)
    if BRACKETED_PASTE_END in pasted:
        return  # a paste cannot hold its own end marker
    data = f"{BRACKETED_PASTE_START}{pasted}{BRACKETED_PASTE_END}{after}"
    chunks, rest = [], data
    for cut in cuts:
        chunks.append(rest[:cut])
        rest = rest[cut:]
    ours = parsed(WholePasteParser(), [*chunks, rest])
    assert isinstance(ours[0], events.Paste) and ours[0].text == pasted
    keys = ours[1:]
    textuals = parsed(XTermParser(), [after])
    assert [(type(t), getattr(t, "key", None)) for t in keys] == [(type(t), getattr(t, "key", None))
                                                                  for t in textuals]


def test_bytes_that_are_not_utf8_are_kept_as_escapes_not_raised() -> None:
    decode = escaping_decoder("utf-8")().decode
    assert decode(b"caf\xe9 \xff ok \xed\xa0\xbd \xe2\x82") == "caf\udce9 \udcff ok \udced\udca0\udcbd "
    assert decode(b"\xac", final=True) == "\u20ac", "a character split between reads is put together"
    assert input_text.undecodable("caf\udce9") == b"\xe9"


def test_textuals_input_thread_with_these_parts_reads_pastes_and_bad_bytes(tmp_path: Any) -> None:
    """The driver's own input thread, reading a pipe: no UnicodeDecodeError ends it."""
    read_end, write_end = os.pipe()
    driver: Any = reading_safely(LinuxDriver).__new__(reading_safely(LinuxDriver))
    got: list[Message] = []
    driver.fileno, driver.exit_event, driver._debug = read_end, threading.Event(), False
    driver.process_message = got.append
    thread = threading.Thread(target=driver.run_input_thread, daemon=True)
    thread.start()
    try:
        os.write(write_end, b"caf\xe9" + f"{BRACKETED_PASTE_START}{PASTE}{BRACKETED_PASTE_END}".encode() + b"\xffz")
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not any(getattr(m, "key", "") == "z" for m in got):
            time.sleep(0.05)
    finally:
        driver.exit_event.set()
        thread.join(5)
        os.close(write_end)
        os.close(read_end)
    assert not thread.is_alive()
    shown = [getattr(m, "text", None) or getattr(m, "character", None) for m in got
             if isinstance(m, (events.Key, events.Paste))]
    assert shown == ["c", "a", "f", "\udce9", PASTE, "\udcff", "z"], shown


async def test_what_keeping_keys_in_order_relies_on() -> None:
    """wizard/tui/held_keys.py (InOrder) catches, in the app's post_message, what a key causes
    in the app's own queue: the key itself coming back up (where Textual runs the bindings
    that are not priority ones) and the callbacks it asks for (focus() is one)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Button, Input

    posted: list[Message] = []

    class Probe(App[None]):
        def compose(self) -> ComposeResult:
            yield Input(id="box")
            yield Button("b", id="button")

        def post_message(self, message: Message) -> bool:
            posted.append(message)
            return super().post_message(message)

    app = Probe()
    async with app.run_test() as pilot:
        await pilot.pause()
        posted.clear()
        app.query_one("#button").focus()
        assert any(isinstance(m, events.Callback) for m in posted), "focus() no longer goes through call_later"
        await pilot.pause()
        key = events.Key("f5", None)  # bound to nothing: it comes back up to the app
        driver = app._driver
        assert driver is not None
        posted.clear()
        driver.send_message(key)
        await pilot.pause()
        assert posted.count(key) == 2, "a key no longer comes back up to the app through its post_message"
        assert key.is_forwarded


# -- wizard/tui/textual_internals/painting.py and screens.py: laying out and painting less -------
def layouts_asked(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every widget that asks Textual for a layout of the screen from now on."""
    from textual.widget import Widget

    asked: list[object] = []
    refresh = Widget.refresh

    def spy(self: Widget, *regions: Any, layout: bool = False, **kwargs: Any) -> Widget:
        if layout:
            asked.append(self)
        return refresh(self, *regions, layout=layout, **kwargs)

    monkeypatch.setattr(Widget, "refresh", spy)
    return asked


@pytest.mark.parametrize("quiet", [True, False], ids=["QuietInput", "Textual's Input"])
async def test_typing_past_the_width_of_a_quiet_input_lays_nothing_out(monkeypatch: pytest.MonkeyPatch,
                                                                       quiet: bool) -> None:
    """Textual's Input asks for layouts as its text grows (its `virtual_size` reactive and its
    horizontal scrollbar); QuietInput asks for none, and still scrolls to the cursor (its
    `_watch_virtual_size` calls `_refresh_scrollbars`)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input

    from wizard.tui.textual_internals.painting import QuietInput

    class Probe(App[None]):
        CSS = "Input { width: 20; height: 3; }"

        def compose(self) -> ComposeResult:
            yield QuietInput(id="box") if quiet else Input(id="box")

    app = Probe()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        asked = layouts_asked(monkeypatch)
        await pilot.press(*"a sentence much wider than the box")
        await pilot.pause()
        box = app.query_one("#box", Input)
        assert box.value == "a sentence much wider than the box"
        if quiet:
            assert asked == [], "QuietInput asks for a layout again: Textual's virtual_size or scrollbars changed"
            assert box.max_scroll_x > 0 and box.scroll_x > 0, "the scroll range no longer follows the text"
        else:
            assert box in asked, "Textual's Input no longer asks for a layout as it grows: QuietInput may go"


def test_the_virtual_size_textual_lays_out_for_is_the_one_replaced() -> None:
    """`virtual_size` is still a reactive that asks for a layout (so replacing it matters) and
    the quiet widgets' own ask for none."""
    from textual.widget import Widget

    from wizard.tui.textual_internals.painting import QuietInput, SteadyStatic

    textual_own = Widget.__dict__["virtual_size"]
    assert isinstance(textual_own, Reactive) and textual_own._layout, "Widget.virtual_size changed"
    for quiet in (QuietInput, SteadyStatic):
        mine = quiet.__dict__["virtual_size"]
        assert isinstance(mine, Reactive) and not mine._layout and mine._default == textual_own._default
    assert not SteadyStatic.__dict__["virtual_size"]._repaint
    assert callable(getattr(Widget, "_refresh_scrollbars", None)), "Widget._refresh_scrollbars is gone"
    assert "show_horizontal_scrollbar" in Widget.__dict__


async def test_a_quiet_input_keeps_the_validity_classes_textual_sets_and_joins_a_paste() -> None:
    from textual.app import App, ComposeResult
    from textual.validation import Function

    from wizard.tui.textual_internals.painting import VALIDITY_CLASSES, QuietInput

    class Probe(App[None]):
        def compose(self) -> ComposeResult:
            yield QuietInput(id="box", validators=[Function(lambda text: text.startswith("ok"))])

    app = Probe()
    async with app.run_test() as pilot:
        box = app.query_one("#box", QuietInput)
        box.focus()
        await pilot.press("n")
        assert "-invalid" in box.classes, "Textual's Input no longer marks an invalid value -invalid"
        box.value = ""
        await pilot.press("o", "k")
        assert "-valid" in box.classes, "Textual's Input no longer marks a valid value -valid"
        box.clear_validity()
        assert not set(VALIDITY_CLASSES) & box.classes
        box.value = ""
        box.post_message(events.Paste("first line\nsecond line"))  # Textual's Input keeps the first only
        await pilot.pause()
        assert box.value == "first line second line", "Input._on_paste changed"


@pytest.mark.parametrize("still", [True, False], ids=["StillScrollbar", "Textual's Tree"])
async def test_a_tree_with_a_still_scrollbar_redraws_it_only_when_its_contents_change(
        monkeypatch: pytest.MonkeyPatch, still: bool) -> None:
    """Textual's ScrollView updates a tree's scrollbar on every layout of the screen
    (`_size_updated` sees the layout's virtual size differ from its own); StillScrollbar's
    only after the tree's contents changed."""
    from textual.app import App, ComposeResult
    from textual.scroll_view import ScrollView
    from textual.widgets import Static, Tree

    from wizard.tui.textual_internals.painting import StillScrollbar

    assert list(inspect.signature(ScrollView._size_updated).parameters) == [
        "self", "size", "virtual_size", "container_size", "layout"], "ScrollView._size_updated changed"

    class StillTree(StillScrollbar, Tree[None]):
        pass

    class Probe(App[None]):
        def compose(self) -> ComposeResult:
            tree = StillTree("root") if still else Tree[None]("root")
            for n in range(30):
                tree.root.add_leaf(f"leaf {n}")
            tree.root.expand()
            yield tree
            yield Static("text", id="text")

    app = Probe()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        tree = app.query_one(Tree)
        updates: list[object] = []
        original = ScrollView._scroll_update
        monkeypatch.setattr(ScrollView, "_scroll_update",
                            lambda self, size: (updates.append(self), original(self, size))[1])
        for n in range(3):
            app.query_one("#text", Static).update(f"text {n}")  # the same size: the tree keeps its own
            app.screen.refresh(layout=True)
            await pilot.pause()
        if still:
            assert tree not in updates, "StillScrollbar no longer keeps the scrollbar still"
            tree.root.add_leaf("one more")
            await pilot.pause()
            app.screen.refresh(layout=True)
            await pilot.pause()
            assert tree in updates, "a tree that grew keeps its old scroll range"
        else:
            assert tree in updates, "Textual no longer updates a tree's scrollbar on every layout"


async def test_the_composed_screen_can_be_read_back_for_the_picture() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    from wizard.tui.textual_internals.screens import render_strips

    class Probe(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("hello picture")

    app = Probe()
    async with app.run_test(size=(30, 5)) as pilot:
        await pilot.pause()
        strips = render_strips(app.screen)
        assert len(strips) == 5, "Screen._compositor.render_strips() no longer gives the screen's lines"
        assert strips[0].text.startswith("hello picture")


async def test_a_screen_is_told_of_its_first_frame_once_it_has_gone_to_the_display() -> None:
    from textual.app import App, ComposeResult
    from textual.screen import Screen
    from textual.widgets import Static

    from wizard.tui.textual_internals.screens import TellsFirstPaint

    class Told(TellsFirstPaint, Screen[None]):
        def compose(self) -> ComposeResult:
            yield Static("first frame")

        def first_painted(self) -> None:
            told.append(displayed[:])

    displayed: list[str] = []
    told: list[list[str]] = []

    class Probe(App[None]):
        def get_default_screen(self) -> Screen[None]:
            return Told()

        def _display(self, screen: Screen[Any], renderable: Any) -> None:
            if renderable is not None and not self._batch_count:
                displayed.append(type(screen).__name__)
            super()._display(screen, renderable)

    app = Probe()
    async with app.run_test(size=(30, 5)) as pilot:
        await pilot.pause()
        app.screen.refresh()  # painted again: not told again
        await pilot.pause()
        await pilot.pause()
    assert told == [["Told"]], "Screen._compositor_refresh no longer hands each frame to App._display"
    assert len(displayed) > 1


async def test_a_screen_shown_is_laid_out_once_and_again_at_a_new_size(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.app import App, ComposeResult
    from textual.geometry import Size
    from textual.screen import Screen
    from textual.widgets import Static

    from wizard.tui.textual_internals.screens import LaidOutOnce

    layouts: list[tuple[str, Size]] = []
    refresh_layout = Screen._refresh_layout

    def counted(self: Screen[Any], size: Size | None = None, scroll: bool = False) -> None:
        layouts.append((type(self).__name__, self.outer_size if size is None else size))
        refresh_layout(self, size, scroll)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)

    class Plain(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Static("a line", id="line")

    class Once(LaidOutOnce, Plain):
        pass

    async def shown(screen: Screen[None]) -> int:
        app = App[None]()
        async with app.run_test(size=(40, 10)) as pilot:
            await pilot.pause()
            layouts.clear()
            await app.push_screen(screen)
            for _ in range(5):
                await pilot.pause()
            count = sum(1 for name, _ in layouts if name == type(screen).__name__)
            await pilot.resize_terminal(50, 12)
            for _ in range(5):
                await pilot.pause()
            assert (type(screen).__name__, Size(50, 12)) in layouts, "a new size is laid out"
            assert screen.query_one("#line").region.width == 50
        return count

    plain, once = await shown(Plain()), await shown(Once())
    assert plain >= 2, "Textual no longer lays a screen just shown out again for its own Resize"
    assert once == plain - 1


def test_textarea_is_found_where_keeping_keys_in_order_looks_for_it() -> None:
    from textual.widgets import TextArea

    from wizard.tui.textual_internals.input import TEXT_AREA_MODULE, text_area_class

    assert TextArea.__module__ == TEXT_AREA_MODULE, "TextArea moved: held_keys.text_box would miss it"
    assert text_area_class() is TextArea


def test_what_serve_relies_on_in_textual_serve() -> None:
    """wizard/commands/serve.py (textual-serve, not Textual: the TUI must not import it) replaces
    textual-serve's page through its private `_make_app` and its template folder."""
    from textual_serve.server import Server

    from wizard.commands.serve import PAGE, WizardServer

    assert inspect.iscoroutinefunction(Server._make_app), "textual-serve's Server._make_app changed"
    assert "_make_app" in WizardServer.__dict__
    assert (Server("true").templates_path / PAGE).is_file(), "textual-serve's page template moved"


def test_the_writer_outlives_a_terminal_that_has_gone() -> None:
    """Textual's writer thread ends at the first failed write, and the 31st write after it
    blocks for ever; LastingWriter drops what comes once the terminal is gone."""
    import io
    import threading

    from textual.drivers import linux_driver
    from textual.drivers._writer_thread import MAX_QUEUED_WRITES, WriterThread

    from wizard.tui.textual_internals.output import LastingWriter, writing_safely

    class Gone(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(5, "Input/output error")

    writer = LastingWriter(Gone())
    writer.start()
    done = threading.Event()

    def write_a_lot() -> None:
        for _ in range(MAX_QUEUED_WRITES * 10):
            writer.write("x")
        writer.stop()
        done.set()

    threading.Thread(target=write_a_lot, daemon=True).start()
    assert done.wait(5), "the writes blocked"
    # What it relies on in Textual: the driver makes its writer by this name, and the loop
    # copied into LastingWriter.run reads these attributes.
    start = linux_driver.LinuxDriver.start_application_mode
    assert "WriterThread" in start.__code__.co_names
    assert {"_file", "_queue"} <= set(WriterThread.run.__code__.co_names)
    safe = writing_safely(linux_driver.LinuxDriver)
    assert safe is not linux_driver.LinuxDriver
    assert safe.start_application_mode.__globals__["WriterThread"] is LastingWriter
    assert start.__globals__["WriterThread"] is WriterThread, "Textual's own is left alone"
    assert WizardApp(None).driver_class.start_application_mode.__globals__["WriterThread"] is LastingWriter


async def test_a_screen_shown_is_painted_whole_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # What NotPaintedTwice and PaintsNothingCovered undo: Textual paints a screen pushed over
    # the first one whole, asks for it whole again (its resume, its own mount, the requests
    # its widgets made as they were composed), and has it repaint what the first screen's
    # layouts change. Should an upgrade stop doing so, the plain screen here says it.
    from textual._compositor import Compositor
    from textual.app import App, ComposeResult
    from textual.screen import Screen
    from textual.widgets import Static

    from wizard.tui.textual_internals.screens import FirstScreen, NotPaintedTwice

    whole: list[Compositor] = []
    render = Compositor.render_full_update

    def counted(self: Compositor, *args: Any, **kwargs: Any) -> Any:
        whole.append(self)
        return render(self, *args, **kwargs)

    monkeypatch.setattr(Compositor, "render_full_update", counted)

    class Plain(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Static("a line", id="line")
            yield Static("another", id="other")

    class Once(NotPaintedTwice, Plain):
        pass

    async def painted(screen: Screen[None], first: type[Screen[None]]) -> int:
        class Probe(App[None]):
            def get_default_screen(self) -> Screen[None]:
                return first(id="_default")

        app = Probe()
        async with app.run_test(size=(40, 10)) as pilot:
            await pilot.pause()
            await app.push_screen(screen)
            for _ in range(5):
                await pilot.pause()
            await pilot.resize_terminal(50, 12)
            for _ in range(5):
                await pilot.pause()
            assert screen.query_one("#other").region.width == 50, "laid out again at the new size"
        return sum(1 for compositor in whole if compositor is screen._compositor)

    assert await painted(Plain(), Screen) > 2, "Textual now paints a screen just shown, and resized, fewer times"
    assert await painted(Once(), FirstScreen) == 2, "once when shown, once when resized"


async def test_one_notice_can_be_taken_back_and_the_others_stay() -> None:
    from textual.app import App

    from wizard.tui.textual_internals.notices import dismiss

    app: App[None] = App()
    async with app.run_test() as pilot:
        app.notify("Removed “Chess”.", timeout=30)
        app.notify("Removed “Sailing”.", timeout=30)
        await pilot.pause()
        dismiss(app, "Removed “Chess”.")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Removed “Sailing”."]
