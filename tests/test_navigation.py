"""Finding one's way (through Textual's Pilot): the first open question says why it is
open, Enter on the tree only jumps, Ctrl+L goes back to where the founder was, and the
palette finds a question by any of its words, quickly."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Static

from tests.conftest import at_step
from tests.factory import fill, structure
from tests.keys import burst, idle
from wizard.core.session import Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.model.canvas import Canvas
from wizard.tui.app import WizardApp
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.widgets.nav import NavTree

SIZE = (120, 40)
SEGMENT = ("type-0", "seg-0")


def saved(tmp_path: Path, canvas: Canvas) -> Path:
    path = tmp_path / "c.toml"
    store.save(canvas, path)
    return path


def question_screen(app: WizardApp) -> QuestionScreen:
    assert isinstance(app.screen, QuestionScreen), app.screen
    return app.screen


def status_text(screen: QuestionScreen) -> str:
    status = screen.query_one("#status", Static)
    return str(status.render()) if status.display else ""


async def palette(pilot: Pilot[str], query: str) -> list[str]:
    """The palette opened and `query` typed: the hits it lists."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    for _ in range(20):
        await pilot.pause(0.05)
    assert isinstance(pilot.app.screen, CommandPalette)
    options = pilot.app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_the_first_open_question_says_it_is_only_short_of_items(tmp_path: Path) -> None:
    catalog = shipped_catalog()
    canvas = fill(structure(1, 1, 1), catalog)
    segment = canvas.customer_types[0].segments[0]
    segment.set("audience.hobbies", ["Football"])  # 1 of the 3 recommended: partly answered
    app = WizardApp(saved(tmp_path, canvas), catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        hits = await palette(pilot, "first open")
        assert any("(partly answered)" in hit for hit in hits), hits
        await pilot.press("enter")
        await pilot.pause()
        screen = question_screen(app)
        assert screen.step == Step(SEGMENT, "audience.hobbies")
        assert "1 of the 3 recommended" in status_text(screen)
        assert "Add 2 more" in status_text(screen)


async def test_enter_on_the_tree_jumps_and_leaves_the_branch_open(tmp_path: Path) -> None:
    app = WizardApp(saved(tmp_path, structure(1, 2, 1)), shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = question_screen(app)
        await pilot.press("ctrl+t")
        tree = screen.query_one(NavTree)
        node = next(n for n in tree._nav_nodes.values() if n.data and n.data.location == ("type-0", "seg-1"))
        tree.move_cursor(node)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.step.location[:2] == ("type-0", "seg-1"), "jumped to the segment"
        assert node.is_expanded, "and left its jobs in view"


async def test_text_typed_in_the_tree_goes_to_the_answer_and_folds_nothing(tmp_path: Path) -> None:
    app = WizardApp(saved(tmp_path, structure(1, 2, 1)), shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await at_step(pilot, Step(SEGMENT, "segment_questions.who_pays"))
        answer = app.focused
        await pilot.press("ctrl+t")
        tree = screen.query_one(NavTree)
        assert app.focused is tree
        burst(app, "Parents pay")  # typed on, as if into the answer
        await idle(pilot)
        assert app.focused is answer and getattr(answer, "value", None) == "Parents pay"
        assert all(node.is_expanded for node in tree._nav_nodes.values() if node.allow_expand)
        await pilot.press("ctrl+t", "space")  # Space in the tree still folds the branch under the cursor
        await pilot.pause()
        assert app.focused is tree and not all(n.is_expanded for n in tree._nav_nodes.values() if n.allow_expand)


async def test_ctrl_l_goes_back_to_where_the_founder_was(tmp_path: Path) -> None:
    app = WizardApp(saved(tmp_path, structure(1, 1, 1)), shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await at_step(pilot, Step(SEGMENT, "audience.life_goals"))
        screen.was_at = None  # the founder got here by answering along
        here = screen.step
        await palette(pilot, "who pays")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.step.key == "segment_questions.who_pays"
        await pilot.press(*"Parents", "enter")  # edit the earlier answer, and go on a bit
        await pilot.pause()
        await pilot.press("ctrl+b", "ctrl+b")
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert screen.step == here
        assert screen.session.value(Step(SEGMENT, "segment_questions.who_pays")) == "Parents"


async def test_ctrl_l_after_going_back_a_few_questions(tmp_path: Path) -> None:
    app = WizardApp(saved(tmp_path, structure(1, 1, 1)), shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await at_step(pilot, Step(SEGMENT, "audience.life_goals"))
        screen.was_at = None
        here = screen.step
        await pilot.press("ctrl+b", "ctrl+b", "ctrl+b")
        await pilot.pause()
        assert screen.step != here
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert screen.step == here
        assert screen.was_at is None, "nothing more to go back to"


async def test_the_palette_finds_prompts_sections_and_names(tmp_path: Path) -> None:
    canvas = structure(1, 2, 1)
    canvas.customer_types[0].segments[1].name = "Commuting students"
    app = WizardApp(saved(tmp_path, canvas), shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        hits = await palette(pilot, "businesses")  # a word of the prompt, not of its short name
        assert hits and hits[0].startswith("B2B or B2C"), hits
        await pilot.press("escape")
        hits = await palette(pilot, "commuting")
        assert hits and hits[0].startswith("Commuting students (segment"), hits
        await pilot.press("enter")
        await pilot.pause()
        assert question_screen(app).step.location[:2] == ("type-0", "seg-1")
        hits = await palette(pilot, "who they are commuting")  # a section, and where
        assert hits and all("Commuting students" in hit for hit in hits), hits


async def test_the_palette_lists_the_best_few_on_a_large_canvas(tmp_path: Path) -> None:
    app = WizardApp(saved(tmp_path, structure(2, 40, 2)), shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        hits = await palette(pilot, "age")
        assert 0 < len(hits) <= 40, "a few rows to lay out per key typed, not every match"
        await pilot.press("escape")
        hits = await palette(pilot, "segment 17 age")
        assert hits[0].startswith("Age range — Type 0 › Segment 17"), hits[:3]
