"""Coach mode: notes kept apart from answers, time per section, the agenda, probes on screen."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import DataTable, Input, Static
from textual.widgets._footer import FooterKey

from tests.conftest import at_step
from tests.factory import structure
from wizard.core import coach_sessions, coaching
from wizard.core.coach_request import Request
from wizard.core.session import Session, Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.coach import AgendaScreen, NoteScreen
from wizard.tui.screens.question import QuestionScreen

SIZE = (100, 32)
WHO_PAYS = Step(("type-0", "seg-0"), "segment_questions.who_pays")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def session_at(path: Path) -> Session:
    store.save(structure(1, 1, 1), path)
    return Session(path, store.load(path), shipped_catalog())


def test_notes_are_saved_per_session_apart_from_answers_and_empty_ones_removed(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    session = session_at(path)
    record = coach_sessions.begin(session, 45, ["segment_questions"])
    assert coach_sessions.set_notes(session, record, {
        coaching.question_key(WHO_PAYS): ("  Probe the budget owner  ", "private"),
        coaching.place_key(WHO_PAYS.location): ("Two segments in one?", "homework")})
    data = tomllib.loads(path.read_text())
    kept = data["coach"]["sessions"][0]
    assert kept["minutes"] == 45 and kept["sections"] == ["segment_questions"] and "started" in kept
    assert kept["notes"] == [
        {"text": "Probe the budget owner", "place": "type-0/seg-0#segment_questions.who_pays"},  # private: the default
        {"text": "Two segments in one?", "place": "type-0/seg-0", "kind": "homework"}]
    segment = data["customer_types"][0]["segments"][0]
    assert "answers" not in segment  # the founder's answers stay clean
    unchanged = {"type-0/seg-0": ("Two segments in one?", "homework")}
    assert not coach_sessions.set_notes(session, record, unchanged)  # unchanged: no save
    coach_sessions.set_notes(session, record, {"type-0/seg-0": ("   ", "homework")})
    notes = store.load(path).coach.sessions[0].notes
    assert [(n.place, n.text, n.kind) for n in notes] == [
        ("type-0/seg-0#segment_questions.who_pays", "Probe the budget owner", "private")]
    assert store.load(path).coach.open_homework() == 0


def test_timer_counts_per_section_and_adds_up_over_sessions(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    session = session_at(path)
    clock = FakeClock()
    timer = coaching.SectionTimer(session, clock)
    timer.enter("segment_questions")
    clock.now += 90
    timer.enter("audience")
    clock.now += 30
    assert timer.spent("segment_questions") == 90
    assert timer.spent("audience") == 30
    timer.flush()
    assert store.load(path).coach.seconds == {"segment_questions": 90, "audience": 30}

    again = coaching.SectionTimer(Session(path, store.load(path), shipped_catalog()), clock)
    again.enter("audience")
    clock.now += 15
    assert again.spent("audience") == 45
    assert again.session_seconds() == 15


def test_agenda_lists_sections_with_plan_time_score_and_notes(tmp_path: Path) -> None:
    session = session_at(tmp_path / "c.toml")
    record = coach_sessions.begin(session, 0, [])
    coach_sessions.set_notes(session, record, {coaching.question_key(WHO_PAYS): ("Ask who signs", "private")})
    clock = FakeClock()
    timer = coaching.SectionTimer(session, clock)
    timer.enter("segment_questions")
    clock.now += 700
    rows = {row.section: row for row in coaching.agenda(session, timer)}
    assert next(iter(rows)) == "structure"
    questions = rows["segment_questions"]
    assert questions.minutes == shipped_catalog().bank("segment_questions").minutes  # type: ignore[union-attr]
    assert questions.spent == 700 and questions.notes == 1
    assert rows["audience"].notes == 0
    assert coaching.clock_text(700) == "11:40" and coaching.clock_text(3725) == "1:02:05"


def footer_keys(app: WizardApp) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


async def test_coach_writes_a_note_and_sees_it_beside_the_question(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    session_at(path)
    app = WizardApp(path, shipped_catalog(), coach=True, coach_request=Request(minutes=45))
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, WHO_PAYS)
        help_text = str(screen.query_one("#help", Static).render())
        assert "Ask next (coach)" in help_text
        assert "Note" in footer_keys(app) and "Agenda" in footer_keys(app)  # the bank's probes, in coach mode only
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"[bold]who signs?[/]", "tab", "tab", *"Check the segment")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "[bold]who signs?[/]" in str(screen.query_one("#help", Static).render())
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert app.screen.query_one(DataTable).row_count >= 7
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    canvas = store.load(path)
    assert canvas.coach.notes == {}
    notes = canvas.coach.sessions[-1].notes
    assert [(n.place, n.text, n.kind) for n in notes] == [
        ("type-0/seg-0#segment_questions.who_pays", "[bold]who signs?[/]", "private"),
        ("type-0/seg-0", "Check the segment", "private")]
    assert canvas.customer_types[0].segments[0].answers == {}


async def test_founder_mode_has_no_notes_no_probes_no_agenda(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    session_at(path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_step(pilot, WHO_PAYS)
        assert "Ask next (coach)" not in str(screen.query_one("#help", Static).render())
        await pilot.press("f2", "f3")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)  # neither a note dialog nor the agenda opened
        shown = footer_keys(app)
        assert "Next" in shown and "Note" not in shown and "Agenda" not in shown
    assert store.load(path).coach.notes == {}


async def test_in_coach_mode_ctrl_a_and_ctrl_e_still_move_in_the_answer(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    session_at(path)
    app = WizardApp(path, shipped_catalog(), coach=True, coach_request=Request(minutes=45))
    async with app.run_test(size=SIZE) as pilot:
        await at_step(pilot, WHO_PAYS)
        await pilot.press(*"Parents", "ctrl+a", "X", "ctrl+e", "Y")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)  # neither the agenda nor a note dialog
        field = app.focused
        assert isinstance(field, Input) and field.value.startswith("X") and field.value.endswith("Y")
