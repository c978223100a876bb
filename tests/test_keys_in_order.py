"""Every key lands where it was typed, however fast it comes (issue 11, items 1, 4 and 5).

Keys are handed to the app all at once, as Textual's input thread does with a burst from
`tmux send-keys`, a paste without bracketed paste or a slow `serve` connection."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.conftest import at_step
from tests.factory import structure
from tests.keys import burst, idle
from wizard.core.session import Step
from wizard.files import locations, store
from wizard.files.banks import shipped_catalog
from wizard.files.canvas_file import CanvasFile
from wizard.files.drafts import Drafts
from wizard.tui.app import WizardApp
from wizard.tui.screens.question import QuestionScreen

SIZE = (100, 32)
SEG = ("type-0", "seg-0")
WHO_PAYS = Step(SEG, "segment_questions.who_pays")
WHO_USES = Step(SEG, "segment_questions.who_uses")
HOBBIES = Step(SEG, "audience.hobbies")
JOB = Step(SEG, "segment_questions.job")
TYPES = Step((), "structure.customer_types")
ANSWER = "Paid by advertisers " * 5 + "END"


def canvas(tmp_path: Path) -> Path:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    return path


def answer(path: Path, step: Step) -> object:
    node = store.load(path).customer_types[0].segments[0]
    return node.get(step.key)


async def test_a_burst_then_ctrl_n_saves_the_whole_answer_at_its_question(tmp_path: Path) -> None:
    path = canvas(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, WHO_PAYS)
        burst(app, ANSWER, "<ctrl+n>", "Brands", "<ctrl+n>")
        await idle(pilot)
        assert screen.step == Step(SEG, "segment_questions.job")
        await pilot.press("ctrl+q")
    assert answer(path, WHO_PAYS) == ANSWER
    assert answer(path, WHO_USES) == "Brands"


async def test_a_burst_with_enters_and_actions_lands_each_part_in_turn(tmp_path: Path) -> None:
    """Enter moves on (and in a long text starts a line), Ctrl+B goes back, Ctrl+G skips:
    the letters after each belong to the question it leads to."""
    path = canvas(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, WHO_PAYS)
        burst(app, "Parents", "<enter>", "Pupils", "<enter>", "line one", "<enter>", "line two", "<ctrl+b>",
              "<ctrl+b>", " too", "<ctrl+n>", "<ctrl+g>", "<ctrl+n>", "Sport", "<enter>", "Music", "<enter>",
              "<enter>")
        await idle(pilot)
        await pilot.press("ctrl+q")
    assert answer(path, WHO_PAYS) == "Parents too"
    assert answer(path, WHO_USES) == "Pupils"
    assert answer(path, JOB) == "line one\nline two"
    assert answer(path, Step(SEG, "segment_questions.characteristics")) == ["Sport", "Music"]
    assert answer(path, Step(SEG, "segment_questions.beneficiaries")) is None


async def test_names_typed_in_a_burst_become_the_customer_types_in_order(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        burst(app, "alpha", "<enter>", "bravo", "<enter>", "charlie", "<enter>", "<enter>")
        await idle(pilot)
        await pilot.press("ctrl+q")
    assert [t.name for t in store.load(path).customer_types] == ["alpha", "bravo", "charlie"]


async def test_a_list_item_typed_and_not_added_is_added_by_ctrl_n(tmp_path: Path) -> None:
    path = canvas(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, HOBBIES)
        await pilot.press(*"Sailing", "enter", *"Pending hobby")
        await idle(pilot)
        assert Drafts(path).get(HOBBIES.ref) == "Pending hobby"  # kept as a draft meanwhile
        await pilot.press("ctrl+n")
        await idle(pilot)
        assert screen.step != HOBBIES
        await pilot.press("ctrl+b")  # back: the item is in the list, the box is empty
        await idle(pilot)
        field = screen.field
        assert field is not None and field.value() == ["Sailing", "Pending hobby"]
        assert isinstance(app.focused, Input) and app.focused.value == ""
        await pilot.press("ctrl+q")
    assert answer(path, HOBBIES) == ["Sailing", "Pending hobby"]
    assert Drafts(path).get(HOBBIES.ref) is None


async def test_an_item_being_edited_is_replaced_by_ctrl_n(tmp_path: Path) -> None:
    path = canvas(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, HOBBIES)
        await pilot.press(*"Sailing", "enter", *"Music", "enter", "tab", "home", "e")
        await idle(pilot)
        await pilot.press("end", *" and more", "ctrl+n")
        await idle(pilot)
        await pilot.press("ctrl+q")
    assert answer(path, HOBBIES) == ["Sailing and more", "Music"]


async def test_text_typed_in_the_list_of_items_becomes_a_new_item(tmp_path: Path) -> None:
    path = canvas(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, HOBBIES)
        await pilot.press(*"Sailing", "enter", *"Music", "enter", "tab", "home")
        await idle(pilot)
        assert not isinstance(app.focused, Input), "the list has the focus"
        burst(app, "dad Jokes", "<enter>")  # typed on, as into the box
        await idle(pilot)
        assert isinstance(app.focused, Input) and app.focused.value == ""
        await pilot.press("ctrl+q")
    assert answer(path, HOBBIES) == ["Sailing", "Music", "dad Jokes"], "nothing removed or moved"


async def test_a_name_typed_and_not_added_is_added_by_ctrl_n(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await idle(pilot)
        await pilot.press(*"Parents", "enter", *"Schools")
        await idle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert Drafts(path).get(TYPES.ref) == "Schools"
        await pilot.press("ctrl+n")
        await idle(pilot)
        assert screen.step != TYPES
        await pilot.press("ctrl+q")
    assert [t.name for t in store.load(path).customer_types] == ["Parents", "Schools"]
    assert Drafts(path).get(TYPES.ref) is None


class HeldSave:
    """Saves wait until the test lets them go, as a slow disk or a busy writer would."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.writing, self.go_on = threading.Event(), threading.Event()
        real = CanvasFile.save

        def slow(file: CanvasFile, *args: object, **kwargs: object) -> None:
            self.writing.set()
            self.go_on.wait(10)
            real(file, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(CanvasFile, "save", slow)


@pytest.mark.parametrize("step", [HOBBIES, TYPES], ids=["list item", "structure name"])
async def test_an_item_added_stays_in_the_drafts_until_the_file_has_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: Step) -> None:
    """A kill between Enter and the save (about 0.1 s) must lose nothing: the drafts file, as
    a killed wizard leaves it, brings the item back on the next start."""
    path = canvas(tmp_path)
    held = HeldSave(monkeypatch)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, step)
        await pilot.press(*"Sailing", "enter", *"Mus")
        await idle(pilot)
        assert held.writing.wait(5)
        # The wizard is killed now: what the drafts file holds is all that is left.
        drafts = locations.draft_file(path)
        assert "Sailing" in drafts.read_text(encoding="utf-8")
        assert Drafts(path).get(step.ref) == "Mus"
        shutil.copy(drafts, tmp_path / "drafts-at-kill.toml")
        held.go_on.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if "Sailing" not in drafts.read_text(encoding="utf-8"):
                break
        assert "Sailing" not in drafts.read_text(encoding="utf-8"), "saved, so the drafts let the item go"
        assert Drafts(path).get(step.ref) == "Mus"
        await pilot.press("ctrl+q")

    # The next start after the kill: the canvas without the item, the drafts as they were.
    store.save(structure(1, 1, 1), path)
    shutil.copy(tmp_path / "drafts-at-kill.toml", locations.draft_file(path))
    again = WizardApp(path, shipped_catalog())
    async with again.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, step)
        await idle(pilot)
        assert isinstance(again.focused, Input) and again.focused.value == "Sailing; Mus"
        assert screen.drafts.get(step.ref) == "Sailing; Mus"


async def test_a_click_on_a_blank_part_of_the_screen_leaves_the_focus_in_the_answer(tmp_path: Path) -> None:
    path = canvas(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, WHO_PAYS)
        await pilot.press(*"Par")
        for pane in ("#aside", "#where", "#prompt"):  # the help, the lines above the answer box
            region = app.screen.query_one(pane).region
            await pilot.click(offset=(region.x + 1, region.y))
            await idle(pilot)
            assert isinstance(app.focused, Input) and app.focused.value.startswith("Par"), (pane, app.focused)
        await pilot.press(*"ents", "ctrl+n")
        await idle(pilot)
        await pilot.press("ctrl+q")
    assert answer(path, WHO_PAYS) == "Parents"


async def test_editing_an_item_keeps_what_was_typed_in_the_box(tmp_path: Path) -> None:
    """Found by the random typing test: starting to edit an item put it in the box over the
    text typed there, which was lost. That text is added to the list first."""
    path = canvas(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, HOBBIES)
        await pilot.press(*"Sailing", "enter", *"Music", "tab", "home", "e")
        await idle(pilot)
        assert isinstance(app.focused, Input) and app.focused.value == "Sailing"
        kept = locations.draft_file(path).read_text(encoding="utf-8") + path.read_text(encoding="utf-8")
        assert "Music" in kept, "in the drafts until the file has it"
        await pilot.press("end", *" boats", "enter")
        await idle(pilot)
        await pilot.press("ctrl+q")
    assert answer(path, HOBBIES) == ["Sailing boats", "Music"]


async def test_an_item_added_then_the_file_loaded_from_disk_comes_back_in_its_box(tmp_path: Path) -> None:
    """The file changed on disk: adding an item is not saved and asks whose version wins; the
    item is typed in its list's box again (it was gone from both), and loading theirs keeps it
    there (the canvas from disk does not have it)."""
    path = canvas(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, HOBBIES)
        path.write_text(path.read_text().replace("Type 0", "Renamed by hand"))
        await pilot.press(*"Sailing", "enter")
        await idle(pilot)
        await pilot.press("l")  # load the file from disk
        await idle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and screen.step == HOBBIES
        assert isinstance(app.focused, Input) and app.focused.value == "Sailing"
        assert screen.drafts.get(HOBBIES.ref) == "Sailing"
        await pilot.press("ctrl+q")
    assert Drafts(path).get(HOBBIES.ref) == "Sailing"
