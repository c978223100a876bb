"""What the main screens look like at 80x24 and 120x40 (pytest-textual-snapshot).

Update after an intended change with: python -m pytest tests/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from tests.conftest import at_step, question_screen
from tests.factory import full_canvas, structure
from wizard.core.coach_request import Request
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.model.canvas import Canvas
from wizard.tui.app import WizardApp

SIZES = [(80, 24), (120, 40)]
THREE = [(80, 24), (120, 40), (200, 60)]
THREE_IDS = ["80x24", "120x40", "200x60"]
FROZEN = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def steady(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Same clock, same relative path and same timezone on every run, so pictures compare.
    monkeypatch.setattr("wizard.files.editing.now", lambda: FROZEN)
    monkeypatch.setattr("wizard.model.canvas.now", lambda: FROZEN)
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.chdir(tmp_path)
    # A toast shown at the start ("Welcome back") stays for the picture: on a busy machine
    # its few seconds ran out before the screen was taken, and the picture differed.
    notify = WizardApp.notify

    def lasting(self: WizardApp, message: str, **kwargs: Any) -> None:
        notify(self, message, **{**kwargs, "timeout": 3600})

    monkeypatch.setattr(WizardApp, "notify", lasting)
    # The cursor of the focused box stays shown: it blinks every half second, and on a busy
    # machine the picture was taken in the off half (five pictures differed by one cell).
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: setattr(self, "_cursor_visible", True))


def canvas_file(canvas: Canvas) -> Path:
    canvas.created = canvas.updated = FROZEN
    path = Path("canvas.toml")
    store.save(canvas, path)
    os.utime(path, (FROZEN.timestamp(), FROZEN.timestamp()))  # the header shows when it was saved
    return path


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_first_question_of_a_new_canvas(snap_compare: Any, size: tuple[int, int]) -> None:
    app = WizardApp(Path("new-canvas.toml"), shipped_catalog())
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", THREE, ids=THREE_IDS)
def test_segment_question_with_help(snap_compare: Any, size: tuple[int, int]) -> None:
    canvas = structure(2, 1, 1)
    canvas.customer_types[0].set("customer_model.role", "users")
    app = WizardApp(canvas_file(canvas), shipped_catalog())

    async def go(pilot: Any) -> None:
        from wizard.core.session import Step

        await at_step(pilot, Step(("type-0", "seg-0"), "audience.age"))

    assert snap_compare(app, terminal_size=size, run_before=go)


@pytest.mark.parametrize("size", THREE, ids=THREE_IDS)
def test_list_question(snap_compare: Any, size: tuple[int, int]) -> None:
    canvas = structure(1, 1, 1)
    canvas.customer_types[0].segments[0].jobs[0].before.set("profile.pains", ["Knows nobody", "[bold]x[/]"])
    app = WizardApp(canvas_file(canvas), shipped_catalog())

    async def go(pilot: Any) -> None:
        from wizard.core.session import Step

        await at_step(pilot, Step(("type-0", "seg-0", "job-0", "before"), "profile.pains"))

    assert snap_compare(app, terminal_size=size, run_before=go)


@pytest.mark.parametrize("size", THREE, ids=THREE_IDS)
def test_review_screen(snap_compare: Any, size: tuple[int, int]) -> None:
    canvas = full_canvas(shipped_catalog(), 1, 2, 1)
    canvas.customer_types[0].segments[1].answers.clear()
    app = WizardApp(canvas_file(canvas), shipped_catalog())

    async def review(pilot: Any) -> None:
        from wizard.tui.screens.review import ReviewScreen

        await pilot.press("ctrl+r")
        for _ in range(200):  # the coach's notes are read on a thread: the picture has them
            await pilot.pause(0.05)
            if isinstance(pilot.app.screen, ReviewScreen) and pilot.app.screen.findings is not None:
                break
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=review)


@pytest.mark.parametrize("size", THREE, ids=THREE_IDS)
def test_finish_screen(snap_compare: Any, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("wizard.tui.screens.finish.where_is", lambda path: f"/home/founder/{path}")
    monkeypatch.setattr("wizard.tui.screens.finish.here", lambda: "/home/founder")
    canvas = full_canvas(shipped_catalog(), 1, 2, 1)
    canvas.customer_types[0].segments[1].answers.clear()
    app = WizardApp(canvas_file(canvas), shipped_catalog())
    assert snap_compare(app, terminal_size=size, press=["ctrl+f"])


@pytest.mark.parametrize("size", THREE, ids=THREE_IDS)
def test_coach_question_with_a_check(snap_compare: Any, size: tuple[int, int]) -> None:
    """The answer box in view with a coach's check and the probes around it."""
    canvas = structure(1, 1, 1)
    canvas.customer_types[0].segments[0].set("audience.age", (1, 99))
    # The coach's clock stands still: the times shown do not depend on how long the checks take.
    app = WizardApp(canvas_file(canvas), shipped_catalog(), coach=True, coach_request=Request(minutes=45),
                    coach_clock=lambda: 1000.0)

    async def go(pilot: Any) -> None:
        from wizard.core.session import Step
        from wizard.tui.widgets.status_line import StatusLine

        screen = await question_screen(pilot)
        screen.jump(Step(("type-0", "seg-0"), "audience.age"))
        screen.was_at = None
        line = pilot.app.screen.query_one(StatusLine)
        for _ in range(200):  # the checks run on a thread, the first a moment after the start
            await pilot.pause(0.05)
            if line._checked[0] is line.session.report() and line.checks:
                break
        focused = pilot.app.focused
        if focused is not None and hasattr(focused, "cursor_blink"):
            focused.cursor_blink = False  # shown, as at any moment a picture could be taken
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=size, run_before=go)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_welcome_screen(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(WizardApp(None, shipped_catalog()), terminal_size=size)


def test_bad_file_screen(snap_compare: Any) -> None:
    Path("broken.toml").write_text('schema_version = 1\ntitle = "unterminated\n')
    assert snap_compare(WizardApp(Path("broken.toml"), shipped_catalog()), terminal_size=(80, 24))


def test_light_theme(snap_compare: Any) -> None:
    app = WizardApp(canvas_file(structure(1, 1, 1)), shipped_catalog())
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=(80, 24))
