"""The top bar tells the truth about the file: "saved" only while the file on disk holds
what is on screen (through Textual's Pilot, reading the top line as painted)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from tests.conftest import at_step
from tests.factory import structure
from wizard.core.session import Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.dialogs import ChangedOnDiskScreen
from wizard.tui.screens.question import QuestionScreen

SIZE = (120, 40)
WHO_PAYS = Step(("type-0", "seg-0"), "segment_questions.who_pays")


def canvas_file(tmp_path: Path) -> Path:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    return path


def top_line(app: WizardApp) -> str:
    return app.screen._compositor.render_strips()[0].text


async def says(pilot: Pilot[str], words: str, seconds: float = 3.0) -> str:
    """The top line once it says `words` (the file is looked at every second), or as it is then."""
    app = pilot.app
    assert isinstance(app, WizardApp)
    for _ in range(int(seconds / 0.1)):
        line = top_line(app)
        if words in line:
            return line
        await pilot.pause(0.1)
    return top_line(app)


async def edited_elsewhere_then(pilot: Pilot[str], path: Path, key: str, theirs: str | None = None) -> None:
    """Type an answer after another program changed the file, and answer the dialog with `key`."""
    app = pilot.app
    await at_step(pilot, WHO_PAYS)
    path.write_text(theirs if theirs is not None else path.read_text().replace("Type 0", "Renamed by hand"))
    await pilot.press(*"Parents", "enter")
    await pilot.pause()
    assert isinstance(app.screen, ChangedOnDiskScreen)
    await pilot.press(key)
    await pilot.pause()


async def test_escape_on_the_changed_on_disk_dialog_is_not_saved(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "saved " in await says(pilot, "saved ")
        await edited_elsewhere_then(pilot, path, "escape")
        line = await says(pilot, "NOT SAVED", seconds=0.3)
        assert "NOT SAVED" in line and "saved " not in line.replace("NOT SAVED", "")


async def test_a_failed_load_from_disk_is_not_saved(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await edited_elsewhere_then(pilot, path, "l", theirs='title = "broken\n')
        assert isinstance(app.screen, QuestionScreen)
        assert "NOT SAVED" in await says(pilot, "NOT SAVED", seconds=0.3)


async def test_a_successful_load_from_disk_is_saved(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await edited_elsewhere_then(pilot, path, "l")
        line = await says(pilot, "saved ", seconds=0.3)
        assert "saved " in line and "NOT SAVED" not in line


async def test_keep_mine_is_saved(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await edited_elsewhere_then(pilot, path, "k")
        line = await says(pilot, "saved ", seconds=0.3)
        assert "saved " in line and "NOT SAVED" not in line


async def test_a_folder_in_place_of_the_file(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await at_step(pilot, WHO_PAYS)
        path.unlink()
        path.mkdir()
        assert "NOT A FILE" in await says(pilot, "NOT A FILE"), "seen without any change made here"
        await pilot.press(*"Parents", "enter")
        await pilot.pause(0.3)
        line = await says(pilot, "NOT SAVED")
        assert "NOT SAVED" in line and "saved " not in line.replace("NOT SAVED", "")
        path.rmdir()


async def test_a_file_changed_or_removed_elsewhere_is_said_and_a_touch_is_not(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "saved " in await says(pilot, "saved ")
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
        await pilot.pause(1.2)
        assert "saved " in await says(pilot, "saved "), "the same bytes: nothing to lose"
        shutil.copy(path, tmp_path / "keep.toml")
        path.write_text(path.read_text().replace("Type 0", "Renamed by hand"))
        assert "CHANGED ON DISK" in await says(pilot, "CHANGED ON DISK")
        path.unlink()
        assert "FILE MISSING" in await says(pilot, "FILE MISSING")


async def test_the_top_bar_is_painted_again_only_when_what_it_says_changes(tmp_path: Path) -> None:
    """Each second the top bar is worked out again; painted again only if its words or
    their styles changed (a repaint each second landed just after a key and delayed it)."""
    path = canvas_file(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, WHO_PAYS)
        assert "saved " in await says(pilot, "saved ")
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        bar = screen.query_one("#topbar", Static)
        painted: list[object] = []
        original = bar.update

        def update(content: Any, **kwargs: Any) -> None:
            painted.append(content)
            original(content, **kwargs)

        bar.update = update  # type: ignore[method-assign,assignment]
        before = top_line(app)
        await pilot.pause(2.3)  # two ticks or more, nothing changed
        assert painted == []
        await pilot.press(*"Parents", "enter")  # an answer: the score goes up
        for _ in range(30):
            if top_line(app) != before:
                break
            await pilot.pause(0.1)
        assert top_line(app) != before and painted
