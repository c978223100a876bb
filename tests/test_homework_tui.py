"""The founder ticks off the coach's homework in the wizard (through Textual's Pilot): from
the finish screen, saved at once, and the founder's exports then list only what is left."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

from textual.widgets import SelectionList, Static

from tests.conftest import EXAMPLES
from tests.factory import structure
from wizard.export import markdown
from wizard.export.view import build
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.finish import FinishScreen
from wizard.tui.screens.homework import HomeworkScreen

SIZE = (80, 24)


def bakery(tmp_path: Path) -> Path:
    """The shipped draft: one coach session that set two pieces of homework, none done."""
    path = tmp_path / "bakery.toml"
    shutil.copy(EXAMPLES / "draft-bakery.toml", path)
    return path


def homework_on_disk(path: Path) -> list[tuple[str, bool]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [(n["text"], n.get("done", False)) for s in data["coach"]["sessions"] for n in s["notes"]
            if n.get("kind") == "homework"]


def screen_text(app: WizardApp) -> str:
    return " ".join("\n".join(strip.text for strip in app.screen._compositor.render_strips()).split())


async def test_homework_is_ticked_off_from_the_finish_screen_and_saved_at_once(tmp_path: Path) -> None:
    path = bakery(tmp_path)
    pieces = homework_on_disk(path)
    assert len(pieces) == 2 and not any(done for _, done in pieces)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        told = " ".join(n.message for n in app._notifications)
        assert "2 pieces of homework" in told, "the welcome back says the coach set some"
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, FinishScreen)
        assert "(h) Homework from your coach: 2 of 2 still to do" in screen_text(app)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HomeworkScreen)
        whole = app.screen.query_one("#homework-text", Static)
        assert pieces[0][0] in str(whole.content) and whole.region.height >= 2, "the highlighted piece whole"
        await pilot.press("down")
        await pilot.pause()
        assert pieces[1][0] in str(whole.content)
        await pilot.press("up")
        await pilot.press("space")
        await pilot.pause(0.5)
        assert homework_on_disk(path) == [(pieces[0][0], True), (pieces[1][0], False)], "saved at once"
        assert "1 of 2 still to do" in screen_text(app)
        await pilot.press("down", "enter")  # Enter ticks too
        await pilot.pause(0.5)
        assert [done for _, done in homework_on_disk(path)] == [True, True]
        await pilot.press("space")  # ticked by mistake: unticked
        await pilot.pause(0.5)
        assert [done for _, done in homework_on_disk(path)] == [True, False]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FinishScreen)
        assert "(h) Homework from your coach: 1 of 2 still to do" in screen_text(app), "the finish says it now"

    # Opened again, the list shows what is done; the founder's persona lists only what is left.
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        ticks = app.screen.query_one(SelectionList)
        assert ticks.selected == [0]
    persona = " ".join(markdown.render(build(store.load(path), shipped_catalog())).split())
    assert "Homework from your coach" in persona
    assert pieces[1][0] in persona and pieces[0][0] not in persona


async def test_no_homework_no_offer(tmp_path: Path) -> None:
    path = tmp_path / "plain.toml"
    store.save(structure(1, 1, 1), path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "homework" not in " ".join(n.message for n in app._notifications)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert "Homework" not in screen_text(app)
        await pilot.press("h")  # not a key of this finish screen
        await pilot.pause()
        assert isinstance(app.screen, FinishScreen)
