"""The keys the wizard's texts name follow the user's keymap (wizard/tui/key_names.py).

A hint that names the default key after the keymap moved it sends the founder to a key
that does nothing. Here every binding is moved, and every text on screen is read at every
question (founder and coach mode), in the dialogs they open, the review and the finish
screen: none may still name a default key, and the ones that name a key name the new one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, OptionList, Static

from tests.conftest import at_step, made_ahead, question_screen
from tests.factory import structure
from tests.keys import idle
from wizard.core.session import Step
from wizard.files import locations, store
from wizard.files.banks import shipped_catalog
from wizard.model.bank import Kind
from wizard.tui.app import WizardApp
from wizard.tui.key_names import display, key, keys, up_down
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.settings import DEFAULT_KEYS
from wizard.tui.widgets.fields import ListField

SIZE = (120, 40)
SEG = ("type-0", "seg-0")

MOVED = {
    "next": "f14", "not-applicable": "f15", "list-put-back": "f16", "log-interview": "f17", "interviews": "f18",
    "back": "f19", "review": "f20", "list-remove": "f21", "skip": "f22", "plan": "f23", "note": "f24",
}
"""The keys the texts are checked against; every other binding goes to F13."""

DEFAULT_NAMES = re.compile(r"Ctrl\+|\bF[1-9]\b|\bF1[0-2]\b|\bEsc\b|PgUp|PgDn|\bDel\b|Backspace")
"""What a text names only for a default key (every one of which has been moved away)."""


def test_keys_are_named_as_a_sentence_names_them() -> None:
    assert [display(k) for k in ("ctrl+n", "escape", "f5", "e", "delete", "ctrl+up", "pagedown", "shift+tab",
                                 "ctrl+shift+a", "alt+down", "plus", "space")] == [
        "Ctrl+N", "Esc", "F5", "e", "Del", "Ctrl+↑", "PgDn", "Shift+Tab", "Ctrl+Shift+A", "Alt+↓", "+", "Space"]


def test_the_defaults_are_named_without_a_keymap() -> None:
    assert key(None, "next") == "Ctrl+N"
    assert keys(None, "list-remove") == "Del or Backspace"
    assert key(None, "confirm-no") == "Esc" and key(None, "confirm-no", letter=True) == "n"
    assert up_down(None, "list-up", "list-down") == "Ctrl+↑↓"


@pytest.fixture
def moved(tmp_path: Path) -> Path:
    """A keymap in the user's settings that moves every binding of the wizard."""
    lines = [f'"{binding}" = "{MOVED.get(binding, "f13")}"' for binding in sorted(DEFAULT_KEYS)]
    config = locations.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[keymap]\n" + "\n".join(lines) + "\n", encoding="utf-8")
    path = tmp_path / "c.toml"
    model = structure(1, 1, 1)
    model.customer_types[0].segments[0].set("audience.hobbies", ["Sailing", "Chess"])
    store.save(model, path)
    return path


def _texts(app: WizardApp, screens: Iterable[Screen[object]] | None = None) -> Iterator[str]:
    """Every text on the screens (`screens`, else all of them) and in the notices (the key bar
    is Textual's, and follows the keymap)."""
    for screen in app.screen_stack if screens is None else screens:
        for widget in screen.query(Widget):
            if isinstance(widget, Footer) or any(isinstance(a, Footer) for a in widget.ancestors):
                continue
            if isinstance(widget, Button):
                yield str(widget.label)
            elif isinstance(widget, Static):
                yield str(widget.content)
            elif isinstance(widget, OptionList):
                yield from (str(o.prompt) for o in widget.options)
            elif isinstance(widget, Input):
                yield widget.placeholder
    yield from (str(n.message) for n in app._notifications)


def _kind(screen: QuestionScreen, step: Step) -> Kind | None:
    question = None if step.is_structure else screen.session.question(step)
    return question.kind if question is not None else None


def _stale(app: WizardApp) -> list[str]:
    return [t for t in _texts(app) if DEFAULT_NAMES.search(t)]


def _said(app: WizardApp, *wanted: str) -> bool:
    every = "\n".join(_texts(app))
    return all(w in every for w in wanted)


@pytest.mark.parametrize("coach", [False, True], ids=["founder", "coach"])
async def test_no_question_names_a_key_the_keymap_moved(moved: Path, coach: bool) -> None:
    app = WizardApp(moved, shipped_catalog(), coach=coach)
    async with app.run_test(size=SIZE) as pilot:
        screen = await question_screen(pilot)
        await made_ahead(pilot, screen)  # every kind's widget is read at every step
        seen = set()
        for step in screen.session.steps():
            screen.jump(step)
            await pilot.pause()
            stale = _stale(app)
            assert not stale, f"{step.ref}: {stale}"
            seen.add(type(screen.field).__name__)
        assert {"TextField", "ListField", "LongTextField", "StructureField"} <= seen
        if coach:
            assert _said(app, "F23 plans it"), "the coach session's line names the key that plans it"


async def test_the_hints_name_the_moved_keys(moved: Path) -> None:
    app = WizardApp(moved, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, Step(SEG, "audience.hobbies"))
        assert _said(app, "Talked to someone in this segment? F17 logs it; F18 lists its interviews")
        assert _said(app, "(F13 edit, F21 remove, F13/F13 move)")
        await pilot.press("tab", "home", "f21")  # the list's Del, moved
        await idle(pilot)
        assert _said(app, "Removed “Sailing”. F16 puts it back.")
        await pilot.press("f16")
        await idle(pilot)
        assert screen.session.value(screen.step) == ["Sailing", "Chess"]
        await pilot.press("f15")  # not applicable: the dialog asks why
        await idle(pilot)
        assert _said(app, "Why (optional): Enter to confirm, F13 to cancel.") and not _stale(app)
        await pilot.press("enter")
        await idle(pilot)
        assert _said(app, "(F15 to undo)")
        screen.jump(next(s for s in screen.session.steps() if _kind(screen, s) is Kind.LONG_TEXT))
        await idle(pilot)
        assert _said(app, "Enter starts a new line; F14 saves and goes on.")
        await pilot.press("f20")  # the review
        await idle(pilot)
        assert not isinstance(app.screen, QuestionScreen) and not _stale(app)
        app.pop_screen()  # back (its keys and the finish screen's are all F13 here), and on to the finish screen
        await idle(pilot)
        screen.action_finish()
        await idle(pilot)
        assert _said(app, "F13/F13 scroll the page") and not _stale(app)


async def _opened(pilot: object, app: WizardApp, open_it: object) -> list[str]:
    """The stale texts of the screen `open_it` brings up over the question, which is then closed."""
    depth = len(app.screen_stack)
    if callable(open_it):
        open_it()
    else:
        app.push_screen(open_it)  # type: ignore[arg-type]
    for _ in range(50):
        await idle(pilot)  # type: ignore[arg-type]
        if len(app.screen_stack) > depth:
            break
    assert len(app.screen_stack) > depth, f"{open_it} opened nothing"
    await idle(pilot)  # type: ignore[arg-type]
    stale = _stale(app)
    while len(app.screen_stack) > depth:
        app.pop_screen()
        await idle(pilot)  # type: ignore[arg-type]
    return stale


async def test_the_dialogs_and_screens_name_the_moved_keys(moved: Path) -> None:
    from wizard.tui.closing import NotWrittenScreen
    from wizard.tui.screens.dialogs import ChangedOnDiskScreen, ConfirmScreen, LockedScreen
    from wizard.tui.screens.homework import HomeworkScreen

    app = WizardApp(moved, shipped_catalog(), coach=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, Step(SEG, "audience.hobbies"))
        opened = {
            "notes": screen.action_note, "agenda": screen.action_agenda, "plan": screen.action_plan,
            "interviews": screen.action_interviews, "interview": screen.action_log_interview,
            "confirm": ConfirmScreen("Delete it?"), "locked": LockedScreen(moved, "someone"),
            "changed": ChangedOnDiskScreen(moved, "was changed"), "not written": NotWrittenScreen("disk full"),
            "homework": HomeworkScreen(screen.session),
        }
        stale = {name: found for name, how in opened.items() if (found := await _opened(pilot, app, how))}
        assert not stale


async def test_a_letter_the_keymap_gives_the_list_presses_its_key_and_is_not_typed(tmp_path: Path) -> None:
    config = locations.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[keymap]\nlist-remove = "x"\nlist-put-back = "question_mark"\n', encoding="utf-8")
    path = tmp_path / "c.toml"
    model = structure(1, 1, 1)
    model.customer_types[0].segments[0].set("audience.hobbies", ["Sailing", "Chess"])
    store.save(model, path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, Step(SEG, "audience.hobbies"))
        assert _said(app, "x remove")
        await pilot.press("tab", "home", "x")
        await idle(pilot)
        assert screen.session.value(screen.step) == ["Chess"]
        assert _said(app, "Removed “Sailing”. ? puts it back.")
        await pilot.press("tab", "shift+tab", "y")  # any other letter on the list still starts a new item
        await idle(pilot)
        field = screen.field
        assert isinstance(field, ListField) and field.editor.input.value == "y"


async def test_the_finish_screens_letters_follow_the_keymap(tmp_path: Path) -> None:
    from wizard.tui.screens.export import ExportScreen
    from wizard.tui.screens.finish import FinishScreen

    config = locations.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[keymap]\nfinish-export-html = "x"\nfinish-close = "f9"\n', encoding="utf-8")
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await question_screen(pilot)
        screen.action_finish()
        await idle(pilot)
        assert isinstance(app.screen, FinishScreen)
        assert _said(app, "(x) Export the picture (HTML)", "(F9) Close the wizard", "(m) Export a persona")
        await pilot.press("p")  # the letter it had: nothing now
        await idle(pilot)
        assert isinstance(app.screen, FinishScreen)
        await pilot.press("x")
        await idle(pilot)
        assert isinstance(app.screen, ExportScreen)
