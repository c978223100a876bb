"""The finish (through Textual's Pilot): where the file is, what is still open, what to do
next, and actions fed from one list that other features extend."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from wizard.files.banks import shipped_catalog
from wizard.tui import finish_actions
from wizard.tui.app import WizardApp
from wizard.tui.finish_actions import FinishAction
from wizard.tui.screens.finish import FinishScreen
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.review import ReviewScreen

SIZE = (120, 40)


def bakery(tmp_path: Path) -> Path:
    path = tmp_path / "bakery.toml"
    shutil.copy(EXAMPLES / "draft-bakery.toml", path)
    return path


def text(app: WizardApp) -> str:
    return " ".join("\n".join(strip.text for strip in app.screen._compositor.render_strips()).split())


@pytest.mark.parametrize("keys", [["ctrl+f"], ["ctrl+r", "ctrl+f"]], ids=["from a question", "from the review"])
async def test_finishing_at_42_percent_says_where_what_and_what_next(tmp_path: Path, keys: list[str]) -> None:
    path = bakery(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, FinishScreen), "the finish is a screen, not an exit"
        shown = text(app)
        open_count = len(app.screen.session.report().missing())
        assert str(path.absolute()) in shown and "saved" in shown
        assert "42% complete" in shown
        assert f"{open_count} questions in" in shown and "Job to be done" in shown
        assert "2 quality checks to look at" in shown
        assert f"canvas-wizard score {path.absolute()}" in shown
        assert "--format html" in shown
        assert "(g) Go on: Job to be done" in shown and "(q) Close the wizard" in shown
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value is not None
    lines = app.return_value.splitlines()
    assert lines[0] == f"Saved {path}: 42% complete."
    assert any(f"canvas-wizard score {path.absolute()}" in line for line in lines)


async def test_going_on_and_going_back(tmp_path: Path) -> None:
    app = WizardApp(bakery(tmp_path), shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        here = screen.step
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.step == here
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert app.screen is screen and screen.step == screen.session.first_open()
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_other_features_add_their_actions_in_one_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []

    def exports(screen: FinishScreen) -> Iterable[FinishAction]:
        yield FinishAction("send-slides", "e", "Send the slides", "to the team's folder",
                           lambda s: ran.append(s.session.path.name), order=40)
        yield FinishAction("export-html", "x", "A second picture", "an id already offered: left out",
                           lambda s: ran.append("twice"), order=41)

    monkeypatch.setattr(finish_actions, "OFFERS", [*finish_actions.OFFERS, exports])
    app = WizardApp(bakery(tmp_path), shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        shown = text(app)
        assert shown.index("(r) Review") < shown.index("(e) Send the slides")
        ids = [action.id for action in app.screen.actions]  # type: ignore[attr-defined]
        assert ids.index("send-slides") < ids.index("close") and ids.count("export-html") == 1
        assert "A second picture" not in shown
        await pilot.press("e")
        await pilot.pause()
    assert ran == ["bakery.toml"]


async def test_a_file_that_is_not_saved_is_said_so_on_the_finish(tmp_path: Path) -> None:
    path = bakery(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path.unlink()
        path.mkdir()
        await pilot.press("ctrl+f")
        await pilot.pause()
        shown = text(app)
        assert "NOT A FILE" in shown and "has taken its place" in shown
        path.rmdir()


@pytest.mark.parametrize(("key", "fmt", "suffix"), [("p", "html", ".html"), ("m", "markdown", ".md"),
                                                    ("i", "interview", ".interview.md")])
async def test_the_finish_exports_each_format_through_its_dialog(tmp_path: Path, key: str, fmt: str,
                                                                 suffix: str) -> None:
    """From the finish: the key opens the export dialog on that format, Enter writes the file
    beside the canvas, and the finish is still there to go on from."""
    from wizard.tui.screens.export import ExportScreen

    path = bakery(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert f"({key}) Export" in text(app)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen) and app.screen.fmt == fmt
        type_name = app.screen.session.canvas.customer_types[0].name
        await pilot.press("tab", "enter")  # from the format to the file name, and Enter writes it
        for _ in range(20):
            await pilot.pause()
            if not isinstance(app.screen, ExportScreen):
                break
        assert isinstance(app.screen, FinishScreen)
    written = path.with_name("bakery" + suffix)
    assert written.exists() and type_name in written.read_text(encoding="utf-8")


async def test_an_empty_canvas_offers_nothing_to_export(tmp_path: Path) -> None:
    app = WizardApp(tmp_path / "new.toml", shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, FinishScreen)
        assert "Export" not in text(app)
