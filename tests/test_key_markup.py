"""Keys whose names are markup characters ("[", "]") are shown as typed; a keymap names keys Textual sends.

Textual reads many texts as markup. A keymap could name a "key" that was markup itself
(`note-save = "[/]"`), and the notes screen's button naming it raised a MarkupError that
ended the wizard; such a value is not a key and is now refused. Real keys can still be
markup's characters, so every text at every question, in the dialogs, the palette, the
review and the finish screen is held to the same walk with function keys in their place:
a text read as markup ("[ edit, ] remove" losing its middle, "[/]" raising) differs. A
keymap that named "?" or "[" bound a key Textual never sends (it sends "question_mark"),
and "ctrl+nn" bound nothing at all, silently.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from tests.conftest import at_step, made_ahead, plan_offered, question_screen
from tests.factory import structure
from tests.keys import idle
from tests.test_key_names import _opened, _said, _texts
from wizard.core.session import Step
from wizard.files import locations, store
from wizard.files.banks import shipped_catalog
from wizard.tui.app import WizardApp
from wizard.tui.settings import BEFORE_THE_BOX, DEFAULT_KEYS, KEYMAP_IDS, normalized_keys

SIZE = (120, 40)
SEG = ("type-0", "seg-0")

BRACKETS = {
    "list-up": "[", "list-down": "right_square_bracket", "list-edit": "{", "list-remove": "}",
    "list-put-back": "ctrl+left_square_bracket", "next": "ctrl+]", "note": "alt+]", "confirm-yes": "[",
    "confirm-no": "]", "note-save": "alt+[", "note-cancel": "]", "plan-start": "alt+[", "plan-cancel": "]",
    "closing-retry": "[", "closing-back": "]", "locked-read-only": "[", "changed-keep-mine": "[",
    "changed-load": "]", "review": "alt+left_curly_bracket", "finish-export-html": "[",
}
"""Keys named by markup's own characters; every other binding keeps its keys."""


def _write_keymap(lines: str) -> None:
    config = locations.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[keymap]\n" + lines, encoding="utf-8")


@pytest.fixture
def brackets(tmp_path: Path) -> Path:
    _write_keymap("".join(f'"{binding}" = "{keys}"\n' for binding, keys in BRACKETS.items()))
    path = tmp_path / "c.toml"
    model = structure(1, 1, 1)
    model.customer_types[0].segments[0].set("audience.hobbies", ["Sailing", "Chess"])
    store.save(model, path)
    return path


def test_a_character_in_a_keymap_is_the_key_textual_sends() -> None:
    assert normalized_keys("?") == "question_mark"
    assert normalized_keys("[,ctrl+]") == "left_square_bracket,ctrl+right_square_bracket"
    assert normalized_keys("ctrl+j,f5") == "ctrl+j,f5"
    assert normalized_keys("x") == "x" and normalized_keys("ctrl++") == "ctrl+plus"
    for not_a_key in ("ctrl+nn", "ctrl+banan", "hyper+", "[/]", "control+j", "f25"):
        assert normalized_keys(not_a_key) is None, not_a_key


TWINS = ("f13", "["), ("f14", "]"), ("f13,f14", "[,]")
"""Each binding's keys in the two runs: a function key, and the markup character in its place."""


PAIRED = {"list-up": 0, "list-down": 1, "list-edit": 1, "list-remove": 1, "ranking-up": 0, "ranking-down": 1}
"""Up "[" and down "]": the list's hint names them "[/]", which as markup closes a tag."""


def _twin_keymap(which: int) -> None:
    """The keys that run before an answer box sees them take Alt: a key it types is refused."""
    def keys(i: int, binding: str) -> str:
        twin = TWINS[PAIRED.get(binding, i % 3)][which]
        return ",".join(f"alt+{k}" for k in twin.split(",")) if binding in BEFORE_THE_BOX else twin

    _write_keymap("".join(f'"{binding}" = "{keys(i, binding)}"\n' for i, binding in enumerate(sorted(KEYMAP_IDS))))


async def _every_text(path: Path, coach: bool) -> list[str]:
    """Every text shown at every question, in the dialogs, the review, the palette and the finish screen."""
    from wizard.tui.closing import NotWrittenScreen
    from wizard.tui.screens.dialogs import ChangedOnDiskScreen, ConfirmScreen, LockedScreen

    seen: list[str] = []
    app = WizardApp(path, shipped_catalog(), coach=coach)
    async with app.run_test(size=SIZE) as pilot:
        screen = await question_screen(pilot)
        await made_ahead(pilot, screen)  # else the hidden widgets' texts come in mid-walk, in one run only
        if coach:  # the coach's plan, offered at the start (else it comes in mid-walk); the
            await plan_offered(pilot)  # screen beneath shows the coach's clock once a second goes by
            seen += _texts(app, [app.screen])
            app.pop_screen()
            await idle(pilot)
        for step in screen.session.steps():
            screen.jump(step)
            await pilot.pause()
            seen += [step.ref, *_texts(app)]
        await at_step(pilot, Step(SEG, "audience.hobbies"))
        for how in (screen.action_review, app.action_command_palette, screen.action_note, screen.action_agenda,
                    screen.action_interviews, ConfirmScreen("Delete it?"), LockedScreen(path, "someone"),
                    ChangedOnDiskScreen(path, "was changed"), NotWrittenScreen("disk full")):
            depth = len(app.screen_stack)
            app.push_screen(how) if not callable(how) else how()
            await idle(pilot)
            await pilot.pause(0.2)
            seen += [str(how), *_texts(app)]
            while len(app.screen_stack) > depth:
                app.pop_screen()
                await idle(pilot)
        screen.action_finish()
        await idle(pilot)
        seen += _texts(app)
        assert app.is_running
    # The two runs differ in their file's folder, the time they saved it and how long the
    # welcome back and the settings' notice (the keys each binding shares) stayed, and nowhere else.
    config = str(locations.config_file())
    return [re.sub(r"\b\d\d:\d\d(:\d\d)?\b", "(time)", t.replace(str(path.parent), "(folder)"))
            for t in seen if not t.startswith(("Welcome back", config))]


@pytest.mark.parametrize("coach", [False, True], ids=["founder", "coach"])
async def test_keys_named_by_markup_characters_are_shown_as_typed(tmp_path: Path, coach: bool) -> None:
    model = structure(1, 1, 1)
    model.customer_types[0].segments[0].set("audience.hobbies", ["Sailing", "Chess"])
    texts = []
    for which in (0, 1):  # the same canvas, new to the wizard each time (no welcome back)
        path = tmp_path / str(which) / "c.toml"
        path.parent.mkdir()
        store.save(model, path)
        _twin_keymap(which)
        texts.append(await _every_text(path, coach))
    with_function_keys, with_brackets = texts
    expected = [t.replace("F13", "[").replace("F14", "]") for t in with_function_keys]
    assert any(re.search(r"\[[^\[\]]*\]", t) for t in expected), "no text reads as a markup tag"
    differ = list(difflib.unified_diff(expected, with_brackets, lineterm="", n=1))
    assert not differ, "\n".join(differ)


async def test_bracket_keys_work_and_their_notices_and_dialogs_show_them(brackets: Path) -> None:
    from wizard.tui.closing import NotWrittenScreen
    from wizard.tui.screens.dialogs import ChangedOnDiskScreen, ConfirmScreen, LockedScreen

    app = WizardApp(brackets, shipped_catalog(), coach=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await question_screen(pilot)
        await plan_offered(pilot)  # the coach's plan, offered at the start
        app.pop_screen()
        await at_step(pilot, Step(SEG, "audience.hobbies"))
        await pilot.press("tab", "home", "right_curly_bracket")  # the list's remove, moved to "}"
        await idle(pilot)
        assert screen.session.value(screen.step) == ["Chess"]
        assert _said(app, "Removed “Sailing”. Ctrl+[ puts it back.")
        await pilot.press("ctrl+left_square_bracket")
        await idle(pilot)
        assert screen.session.value(screen.step) == ["Sailing", "Chess"]
        for how in (screen.action_note, screen.action_agenda, screen.action_plan, ConfirmScreen("Delete it?"),
                    LockedScreen(brackets, "someone"), ChangedOnDiskScreen(brackets, "was changed"),
                    NotWrittenScreen("disk full")):
            await _opened(pilot, app, how)
            assert app.is_running, how
        app.push_screen(ConfirmScreen("Delete it?"))
        await idle(pilot)
        assert _said(app, "Yes ([)", "No (])")
        assert not any("\\[" in text for text in _texts(app))
        app.pop_screen()
        await idle(pilot)
        screen.action_finish()
        await idle(pilot)
        assert app.is_running and _said(app, "([) Export the picture (HTML)")


async def test_a_keymap_key_textual_never_sends_is_refused_naming_the_file(tmp_path: Path) -> None:
    _write_keymap('next = "ctrl+nn"\nback = "alt+?"\n')
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await question_screen(pilot)
        await idle(pilot)
        said = "\n".join(str(n.message) for n in app._notifications)
        assert str(locations.config_file()) in said and "keymap.next" in said and "ctrl+nn" in said
        assert "keymap.back" not in said
        assert app.preferences.keymap == {"back": "alt+question_mark"}
        step = screen.step
        await pilot.press("ctrl+n")  # next kept its own key
        await idle(pilot)
        assert screen.step != step
        await pilot.press("alt+question_mark")  # and Alt+? goes back
        await idle(pilot)
        assert screen.step == step
    assert set(BRACKETS) <= set(DEFAULT_KEYS) | {"finish-export-html"}
