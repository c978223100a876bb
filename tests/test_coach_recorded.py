"""A whole coach session driven in the wizard (Pilot, at 80x24, with a clock the test moves):
plan 45 minutes, answer a few questions, write a private note and a homework note, end the
session, and export its summary, the founder's copy and the coach's."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Button, Input

from tests.conftest import EXAMPLES, at_step
from wizard.core.session import Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.coach import NoteScreen
from wizard.tui.screens.coach_plan import PlanScreen
from wizard.tui.screens.coach_summary import SummaryScreen
from wizard.tui.screens.export import ExportScreen
from wizard.tui.screens.finish import FinishScreen
from wizard.tui.screens.question import QuestionScreen

WALK_IN_JOB = Step(("customers", "walk-in-customers"), "segment_questions.job")
PARTY_PLACE = Step(("customers", "celebration-orders"), "audience.location")
PRIVATE = "Private: she is guessing about office workers"
HOMEWORK = "Homework: ask five walk-in customers why they came in"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def flat(text: str) -> str:
    return " ".join(text.split())


async def export_from(pilot, key: str, out: Path) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    app.screen.query_one("#export-path", Input).value = str(out)
    app.screen.query_one("#export", Button).press()
    await pilot.pause()
    assert isinstance(app.screen, SummaryScreen), "written, and back on the summary"


async def test_a_recorded_45_minute_session_and_its_summary(tmp_path: Path) -> None:
    path = tmp_path / "bakery.toml"
    shutil.copy(EXAMPLES / "draft-bakery.toml", path)
    before = len(store.load(path).coach.sessions)
    clock = Clock()
    app = WizardApp(path, shipped_catalog(), coach=True, coach_clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("backspace", "backspace", "backspace", *"45", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)

        await at_step(pilot, WALK_IN_JOB)
        await pilot.press(*"Pick up a treat on the way home", "ctrl+n")
        clock.now += 8 * 60
        await at_step(pilot, PARTY_PLACE)
        await pilot.press(*"Within a half-hour drive of the shop", "ctrl+n")
        clock.now += 7 * 60
        await pilot.pause()

        await at_step(pilot, WALK_IN_JOB)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*PRIVATE, "tab", "tab", *HOMEWORK, "tab", "space", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "session 30 min left" in flat(str(screen.query_one("#session-line").render()))

        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, FinishScreen)
        await pilot.press("e")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        shown = flat(app.screen.text)
        assert PRIVATE in shown and HOMEWORK in shown, "the coach's copy is on screen"
        await export_from(pilot, "f", tmp_path / "founder.md")
        await export_from(pilot, "c", tmp_path / "coach.md")
        await pilot.press("q")
        await pilot.pause()

    founder = flat((tmp_path / "founder.md").read_text())
    coach = flat((tmp_path / "coach.md").read_text())
    assert "45 min planned · 15 min held" in founder
    covered = founder[founder.index("## Covered"):founder.index("## What changed")]
    assert "The four segment questions" in covered and "Who they are" in covered
    assert "Customer research plan" not in covered, "planned, but not worked on"
    changed = founder[founder.index("## What changed"):founder.index("## Homework")]
    assert ("Customers › Local walk-in customers: Job to be done answered: Pick up a treat on the way home"
            in changed)
    assert "People ordering for a celebration: Location answered: Within a half-hour drive" in changed
    homework = founder[founder.index("## Homework from your coach"):founder.index("## Still open")]
    assert f"Customers › Local walk-in customers**: {HOMEWORK}" in homework
    assert "Call two people who ordered for a party" in homework, "earlier homework not done yet, with its date"
    assert "(set 18 November 2026)" in homework
    still_open = founder[founder.index("## Still open in today's sections"):]
    assert "Shared traits" in still_open and "Pick up a treat" not in still_open
    assert PRIVATE not in founder and "she is guessing" not in founder, "private stays out of the founder's copy"
    assert PRIVATE in coach and HOMEWORK in coach

    canvas = store.load(path)
    assert len(canvas.coach.sessions) == before + 1
    record = canvas.coach.sessions[-1]
    assert record.minutes == 45 and record.ended is not None
    assert [(n.kind, n.text) for n in record.notes] == [("private", PRIVATE), ("homework", HOMEWORK)]
    assert record.covered[:2] == ["segment_questions", "audience"]
