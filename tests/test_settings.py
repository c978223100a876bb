"""Settings that stay: the theme chosen in the palette survives a restart, a keymap remaps keys for real,
and a broken settings file never stops the wizard nor is written over."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import OptionList, Static

import wizard.tui
from tests.conftest import ROOT, at_step, question_screen
from tests.factory import structure
from wizard.core.session import Step
from wizard.files import locations, store
from wizard.files import settings as settings_file
from wizard.files.banks import shipped_catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.settings import BINDING_IDS, DEFAULT_KEYS, FINISH_KEYS, KEYMAP_IDS, SHARED

SIZE = (100, 32)


@pytest.fixture
def config() -> Path:
    return locations.config_file()


@pytest.fixture
def canvas(tmp_path: Path) -> Path:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    return path


def notices(app: WizardApp) -> list[str]:
    """What the wizard said about the settings (not its other notes, such as 'Welcome back')."""
    return [n.message for n in app._notifications if n.title in ("Settings not used", "Theme not kept")]


# The file -------------------------------------------------------------------------------

def test_no_file_is_the_defaults(config: Path) -> None:
    settings = settings_file.load()
    assert settings.path == config and settings.theme is None and settings.keymap == {}
    assert settings.problems == [] and settings.writable


def test_the_config_folder_follows_the_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(locations.CONFIG_ENV, str(tmp_path / "mine"))
    assert locations.config_file() == tmp_path / "mine" / "config.toml"
    monkeypatch.delenv(locations.CONFIG_ENV)
    assert locations.config_dir().name == "canvas-wizard"


@pytest.mark.parametrize(("text", "says"), [
    ('theme = "nord', "line 1"),                     # not TOML
    (b"\xff\xfe t\x00".decode("latin-1"), "UTF"),     # not UTF-8 text either
])
def test_a_file_that_is_not_toml_is_reported_and_never_written_over(config: Path, text: str, says: str) -> None:
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_bytes(text.encode("latin-1"))
    before = config.read_bytes()
    settings = settings_file.load()
    assert settings.theme is None and not settings.writable
    assert len(settings.problems) == 1 and str(config) in settings.problems[0] and says in settings.problems[0]
    problem = settings_file.save_theme(settings, "nord")
    assert problem is not None and str(config) in problem and "not kept" in problem
    assert config.read_bytes() == before
    assert os.listdir(config.parent) == ["config.toml"]


@pytest.mark.parametrize(("text", "says"), [
    ("theme = 3", "theme must be"),
    ("theme = ''", "theme must be"),
    ("keymap = 'ctrl+j'", "keymap must be a table"),
    ("[keymap]\nnext = 5", "keymap.next"),
    ("[keymap]\nnext = ''", "keymap.next"),
    ("[keymap]\nnext = ' , '", "keymap.next"),
    ("[keymap]\nnext = 'ctrl+y,'", "keymap.next"),
    ("[keymap]\nnext = ',,f5'", "keymap.next"),
    ("colour = 'blue'", "unknown setting colour"),
])
def test_wrong_types_are_reported_and_the_rest_kept(config: Path, text: str, says: str) -> None:
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text, encoding="utf-8")
    settings = settings_file.load()
    assert len(settings.problems) == 1, settings.problems
    assert str(config) in settings.problems[0] and says in settings.problems[0]
    assert settings.writable  # it is TOML: the theme chosen next replaces only the theme


def test_saving_the_theme_keeps_the_users_comments_and_keymap(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_text('# mine\ntheme = 3  # was wrong\n\n[keymap]\nnext = "ctrl+y"  # my key\n', encoding="utf-8")
    settings = settings_file.load()
    assert settings_file.save_theme(settings, "nord") is None
    text = config.read_text(encoding="utf-8")
    assert text == '# mine\ntheme = "nord"  # was wrong\n\n[keymap]\nnext = "ctrl+y"  # my key\n'
    again = settings_file.load()
    assert again.theme == "nord" and again.keymap == {"next": "ctrl+y"} and again.problems == []


def test_saving_creates_the_folder_and_leaves_no_temp_file(config: Path) -> None:
    assert not config.parent.exists()
    assert settings_file.save_theme(settings_file.load(), "dracula") is None
    assert os.listdir(config.parent) == ["config.toml"]
    assert settings_file.load().theme == "dracula"


def test_a_read_only_file_is_not_replaced(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_text('theme = "nord"\n', encoding="utf-8")
    config.chmod(0o444)
    try:
        problem = settings_file.save_theme(settings_file.load(), "dracula")
    finally:
        config.chmod(0o644)
    if os.geteuid() != 0:  # root may write anyway; the check is the wizard's own, though
        assert problem is not None and str(config) in problem
    assert problem is not None and "not saved" in problem
    assert config.read_text(encoding="utf-8") == 'theme = "nord"\n'


# The running wizard ----------------------------------------------------------------------

def _bindings() -> list[tuple[str, Binding]]:
    """Every Binding in the wizard's own classes: the app's, each screen's and widget's."""
    for info in pkgutil.walk_packages(wizard.tui.__path__, "wizard.tui."):
        importlib.import_module(info.name)
    found = []
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("wizard.tui"):
            continue
        for cls in vars(module).values():
            if inspect.isclass(cls) and issubclass(cls, DOMNode) and cls.__module__ == name:
                for binding in cls.__dict__.get("BINDINGS", []):
                    assert isinstance(binding, Binding), f"{cls.__qualname__}: {binding!r} is not a Binding"
                    found.append((cls.__qualname__, binding))
    return found


def test_every_binding_has_an_id_a_keymap_can_name() -> None:
    found = _bindings()
    assert len(found) > 30
    missing = [f"{owner}: {b.key}" for owner, b in found if not b.id]
    assert not missing, f"Bindings without id= (a keymap cannot remap them): {missing}"
    assert {b.id for _, b in found} == BINDING_IDS
    # The texts that name a key read it from DEFAULT_KEYS (key_names.py): it must be the binding's.
    wrong = [f"{owner}: {b.id} is {b.key!r}, DEFAULT_KEYS says {DEFAULT_KEYS[b.id]!r}"
             for owner, b in found if b.key != DEFAULT_KEYS[b.id]]
    assert not wrong
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert not [i for i in KEYMAP_IDS if f"`{i}`" not in readme], "the README's Settings section lists every id"


async def test_the_theme_chosen_survives_a_restart(canvas: Path, config: Path) -> None:
    app = WizardApp(canvas, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        default = app.theme
        app.theme = "solarized-light" if default != "solarized-light" else "nord"
        chosen = app.theme
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert f'theme = "{chosen}"' in config.read_text(encoding="utf-8")
    again = WizardApp(canvas, shipped_catalog())
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == chosen
        assert again.has_class("-light-mode") == (chosen == "solarized-light")
        assert notices(again) == []


async def test_the_theme_picked_in_the_palette_is_kept(canvas: Path, config: Path) -> None:
    app = WizardApp(canvas, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        app.action_change_theme()
        await pilot.pause()
        await pilot.press(*"dracula")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "dracula"
    assert settings_file.load().theme == "dracula"


async def test_theme_for_one_run_is_not_saved(canvas: Path, config: Path) -> None:
    settings_file.save_theme(settings_file.load(), "nord")
    app = WizardApp(canvas, shipped_catalog(), theme="gruvbox")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"
    assert settings_file.load().theme == "nord"


async def test_an_unknown_theme_in_the_file_is_said_once_and_the_default_used(canvas: Path, config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_text('theme = "no-such-theme"\n', encoding="utf-8")
    app = WizardApp(canvas, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        said = notices(app)
        assert len(said) == 1 and str(config) in said[0] and "no-such-theme" in said[0] and "nord" in said[0]
        assert isinstance(app.screen, QuestionScreen)


async def test_a_broken_file_does_not_stop_the_wizard_and_is_not_written_over(canvas: Path, config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_text('theme = "nord"\n[keymap\nnext = "ctrl+y"\n', encoding="utf-8")
    before = config.read_bytes()
    app = WizardApp(canvas, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and app.theme == "textual-dark"
        assert len(notices(app)) == 1 and str(config) in notices(app)[0]
        app.theme = "nord"
        await pilot.pause()
        app.theme = "dracula"
        await pilot.pause()
        said = notices(app)
        assert len(said) == 2 and "not kept" in said[1] and str(config) in said[1]  # told once, not per change
    assert config.read_bytes() == before


async def test_a_keymap_remaps_ctrl_n(canvas: Path, config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_text('[keymap]\nnext = "ctrl+y"\n', encoding="utf-8")
    app = WizardApp(canvas, shipped_catalog())
    who_pays = Step(("type-0", "seg-0"), "segment_questions.who_pays")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        screen.jump(who_pays)
        await pilot.pause()
        await pilot.press(*"Parents", "ctrl+n")
        await pilot.pause()
        assert screen.step == who_pays  # Ctrl+N no longer goes on
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert screen.step != who_pays
        assert notices(app) == []
    assert store.load(canvas).customer_types[0].segments[0].get("segment_questions.who_pays") == "Parents"


async def test_an_unknown_binding_id_is_reported(canvas: Path, config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_text('[keymap]\nnxet = "ctrl+y"\nback = "ctrl+k"\n', encoding="utf-8")
    app = WizardApp(canvas, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        said = notices(app)
        assert len(said) == 1 and "nxet" in said[0] and str(config) in said[0] and "'back'" not in said[0]


def test_unknown_theme_on_the_command_line_exits_2_listing_the_themes(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "wizard", "--theme", "nope", str(tmp_path / "x.toml")],
                          cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60,
                          check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "'nope'" in done.stderr and "textual-light" in done.stderr and "nord" in done.stderr
    assert not (tmp_path / "x.toml").exists()


def test_serve_hands_the_theme_to_each_wizard_and_refuses_an_unknown_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shlex

    from wizard.commands.cli import main
    from wizard.commands.serve import wizard_command

    assert shlex.split(wizard_command(tmp_path / "c.toml", None, False, "nord"))[-2:] == ["--theme", "nord"]
    assert main(["serve", "--theme", "nope", "--port", "1"]) == 2
    err = capsys.readouterr().err
    assert "'nope'" in err and "textual-light" in err


def test_the_bindings_that_share_a_screen_are_the_classes_own() -> None:
    by_owner: dict[str, set[str]] = {}
    for owner, binding in _bindings():
        by_owner.setdefault(owner, set()).add(binding.id or "")
    assert {frozenset(ids) for ids in by_owner.values() if len(ids) > 1} | {frozenset(FINISH_KEYS)} == {
        frozenset(group) for group in SHARED}


async def test_a_key_the_keymap_takes_from_another_binding_is_said_naming_the_file(
        canvas: Path, config: Path) -> None:
    from wizard.tui.widgets.fields import ListField

    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[keymap]\nnext = "ctrl+b"\nlist-edit = "delete"\n', encoding="utf-8")
    model = structure(1, 1, 1)
    model.customer_types[0].segments[0].set("audience.hobbies", ["Sailing", "Chess"])
    store.save(model, canvas)
    app = WizardApp(canvas, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, Step(("type-0", "seg-0"), "audience.hobbies"))
        said = "\n".join(notices(app))
        assert f"{config}: keymap: Ctrl+B now presses next instead of back, which has no key left" in said
        assert f"{config}: keymap: Del now presses list-edit instead of list-remove, which keeps Backspace" in said
        field = screen.field
        assert isinstance(field, ListField)
        assert "Backspace remove" in str(field.editor.query_one(".list-hint", Static).content)
        await pilot.press("tab", "home", "delete")  # edits now
        await pilot.pause()
        assert field.editor.editing == 0 and screen.session.value(screen.step) == ["Sailing", "Chess"]
        await pilot.press("escape", "tab", "home", "backspace")  # still removes
        await pilot.pause()
        assert screen.session.value(screen.step) == ["Chess"]
        step = screen.step
        await pilot.press("escape", "ctrl+b")  # next, as the keymap says
        await pilot.pause()
        assert screen.step != step


async def test_a_finish_letter_given_to_another_action_leaves_the_first_without_one(
        canvas: Path, config: Path) -> None:
    from wizard.tui.screens.finish import FinishScreen
    from wizard.tui.screens.review import ReviewScreen

    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[keymap]\nfinish-review = "g"\n', encoding="utf-8")  # "Go on"'s letter, listed first
    app = WizardApp(canvas, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await question_screen(pilot)
        assert any("g now presses finish-review instead of finish-keep-going, which has no key left" in n
                   for n in notices(app))
        screen.action_finish()
        await pilot.pause()
        assert isinstance(app.screen, FinishScreen)
        listed = [str(o.prompt) for o in app.screen.query_one("#finish-list", OptionList).options]
        assert "(g) Review" in listed and any(p.startswith("    Go on") for p in listed), listed
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
