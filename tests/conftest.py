"""Shared fixtures: every test gets its own state and cache folders, so no test touches the user's."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.terminal import PROGRAM, Terminal
from wizard.files import bank_cache, banks, locations
from wizard.model.catalog import Catalog

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from wizard.core.session import Step
    from wizard.tui.screens.question import QuestionScreen

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def isolated_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv(locations.STATE_ENV, str(state))
    monkeypatch.setenv(bank_cache.CACHE_ENV, str(tmp_path_factory.mktemp("cache")))
    # The user's settings (a theme, a keymap) must not change what the tests see, nor be changed by them.
    monkeypatch.setenv(locations.CONFIG_ENV, str(tmp_path_factory.mktemp("config") / "canvas-wizard"))
    return state


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return banks.shipped_catalog()


async def question_screen(pilot: Pilot[str]) -> QuestionScreen:
    """The running wizard's question screen, once it is up: a canvas opens once the app is,
    a turn or two after the start."""
    from wizard.tui.screens.question import QuestionScreen

    for _ in range(100):
        if isinstance(pilot.app.screen, QuestionScreen):
            break
        await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen)
    return screen


async def made_ahead(pilot: Pilot[str], screen: QuestionScreen) -> None:
    """Until the screen has made, hidden, the answer widget of every kind (a moment after the
    start, in the background): a walk that reads every widget's text reads the same ones each run."""
    from wizard.tui.widgets.field_box import FieldBox

    box = screen.query_one(FieldBox)
    for _ in range(500):
        if box.prepared and all(child.is_mounted for child in box.children):
            return
        await pilot.pause(0.02)
    raise AssertionError("the answer widgets were never all made")


async def plan_offered(pilot: Pilot[str]) -> None:
    """Until the coach's plan is offered, a refresh or two after the first question is up."""
    from wizard.tui.screens.coach_plan import PlanScreen

    for _ in range(500):
        if isinstance(pilot.app.screen, PlanScreen):
            return
        await pilot.pause(0.02)
    raise AssertionError("the coach's plan was never offered")


async def at_step(pilot: Pilot[str], step: Step) -> QuestionScreen:
    """The running wizard moved to `step`, ready for an answer."""
    screen = await question_screen(pilot)
    screen.jump(step)
    await pilot.pause()
    return screen


COHORT_BROKEN = "broken.toml"
"""The file of `cohort` that is not a valid canvas (invalid TOML)."""


@pytest.fixture
def cohort(tmp_path: Path) -> Path:
    """A coach's folder for `report`: every shipped example and one broken file."""
    folder = tmp_path / "cohort"
    folder.mkdir()
    for example in sorted(EXAMPLES.glob("*.toml")):
        shutil.copy(example, folder / example.name)
    (folder / COHORT_BROKEN).write_text('schema_version = 1\ntitle = "unterminated\n', encoding="utf-8")
    return folder


@pytest.fixture
def terminal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Terminal]:
    """A tmux terminal of its own, stopped after the test; fails clearly without tmux or an install."""
    if shutil.which("tmux") is None or PROGRAM is None:
        pytest.fail("the end-to-end test needs tmux and an installed canvas-wizard (pip install .)")
    term = Terminal(f"cw-{uuid.uuid4().hex[:8]}", tmp_path_factory.mktemp("tmux"))
    yield term
    term.stop()
