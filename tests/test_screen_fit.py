"""The answer box is always in view at 80x24, with at least three of its lines; around it
the help gives way first, then the coach's checks, then the probes (through Textual's
Pilot, on every question of the examples)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot

from tests.conftest import EXAMPLES
from wizard.core.coach_request import Request
from wizard.core.session import Step
from wizard.files.banks import shipped_catalog
from wizard.tui.app import WizardApp
from wizard.tui.screen_fit import Parts, fit
from wizard.tui.screens.question import QuestionScreen

SIZE = (80, 24)
PAINS_AFTER = "customers/celebration-orders/celebration-cakes/after#profile.pains"
"""Pains listed only before the job: the coach says so at the last stage, after (a check with a long text)."""


def example(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    shutil.copy(EXAMPLES / name, path)
    return path


def shown(app: WizardApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def shown_once(pilot: Pilot[str], wanted: str, timeout: float = 8.0) -> str:
    """The screen once it says `wanted` (the coach's checks run on a thread, the first time
    1.5 s after the first question), else as it is after `timeout`."""
    text = ""
    for _ in range(int(timeout / 0.05)):
        await pilot.pause(0.05)
        text = shown(pilot.app)  # type: ignore[arg-type]
        if wanted in " ".join(text.split()):
            break
    return text


def visible_lines(app: WizardApp) -> int:
    """How many lines of the focused widget are on screen, inside the question's column."""
    screen = app.screen
    focused = app.focused
    assert isinstance(screen, QuestionScreen) and focused is not None
    column = screen.query_one("#main").region
    body = screen.query_one("#body").region  # between the top bar (and the coach's line) and the key bar
    assert body.height <= app.size.height - (3 if screen.coach else 2)
    return focused.region.intersection(column).intersection(body).height


@pytest.mark.parametrize(("name", "coach"), [("draft-bakery.toml", True), ("facebook.toml", False)])
async def test_the_answer_box_is_in_view_on_every_question(tmp_path: Path, name: str, coach: bool) -> None:
    app = WizardApp(example(tmp_path, name), shipped_catalog(), coach=coach,
                    coach_request=Request(minutes=45) if coach else None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        for step in list(screen.session.steps()):
            screen.jump(step)
            await pilot.pause()
            await pilot.pause(0.15)  # the coach's checks of a changed canvas come a moment later
            focused = app.focused
            assert focused is not None, step.ref
            assert visible_lines(app) >= min(3, focused.region.height), (step.ref, shown(app))


async def test_the_help_gives_way_before_a_coachs_check(tmp_path: Path) -> None:
    app = WizardApp(example(tmp_path, "draft-bakery.toml"), shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        screen.jump(Step.from_ref(PAINS_AFTER))
        text = " ".join((await shown_once(pilot, "Coach's check: Pains of")).split())
        assert "Coach's check: Pains of" in text and "once it is done." in text, "the check in full"
        assert visible_lines(app) >= 3


async def test_the_checks_give_way_before_the_probes(tmp_path: Path) -> None:
    app = WizardApp(example(tmp_path, "draft-bakery.toml"), shipped_catalog(), coach=True,
                    coach_request=Request(minutes=45))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        screen.jump(Step.from_ref(PAINS_AFTER))
        text = await shown_once(pilot, "1 coach's check here")
        assert "Ask next (coach)" in text and "Which pain is the worst" in text, text
        assert "Why this matters" not in text, "the help went first"
        assert "1 coach's check here: see it in the review (Ctrl+R)" in " ".join(text.split()), text
        assert visible_lines(app) >= 3


def test_what_gives_way_and_in_which_order() -> None:
    parts = Parts(room=22, fixed=8, answer=4, checks=5, coach=10, help=19, stacked=True)
    assert fit(parts) == fit(parts)  # pure
    roomy = Parts(room=60, fixed=8, answer=4, checks=5, coach=10, help=19, stacked=True)
    assert (fit(roomy).checks, fit(roomy).coach, fit(roomy).help) == (5, 10, 19)
    squeezed = fit(parts)
    assert squeezed.help == 0 and squeezed.checks == 0 and squeezed.coach == 22 - 8 - 4 - 1
    just_help = fit(Parts(room=30, fixed=8, answer=4, checks=5, coach=0, help=19, stacked=True))
    assert just_help.checks == 5 and just_help.help == 30 - 8 - 4 - 5 - 1
    beside = fit(Parts(room=22, fixed=8, answer=10, checks=9, coach=10, help=19, stacked=False))
    assert (beside.checks, beside.coach, beside.help) == (4, 10, 19), "beside, only the checks share the column"
    for room in range(8, 40):  # never more than the room, and the answer never loses a line
        got = fit(Parts(room=room, fixed=6, answer=5, checks=7, coach=6, help=12, stacked=True))
        used = 6 + 5 + got.checks + (1 + got.side if got.side else 0)
        assert used <= room or (got.checks, got.side) == (0, 0)


async def test_the_screen_fits_again_as_the_answer_grows(tmp_path: Path) -> None:
    app = WizardApp(tmp_path / "new.toml", shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for name in ("Users", "Advertisers", "Sponsors"):
            await pilot.press(*name, "enter")
            await pilot.pause()
        await pilot.pause(0.1)
        text = shown(app)
        assert all(f"{n}. {name}" in text for n, name in enumerate(("Users", "Advertisers", "Sponsors"), 1)), text
        assert visible_lines(app) >= 3


def test_the_coach_notes_give_way_before_the_checks_and_the_probes_last() -> None:
    got = fit(Parts(room=22, fixed=6, answer=6, checks=3, coach=4, notes=6, help=10, stacked=True))
    assert (got.help, got.notes, got.checks, got.coach) == (0, 2, 3, 4)
    tighter = fit(Parts(room=17, fixed=6, answer=6, checks=3, coach=4, notes=6, help=10, stacked=True))
    assert (tighter.help, tighter.notes, tighter.checks, tighter.coach) == (0, 0, 0, 4), "the probes stay"


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.text(alphabet="ab \n", min_size=1, max_size=120), min_size=1, max_size=6),
       widths=st.lists(st.integers(1, 60), min_size=1, max_size=12))
def test_a_texts_lines_are_those_at_the_width_asked_whatever_was_measured_before(texts: list[str],
                                                                                 widths: list[int]) -> None:
    # The fit remembers what it measured; another text, or the same at another width, is measured anew.
    from textual.content import Content
    from textual.widgets import Static

    from wizard.tui.screen_fit import content_lines

    widget = Static()
    contents = [Content(text) for text in texts]
    for i, width in enumerate(widths):
        content = contents[i % len(contents)]
        assert content_lines(content, widget, width) == content.get_height(widget.styles, width)
