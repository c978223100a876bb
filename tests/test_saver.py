"""Every save is written off the UI thread: coalesced, flushed on quit, failures told and rescued,
a hand edit still found as the change is made, and what was typed kept until it is on disk."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.conftest import at_step
from tests.factory import full_canvas, structure
from wizard.core.session import Session, Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.files.canvas_file import CanvasFile
from wizard.files.drafts import Drafts
from wizard.files.errors import CanvasFileError, ChangedOnDiskError
from wizard.files.saver import BackgroundSaver
from wizard.tui.app import WizardApp

WHO_PAYS = Step(("type-0", "seg-0"), "segment_questions.who_pays")


def test_requests_during_a_save_are_coalesced_into_one_more() -> None:
    started, release = threading.Event(), threading.Event()
    saves: list[int] = []
    outcomes: list[BaseException | None] = []

    def slow_save() -> None:
        saves.append(len(saves))
        started.set()
        release.wait(5)

    saver = BackgroundSaver(slow_save, outcomes.append)
    saver.request()
    assert started.wait(5)
    for _ in range(10):
        saver.request()  # all while the first save is still writing
    assert saver.pending
    release.set()
    assert saver.wait(5)
    saver.close(5)
    assert saves == [0, 1]
    assert outcomes == [None, None]
    assert not saver.pending


def test_a_failing_save_is_reported_not_raised_in_the_thread() -> None:
    outcomes: list[BaseException | None] = []

    def broken() -> None:
        raise CanvasFileError("c.toml", "disk full")

    saver = BackgroundSaver(broken, outcomes.append)
    saver.request()
    saver.close(5)
    assert len(outcomes) == 1 and isinstance(outcomes[0], CanvasFileError)
    assert saver.last_error is outcomes[0]


def large_file(path: Path) -> Path:
    canvas = full_canvas(shipped_catalog(), 1, 40, 1)
    canvas.customer_types[0].segments[0].set("segment_questions.who_pays", None)
    store.save(canvas, path)
    return path


def test_a_large_canvas_is_saved_in_the_background_and_flushed(tmp_path: Path) -> None:
    path = large_file(tmp_path / "big.toml")
    session = Session(path, store.load(path), shipped_catalog())
    session.saver = BackgroundSaver(session.save, lambda error: None)
    for n in range(5):
        session.commit(WHO_PAYS, f"Parents, take {n}")
    session.flush()
    assert not session.unsaved
    assert store.load(path).customer_types[0].segments[0].get("segment_questions.who_pays") == "Parents, take 4"


def test_a_small_canvas_is_on_disk_soon_after_the_change(tmp_path: Path) -> None:
    path = tmp_path / "small.toml"
    store.save(structure(1, 1, 1), path)
    session = Session(path, store.load(path), shipped_catalog())
    session.saver = BackgroundSaver(session.save, lambda error: None)
    asked = time.monotonic()
    session.commit(WHO_PAYS, "Parents")
    assert session.saver.pending  # handed to the writer, not written while the user waits
    assert session.saver.wait(5)
    assert time.monotonic() - asked < 1.0  # the promise in docs/reliability.md
    assert store.load(path).customer_types[0].segments[0].get("segment_questions.who_pays") == "Parents"
    session.flush()


def test_a_hand_edit_is_found_as_the_change_is_made(tmp_path: Path) -> None:
    path = tmp_path / "small.toml"
    store.save(structure(1, 1, 1), path)
    session = Session(path, store.load(path), shipped_catalog())
    session.saver = BackgroundSaver(session.save, lambda error: None)
    told: list[ChangedOnDiskError] = []
    session.on_conflict = told.append
    theirs = path.read_text().replace("Type 0", "Renamed by hand")
    path.write_text(theirs)
    with pytest.raises(ChangedOnDiskError):
        session.commit(WHO_PAYS, "Parents")
    assert len(told) == 1 and not session.saver.pending  # asked at once; nothing sent to the writer
    session.saver.close(5)
    assert path.read_text() == theirs


def test_an_edit_too_small_for_the_quick_look_is_still_not_overwritten(tmp_path: Path) -> None:
    """The look made as a change is made compares the file's size and time only; an edit of
    the same size within the clock's tick passes it, and the writer, which compares the
    bytes, refuses to write over it."""
    path = tmp_path / "small.toml"
    store.save(structure(1, 1, 1), path)
    session = Session(path, store.load(path), shipped_catalog())
    outcomes: list[BaseException | None] = []
    session.saver = BackgroundSaver(session.save, outcomes.append)
    before = path.stat()
    theirs = path.read_text().replace("Type 0", "Type X")
    path.write_text(theirs)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    session.commit(WHO_PAYS, "Parents")  # not caught here: handed to the writer
    assert session.saver.wait(5)
    assert [type(o) for o in outcomes] == [ChangedOnDiskError]
    assert path.read_text() == theirs and session.unsaved
    session.saver.close(5)


async def test_the_wizard_saves_a_large_canvas_without_waiting_and_keeps_it_on_quit(tmp_path: Path) -> None:
    path = large_file(tmp_path / "big.toml")
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await at_step(pilot, WHO_PAYS)
        screen.query_one(Input).value = "Parents"
        await pilot.press("enter")
        await pilot.press("ctrl+q")
    assert store.load(path).customer_types[0].segments[0].get("segment_questions.who_pays") == "Parents"
    assert app.return_value is not None and app.return_value.startswith("Saved ")


async def test_a_background_save_that_fails_is_told_and_rescued_on_quit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_state: Path) -> None:
    path = large_file(tmp_path / "big.toml")
    before = path.read_bytes()
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await at_step(pilot, WHO_PAYS)

        def disk_full(self: CanvasFile, *args: object, **kwargs: object) -> None:
            raise CanvasFileError(self.path, "could not save, the file on disk is unchanged (No space left on device)")

        monkeypatch.setattr(CanvasFile, "save", disk_full)
        screen.query_one(Input).value = "Parents"
        await pilot.press("enter")
        for _ in range(50):  # the writer thread reports back through the event loop
            await pilot.pause(0.05)
            if any("No space left" in str(n.message) for n in app._notifications):
                break
        assert any("No space left" in str(n.message) for n in app._notifications)
        assert "NOT SAVED" in str(screen.query_one("#topbar").render())
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before
    message = app.return_value or ""
    assert message.startswith("NOT saved") and "No space left" in message
    rescued = list((isolated_state / "rescued").glob("big-*.toml"))
    assert len(rescued) == 1
    assert store.load(rescued[0]).customer_types[0].segments[0].get("segment_questions.who_pays") == "Parents"
    assert str(rescued[0]) in message


def test_a_change_while_the_writer_copies_waits_for_the_copy(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = large_file(tmp_path / "big.toml")
    session = Session(path, store.load(path), shipped_catalog())
    copying, go_on = threading.Event(), threading.Event()
    real_to_data = store.to_data

    def slow_copy(canvas: object) -> object:
        copying.set()
        go_on.wait(5)
        return real_to_data(canvas)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "to_data", slow_copy)
    writer = threading.Thread(target=session.save)
    writer.start()
    assert copying.wait(5)
    changed_at: list[float] = []

    def change() -> None:
        session.commit(WHO_PAYS, "Parents")
        changed_at.append(time.monotonic())

    changer = threading.Thread(target=change)
    monkeypatch.setattr(store, "to_data", real_to_data)
    changer.start()
    time.sleep(0.2)
    assert not changed_at  # the change waits while the canvas is being copied
    released = time.monotonic()
    go_on.set()
    writer.join(5)
    changer.join(5)
    assert changed_at and changed_at[0] >= released
    assert store.load(path).customer_types[0].segments[0].get("segment_questions.who_pays") == "Parents"


def test_a_change_asked_for_just_before_the_program_ends_is_still_written(tmp_path: Path) -> None:
    path = large_file(tmp_path / "big.toml")
    script = f"""
from pathlib import Path
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.files.saver import BackgroundSaver
from wizard.core.session import Session, Step
path = Path({str(path)!r})
session = Session(path, store.load(path), shipped_catalog())
session.saver = BackgroundSaver(session.save, lambda error: None)
session.commit(Step(("type-0", "seg-0"), "segment_questions.who_pays"), "Parents")
# no flush, no close: the program just ends
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert store.load(path).customer_types[0].segments[0].get("segment_questions.who_pays") == "Parents"


async def test_what_was_typed_stays_in_the_drafts_until_the_answer_is_on_disk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    writing, go_on = threading.Event(), threading.Event()
    real_save = CanvasFile.save

    def slow_save(self: CanvasFile, *args: object, **kwargs: object) -> None:
        writing.set()
        go_on.wait(5)
        real_save(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(CanvasFile, "save", slow_save)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await at_step(pilot, WHO_PAYS)
        await pilot.press(*"Parents", "enter")
        await pilot.pause()
        assert screen.step != WHO_PAYS  # on to the next question at once...
        assert writing.wait(5)
        # ...while the writer is still at it: a crash now would still leave the text.
        assert Drafts(path).get(WHO_PAYS.ref) == "Parents"
        go_on.set()
        for _ in range(50):
            await pilot.pause(0.05)
            if Drafts(path).get(WHO_PAYS.ref) is None:
                break
        assert Drafts(path).get(WHO_PAYS.ref) is None  # saved, so the draft is let go
        await pilot.press("ctrl+q")
    assert store.load(path).customer_types[0].segments[0].get(WHO_PAYS.key) == "Parents"
