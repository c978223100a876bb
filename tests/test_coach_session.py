"""A coach session in the wizard (Pilot, with a clock the test moves): planning it, the line
with the time left, the gentle warning, the agenda's jumps and re-planning."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import DataTable, Input, SelectionList, Static

from tests.conftest import EXAMPLES
from wizard.core.coach_request import Request
from wizard.files.banks import shipped_catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.coach import AgendaScreen
from wizard.tui.screens.coach_plan import PlanScreen
from wizard.tui.screens.question import QuestionScreen

SMALL = (80, 24)


class Clock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


def bakery(tmp_path: Path) -> Path:
    path = tmp_path / "bakery.toml"
    shutil.copy(EXAMPLES / "draft-bakery.toml", path)
    return path


def line(app: WizardApp) -> Static:
    return app.screen.query_one("#session-line", Static)


def line_text(app: WizardApp) -> str:
    return str(line(app).render())


def on_screen(app: WizardApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_the_session_is_planned_in_a_dialog_prefilled_with_what_is_open(tmp_path: Path) -> None:
    clock = Clock()
    app = WizardApp(bakery(tmp_path), shipped_catalog(), coach=True, coach_clock=clock)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PlanScreen)
        ticked = list(dialog.query_one(SelectionList).selected)
        assert "structure" not in ticked and "audience" in ticked, "the sections still open are ticked"
        minutes = dialog.query_one("#plan-minutes", Input)
        assert minutes.value == str(sum(i.planned for i in dialog.infos if i.id in ticked))
        assert "Start (Enter)" in on_screen(app), "the whole dialog fits at 80x24"
        await pilot.press("backspace", "backspace", "backspace", *"45")
        await pilot.pause()
        assert "→" in on_screen(app), "each section shows the minutes it gets"
        await pilot.press("tab", "down", "space")  # Structure is complete: the next row, open, is unticked
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        run = screen.run
        assert run is not None and run.plan is not None
        assert run.plan.minutes == 45 and run.plan.sections == tuple(ticked[1:])
        assert sum(run.plan.allot.values()) == 45 * 60
        assert screen.step.section == ticked[1], "the session starts at the first section of today's plan"
        assert "session 45 min left" in line_text(app)


async def test_the_line_counts_down_and_warns_gently_when_a_section_runs_over(tmp_path: Path) -> None:
    clock = Clock()
    app = WizardApp(bakery(tmp_path), shipped_catalog(), coach=True, coach_clock=clock,
                    coach_request=Request(45, ("segment_questions", "audience")))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and screen.run is not None and screen.run.plan is not None
        assert screen.step.section == "segment_questions"
        given = screen.run.plan.allot["segment_questions"]
        text = line_text(app)
        assert text.startswith("The four segment questions · ") and "session 45 min left" in text
        assert f"{given // 60} min left" in text
        assert line(app).region.y == 1, "a line of its own under the top bar"
        clock.now += 10 * 60
        screen.refresh_status()
        assert "session 35 min left" in line_text(app)
        clock.now += given  # past this section's time
        screen.refresh_status()
        await pilot.pause()
        assert "over its time" in line_text(app) and line(app).has_class("-over")
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert any("time planned for The four segment questions is up" in n.message for n in warnings)
        screen.refresh_status()
        assert len([n for n in app._notifications if "is up" in n.message]) == 1, "said once"
        clock.now += 45 * 60
        screen.refresh_status()
        assert "session over by" in line_text(app)


async def test_enter_on_an_agenda_row_jumps_and_p_re_plans(tmp_path: Path) -> None:
    clock = Clock()
    app = WizardApp(bakery(tmp_path), shipped_catalog(), coach=True, coach_clock=clock,
                    coach_request=Request(45))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and screen.run is not None
        clock.now += 300
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        table = app.screen.query_one(DataTable)
        keys = [row.value for row in table.rows]
        target = keys.index("research")
        table.move_cursor(row=target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert screen.step.section == "research" and screen.session.status(screen.step) != "answered"
        assert line_text(app).startswith("Customer research plan")
        await pilot.press("ctrl+l")  # the way back is there, as after any jump
        await pilot.pause()
        assert screen.step.section != "research"

        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PlanScreen) and "Re-plan this session (05:00 gone)" in on_screen(app)
        assert dialog.query_one("#plan-minutes", Input).value == "45"
        await pilot.press("backspace", "backspace", *"30", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        plan = screen.run.plan
        assert plan is not None and plan.minutes == 30
        assert sum(plan.allot.values()) == 30 * 60, "what was spent stays, the rest is shared out again"
        assert "session 25 min left" in line_text(app)


async def test_a_bad_plan_is_said_in_the_dialog_and_not_taken(tmp_path: Path) -> None:
    app = WizardApp(bakery(tmp_path), shipped_catalog(), coach=True, coach_clock=Clock())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("backspace", "backspace", "backspace", "0", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert "1 to 600" in on_screen(app)
        await pilot.press("escape")  # on without a plan: the clock still runs
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "F4 plans it" in line_text(app)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
