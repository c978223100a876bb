"""Interviews in the wizard, from the keyboard: logging one with its links (F6, F5), a date
refused with a reason, typing kept through a kill, editing, removing, marks, states beside
the answers, coach mode's timer running on, and list edits that keep their links."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from tests.conftest import at_step
from tests.factory import structure
from wizard.core import interviews
from wizard.core.coach_request import Request
from wizard.core.session import Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.files.drafts import Drafts
from wizard.model.canvas import Canvas
from wizard.model.evidence import Interview, Link
from wizard.tui.app import WizardApp
from wizard.tui.screens.interview_form import InterviewFormScreen
from wizard.tui.screens.interview_links import LinkScreen
from wizard.tui.screens.interviews import InterviewsScreen
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.widgets.list_editor import ItemList, ListEditor
from wizard.tui.widgets.status_line import StatusLine

SMALL = (80, 24)
SEGMENT = ("type-0", "seg-0")
PAINS = Step((*SEGMENT, "job-0", "before"), "profile.pains")
ADOPTERS = Step(SEGMENT, "customer_model.early_adopters")
TODAY = dt.date.today()


def canvas_at(path: Path, links: bool = False) -> Canvas:
    canvas = structure(1, 1, 1)
    segment = canvas.customer_types[0].segments[0]
    segment.set("customer_model.early_adopters", "First-years who organise parties")
    segment.jobs[0].before.set("profile.pains", ["Knows nobody", "Shy", "No time"])
    if links:
        segment.interviews = [Interview(id="old", date=dt.date(2026, 11, 3), who="A.B.", links=[
            Link(at="job-0/before", question="profile.pains", item="Shy", quote="I am shy")])]
    store.save(canvas, path)
    return canvas


@asynccontextmanager
async def interview_form(tmp_path: Path) -> AsyncIterator[tuple[WizardApp, Pilot[str], Path, QuestionScreen]]:
    """The wizard on a new canvas at a segment's pains, with F6's interview form open."""
    path = tmp_path / "c.toml"
    canvas_at(path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SMALL) as pilot:
        screen = await at_step(pilot, PAINS)
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, InterviewFormScreen)
        yield app, pilot, path, screen


def segment_of(path: Path) -> object:
    return store.load(path).customer_types[0].segments[0]


def entries(screen: QuestionScreen) -> list[str]:
    items = screen.query_one(ItemList)
    return [str(items.get_option_at_index(i).prompt) for i in range(items.option_count)]


async def test_a_founder_logs_an_interview_with_three_links_from_the_keyboard(tmp_path: Path) -> None:
    async with interview_form(tmp_path) as (app, pilot, path, screen):
        assert isinstance(app.screen, InterviewFormScreen)
        # Enter on How chooses and moves on, like Enter everywhere in the form: typing straight
        # on lands in the notes (it used to go into the row of buttons, which takes no text).
        await pilot.press(*"J.M.", "enter", *"Jo Marsh", "enter", "right", "enter", *"Met at the union", "tab")
        await pilot.press(*"I know nobody here", "enter", "enter")  # a quote; empty Enter: the links
        await pilot.pause()
        assert isinstance(app.screen, LinkScreen)
        await pilot.press("space")  # the early adopters: supported
        await pilot.press("down", "down", "space")  # Knows nobody: supported
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("enter")  # its quote: the one typed
        await pilot.press("down", "x")  # Shy: contradicted
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen and screen.step == PAINS  # back where the founder was
        shown = entries(screen)
        assert shown == ["1. Knows nobody  ✓1", "2. Shy  ✗", "3. No time"]
    (interview,) = segment_of(path).interviews  # type: ignore[attr-defined]
    assert (interview.date, interview.who, interview.how, interview.notes) == (TODAY, "J.M.", "visit",
                                                                               "Met at the union")
    assert interview.name == "Jo Marsh"  # kept, and shown by no export unless asked (test_evidence_exports)
    assert interview.quotes == ["I know nobody here"]
    assert [(k.question, k.item, k.verdict, k.quote) for k in interview.links] == [
        ("customer_model.early_adopters", "", "supports", ""),
        ("profile.pains", "Knows nobody", "supports", "I know nobody here"),
        ("profile.pains", "Shy", "contradicts", "")]
    assert Drafts(path).texts == {}  # saved: no draft left


async def test_a_date_that_is_not_one_is_refused_with_what_to_type_and_nothing_saved(tmp_path: Path) -> None:
    async with interview_form(tmp_path) as (app, pilot, path, _screen):
        form = app.screen
        await pilot.press("shift+tab", "ctrl+u", *"3/11/26", "tab", *"J.M.", "ctrl+s")
        await pilot.pause()
        assert app.screen is form
        problem = str(form.query_one("#form-problem", Static).render())
        assert "“3/11/26” is not a date" in problem and "year-month-day" in problem
        assert form.focused is not None and form.focused.id == "date"
    assert segment_of(path).interviews == []  # type: ignore[attr-defined]


async def test_typing_in_the_form_survives_a_kill_and_comes_back(tmp_path: Path) -> None:
    async with interview_form(tmp_path) as (app, pilot, path, screen):
        await pilot.press(*"Parent K.", "tab", *"Kate", "tab", "tab", *"Half a note")  # who, name, how, notes
        await pilot.pause()
        # What a kill leaves: the drafts file as written on the last key.
        kept = Drafts(path).get(interviews.draft_key(SEGMENT))
        assert kept is not None
        form = interviews.Form.loads(kept)
        assert form is not None and (form.who, form.name, form.notes) == ("Parent K.", "Kate", "Half a note")
        app.exit()  # as a kill: no saving on the way out
    assert segment_of(path).interviews == []  # type: ignore[attr-defined]
    again = WizardApp(path, shipped_catalog())
    async with again.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, QuestionScreen) and screen.step == PAINS  # where the form was opened from
        await pilot.press("f6")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(again.screen, InterviewFormScreen)
        assert again.screen.query_one("#who").value == "Parent K."  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
    (interview,) = segment_of(path).interviews  # type: ignore[attr-defined]
    assert (interview.who, interview.name, interview.notes) == ("Parent K.", "Kate", "Half a note")


async def test_an_interview_is_edited_and_removed_and_items_marked_from_the_segments_list(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    canvas_at(path, links=True)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SMALL) as pilot:
        screen = await at_step(pilot, ADOPTERS)
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, InterviewsScreen)
        listed = app.screen.query_one("#interviews", OptionList)
        assert "2026-11-03 · A.B." in str(listed.get_option_at_index(1).prompt)
        await pilot.press("down", "enter")  # open the interview held
        await pilot.pause()
        assert isinstance(app.screen, InterviewFormScreen)
        await pilot.press("end", *" (mother)", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewsScreen)
        await pilot.press("tab")  # the items: the early adopters first
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one(StatusLine).evidence.startswith("Evidence: $ paid")
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("down", "d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    segment = segment_of(path)
    assert segment.interviews == []  # type: ignore[attr-defined]
    assert [(m.question, m.kind) for m in segment.marks] == [("customer_model.early_adopters", "paid")]  # type: ignore[attr-defined]


async def test_coach_logs_an_interview_mid_call_and_the_section_clock_runs_on(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    canvas_at(path)
    app = WizardApp(path, shipped_catalog(), coach=True, coach_request=Request(minutes=45))  # planned: no dialog
    async with app.run_test(size=SMALL) as pilot:
        screen = await at_step(pilot, ADOPTERS)
        timer = screen.timer
        assert timer is not None
        section, since = timer.section, timer.since
        assert "F6 logs it" in str(screen.query_one("#help", Static).render())
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, InterviewFormScreen)
        await pilot.press(*"CEO of a bakery", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen and screen.step == ADOPTERS
        assert (timer.section, timer.since) == (section, since)  # the stretch on this section goes on
    (interview,) = segment_of(path).interviews  # type: ignore[attr-defined]
    assert interview.who == "CEO of a bakery"


async def test_f5_and_f6_are_offered_only_in_a_segment_and_listed_in_the_palette(tmp_path: Path) -> None:
    from wizard.tui.palette import moves

    path = tmp_path / "c.toml"
    canvas_at(path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await at_step(pilot, Step(("type-0",), "customer_model.role"))
        assert not screen.check_action("interviews", ())
        assert not any("interview" in text.lower() for text, _a, _h in moves(screen))
        screen = await at_step(pilot, ADOPTERS)
        assert screen.check_action("interviews", ()) and screen.check_action("log_interview", ())
        assert any(text.startswith("Log an interview") for text, _a, _h in moves(screen))
        ids = {b.id for b in screen.BINDINGS if hasattr(b, "id")}  # type: ignore[union-attr]
        assert {"interviews", "log-interview"} <= ids


async def test_an_entry_reworded_or_moved_in_the_list_editor_keeps_its_link(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    canvas_at(path, links=True)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SMALL) as pilot:
        screen = await at_step(pilot, PAINS)
        assert entries(screen)[1] == "2. Shy  ✓1"
        await pilot.press("tab", "down", "e", *" at first", "enter")  # reword "Shy" in place
        await pilot.pause()
        assert entries(screen)[1] == "2. Shy at first  ✓1"
        await pilot.press("tab", "ctrl+up")  # and move it (still highlighted) to the top
        await pilot.pause()
        assert entries(screen)[0] == "1. Shy at first  ✓1"
    (link,) = segment_of(path).interviews[0].links  # type: ignore[attr-defined]
    assert link.item == "Shy at first" and link.quote == "I am shy"
    assert store.load(path).customer_types[0].segments[0].jobs[0].before.get("profile.pains") == [
        "Shy at first", "Knows nobody", "No time"]


async def test_the_focused_box_of_the_form_stays_on_screen_at_80x24(tmp_path: Path) -> None:
    async with interview_form(tmp_path) as (app, pilot, _path, _screen):
        for _ in range(6):
            await pilot.press("tab")
            await pilot.pause()
            focused = app.screen.focused
            assert focused is not None
            region = focused.region
            assert region.height > 0 and region.y >= 0 and region.bottom <= SMALL[1] - 1, focused
        app.screen.query_one("#new-item").focus()
        await pilot.press(*"a quote", "enter", *"another", "enter", *"a third", "enter", *"a fourth", "enter")
        await pilot.pause()
        focused = app.screen.focused
        assert focused is not None and focused.region.bottom <= SMALL[1] - 1
        assert isinstance(focused.parent, ListEditor)


async def test_the_review_lists_contradicted_items_then_the_heaviest_guesses_and_jumps_there(tmp_path: Path) -> None:
    from wizard.tui.screens.review import ReviewScreen

    path = tmp_path / "c.toml"
    canvas = canvas_at(path, links=True)
    segment = canvas.customer_types[0].segments[0]
    segment.interviews[0].links[0].verdict = "contradicts"
    store.save(canvas, path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SMALL) as pilot:
        screen = await at_step(pilot, ADOPTERS)
        await pilot.press("ctrl+r")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        listed = review.query_one("#evidence", OptionList)
        rows = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert rows[0].startswith(" ✗ Shy · Pains · contradicted: “I am shy”")
        weights = [float(r.split("weight ")[1].split(" ")[0]) for r in rows[1:]]
        assert weights and weights == sorted(weights, reverse=True)  # heaviest first
        assert all(r.lstrip().startswith("?") for r in rows[1:])
        listed.focus()
        await pilot.pause()
        # The coach's notes come from their thread meanwhile and push the panels below down:
        # the list gone to stays in view.
        notes = review.query_one("#notes", OptionList)
        for _ in range(200):  # at most 10 s
            if notes.option_count and notes.get_option_at_index(0).id != "reading":
                break
            await pilot.pause(0.05)
        assert notes.get_option_at_index(0).id != "reading", "the coach's notes never came"
        await pilot.pause()
        await pilot.pause()
        assert listed.region.bottom <= SMALL[1] - 1  # scrolled into view at 80x24
        listed.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.step == PAINS


async def test_removing_an_entry_an_interview_spoke_to_says_its_evidence_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    canvas_at(path, links=True)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=SMALL) as pilot:
        await at_step(pilot, PAINS)
        await pilot.press("tab", "down", "delete")  # remove "Shy", which an interview supports
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert any("about “Shy” is kept" in m and "check" in m for m in said), said
    (link,) = segment_of(path).interviews[0].links  # type: ignore[attr-defined]
    assert link.item == "Shy" and link.quote == "I am shy"  # the quote is not lost


async def test_a_quote_typed_in_the_picker_is_kept_as_typed_and_becomes_one_of_the_quotes(tmp_path: Path) -> None:
    """Typed in the link screen's quote picker: a draft on every key (a kill loses none of
    it), and once Enter takes it, one of the interview's quotes as well as the item's."""
    from wizard.tui.screens.interview_links import QuoteScreen

    async with interview_form(tmp_path) as (app, pilot, path, _screen):
        await pilot.press(*"J.M.", "enter", "enter", "enter", *"Met at the union", "tab")
        await pilot.press(*"First quote", "enter", "enter")  # a quote; empty Enter: the links
        await pilot.pause()
        await pilot.press("down", "down", "q")  # Knows nobody: their words
        await pilot.pause()
        assert isinstance(app.screen, QuoteScreen)
        await pilot.press("tab", *"Nobody talks to me")
        await pilot.pause()
        kept = interviews.Form.loads(Drafts(path).get(interviews.draft_key(SEGMENT)) or "")
        assert kept is not None and "Nobody talks to me" in kept.quotes, "kept as it is typed"
        await pilot.press("escape")  # cancelled: no longer a quote of the draft
        await pilot.pause()
        kept = interviews.Form.loads(Drafts(path).get(interviews.draft_key(SEGMENT)) or "")
        assert kept is not None and kept.quotes == ["First quote"]
        await pilot.press("q", "tab", *"Nobody talks to me", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    (interview,) = segment_of(path).interviews  # type: ignore[attr-defined]
    assert interview.quotes == ["First quote", "Nobody talks to me"]
    assert [(k.item, k.quote) for k in interview.links] == [("Knows nobody", "Nobody talks to me")]
