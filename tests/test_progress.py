"""Progress the founder can plan with (through Textual's Pilot): where a question is, in
counts that stay put as the canvas grows, and a word whenever the score falls."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.conftest import at_step
from tests.factory import fill, structure
from wizard.core import progress
from wizard.core.session import SEGMENTS, Session, Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.model.canvas import Canvas
from wizard.tui.app import WizardApp
from wizard.tui.screens.question import QuestionScreen

SIZE = (120, 40)
SEGMENT = ("type-0", "seg-0")
AGE = Step(SEGMENT, "audience.age")


def saved(tmp_path: Path, canvas: Canvas) -> Path:
    path = tmp_path / "c.toml"
    store.save(canvas, path)
    return path


def where(screen: QuestionScreen) -> str:
    return str(screen.query_one("#where", Static).render())


def notes(app: WizardApp) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


async def test_where_a_question_is_stays_put_as_segments_are_added(tmp_path: Path) -> None:
    catalog = shipped_catalog()
    app = WizardApp(saved(tmp_path, structure(1, 1, 1)), catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await at_step(pilot, AGE)
        audience = [s for s in screen.session.steps() if s.location == SEGMENT and s.section == "audience"]
        before = where(screen)
        assert f"Who they are ({audience.index(AGE) + 1} of {len(audience)})" in before
        assert "this segment: section 2 of" in before
        screen.session.add_child(Step(("type-0",), SEGMENTS), "Commuters")
        screen.refresh_status()
        await pilot.pause()
        assert where(screen) == before, "another segment changes nothing about this one's progress"
        open_before = progress.position(screen.session, AGE).left
        await pilot.press(*"18", "tab", *"24", "enter")
        await pilot.pause()
        assert progress.position(screen.session, AGE).left == open_before - 1
        assert f"{open_before - 1} questions open" in where(screen)


async def test_adding_a_segment_says_why_the_score_fell(tmp_path: Path) -> None:
    catalog = shipped_catalog()
    app = WizardApp(saved(tmp_path, fill(structure(1, 1, 1), catalog)), catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await at_step(pilot, Step(("type-0",), SEGMENTS))
        app.clear_notifications()
        await pilot.press(*"Commuters", "enter")
        await pilot.pause()
        said = [n for n in notes(app) if n.startswith("Why the score fell")]
        assert said, notes(app)
        assert "Score 100% →" in said[0] and "Type 0 › Commuters" in said[0]
        assert "Nothing you answered was lost" in said[0]


async def test_an_answer_that_brings_more_questions_says_so(tmp_path: Path) -> None:
    catalog = shipped_catalog()
    canvas = fill(structure(1, 1, 1), catalog)
    segment = canvas.customer_types[0].segments[0]
    segment.set("audience.b2b_b2c", "b2c")
    segment.set("audience.company_size", None)
    app = WizardApp(saved(tmp_path, canvas), catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await at_step(pilot, Step(SEGMENT, "audience.b2b_b2c"))
        app.clear_notifications()
        question = screen.session.question(screen.step)
        assert question is not None
        both = [c.value for c in question.choices].index("both")
        await pilot.press("home", *["down"] * both, "enter")
        await pilot.pause()
        said = [n for n in notes(app) if n.startswith("Why the score fell")]
        assert said and "1 more question apply" in said[0], notes(app)


def test_a_removal_is_explained_as_answers_gone(tmp_path: Path) -> None:
    catalog = shipped_catalog()
    session = Session(tmp_path / "c.toml", fill(structure(1, 2, 1), catalog), catalog)
    before = session.report()
    session.remove_child(Step(("type-0",), SEGMENTS), "seg-1")
    why = progress.explain_drop(before, session.report())
    assert "answers are gone, for Type 0 › Segment 1" in why
