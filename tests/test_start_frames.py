"""What the wizard paints as it starts: every frame it renders of the first question reaches
the terminal (issue 18's "live question" rows)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import pytest
from textual import events
from textual.screen import Screen
from textual.widgets import Input

from tests.factory import full_canvas
from tests.test_first_frame import handed_over
from wizard.files import store
from wizard.model.catalog import Catalog
from wizard.tui import app as app_module
from wizard.tui.app import WizardApp
from wizard.tui.screens.question import QuestionScreen


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
