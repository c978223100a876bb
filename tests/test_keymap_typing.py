"""A keymap cannot give a key the answer boxes type or edit with to a binding that runs before them.

The question screen's keys (and quit, the notes' save, the plan's start) are Textual
priority bindings: they run before the focused widget sees the key, so Ctrl+N goes on
from inside any answer box. A keymap that gave one of them "a" took the letter a from
every answer: the founder typed "a" and went to the next question instead. Such a key is
refused, naming the file and the id, and the binding keeps its default keys.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Input

from tests.conftest import question_screen
from tests.factory import structure
from tests.keys import idle
from tests.test_key_markup import _write_keymap
from tests.test_settings import _bindings, notices
from wizard.files import locations, store
from wizard.files.banks import shipped_catalog
from wizard.model.bank import Kind
from wizard.tui.app import WizardApp
from wizard.tui.settings import BEFORE_THE_BOX, DEFAULT_KEYS, normalized_keys, typed_keys

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from wizard.core.session import Step
    from wizard.tui.screens.question import QuestionScreen

SIZE = (100, 32)


def test_the_bindings_that_run_before_the_box_are_the_priority_ones() -> None:
    # The links' save and the finish screen's paging are priority ones too, on screens
    # without a text box (the quote is typed in a dialog of its own, where they do not run).
    assert {b.id for _, b in _bindings() if b.priority} == BEFORE_THE_BOX | {
        "links-save", "finish-page-down", "finish-page-up"}


CHARACTERS = string.printable.strip().replace(",", "")
"""Every printable ASCII character but the comma, which parts a keymap's keys ("comma" names it)."""


@given(st.sampled_from(sorted(BEFORE_THE_BOX)), st.sampled_from(CHARACTERS))
def test_every_character_is_refused_to_a_binding_that_runs_first_and_kept_with_ctrl(
        binding_id: str, character: str) -> None:
    typed = normalized_keys(character)
    assert typed is not None
    assert typed_keys(binding_id, typed) == ([] if typed in DEFAULT_KEYS[binding_id].split(",") else [typed])
    with_ctrl = normalized_keys(f"ctrl+{character}")
    assert with_ctrl is not None and typed_keys(binding_id, with_ctrl) == []


def test_a_box_sees_the_keys_of_the_other_bindings_first() -> None:
    # Not priority ones: a dialog's letter, a list's edit key (the list hands typed letters on).
    assert typed_keys("confirm-yes", "a") == typed_keys("list-edit", "x") == []
    assert typed_keys("plan-start", "enter") == []  # its own default: the minutes box does not need Enter
    assert typed_keys("next", "enter,ctrl+y") == ["enter"] and typed_keys("quit", "shift+tab") == ["shift+tab"]


def _with_keymap(tmp_path: Path, keymap: str) -> tuple[WizardApp, Path]:
    """The wizard on a new canvas with `keymap` in the settings, and the settings file."""
    _write_keymap(keymap)
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    return WizardApp(path, shipped_catalog()), locations.config_file()


async def _at_a_text_question(pilot: Pilot[str], screen: QuestionScreen) -> Step:
    """The first segment question with a one-line answer box, shown."""
    session = screen.session
    step = next(s for s in session.steps() if not s.is_structure and len(s.location) == 2
                and session.question(s).kind is Kind.TEXT)
    screen.jump(step)
    await idle(pilot)
    return step


@pytest.mark.parametrize(("keys", "typed", "shown"), [
    ("a", "a", "a"), ("?", "question_mark", "?"), ("ctrl+y,space", "space", " "), ("+", "plus", "+")])
async def test_a_typed_key_given_to_next_is_refused_and_still_types(
        tmp_path: Path, keys: str, typed: str, shown: str) -> None:
    app, config = _with_keymap(tmp_path, f'next = "{keys}"\nback = "alt+a"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await question_screen(pilot)
        await idle(pilot)
        said = "\n".join(notices(app))
        assert f"{config}: keymap.next: {keys!r} would take" in said and "the default keys are kept" in said
        assert "keymap.back" not in said and app.preferences.keymap == {"back": "alt+a"}
        text_step = await _at_a_text_question(pilot, screen)
        box = app.focused
        assert isinstance(box, Input)
        await pilot.press("x", typed, "y")
        await idle(pilot)
        assert screen.step == text_step and box.value == f"x{shown}y", "the key was typed, not taken"
        await pilot.press("ctrl+n")  # next keeps its own key
        await idle(pilot)
        assert screen.step != text_step
        assert screen.session.value(text_step) == f"x{shown}y"


async def test_backspace_given_to_quit_still_deletes(tmp_path: Path) -> None:
    app, config = _with_keymap(tmp_path, 'quit = "backspace"\n')
    async with app.run_test(size=SIZE) as pilot:
        screen = await question_screen(pilot)
        await idle(pilot)
        assert any(f"{config}: keymap.quit: 'backspace' would take Backspace from the answer boxes" in n
                   for n in notices(app))
        await _at_a_text_question(pilot, screen)
        await pilot.press("a", "b", "backspace")
        await idle(pilot)
        assert app.is_running and isinstance(app.focused, Input) and app.focused.value == "a"
