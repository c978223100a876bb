"""A paste is text: kept whole and in order, its control characters refused with the reason;
a byte that is not UTF-8 is refused where it was typed (issue 11, items 6 and 7).

These drive the app with the events Textual's input thread makes (see
tests/test_textual_internals.py for the thread itself, and tests/test_e2e_keys.py for a
real terminal)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from tests.conftest import at_step
from tests.factory import structure
from tests.keys import burst, idle
from wizard.core.session import Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.tui.app import WizardApp

SIZE = (100, 32)
SEG = ("type-0", "seg-0")
WHO_PAYS = Step(SEG, "segment_questions.who_pays")
WHO_USES = Step(SEG, "segment_questions.who_uses")
JOB = Step(SEG, "segment_questions.job")
HOBBIES = Step(SEG, "audience.hobbies")


def canvas(tmp_path: Path) -> Path:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    return path


def answer(path: Path, step: Step) -> object:
    return store.load(path).customer_types[0].segments[0].get(step.key)


def notes(app: WizardApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def test_a_paste_with_escape_sequences_and_bells_is_text_in_order(tmp_path: Path) -> None:
    path = canvas(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, WHO_PAYS)
        burst(app, "S1 a", "paste:\x1b[31mb E1\x07\x07 \x1b]0;title\x07end", " typed")
        await idle(pilot)
        assert screen.step == WHO_PAYS, "a BEL in a paste is no Ctrl+G"
        assert isinstance(app.focused, Input) and app.focused.value == "S1 a[31mb E1 ]0;titleend typed"
        told = notes(app)
        assert "Left out of the paste" in told and "ESC ×2" in told and "BEL ×3" in told, told
        await pilot.press("ctrl+n")
        await idle(pilot)
        await pilot.press("ctrl+q")
    assert answer(path, WHO_PAYS) == "S1 a[31mb E1 ]0;titleend typed"


async def test_a_paste_of_several_lines_is_kept_whole(tmp_path: Path) -> None:
    """In a one-line answer its lines are joined, in a long text they stay lines, in a list
    each line is an item (as typing them with Enter between would do)."""
    path = canvas(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, WHO_PAYS)
        burst(app, "paste:Parents\r\nand schools\nand clubs", "<ctrl+n>")
        await idle(pilot)
        await at_step(pilot, JOB)
        burst(app, "paste:first line\r\nsecond\rthird")
        await idle(pilot)
        assert isinstance(app.focused, TextArea) and app.focused.text == "first line\nsecond\nthird"
        await pilot.press("ctrl+n")
        await at_step(pilot, HOBBIES)
        burst(app, "Sail", "paste:ing\nMusic\n\nChess")
        await idle(pilot)
        assert isinstance(app.focused, Input) and app.focused.value == "Chess"
        await pilot.press("ctrl+n")
        await idle(pilot)
        await pilot.press("ctrl+q")
    assert answer(path, WHO_PAYS) == "Parents and schools and clubs"
    assert answer(path, JOB) == "first line\nsecond\nthird"
    assert answer(path, HOBBIES) == ["Sailing", "Music", "Chess"]


async def test_a_byte_that_is_not_utf8_is_refused_where_typed(tmp_path: Path) -> None:
    """Textual's input thread hands such a byte on as U+DC80+byte (textual_internals/input.py)."""
    path = canvas(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, WHO_PAYS)
        burst(app, "caf\udce9", " ok \udced\udca0\udcbd", "paste:pasted \udcff too")
        await idle(pilot)
        await pilot.pause(0.2)  # told once, just after the last of them
        assert isinstance(app.focused, Input) and app.focused.value == "caf ok pasted  too"
        told = notes(app)
        assert "Not typed: 4 bytes that are not UTF-8 text (E9 ED A0 BD)" in told, told
        assert "1 byte not UTF-8" in told, told
        await pilot.press("ctrl+n")
        await idle(pilot)
        await pilot.press("ctrl+q")
    assert answer(path, WHO_PAYS) == "caf ok pasted  too"


async def test_text_already_in_the_file_is_never_cleaned(tmp_path: Path) -> None:
    """Controls, odd spaces and line breaks an answer has in the file stay as they are when
    it is shown and moved past, and when the canvas is saved for another change."""
    path = tmp_path / "c.toml"
    kept = " Parents\x1b[1m\x07 and\ttabs \r\n"
    kept_list = ["  padded  ", "bell\x07"]
    canvas_ = structure(1, 1, 1)
    canvas_.customer_types[0].segments[0].set(WHO_PAYS.key, kept)
    canvas_.customer_types[0].segments[0].set(HOBBIES.key, kept_list)
    store.save(canvas_, path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, WHO_PAYS)
        await pilot.press("ctrl+n", *"Pupils", "ctrl+n")  # past it, and a change elsewhere
        await idle(pilot)
        await at_step(pilot, HOBBIES)
        await pilot.press("ctrl+n")
        await idle(pilot)
        await pilot.press("ctrl+q")
    assert answer(path, WHO_PAYS) == kept
    assert answer(path, WHO_USES) == "Pupils"
    assert answer(path, HOBBIES) == kept_list
