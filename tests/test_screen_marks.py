"""What the screen marks sticks: not applicable survives moving on, the ranking cursor
follows its item, and dialogs sit in the middle of the screen (through Textual's Pilot)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import ModalScreen

from tests.conftest import at_step
from tests.factory import structure
from tests.test_reliability_lock import plant
from wizard.core.coach_request import Request
from wizard.core.session import Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.dialogs import ChangedOnDiskScreen, LockedScreen

SIZE = (100, 32)
SEGMENT = ("type-0", "seg-0")


def canvas_file(tmp_path: Path) -> Path:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    return path


@pytest.mark.parametrize(("key", "move_on"), [
    ("audience.hobbies", "ctrl+n"),  # a list
    ("audience.hobbies", "enter"),  # empty Enter on a list goes on
    ("audience.location", "enter"),  # a line of text
    ("audience.location", "ctrl+n"),
    ("audience.next_5_years", "ctrl+n"),  # long text
    ("audience.marital_status", "ctrl+n"),  # several choices
    ("audience.age", "ctrl+n"),  # a range
    ("audience.gender", "ctrl+n"),  # one choice, none picked
])
async def test_not_applicable_stays_when_moving_on(tmp_path: Path, key: str, move_on: str) -> None:
    path = canvas_file(tmp_path)
    step = Step(SEGMENT, key)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await at_step(pilot, step)
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press(*"Not asked in this study", "enter")
        await pilot.pause()
        await pilot.press(move_on)
        await pilot.pause()
        assert screen.step != step, "moved on"
        assert screen.session.status(step) == "na"
        gaps = [g.slot.question_id for g in screen.session.report().missing() if g.slot.location == SEGMENT]
        assert key not in gaps, "the review does not count it as missing"
    segment = store.load(path).customer_types[0].segments[0]
    assert segment.na_reason(key) == "Not asked in this study"


async def test_a_changed_answer_lifts_the_mark(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    step = Step(SEGMENT, "audience.location")
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await at_step(pilot, step)
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Boston", "enter")
        await pilot.pause()
    segment = store.load(path).customer_types[0].segments[0]
    assert segment.na_reason("audience.location") is None
    assert segment.get("audience.location") == "Boston"


def _centred(app: WizardApp) -> None:
    box = app.screen.query_one(".dialog").region
    width, height = app.size
    assert abs((box.x + box.right) - width) <= 1, f"{box} is not centred across {width} columns"
    assert abs((box.y + box.bottom) - height) <= 1, f"{box} is not centred down {height} lines"


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_the_lock_dialog_is_drawn_in_the_middle(tmp_path: Path, size: tuple[int, int]) -> None:
    path = canvas_file(tmp_path)
    plant(path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LockedScreen)
        _centred(app)


async def test_every_dialog_is_drawn_in_the_middle(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    app = WizardApp(path, shipped_catalog(), coach=True, coach_request=Request(minutes=45))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await at_step(pilot, Step(SEGMENT, "audience.hobbies"))
        for key in ("ctrl+o", "f2", "f3", "f4"):  # the reason, the coach's notes, the agenda, the plan
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, ModalScreen), key
            _centred(app)
            await pilot.press("escape")
            await pilot.pause()
        path.write_text(path.read_text().replace("Type 0", "Renamed by hand"))
        await pilot.press(*"Cycling", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChangedOnDiskScreen)
        _centred(app)
