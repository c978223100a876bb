"""What the wizard paints as it starts: every frame it renders of the first question reaches
the terminal (issue 18's "live question" rows)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import pytest
from textual import events
from textual._compositor import Compositor
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets import Input
from textual.widgets._toast import Toast, ToastRack  # Textual's own, not exported

from tests.conftest import question_screen
from tests.factory import full_canvas
from tests.test_first_frame import handed_over
from wizard.commands.launch import first_frame_for
from wizard.files import store
from wizard.model.catalog import Catalog
from wizard.tui import app as app_module
from wizard.tui.app import WizardApp
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.widgets import status_line


class Frame(NamedTuple):
    screen: str
    dropped: bool
    """Rendered while the app batches its updates: Textual drops it unpainted."""
    answer_shown: bool
    """A question screen's answer box holds its widget, mounted and shown."""


def rendered(monkeypatch: pytest.MonkeyPatch) -> list[Frame]:
    """Each frame a screen renders from now on."""
    frames: list[Frame] = []
    render = Screen._compositor_refresh

    def counted(self: Screen[Any]) -> None:
        boxes = self.query("#field-box") if isinstance(self, QuestionScreen) else []
        shown = any(child.display and child.is_mounted for box in boxes for child in box.children)
        frames.append(Frame(type(self).__name__, bool(self.app._batch_count), shown))
        render(self)

    monkeypatch.setattr(Screen, "_compositor_refresh", counted)
    return frames


async def first_frames(tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch, start: str) -> list[Frame]:
    """The frames the wizard renders as it opens a draft, or a new canvas, at 120x40."""
    path = tmp_path / "draft.toml"
    if start == "draft":
        store.save(full_canvas(catalog, types=2, segments=10), path)
    frames = rendered(monkeypatch)
    app = WizardApp(path, catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
    return [frame for frame in frames if frame.screen == "QuestionScreen"]


@pytest.mark.parametrize("start", ["draft", "new canvas"])
async def test_the_first_screen_is_not_rendered_to_be_dropped(
        tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch, start: str) -> None:
    # Opened from the app's Mount, which Textual handles inside a batch of updates, the first
    # question was rendered whole once for nothing (30-40 ms of a draft's first open).
    frames = await first_frames(tmp_path, catalog, monkeypatch, start)
    assert any(not frame.dropped for frame in frames), "the first question was painted"
    assert not any(frame.dropped for frame in frames), "a frame of the first question was rendered and dropped"


@pytest.mark.parametrize("start", ["draft", "new canvas"])
async def test_the_first_frame_of_the_question_has_its_answer_box(
        tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch, start: str) -> None:
    # Mounted once the screen was, the answer's widget came a layout and a frame later: the
    # question first showed without the box the founder types into.
    frames = [frame for frame in await first_frames(tmp_path, catalog, monkeypatch, start) if not frame.dropped]
    assert frames and frames[0].answer_shown, "the first frame painted showed the answer's widget"


async def test_keys_typed_before_the_canvas_is_open_land_in_its_first_question(
        tmp_path: Path, catalog: Catalog) -> None:
    # Without a picture the canvas opens just after the app's Mount: keys the terminal gave
    # before then are queued ahead of the opening, and the screen they met (Textual's empty
    # one) dropped them.
    path = tmp_path / "new.toml"

    class TypedAtOnce(WizardApp):
        CSS_PATH = str(Path(app_module.__file__).parent / "app.tcss")  # relative paths follow the class

        def on_mount(self) -> None:  # Textual calls WizardApp's on_mount after this one
            for key in "Users":
                self.post_message(events.Key(key, key))

    app = TypedAtOnce(path, catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        await handed_over(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert isinstance(app.focused, Input) and app.focused.value == "Users", screen.step


async def test_a_question_screen_replaced_as_it_comes_up_stops_nothing(tmp_path: Path, catalog: Catalog) -> None:
    # A question screen went while a fit of it was still due (its answer box not mounted
    # yet); the fit looked for a part of it already taken down, and the wizard stopped with
    # an error. Here the first screen is replaced by the start's own opening of the canvas.
    path = tmp_path / "c.toml"
    store.save(full_canvas(catalog, types=1, segments=2), path)
    app = WizardApp(path, catalog)
    async with app.run_test(size=(100, 32)) as pilot:
        app.open_path(path, read_only=True)
        for _ in range(10):
            await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
    assert app.return_code in (None, 0)


def repainted(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Compositor, list[Region]]]:
    """What each frame rendered from now on repaints, with the screen's compositor that
    rendered it: the whole screen, or the parts that changed (the rest stays as it was)."""
    frames: list[tuple[Compositor, list[Region]]] = []
    full, partial = Compositor.render_full_update, Compositor.render_partial_update

    def whole(self: Compositor, *args: Any, **kwargs: Any) -> Any:
        frames.append((self, [self.size.region]))
        return full(self, *args, **kwargs)

    def parts(self: Compositor) -> Any:
        frames.append((self, list(self._dirty_regions)))
        return partial(self)

    monkeypatch.setattr(Compositor, "render_full_update", whole)
    monkeypatch.setattr(Compositor, "render_partial_update", parts)
    return frames


@pytest.mark.parametrize("start", ["draft", "new canvas", "picture"])
async def test_what_the_first_frame_painted_is_not_painted_again(
        tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch, start: str) -> None:
    # After the first frame of the first question, Textual repainted the whole of it once
    # more before the welcome back (or a key typed at once) could be painted: the screen fit
    # to the terminal after that frame, the screen's resume and the requests its widgets
    # made while it was composed, the sidebar's scrollbar found a layout late. At 120x40
    # that frame took 15-25 ms and sent 25 KB to the terminal again.
    monkeypatch.setattr(status_line, "FIRST_CHECK_AFTER", 3600.0)  # their findings come in a frame of their own
    path = tmp_path / "draft.toml"
    if start == "draft":  # long enough for the sidebar to scroll
        store.save(full_canvas(catalog, types=2, segments=10), path)
    frames = repainted(monkeypatch)
    # A picture (a new canvas's) stays under the live question as the app's first screen.
    app = WizardApp(path, frame=first_frame_for(path, None, False)) if start == "picture" else WizardApp(path, catalog)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:  # the welcome back too
        screen = await question_screen(pilot)
        for _ in range(10):
            await pilot.pause(0.02)
        mine = [regions for compositor, regions in frames if compositor is screen._compositor]
        assert mine and mine[0] == [Region(0, 0, 120, 40)], "the question came in a whole frame of its own"
        # What may change after the first frame: the answer box's cursor blinks, a toast
        # (the welcome back) comes, the key bar's keys fit themselves to the width.
        changing = [screen.query_one(name).region for name in ("#field-box", "SteadyFooter")]
        changing += [toast.region for toast in screen.get_child_by_type(ToastRack).query(Toast)]
        again = [r for frame in mine[1:] for r in frame if not any(c.contains_region(r) for c in changing)]
        assert not again, f"painted again after the first frame: {again}"
        area = max((sum(r.area for r in frame) for frame in mine[1:]), default=0)
        assert area <= 120 * 40 // 3, f"a frame after the first repainted {area} cells of 4800"


@pytest.mark.parametrize("start", ["new canvas", "picture"])
async def test_a_resize_paints_the_question_once(
        tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch, start: str) -> None:
    # Textual counts the screen under the top one (its empty first screen, or the picture)
    # as showing through it, and had the question screen repaint whatever a layout of that
    # screen changed: at every resize, and at the sizes a terminal reports as the wizard
    # starts, the whole question was painted once more for a screen no one could see.
    monkeypatch.setattr(status_line, "FIRST_CHECK_AFTER", 3600.0)
    path = tmp_path / "new.toml"
    frames = repainted(monkeypatch)
    app = WizardApp(path, frame=first_frame_for(path, None, False)) if start == "picture" else WizardApp(path, catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await question_screen(pilot)
        await pilot.pause(0.05)
        before = len(frames)
        await pilot.resize_terminal(100, 32)
        for _ in range(10):
            await pilot.pause(0.02)
        whole = [regions for compositor, regions in frames[before:]
                 if compositor is screen._compositor and Region(0, 0, 100, 32) in regions]
        assert len(whole) == 1, f"the question was painted whole {len(whole)} times for one resize"
