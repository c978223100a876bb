"""The wizard through Textual's Pilot: the flows a founder goes through."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tests.factory import full_answer, structure
from wizard.core.session import Session, Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.model.canvas import Canvas
from wizard.tui.app import WizardApp
from wizard.tui.screens.bad_file import BadFileScreen
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.review import ReviewScreen
from wizard.tui.screens.welcome import WelcomeScreen
from wizard.tui.widgets.choice_fields import MultiChoiceField, RankingField, SingleChoiceField
from wizard.tui.widgets.fields import ListField, RangeField, TextField
from wizard.tui.widgets.long_text_field import LongTextField
from wizard.tui.widgets.structure_field import StructureField

SIZE = (100, 32)


def app_for(path: Path | None) -> WizardApp:
    return WizardApp(path, shipped_catalog())


def screen(app: WizardApp) -> QuestionScreen:
    assert isinstance(app.screen, QuestionScreen), app.screen
    return app.screen


async def answer_current(pilot: Pilot[str], name: str = "Thing") -> None:
    """Give the current question a complete answer with the keyboard, and move on."""
    field = screen(pilot.app).field  # type: ignore[arg-type]
    if isinstance(field, StructureField):
        keys = [*name, "enter"] if not field.editor.items else []
        await pilot.press(*keys, "enter")
    elif isinstance(field, TextField):
        await pilot.press(*"words", "enter")
    elif isinstance(field, LongTextField):
        await pilot.press(*"some thoughts", "ctrl+n")
    elif isinstance(field, SingleChoiceField):
        await pilot.press("enter")
    elif isinstance(field, (MultiChoiceField, RankingField)):
        await pilot.press(*["space", "down"] * field.question.recommended_items, "ctrl+n")
    elif isinstance(field, ListField):
        keys = []
        for i in range(field.question.recommended_items):
            keys += [*f"item{i}", "enter"]
        await pilot.press(*keys, "enter")
    elif isinstance(field, RangeField):
        await pilot.press(*"25", "enter", *"40", "enter")
    await pilot.pause()


async def test_new_canvas_through_to_review(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert path.exists()  # a new canvas is created at once
        for _ in range(400):
            if isinstance(app.screen, ReviewScreen):
                break
            await answer_current(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+f")  # the finish screen, then close
        await pilot.pause()
        assert "Nothing: every question is answered." in str(app.screen.query_one("#finish-open").render())
        await pilot.press("q")
        await pilot.pause()
    canvas = store.load(path)
    assert canvas.customer_types and canvas.customer_types[0].segments[0].jobs
    report = Session(path, canvas, shipped_catalog()).report()
    assert report.score == 100
    assert app.return_value is not None
    assert app.return_value.splitlines()[0] == f"Saved {path}: {report.score}% complete."


async def test_second_segment_and_a_job(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 0), path)
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        s = screen(app)
        s.jump(Step(("type-0",), "structure.segments"))
        await pilot.pause()
        await pilot.press(*"Commuters", "enter")
        s.jump(Step(("type-0", "commuters"), "structure.jobs"))
        await pilot.pause()
        await pilot.press(*"Get to class on time", "enter")
        await pilot.pause()
    canvas = store.load(path)
    segments = canvas.customer_types[0].segments
    assert [s.name for s in segments] == ["Segment 0", "Commuters"]
    assert [j.statement for j in segments[1].jobs] == ["Get to class on time"]


async def test_back_jump_and_edit(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    app = app_for(path)
    who_pays = Step(("type-0", "seg-0"), "segment_questions.who_pays")
    async with app.run_test(size=SIZE) as pilot:
        screen(app).jump(who_pays)
        await pilot.pause()
        await pilot.press(*"Parents", "enter")
        await pilot.pause()
        assert screen(app).step != who_pays
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert screen(app).step == who_pays
        field = screen(app).query_one(Input)
        assert field.value == "Parents"
        await pilot.press("end", *" of students", "ctrl+n")
        await pilot.pause()
    segment = store.load(path).customer_types[0].segments[0]
    assert segment.get("segment_questions.who_pays") == "Parents of students"


async def test_not_applicable_and_undo(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    app = app_for(path)
    hobbies = Step(("type-0", "seg-0"), "audience.hobbies")
    async with app.run_test(size=SIZE) as pilot:
        screen(app).jump(hobbies)
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press(*"B2B buyers", "enter")
        await pilot.pause()
        assert store.load(path).customer_types[0].segments[0].na_reason("audience.hobbies") == "B2B buyers"
        await pilot.press("ctrl+o")
        await pilot.pause()
    assert store.load(path).customer_types[0].segments[0].na_reason("audience.hobbies") is None


async def test_required_question_cannot_be_not_applicable(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        screen(app).jump(Step(("type-0", "seg-0"), "audience.b2b_b2c"))
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)  # no reason dialog opened
    assert store.load(path).customer_types[0].segments[0].not_applicable == {}


def _half_done(path: Path) -> Step:
    catalog = shipped_catalog()
    canvas = structure(1, 1, 1)
    session = Session(path, canvas, catalog)
    steps = [s for s in session.steps() if not s.is_structure]
    for step in steps[:6]:
        question = session.question(step)
        assert question is not None
        session.node(step).set(step.key, full_answer(question))
    session.save()
    first = session.first_open()
    assert first is not None
    return first


async def test_resume_at_the_first_unanswered_question(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    expected = _half_done(path)
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen(app).step == expected
        assert any("Welcome back" in str(n.message) for n in app._notifications)


async def test_uncommitted_text_survives_quitting(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    step = Step(("type-0", "seg-0"), "segment_questions.job")
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        screen(app).jump(step)
        await pilot.pause()
        await pilot.press(*"Half a thought")
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert store.load(path).customer_types[0].segments[0].get("segment_questions.job") is None
    again = app_for(path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen(again).step == step
        assert screen(again).query_one(TextArea).text == "Half a thought"


async def test_bad_file_gets_a_screen_and_stays_untouched(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(b"schema_version = 1\ntitle = [\n")
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BadFileScreen)
        assert "line" in app.screen.problem
        other = tmp_path / "other.toml"
        await pilot.press(*str(other), "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert other.exists()
    assert path.read_bytes() == b"schema_version = 1\ntitle = [\n"


async def test_newer_file_says_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    path.write_text("schema_version = 42\n")
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BadFileScreen)
        assert "upgrade" in app.screen.problem


async def test_welcome_screen_starts_a_new_canvas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = app_for(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press(*"Campus network", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
    assert store.load(tmp_path / "campus-network.toml").title == "Campus network"


async def test_markup_in_names_is_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    store.save(Canvas(), path)
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"[bold]Users[/] [@click=app.quit]x[/]", "enter")
        await pilot.pause()
        assert app.is_running
        labels = [str(node.label) for node in screen(app).query_one("#nav").root.children[0].children]  # type: ignore[attr-defined]
        assert any("[bold]Users[/] [@click=app.quit]x[/]" in label for label in labels)
    assert store.load(path).customer_types[0].name == "[bold]Users[/] [@click=app.quit]x[/]"


async def test_jump_with_the_command_palette(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Life goals")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert screen(app).step.key == "audience.life_goals"


async def test_review_row_jumps_to_the_question(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        first = app.screen.targets["m0"]
        await pilot.press("enter")
        await pilot.pause()
        assert screen(app).step == first


async def test_empty_enter_on_an_empty_structure_list_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = screen(app).step
        assert first.key == "structure.customer_types"
        await pilot.press("enter")
        await pilot.pause()
        assert screen(app).step == first  # nothing to ask about yet: stay
        assert any("Add at least one customer type" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert screen(app).step != first  # skipping is still possible


async def test_enter_typed_right_behind_an_item_goes_on_instead_of_adding_it_twice(tmp_path: Path) -> None:
    from textual import events

    app = app_for(tmp_path / "new.toml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Users")
        for _ in range(2):  # both queued before the first is handled, as from keys typed ahead
            app.post_message(events.Key("enter", "\r"))
        for _ in range(5):
            await pilot.pause(0.05)
        assert [t.name for t in screen(app).session.canvas.customer_types] == ["Users"]
        assert screen(app).step != Step((), "structure.customer_types")  # the empty Enter went on
