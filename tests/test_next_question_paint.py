"""The next question is painted in one go: one layout of the screen, and only what changed
painted again (issue 18's "next question"). Each speed-up in textual_internals/ (painting.py, screens.py)
that this needs is also tried beside Textual's own widget, so an upgrade that changes what
it relies on fails here, loudly."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import pytest
from textual._compositor import Compositor
from textual._styles_cache import StylesCache
from textual.app import App, ComposeResult
from textual.color import Color
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, TextArea

from tests.factory import full_canvas
from wizard.core.session import Step
from wizard.files import store
from wizard.model.bank import Kind
from wizard.model.catalog import Catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.textual_internals.painting import SteadyBox, SteadyStatic, WrapsOnWidth
from wizard.tui.textual_internals.screens import FocusRestyles
from wizard.tui.widgets import status_line


class Paints:
    """What the screen does from now on: its layouts, and the widgets whose lines it paints again."""

    def __init__(self) -> None:
        self.layouts = 0
        self.whole_screens = 0
        """Frames that painted the whole screen again."""
        self.painted: list[Widget] = []
        self.focused: list[Widget | None] = []
        """Each widget the focus went to, in turn."""

    @property
    def kinds(self) -> set[str]:
        return {type(w).__name__ for w in self.painted}


@contextmanager
def watching(monkeypatch: pytest.MonkeyPatch) -> Iterator[Paints]:
    paints = Paints()
    layout, render, whole, focus = (Screen._refresh_layout, StylesCache.render, Compositor.render_full_update,
                                    Screen.set_focus)

    def counted_whole(self: Compositor, *args: Any, **kwargs: Any) -> Any:
        paints.whole_screens += 1
        return whole(self, *args, **kwargs)

    def counted_focus(self: Screen[Any], widget: Widget | None, *args: Any, **kwargs: Any) -> None:
        if widget is not self.focused:
            paints.focused.append(widget)
        focus(self, widget, *args, **kwargs)

    def counted_layout(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
        paints.layouts += 1
        layout(self, *args, **kwargs)

    def counted_render(self: StylesCache, styles: Any, size: Any, base: Any, background: Any,
                       render_line: Callable[[int], Any], *args: Any, **kwargs: Any) -> Any:
        # A widget's lines are painted again only when they are not in its cache any more.
        widget, lines = render_line.__self__, 0  # type: ignore[attr-defined]

        def line(y: int) -> Any:
            nonlocal lines
            lines += 1
            return render_line(y)

        try:
            return render(self, styles, size, base, background, line, *args, **kwargs)
        finally:
            if lines:
                paints.painted.append(widget)

    with monkeypatch.context() as patch:
        patch.setattr(Screen, "_refresh_layout", counted_layout)
        patch.setattr(StylesCache, "render", counted_render)
        patch.setattr(Compositor, "render_full_update", counted_whole)
        patch.setattr(Screen, "set_focus", counted_focus)
        yield paints


async def settled(pilot: Any) -> None:
    for _ in range(4):
        await pilot.pause(0.02)


def step_of(screen: QuestionScreen, ref_end: str, segment: int = 0) -> Step:
    return next(s for s in screen.session.steps()
                if s.ref.endswith(ref_end) and f"seg-{segment}#" in s.ref)


@pytest.fixture
def wizard_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalog: Catalog) -> Any:
    """The wizard, 120x40 (the benchmark's size: the help beside the question), on a canvas
    of two segments with every question answered. The coach's checks do not run: what they
    find comes a moment later, in a frame of its own, whenever the machine gets to it."""
    monkeypatch.setenv("CANVAS_WIZARD_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setattr(status_line, "FIRST_CHECK_AFTER", 3600.0)
    monkeypatch.setattr(status_line, "RECHECK_AFTER", 3600.0)
    path = tmp_path / "canvas.toml"
    store.save(full_canvas(catalog, segments=2), path)
    return WizardApp(path, catalog)


async def ready(app: WizardApp, pilot: Any) -> QuestionScreen:
    await settled(pilot)
    screen = app.screen
    assert isinstance(screen, QuestionScreen)
    return screen


@asynccontextmanager
async def running(app: WizardApp) -> AsyncIterator[tuple[Any, QuestionScreen]]:
    """`app` at 120x40, at its first question."""
    async with app.run_test(size=(120, 40)) as pilot:
        yield pilot, await ready(app, pilot)


def kind_now(screen: QuestionScreen) -> Kind:
    question = screen.session.question(screen.step)
    assert question is not None, screen.step.ref
    return question.kind


async def enter_from(app: WizardApp, pilot: Any, step: Step, monkeypatch: pytest.MonkeyPatch) -> Paints:
    """Enter on `step` with a changed answer: what the screen did until it went quiet."""
    screen = await ready(app, pilot)
    screen.show(step)
    await settled(pilot)
    field = app.focused
    assert isinstance(field, Input), f"{step.ref}: the focus is on {field}"
    field.value = "a changed answer"
    await settled(pilot)
    with watching(monkeypatch) as paints:
        await pilot.press("enter")
        await settled(pilot)
    assert screen.step != step, "Enter did not go on to the next question"
    return paints


async def test_enter_to_a_question_of_another_kind_lays_the_screen_out_once(
        wizard_at: WizardApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """Who uses it (one line) -> the job (a long text): the long-text box is shown and takes
    the focus in the one layout that shows the question, and the focus moving repaints the
    two boxes, not the whole screen."""
    app = wizard_at
    async with running(app) as (pilot, screen):
        paints = await enter_from(app, pilot, step_of(screen, "segment_questions.who_uses"), monkeypatch)
        assert kind_now(screen) is Kind.LONG_TEXT, screen.step.ref
        assert isinstance(app.focused, TextArea), "the long-text box does not have the focus"
        assert paints.focused == [app.focused], f"the focus went by way of {paints.focused[:-1]}"
        assert paints.layouts == 1, f"{paints.layouts} layouts for one Enter"
        assert paints.whole_screens == 0, "the focus moving painted the whole screen again"
        assert "NavTree" not in paints.kinds, "the whole screen was painted again, the tree with it"


@pytest.mark.parametrize("segment", [0, 1], ids=["the first list", "a list again"])
async def test_enter_to_a_list_question_paints_the_list_once(
        wizard_at: WizardApp, monkeypatch: pytest.MonkeyPatch, segment: int) -> None:
    """The list made ahead (hidden) and shown for the first time, or shown again at another
    height, keeps the lines it wrapped in the frame that shows it (WrapsOnWidth, SteadyBox)."""
    app = wizard_at
    async with running(app) as (pilot, screen):
        if segment:
            await enter_from(app, pilot, step_of(screen, "audience.industry", 0), monkeypatch)
        paints = await enter_from(app, pilot, step_of(screen, "audience.industry", segment), monkeypatch)
        assert kind_now(screen) is Kind.LIST, screen.step.ref
        lists = [w for w in paints.painted if isinstance(w, OptionList)]
        assert len(set(lists)) == 1 and len(lists) == 1, f"the list was painted {len(lists)} times"
        assert paints.layouts == 1, f"{paints.layouts} layouts for one Enter"


async def test_the_first_structure_question_is_made_ahead_and_shown_in_one_layout(
        wizard_at: WizardApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """Resumed at a question, the wizard makes the structure's box ahead too (FieldBox.prepare):
    the first structure question after it is shown in the one layout, its box focused."""
    app = wizard_at
    async with running(app) as (pilot, screen):
        paints = await enter_from(app, pilot, step_of(screen, "research.description", 0), monkeypatch)
        assert screen.step.is_structure, screen.step.ref
        assert paints.layouts == 1, f"{paints.layouts} layouts for one Enter"
        assert isinstance(app.focused, Input) and app.focused in screen.query_one("#field-box").query(Input)


async def test_help_of_another_length_beside_the_question_restyles_nothing(
        wizard_at: WizardApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """Beside the question the help panel's styles do not depend on the help's length: moving
    between two questions of the same kind paints the texts that changed, not the tree."""
    app = wizard_at
    async with running(app) as (pilot, screen):
        paints = await enter_from(app, pilot, step_of(screen, "audience.location"), monkeypatch)
        assert paints.layouts == 1
        assert "NavTree" not in paints.kinds, "every widget was restyled and painted again"


async def test_help_that_comes_to_scroll_is_laid_out_with_its_scrollbar_at_once(
        wizard_at: WizardApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """The next segment's first question has a long help (its section's introduction too):
    its scrollbar is placed in the layout that shows the question, not in one of its own;
    and on the question after it, whose help fits, it goes the same way. (The first time a
    scrollbar is shown in a session Textual lays it out once more, as for any new widget.)"""
    app = wizard_at
    async with running(app) as (pilot, screen):
        aside = screen.query_one("#aside")
        screen.show(step_of(screen, "segment_questions.who_pays", 0))
        await settled(pilot)
        assert aside.show_vertical_scrollbar, "this help no longer scrolls: pick another"
        paints = await enter_from(app, pilot, step_of(screen, "customer_model.early_adopters", 0), monkeypatch)
        assert screen.step.ref.endswith("seg-1#segment_questions.who_pays"), screen.step.ref
        assert aside.show_vertical_scrollbar and aside.max_scroll_y > 0, "this help no longer scrolls: pick another"
        assert paints.layouts == 1, f"{paints.layouts} layouts: the scrollbar was placed in a layout of its own"
        with watching(monkeypatch) as paints:
            await pilot.press(*"Their parents", "enter")
            await settled(pilot)
        if not aside.show_vertical_scrollbar:
            assert paints.layouts == 1, f"{paints.layouts} layouts: the scrollbar went in a layout of its own"
        assert aside.show_vertical_scrollbar == (aside.virtual_size.height > aside.scrollable_content_region.height)


# -- each speed-up beside Textual's own -----------------------------------------------


@pytest.mark.parametrize("steady", [True, False], ids=["SteadyBox", "Textual's container"])
async def test_a_steady_box_that_grows_is_laid_out_once_and_still_scrolls(
        monkeypatch: pytest.MonkeyPatch, steady: bool) -> None:
    class Box(SteadyBox, VerticalScroll):
        pass

    class Inner(SteadyBox, Vertical):
        pass

    class Probe(App[None]):
        CSS = "#box { height: 8; } #inner { height: auto; }"

        def compose(self) -> ComposeResult:
            with Box(id="box") if steady else VerticalScroll(id="box"), Inner(id="inner") if steady else Vertical(
                    id="inner"):
                yield SteadyStatic("one line", id="text")

    app = Probe()
    async with app.run_test(size=(40, 12)) as pilot:
        await settled(pilot)
        text, box = app.query_one("#text", SteadyStatic), app.query_one("#box")
        with watching(monkeypatch) as paints:
            text.update("three\nlines\nnow")  # taller, still within the box
            await settled(pilot)
        if steady:
            assert paints.layouts == 1, f"{paints.layouts} layouts: a new virtual size asked for another"
        else:
            assert paints.layouts > 1, "Textual no longer lays out again for a new virtual size: SteadyBox may go"
        assert not box.show_vertical_scrollbar
        text.update("\n".join(f"line {n}" for n in range(20)))  # taller than the box
        await settled(pilot)
        assert box.show_vertical_scrollbar and box.max_scroll_y > 0, "content taller than the box does not scroll"
        text.update("short")
        await settled(pilot)
        assert not box.show_vertical_scrollbar and box.max_scroll_y == 0, "the scrollbar stays for short content"


@pytest.mark.parametrize("wraps", [True, False], ids=["WrapsOnWidth", "Textual's OptionList"])
async def test_an_option_list_of_another_height_keeps_its_lines(monkeypatch: pytest.MonkeyPatch,
                                                                wraps: bool) -> None:
    class Items(WrapsOnWidth, OptionList):
        pass

    class Probe(App[None]):
        CSS = "OptionList { height: auto; max-height: 20; }"

        def compose(self) -> ComposeResult:
            options = [f"item {n} with words enough to wrap in a narrow list" for n in range(3)]
            yield Items(*options) if wraps else OptionList(*options)

    app = Probe()
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        listing = app.query_one(OptionList)
        cleared: list[object] = []
        original = OptionList._clear_caches

        def clearing(self: OptionList) -> None:
            cleared.append(self)
            original(self)

        monkeypatch.setattr(OptionList, "_clear_caches", clearing)
        listing.add_option("one more")  # taller, as wide
        await settled(pilot)
        assert listing.option_count == 4
        if not wraps:
            assert listing in cleared, "Textual's OptionList no longer empties its lines at a new size"
            return
        assert listing not in cleared, "the lines were worked out again for a new height"
        await pilot.resize_terminal(30, 24)  # narrower: the options wrap onto more lines
        await settled(pilot)
        assert listing in cleared and listing.virtual_size.height > 4, "a new width did not wrap the lines again"


@pytest.mark.parametrize("restyles", [True, False], ids=["FocusRestyles", "Textual's screen"])
async def test_the_focus_moving_repaints_the_two_boxes_not_the_screen(restyles: bool) -> None:
    class Quiet(FocusRestyles, Screen[None]):
        def compose(self) -> ComposeResult:
            yield Input(id="one")
            yield Input(id="two")

    class Plain(Screen[None]):
        compose = Quiet.compose

    class Probe(App[None]):
        CSS = "Input { border: tall blue; } Input:focus { border: tall red; }"

        def on_mount(self) -> None:
            self.push_screen(Quiet() if restyles else Plain())

    app = Probe()
    async with app.run_test() as pilot:
        await settled(pilot)
        screen, two = app.screen, app.screen.query_one("#two", Input)
        screen.set_focus(screen.query_one("#one", Input))
        await settled(pilot)
        screen.set_focus(two)
        if restyles:
            assert not screen._repaint_required, "moving the focus asks for the whole screen again"
        else:
            assert screen._repaint_required, "Textual's screen no longer repaints itself on focus: FocusRestyles may go"
        await settled(pilot)
        assert app.focused is two
        assert two.styles.border_top[1] == Color.parse("red"), "the box with the focus is not styled as focused"
        assert screen.query_one("#one", Input).styles.border_top[1] == Color.parse("blue")
