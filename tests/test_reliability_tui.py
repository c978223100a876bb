"""The wizard's side of the file promises, through Textual's Pilot.

The lock taken and let go, the dialog when another wizard has the file, read-only mode,
the dialog when the file changed on disk, and broken pasted text refused with a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, Static

from tests.factory import structure
from tests.test_reliability_lock import plant
from wizard.core.session import Step
from wizard.files import locations, lock, store
from wizard.files.banks import shipped_catalog
from wizard.files.drafts import Drafts
from wizard.tui.app import WizardApp
from wizard.tui.screens.dialogs import ChangedOnDiskScreen, LockedScreen
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.welcome import WelcomeScreen

SIZE = (100, 32)
WHO_PAYS = Step(("type-0", "seg-0"), "segment_questions.who_pays")


def canvas_file(tmp_path: Path) -> Path:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    return path


def notes(app: WizardApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def at_who_pays(app: WizardApp) -> QuestionScreen:
    screen = app.screen
    assert isinstance(screen, QuestionScreen), screen
    screen.jump(WHO_PAYS)
    return screen


async def test_the_lock_is_held_while_open_and_let_go_on_quit(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert lock.lock_path(path).exists()
        await pilot.press("ctrl+q")
    assert not lock.lock_path(path).exists()


async def test_a_file_open_elsewhere_can_be_read_but_not_changed(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    lock_file = plant(path)  # a live wizard (this very process, as "alice") has it
    before = path.read_bytes()
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LockedScreen)
        assert "alice (process" in app.screen.holder
        await pilot.press("r")
        await pilot.pause()
        screen = await at_who_pays(app)
        await pilot.pause()
        topbar = str(screen.query_one("#topbar", Static).render())
        assert "read-only: alice (process" in topbar
        await pilot.press(*"Parents", "enter")
        await pilot.pause()
        assert "nothing can be saved" in notes(app)
        assert screen.step == WHO_PAYS  # refused: it stays on the question
        assert screen.drafts.get(WHO_PAYS.ref) == "Parents"  # what was typed is kept
        assert screen.drafts.path != locations.draft_file(path)  # in drafts of its own
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before
    assert lock_file.exists()  # the other wizard's lock is left alone
    assert Drafts(path).get(WHO_PAYS.ref) is None


async def test_a_file_open_elsewhere_offers_another_file_or_quitting(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    plant(path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert "open in another wizard" in app.screen.message
    again = WizardApp(path, shipped_catalog())
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert again.return_value == ""


async def test_changed_on_disk_then_keep_mine(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await at_who_pays(app)
        await pilot.pause()
        theirs = path.read_text().replace("Type 0", "Renamed by hand")
        path.write_text(theirs)
        await pilot.press(*"Parents", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChangedOnDiskScreen)
        assert path.read_text() == theirs  # nothing overwritten while the user decides
        await pilot.press("k")
        await pilot.pause()
        assert app.screen is screen
        assert "kept as c.toml.~1~" in notes(app)
    assert store.load(path).customer_types[0].segments[0].get(WHO_PAYS.key) == "Parents"
    assert (tmp_path / "c.toml.~1~").read_text() == theirs


async def test_changed_on_disk_then_load_theirs_keeps_my_text_as_a_draft(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await at_who_pays(app)
        await pilot.pause()
        theirs = path.read_text().replace("Type 0", "Renamed by hand")
        path.write_text(theirs)
        await pilot.press(*"Parents", "enter")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and screen.step == WHO_PAYS
        assert screen.session.canvas.customer_types[0].name == "Renamed by hand"
        assert screen.query_one(Input).value == "Parents"  # my typing, back as a draft
        assert screen.drafts.get(WHO_PAYS.ref) == "Parents"
        assert path.read_text() == theirs
        await pilot.press("enter")  # committing it now saves over the version just loaded
        await pilot.pause()
    canvas = store.load(path)
    assert canvas.customer_types[0].name == "Renamed by hand"
    assert canvas.customer_types[0].segments[0].get(WHO_PAYS.key) == "Parents"


async def test_pasted_broken_text_is_refused_with_a_message(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    before = path.read_bytes()
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await at_who_pays(app)
        await pilot.pause()
        field = screen.query_one(Input)
        field.focus()
        field.post_message(events.Paste("Parents \ud83d of students"))
        await pilot.pause()
        assert "\ud83d" in field.value
        await pilot.press("enter")
        await pilot.pause()
        assert "broken character (U+D83D" in notes(app)
        assert screen.step == WHO_PAYS
    assert path.read_bytes() == before


async def test_a_save_that_ends_as_the_screen_goes_says_nothing_and_raises_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer reports a save on the UI's loop; as the wizard closes that report can find
    the question screen still mounted while its widgets are already going (its status line's
    query then finds nothing)."""
    from textual.css.query import NoMatches

    app = WizardApp(canvas_file(tmp_path), shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await at_who_pays(app)

        def going(note: str = "") -> None:
            raise NoMatches("No nodes match 'StatusLine' on QuestionScreen()")

        monkeypatch.setattr(screen, "refresh_status", going)
        app._saved(None)  # raised NoMatches
        assert screen.is_mounted
        monkeypatch.undo()
