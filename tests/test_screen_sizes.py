"""Every screen survives any terminal size from 20x8 to 300x80, resized in any order, and
one covered by another is laid out for the size it comes back to (through Textual's Pilot).

The property test draws sequences of sizes; each always visits the two extremes too."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot

from tests.factory import structure
from tests.test_reliability_lock import plant
from wizard.core.coach_request import Request
from wizard.core.session import Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.model.bank import Kind
from wizard.tui.app import WizardApp
from wizard.tui.screen_text import body_classes
from wizard.tui.screens.question import QuestionScreen

SEGMENT = ("type-0", "seg-0")
Opener = Callable[[Pilot[str]], Awaitable[None]]


async def _at(pilot: Pilot[str], step: Step) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen), screen
    screen.jump(step)
    await pilot.pause()


def _kind(kind: Kind) -> Opener:
    async def open_(pilot: Pilot[str]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, QuestionScreen)
        step = next(s for s in screen.session.steps()
                    if not s.is_structure and (q := screen.session.question(s)) is not None and q.kind is kind)
        await _at(pilot, step)

    return open_


def _keys(*keys: str, step: Step | None = None) -> Opener:
    async def open_(pilot: Pilot[str]) -> None:
        if step is not None:
            await _at(pilot, step)
        await pilot.press(*keys)
        await pilot.pause()

    return open_


async def _nothing(pilot: Pilot[str]) -> None:
    await pilot.pause()


async def _changed_on_disk(pilot: Pilot[str]) -> None:
    await _at(pilot, Step(SEGMENT, "segment_questions.who_pays"))
    path = Path("c.toml")
    path.write_text(path.read_text().replace("Type 0", "Renamed by hand"))
    await pilot.press(*"Parents", "enter")
    await pilot.pause()


async def _restore(pilot: Pilot[str]) -> None:
    await pilot.press("ctrl+r")
    await pilot.pause()
    pilot.app.screen.query_one("#set-aside").focus()
    await pilot.press("enter")
    await pilot.pause()
    assert type(pilot.app.screen).__name__ == "RestoreScreen"


HOBBIES = Step(SEGMENT, "audience.hobbies")
SCREENS: dict[str, Opener] = {
    **{f"question-{kind.value}": _kind(kind) for kind in Kind},
    "structure": _keys(step=Step(("type-0",), "structure.segments")),
    "review": _keys("ctrl+r"),
    "reason-dialog": _keys("ctrl+o", step=HOBBIES),
    "confirm-dialog": _keys("tab", "delete", step=Step(("type-0",), "structure.segments")),
    "changed-on-disk-dialog": _changed_on_disk,
    "palette": _keys("ctrl+p", *"age"),
    "coach-notes": _keys("f2", step=HOBBIES),
    "coach-agenda": _keys("f3"),
    "finish": _keys("ctrl+f"),
    "set-aside-restore": _restore,
    "welcome": _nothing,
    "bad-file": _nothing,
    "locked-dialog": _nothing,
}

QUITS_ON_ESCAPE = {"locked-dialog"}


def _file(name: str) -> Path | None:
    """The canvas each screen is opened on (the working folder is the test's own)."""
    if name == "welcome":
        return None
    path = Path("c.toml")
    if name == "bad-file":
        path.write_text('schema_version = 1\ntitle = "unterminated\n')
        return path
    canvas = structure(1, 1, 1)
    segment = canvas.customer_types[0].segments[0]
    segment.set("segment_questions.who_pays", "Parents")  # a confirm to ask
    segment.set("audience.company_size", "small")  # set aside: the segment is not one of businesses
    segment.set("audience.b2b_b2c", "b2c")
    store.save(canvas, path)
    if name == "locked-dialog":
        plant(path)
    return path


def _laid_out_for_its_size(app: WizardApp) -> None:
    for screen in app.screen_stack:
        if isinstance(screen, QuestionScreen) and screen is app.screen:
            body = screen.query_one("#body")
            expected = set(body_classes(app.size.width).split())
            assert set(body.classes) & {"-wide", "-narrow", "-huge"} == expected, (app.size, body.classes)


async def _drive(name: str, sizes: list[tuple[int, int]]) -> None:
    coach = name.startswith("coach")
    app = WizardApp(_file(name), shipped_catalog(), coach=coach,  # a planned session: no plan dialog first
                    coach_request=Request(minutes=45) if coach else None)
    async with app.run_test(size=sizes[0]) as pilot:
        await pilot.pause()
        await SCREENS[name](pilot)
        opened = app.screen
        for size in sizes[1:]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert app.is_running and app._exception is None, f"{name} stopped at {size}"
            assert app.screen is opened
        if name in QUITS_ON_ESCAPE:
            return
        await pilot.press("escape")  # back to the screen underneath, if any, at the last size
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and app._exception is None, f"{name}: the screen underneath at {sizes[-1]}"
        _laid_out_for_its_size(app)
        await pilot.press("down")  # a key after it, as the crash of issue 12 came with the next key
        await pilot.pause()
        assert app.is_running and app._exception is None
    assert app._exception is None


@pytest.mark.parametrize("name", list(SCREENS))
# No shrinking: each example is a whole wizard run, and the failing sizes are in the message.
@settings(max_examples=2, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawn=st.lists(st.tuples(st.integers(20, 300), st.integers(8, 80)), min_size=1, max_size=4))
def test_every_screen_survives_any_size(name: str, drawn: list[tuple[int, int]], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for leftover in tmp_path.iterdir():  # each example starts from a fresh canvas
        if leftover.is_file():
            leftover.unlink()
    sizes = [(120, 40), (20, 8), *drawn, (300, 80), (20, 8), (80, 24)]
    try:
        asyncio.run(_drive(name, sizes))
    except Exception as exc:
        raise AssertionError(f"{name} through the sizes {sizes}: {exc!r}") from exc


async def test_review_open_through_a_resize_then_escape(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The crash of issue 12: the question screen under the review, laid out for 120
    columns, came back at 80 with its answer column 0 wide."""
    monkeypatch.chdir(tmp_path)
    app = WizardApp(_file("review"), shipped_catalog())
    async with app.run_test(size=(120, 40)) as pilot:
        await _kind(Kind.SINGLE_CHOICE)(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.query_one("#main").size.width > 20
        await pilot.press("down")
        await pilot.pause()
    assert app._exception is None
