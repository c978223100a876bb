"""The first frame: the picture of the first question painted before the models load, and
the keys pressed while it shows."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from tests.conftest import at_step, question_screen
from tests.factory import structure
from tests.keys import burst, idle
from tests.test_reliability_display import hostile_canvas
from tests.test_reliability_display import shown as shown_safely
from wizard.commands.launch import first_frame_for
from wizard.core import resume
from wizard.core.session import Session, Step
from wizard.files import first_frame, locations, store
from wizard.files.banks import shipped_catalog
from wizard.files.drafts import Drafts
from wizard.files.first_frame import FirstFrame
from wizard.model.bank import Kind
from wizard.tui import app as app_module
from wizard.tui.app import WizardApp
from wizard.tui.frame_capture import capture
from wizard.tui.screens.preview import PreviewScreen
from wizard.tui.screens.question import QuestionScreen

SIZE = (100, 32)
EXAMPLE = Path(__file__).parent.parent / "examples" / "facebook.toml"


class SlowStart(WizardApp):
    """Loads the models only when the test says so, to press keys while the picture shows."""

    CSS_PATH = str(Path(app_module.__file__).parent / "app.tcss")  # relative paths follow the class

    def _open_start(self) -> None:
        self.waiting = True

    def finish_loading(self) -> None:
        assert self.waiting, "the picture was painted and the app asked for the rest"
        super()._open_start()


def shown(app: WizardApp) -> list[str]:
    """The screen as plain text lines, notifications cleared."""
    return [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]


async def settle(pilot: Pilot[str]) -> None:
    for _ in range(5):
        await pilot.pause(0.05)


async def handed_over(pilot: Pilot[str]) -> None:
    """Until the live question has taken the keys held on the picture and handled them: on
    a loaded machine, loading the rest can take longer than `settle` waits."""
    await settle(pilot)
    for _ in range(500):
        if pilot.app._held.events is None and not pilot.app._held.replaying:  # type: ignore[attr-defined]
            break
        await pilot.pause(0.02)
    await idle(pilot)


def draft(tmp_path: Path) -> Path:
    path = tmp_path / "facebook.toml"
    shutil.copy(EXAMPLE, path)
    return path


async def close_on_live_question(path: Path) -> list[str]:
    """Open `path` as the wizard does without a picture, and quit; returns what it showed."""
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.clear_notifications()
        await settle(pilot)
        lines = shown(app)
        app.finish()
    return lines


def test_a_picture_is_used_only_while_nothing_it_shows_has_changed(tmp_path: Path) -> None:
    path = draft(tmp_path)
    frame = FirstFrame(topbar="top", where="where", prompt="prompt", help="help", answer=[("input", "a", "b")])
    key = first_frame.banks_key(locations.shipped_dir(), None)
    first_frame.store(path, key, False, frame)
    assert first_frame.load(path, key, False) == frame
    assert first_frame.load(path, key, True) is None, "coach mode shows other things"
    assert first_frame.load(path, key + "x", False) is None, "the banks changed"
    # A hand edit that keeps the size and the time (an editor, or one within the clock's tick).
    stat, text = path.stat(), path.read_bytes()
    edited = text.replace(b"Advertisers", b"Advertizers", 1)
    assert edited != text
    path.write_bytes(edited)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert first_frame.load(path, key, False) is None, "the canvas changed on disk"
    path.write_bytes(text)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert first_frame.load(path, key, False) == frame, "touched, not changed: what it shows is the same"
    config = locations.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[keymap]\nnext = "ctrl+y"\n', encoding="utf-8")
    assert first_frame.load(path, key, False) is None, "a keymap moved the keys its hints and key bar name"


async def test_a_picture_is_not_shown_once_the_drafts_moved_on(tmp_path: Path) -> None:
    """Ctrl+G, then the wizard killed: the file is as it was, but the drafts say where the
    founder was and what they typed there, so the picture of the old question is not shown."""
    path = tmp_path / "c.toml"
    store.save(structure(), path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, Step(("type-0", "seg-0"), "segment_questions.who_pays"))
        await pilot.press(*"half typed")
        await settle(pilot)
        app.finish()
    frame = first_frame_for(path, None, False)
    assert frame is not None and "who pays" in frame.prompt.lower()
    picture = locations.first_frame_file(path).read_bytes()
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+g", *"typed on the next one")
        await settle(pilot)
        killed = locations.draft_file(path).read_bytes()  # what a kill -9 now leaves
        app.finish()
    locations.draft_file(path).write_bytes(killed)
    locations.first_frame_file(path).write_bytes(picture)  # a killed wizard stores none
    assert first_frame_for(path, None, False) is None


async def test_the_live_wizard_opens_where_the_picture_was_and_the_keys_land_there(tmp_path: Path) -> None:
    path = draft(tmp_path)
    await close_on_live_question(path)
    frame = first_frame_for(path, None, False)
    assert frame is not None and frame.step
    session = Session.open(path, shipped_catalog())
    opens_at = resume.resume_at(Drafts(path), session)
    other = next(s for s in session.steps() if s != opens_at and not s.is_structure
                 and (q := session.question(s)) is not None and q.kind is Kind.TEXT)
    expected = str(session.value(other) or "") + "typed on the picture"
    session.close()
    pictured = dataclasses.replace(frame, step=other.ref)
    app = SlowStart(path, frame=pictured)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"typed on the picture")
        app.finish_loading()
        for _ in range(100):
            await idle(pilot)
            if isinstance(app.screen, QuestionScreen):
                break
        await idle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.step == other
        assert isinstance(app.focused, Input) and app.focused.value == expected


async def test_keys_typed_while_the_held_ones_are_replayed_come_after_them(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    frame = first_frame_for(path, None, False)
    assert frame is not None
    app = SlowStart(path, frame=frame)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"alpha", "enter", *"bra")
        app.finish_loading()
        for _ in range(200):  # typed on as the held keys are being replayed
            await asyncio.sleep(0.002)
            screen = app.screen
            if isinstance(screen, QuestionScreen) and screen.session.canvas.customer_types:
                break
        burst(app, "vo", "<enter>", "charlie", "<enter>")
        await idle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert [t.name for t in screen.session.canvas.customer_types] == ["alpha", "bravo", "charlie"]


def test_a_damaged_picture_only_costs_the_fast_start(tmp_path: Path) -> None:
    path = draft(tmp_path)
    key = first_frame.banks_key(locations.shipped_dir(), None)
    first_frame.store(path, key, False, FirstFrame(topbar="t", where="w", prompt="p", help="h"))
    target = locations.first_frame_file(path)
    for damage in ("{not json", json.dumps({"key": "x"}), json.dumps([1, 2]), ""):
        target.write_text(damage, encoding="utf-8")
        assert first_frame.load(path, key, False) is None


@pytest.mark.parametrize("damage", [
    {"prompt": "[/bold]who pays?"},  # markup that does not parse
    {"prompt": "[@click=app.quit]Who pays?[/]"},  # an action where the capture writes none
    {"help": "[link=https://evil.example]read this[/link]"},
    {"nav": "not a list"},
    {"keys": 3},
])
def test_a_damaged_or_edited_picture_is_not_shown(tmp_path: Path, damage: dict[str, object]) -> None:
    path = draft(tmp_path)
    key = first_frame.banks_key(locations.shipped_dir(), None)
    first_frame.store(path, key, False, FirstFrame(topbar="t", where="w", prompt="p", help="h"))
    assert first_frame_for(path, None, False) is not None
    target = locations.first_frame_file(path)
    data = json.loads(target.read_text(encoding="utf-8"))
    data["frame"].update(damage)
    target.write_text(json.dumps(data), encoding="utf-8")
    assert first_frame_for(path, None, False) is None


async def test_hostile_text_in_the_picture_shows_literally(tmp_path: Path) -> None:
    path = tmp_path / "hostile.toml"
    store.save(hostile_canvas(), path)
    live = await close_on_live_question(path)
    frame = first_frame_for(path, None, False)
    assert frame is not None
    app = SlowStart(path, frame=frame)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PreviewScreen)
        picture = [line.rstrip() for line in shown_safely(app).splitlines()]  # no actions, no raw controls
        assert picture == [line.rstrip() for line in live]


def test_a_coachs_banks_are_part_of_the_key(tmp_path: Path) -> None:
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "extra.toml").write_text("x = 1\n", encoding="utf-8")
    before = first_frame.banks_key(locations.shipped_dir(), banks)
    assert before != first_frame.banks_key(locations.shipped_dir(), None)
    (banks / "extra.toml").write_text("x = 12\n", encoding="utf-8")
    assert first_frame.banks_key(locations.shipped_dir(), banks) != before


async def test_reopening_paints_the_same_screen_before_anything_loads(tmp_path: Path) -> None:
    path = draft(tmp_path)
    live = await close_on_live_question(path)
    frame = first_frame_for(path, None, False)
    assert frame is not None, "closing the wizard keeps a picture of where it opens next"
    app = SlowStart(path, frame=frame)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PreviewScreen)
        assert shown(app) == live
        app.finish_loading()
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)


async def test_the_rest_loads_as_soon_as_the_picture_is_painted_not_after_it_is_painted_again(
        tmp_path: Path) -> None:
    # Textual paints a screen just shown three more times (its resume, the notifications'
    # rack, the terminal's size): waiting for those before loading made the live question
    # come 20-40 ms later, on the path of the keys held meanwhile.
    frames: list[str] = []

    class Counted(SlowStart):
        def _display(self, screen: Screen[Any], renderable: Any) -> None:
            if renderable is not None:
                frames.append(type(screen).__name__)
            super()._display(screen, renderable)

        def _open_start(self) -> None:
            self.frames_before = frames.count("PreviewScreen")
            super()._open_start()

    app = Counted(tmp_path / "new.toml", frame=first_frame_for(tmp_path / "new.toml", None, False))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PreviewScreen)
        assert app.frames_before == 1, "the picture's first frame, and nothing after it"
        app.finish_loading()
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)


async def test_keys_pressed_on_the_picture_reach_the_live_question_in_order(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    frame = first_frame_for(path, None, False)
    assert frame is not None, "a new canvas always opens on its customer types"
    app = SlowStart(path, frame=frame)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Who are your customer types" in "\n".join(shown(app))
        await pilot.press(*"Users", "enter", *"Adv")
        app.post_message(events.Paste("ert"))  # a paste is kept with the keys, in its place
        await settle(pilot)
        assert isinstance(app.screen, PreviewScreen), "nothing is typed into the picture"
        app.finish_loading()
        await handed_over(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert [t.name for t in screen.session.canvas.customer_types] == ["Users"]
        assert isinstance(app.focused, Input) and app.focused.value == "Advert"


async def test_a_picture_is_not_kept_when_the_next_start_opens_elsewhere(tmp_path: Path) -> None:
    path = draft(tmp_path)
    await close_on_live_question(path)
    assert first_frame_for(path, None, False) is not None
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+b")  # one question back: the next start is not here
        await settle(pilot)
        app.finish()
    assert first_frame_for(path, None, False) is None


async def test_a_read_only_session_keeps_no_picture(tmp_path: Path) -> None:
    path = draft(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        await question_screen(pilot)
        app.open_path(path, read_only=True)  # closing the first session kept a picture
        locations.first_frame_file(path).unlink()
        await settle(pilot)
        app.finish()
    assert not locations.first_frame_file(path).exists()


async def test_a_broken_bank_found_after_the_picture_stops_with_its_name(tmp_path: Path) -> None:
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "broken.toml").write_text("id = 'broken'\nquestions = 3\n", encoding="utf-8")
    path = tmp_path / "new.toml"
    app = WizardApp(path, frame=first_frame_for(path, banks, False), banks_dir=banks)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert app.return_code == 1
    assert app.return_value is not None and "broken.toml" in app.return_value
    assert not path.exists(), "nothing was written for a wizard that could not start"


@pytest.mark.parametrize("kind", [Kind.TEXT, Kind.SINGLE_CHOICE])
async def test_the_picture_shows_the_answer_or_the_options(tmp_path: Path, kind: Kind) -> None:
    catalog = shipped_catalog()
    path = tmp_path / "c.toml"
    store.save(structure(), path)
    app = WizardApp(path, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        step = next(s for s in screen.session.steps() if not s.is_structure
                    and (q := screen.session.question(s)) is not None and q.kind is kind)
        question = screen.session.question(step)
        assert question is not None
        screen.show(step)
        await settle(pilot)
        if kind is Kind.TEXT:
            await pilot.press(*"half an answer")
        frame = capture(screen)
    if kind is Kind.TEXT:
        assert frame.answer[0] == ("input", "half an answer", question.placeholder or "Type your answer")
    else:
        listed = "\n".join(text for part, text, _ in frame.answer if part == "lines")
        assert all(choice.label[:20] in listed for choice in question.choices[:3])


def test_painting_the_first_frame_needs_neither_pydantic_nor_the_models() -> None:
    """What start-up speed rests on: everything up to the picture stays this light (the plain
    helpers of wizard/model, safetext and structure, may load; the pydantic models may not)."""
    models = ("wizard.model.bank", "wizard.model.canvas", "wizard.model.catalog", "wizard.model.tree")
    code = ("import sys; from pathlib import Path; import wizard.commands.cli, wizard.tui.app; "
            "from wizard.commands.launch import first_frame_for; first_frame_for(Path('x-new.toml'), None, False); "
            f"print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic' or m in {models!r}))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent.parent)
    assert run.stdout.strip() == "[]", run.stdout


def test_keeping_keys_in_order_loads_no_answer_box_before_the_first_frame() -> None:
    """The key handling (held_keys.py) is part of the app; the long-text box it knows about is
    not loaded until a question needs it."""
    code = ("import sys; from pathlib import Path; import wizard.commands.cli, wizard.tui.app; "
            "from wizard.commands.launch import first_frame_for; first_frame_for(Path('x-new.toml'), None, False); "
            "print(sorted(m for m in sys.modules if m in ('textual.widgets._text_area', 'wizard.model.input_text')))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent.parent)
    assert run.stdout.strip() == "[]", run.stdout
