"""A hand-edited value `check` rejects: said what and where, opening changes nothing, no save drops it.

Each kind of value no answer box can show (a list where one choice belongs, a choice that
is not one, a range upside down, a list where text belongs) is named when the canvas opens;
answering the question sets the old value aside in FILE.set-aside, and the user is told."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, at_step
from wizard.commands import cli
from wizard.core import set_aside
from wizard.core.session import Step
from wizard.files import store, tomlio
from wizard.files.banks import shipped_catalog
from wizard.tui.app import WizardApp

SEGMENT = ("users", "university-students")
GENDER = Step(SEGMENT, "audience.gender")
WHO_PAYS = Step(SEGMENT, "segment_questions.who_pays")
EDITS = [
    ('gender = "no_lean"', 'gender = ["no_lean"]', "customer_types[0].segments[0].answers.audience.gender"),
    ('age = [\n    18,\n    24,\n]', "age = [24, 18]", "customer_types[0].segments[0].answers.audience.age"),
    ('who_pays = "No one in this segment pays; students use it free and advertisers fund the site"',
     'who_pays = ["No one pays", "advertisers fund it"]',
     "customer_types[0].segments[0].answers.segment_questions.who_pays"),
    ('relationship_types = [\n    "communities",', 'relationship_types = [\n    "word_of_mouth",',
     "customer_types[0].answers.relationships.relationship_types"),
]
SIZE = (120, 40)


def edited(tmp_path: Path) -> Path:
    text = (EXAMPLES / "facebook.toml").read_text()
    for old, new, _ in EDITS:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "c.toml"
    path.write_text(text)
    return path


def notes(app: WizardApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


def test_check_rejects_each_edit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(edited(tmp_path))]) == 1
    assert "and 3 more" in capsys.readouterr().err


async def test_opening_says_what_is_wrong_and_where_and_changes_nothing(tmp_path: Path) -> None:
    path = edited(tmp_path)
    before = path.read_bytes()
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(20):
            await pilot.pause(0.05)
            if "cannot use" in notes(app):
                break
        told = notes(app)
        assert "holds 4 values the wizard cannot use as an answer" in told
        assert sum(where in told for _, _, where in EDITS) == 3
        assert "and 1 more: canvas-wizard check lists them" in told
        assert "c.toml.set-aside" in told
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before
    assert not set_aside.side_file(path).exists()


async def test_moving_on_keeps_a_value_the_box_cannot_show(tmp_path: Path) -> None:
    path = edited(tmp_path)
    before = path.read_bytes()
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        for step in (WHO_PAYS, GENDER, Step(SEGMENT, "audience.age"), WHO_PAYS):
            await at_step(pilot, step)  # each jump commits what the box shows
            await pilot.press("ctrl+n")
            await pilot.pause()
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before and not set_aside.side_file(path).exists()


@pytest.mark.parametrize("step, answer, where", [(GENDER, ["enter"], EDITS[0][2]),
                                                 (WHO_PAYS, ["ctrl+a", "ctrl+k", *"Advertisers"], EDITS[2][2])])
async def test_answering_such_a_question_sets_the_old_value_aside_and_says_where(
        tmp_path: Path, step: Step, answer: list[str], where: str) -> None:
    path = edited(tmp_path)
    old_value = tomllib.loads(path.read_text())
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, step)
        await pilot.press(*answer, "ctrl+n")
        for _ in range(20):
            await pilot.pause(0.05)
            if "set-aside" in notes(app):
                break
        assert f"The value that was in the file at {where}" in notes(app) and "c.toml.set-aside" in notes(app)
        await pilot.press("ctrl+q")
    kept = tomlio.read(set_aside.side_file(path))["set_aside"]
    assert [entry["where"] for entry in kept] == [where]
    segment = old_value["customer_types"][0]["segments"][0]["answers"]
    bank, qid = step.key.split(".")
    assert kept[0]["value"] == segment[bank][qid]  # exactly as it was in the file
    assert store.load(path).customer_types[0].segments[0].get(step.key) not in (None, segment[bank][qid])
    assert app.return_code == 0


async def test_a_value_that_cannot_be_set_aside_is_not_replaced(tmp_path: Path) -> None:
    path = edited(tmp_path)
    set_aside.side_file(path).write_text("[[[ damaged by hand")  # never written over
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, GENDER)
        await pilot.press("enter", "ctrl+n")  # choose the first option: an answer
        await pilot.pause()
        assert "could not be set aside" in notes(app) and "nothing changed" in notes(app)
        assert screen.step == GENDER  # refused: it stays
        await pilot.press("ctrl+q")
    assert 'gender = ["no_lean"]' in path.read_text()
    assert store.load(path).customer_types[0].segments[0].get(GENDER.key) == ["no_lean"]


async def test_the_question_itself_says_what_the_file_holds_there_until_it_is_answered(tmp_path: Path) -> None:
    """On the question, not only in the opening note: the box looks empty, so the status
    says what the file holds there, that it stays, and where an answer puts it."""
    from wizard.tui.widgets.status_line import StatusLine

    def said() -> str:
        return " ".join(screen.query_one(StatusLine).marks)

    path = edited(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, Step(SEGMENT, "audience.location"))  # a usable answer: nothing said
        assert "The file holds" not in said()
        await at_step(pilot, WHO_PAYS)
        assert "The file holds ['No one pays', 'advertisers fund it'] here" in said()
        assert "should be text" in said() and "sets it aside in c.toml.set-aside" in said()
        await pilot.press("ctrl+a", "ctrl+k", *"Advertisers", "ctrl+n")
        await pilot.pause()
        await at_step(pilot, WHO_PAYS)  # answered: nothing the wizard cannot use is there any more
        assert screen.step == WHO_PAYS and "The file holds" not in said()
        await at_step(pilot, Step(SEGMENT, "audience.age"))
        assert "The file holds (24, 18) here" in said() and "the smaller first" in said()
        await pilot.press("ctrl+q")
