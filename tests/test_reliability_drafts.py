"""Drafts kept whatever happens: a bad one never stops the others, and a read-only session's come back.

Also what "read-only" means for a canvas whose own permissions forbid changes (chmod 444):
it is opened read-only and never replaced."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input, Static

from tests.conftest import at_step
from tests.factory import structure
from tests.test_reliability_lock import plant
from wizard.core.session import Step
from wizard.files import locations, lock, store, tomlio
from wizard.files.banks import shipped_catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.dialogs import LockedScreen
from wizard.tui.screens.question import QuestionScreen

WHO_PAYS = Step(("type-0", "seg-0"), "segment_questions.who_pays")
WHO_USES = Step(("type-0", "seg-0"), "segment_questions.who_uses")
SIZE = (100, 32)


def canvas_file(tmp_path: Path) -> Path:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    return path


def on_disk(drafts: Path) -> dict[str, str]:
    return tomlio.read(drafts).get("texts", {}) if drafts.exists() else {}


def notes(app: WizardApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def test_one_paste_over_the_limit_never_stops_the_other_drafts(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    drafts = locations.draft_file(path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, WHO_PAYS)
        await pilot.press(*"Parents")
        await pilot.pause()
        assert on_disk(drafts)[WHO_PAYS.ref] == "Parents"
        field = screen.query_one(Input)
        field.post_message(events.Paste("x" * (tomlio.MAX_TEXT + 100_000)))  # over a million characters
        await pilot.pause()
        assert len(field.value) > tomlio.MAX_TEXT
        await pilot.press("ctrl+g")  # on to the next question, leaving the paste as it is
        await pilot.pause()
        assert screen.step == WHO_USES
        await pilot.press(*"Students")
        await pilot.pause()
        kept = on_disk(drafts)
        assert kept[WHO_USES.ref] == "Students"  # drafts are still written
        assert kept[WHO_PAYS.ref] == "Parents"  # the last version of that one that could be
        await pilot.press("ctrl+q")


async def read_only_session(path: Path, *keys: str, at: Step) -> tuple[WizardApp, str]:
    """A read-only session (another wizard has `path`): what the field at `at` showed, after typing `keys`."""
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LockedScreen)
        await pilot.press("r")
        await pilot.pause()
        screen = await at_step(pilot, at)
        shown = screen.query_one(Input).value
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.press("ctrl+q")
    return app, shown


async def test_read_only_drafts_are_read_back_never_overwritten_and_come_home(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    lock_file = plant(path)  # alice's wizard has it
    before = path.read_bytes()
    await read_only_session(path, *"Parents", at=WHO_PAYS)
    _, shown = await read_only_session(path, *"Students", at=WHO_PAYS)
    assert shown == "Parents"  # the last read-only session's typing, read back
    aside = locations.draft_file(path).with_name(locations.draft_file(path).stem + "-read-only.toml")
    assert on_disk(aside) == {WHO_PAYS.ref: "ParentsStudents"}  # kept, not overwritten by the second
    assert not on_disk(locations.draft_file(path))  # alice's drafts untouched
    lock_file.unlink()  # alice is done: the next wizard may change the canvas
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "1 draft typed while it was open read-only came back" in notes(app)
        screen = await at_step(pilot, WHO_PAYS)
        assert screen.query_one(Input).value == "ParentsStudents"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    assert store.load(path).customer_types[0].segments[0].get(WHO_PAYS.key) == "ParentsStudents"
    assert path.read_bytes() != before and not aside.exists()


async def test_a_write_protected_canvas_opens_read_only_and_is_never_replaced(tmp_path: Path) -> None:
    path = canvas_file(tmp_path)
    path.chmod(0o444)
    before, inode = path.read_bytes(), path.stat().st_ino
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await at_step(pilot, WHO_PAYS)
        assert isinstance(screen, QuestionScreen)
        assert "write-protected" in str(screen.query_one("#topbar", Static).render())
        assert "write-protected" in notes(app)
        await pilot.press(*"Parents", "enter")
        await pilot.pause()
        assert "nothing can be saved" in notes(app) and screen.step == WHO_PAYS
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before and path.stat().st_ino == inode  # not replaced
    assert path.stat().st_mode & 0o777 == 0o444
    assert not lock.lock_path(path).exists()
    path.chmod(0o644)  # made writable: what was typed comes back
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, WHO_PAYS)
        assert screen.query_one(Input).value == "Parents"
        await pilot.press("ctrl+q")


async def test_a_canvas_made_write_protected_while_open_is_not_replaced_and_the_exit_says_so(
        tmp_path: Path, isolated_state: Path) -> None:
    path = canvas_file(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, WHO_PAYS)
        path.chmod(0o444)
        before = path.read_bytes()
        await pilot.press(*"Parents", "enter")
        for _ in range(40):
            await pilot.pause(0.05)
            if "read-only" in notes(app):
                break
        assert "read-only" in notes(app)
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before
    assert app.return_code == 1  # only a rescue copy has the answer: that is no success
    assert "kept at" in (app.return_value or "") and list((isolated_state / "rescued").glob("c-*.toml"))


def test_a_read_only_draft_never_replaces_a_draft_of_the_session_that_takes_them_back(tmp_path: Path) -> None:
    from wizard.files.drafts import Drafts

    path = canvas_file(tmp_path)
    aside = Drafts(path, read_only=True)
    aside.put(WHO_PAYS.ref, "typed read-only")
    aside.put(WHO_USES.ref, "also read-only")
    mine = Drafts(path)
    mine.put(WHO_PAYS.ref, "typed here")
    assert Drafts(path).take_back_read_only() == 1
    back = Drafts(path)
    assert back.get(WHO_PAYS.ref) == "typed here" and back.get(WHO_USES.ref) == "also read-only"
    assert Drafts(path, read_only=True).get(WHO_PAYS.ref) == "typed read-only"  # still kept where it was
