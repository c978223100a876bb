"""What the wizard paints as it starts: every frame it renders of the first question reaches
the terminal (issue 18's "live question" rows)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


def rendered(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Each frame a screen renders from now on: the screen's class, and whether Textual
    dropped it unpainted (rendered while the app batches its updates)."""
    frames: list[tuple[str, bool]] = []
    render = Screen._compositor_refresh

    def counted(self: Screen[Any]) -> None:
        frames.append((type(self).__name__, bool(self.app._batch_count)))
        render(self)

    monkeypatch.setattr(Screen, "_compositor_refresh", counted)
    return frames


@pytest.mark.parametrize("start", ["draft", "new canvas"])
async def test_the_first_screen_is_not_rendered_to_be_dropped(
        tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch, start: str) -> None:
    # Opened from the app's Mount, which Textual handles inside a batch of updates, the first
    # question was rendered whole once for nothing (30-40 ms of a draft's first open).
    path = tmp_path / "draft.toml"
    if start == "draft":
        store.save(full_canvas(catalog, types=2, segments=10), path)
    frames = rendered(monkeypatch)
    app = WizardApp(path, catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
    assert ("QuestionScreen", False) in frames, "the first question was painted"
    assert ("QuestionScreen", True) not in frames, "a frame of the first question was rendered and dropped"


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


@pytest.mark.parametrize("start", ["draft", "new canvas"])
async def test_the_first_frame_of_the_question_has_its_answer_box(
        tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch, start: str) -> None:
    # Mounted once the screen was, the answer's widget came a layout and a frame later: the
    # question first showed without the box the founder types into.
    path = tmp_path / "draft.toml"
    if start == "draft":
        store.save(full_canvas(catalog, types=1, segments=2), path)
    boxes: list[bool] = []
    render = Screen._compositor_refresh

    def counted(self: Screen[Any]) -> None:
        if isinstance(self, QuestionScreen) and not self.app._batch_count:
            box = self.query_one("#field-box")
            boxes.append(any(child.display and child.is_mounted for child in box.children))
        render(self)

    monkeypatch.setattr(Screen, "_compositor_refresh", counted)
    app = WizardApp(path, catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
    assert boxes and boxes[0], "the first frame painted showed the answer's widget"
