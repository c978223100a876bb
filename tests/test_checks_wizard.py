"""The coach in the wizard: a finding is heard at the question where it can be fixed, once
the answers it reads are in, and the checks never run on the UI thread."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from tests.checks_corpus import corpus
from tests.conftest import at_step
from wizard import checks
from wizard.core.session import JOBS, Session, Step
from wizard.files import store
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog
from wizard.tui.app import WizardApp
from wizard.tui.screens.review import ReviewScreen
from wizard.tui.widgets.status_line import StatusLine

ROTA = ("venues", "cafe-owners")
JOB = (*ROTA, "cover-shifts")


def rota_file(tmp_path: Path, remove: tuple[str, ...] = (), **changes: object) -> Path:
    """The corpus's rota canvas, saved after the changes (`path#question` = value) and with
    the nodes at the paths of `remove` deleted."""
    canvas = corpus.apply(corpus.good_canvases()["rota"],
                          corpus.Mutation("rota", "", "", {k.replace("__", "#"): v for k, v in changes.items()},
                                          remove))
    path = tmp_path / "rota.toml"
    store.save(canvas, path)
    return path


async def status(pilot: Pilot[str], wanted: str | None = None, timeout: float = 8.0) -> str:
    """The status line once the checks of the canvas as it is have come back (and, when
    `wanted` is given, once it says that)."""
    line = pilot.app.screen.query_one(StatusLine)
    for _ in range(int(timeout / 0.05)):
        await pilot.pause(0.05)
        done = line._checked[0] is line.session.report()  # the checks have read this canvas
        text = str(line.render())
        if done and (wanted is None or wanted in text):
            return text
    return str(pilot.app.screen.query_one("#status", Static).render())


async def test_a_vague_pain_is_heard_as_it_is_added(tmp_path: Path, catalog: Catalog) -> None:
    app = WizardApp(rota_file(tmp_path), catalog)
    async with app.run_test(size=(100, 32)) as pilot:
        await at_step(pilot, Step((*JOB, "during"), "profile.pains"))
        assert "too vague" not in await status(pilot)
        await pilot.press(*"Annoying", "enter")
        shown = await status(pilot, "too vague")
        assert "Coach's check: “Annoying” is too vague" in shown
        assert "waits 20 minutes on the phone" in shown  # the rewrite it suggests


async def test_pains_at_one_stage_are_heard_at_the_last_stage(tmp_path: Path, catalog: Catalog) -> None:
    path = rota_file(tmp_path, **{f"{'/'.join(JOB)}/during__profile.pains": [],
                                  f"{'/'.join(JOB)}/after__profile.pains": []})
    app = WizardApp(path, catalog)
    async with app.run_test(size=(100, 32)) as pilot:
        for stage in ("before", "during"):
            await at_step(pilot, Step((*JOB, stage), "profile.pains"))
            assert "listed only" not in await status(pilot)  # not before "after" is asked
        await at_step(pilot, Step((*JOB, "after"), "profile.pains"))
        shown = await status(pilot, "listed only")
        assert "Coach's check: Pains of “Get every shift of next week covered” are listed only before" in shown
        await pilot.press(*"Hours for payroll worked out from crossed-out paper rotas", "enter")
        assert "listed only" not in await status(pilot)


async def test_a_text_answer_is_heard_on_the_next_question_and_back_at_it(tmp_path: Path,
                                                                           catalog: Catalog) -> None:
    path = rota_file(tmp_path, **{f"{'/'.join(ROTA)}__segment_questions.job": ""})
    app = WizardApp(path, catalog)
    async with app.run_test(size=(100, 32)) as pilot:
        await at_step(pilot, Step(ROTA, "segment_questions.job"))
        await pilot.press(*"Use an app to plan the staff rota")
        await pilot.press("ctrl+n")
        shown = await status(pilot, "says how to get it done")
        assert "Coach's check on “Job to be done” (Ctrl+B goes back)" in shown
        await pilot.press("ctrl+b")
        shown = await status(pilot, "says how to get it done")
        assert shown.startswith("Coach's check: The job “Use an app to plan the staff rota”")
        # Once heard it is not repeated on the question after.
        await pilot.press("ctrl+n")
        await pilot.press("ctrl+n")
        assert "says how to get it done" not in await status(pilot)


async def test_the_first_question_is_checked_off_the_ui_thread(tmp_path: Path, catalog: Catalog,
                                                                monkeypatch: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    threads: list[str] = []
    real = checks.run

    def spy(*args: object, **kwargs: object) -> list[checks.Finding]:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checks, "run", spy)
    path = tmp_path / "bakery.toml"
    from tests.conftest import EXAMPLES

    path.write_bytes((EXAMPLES / "draft-bakery.toml").read_bytes())
    app = WizardApp(path, catalog)
    async with app.run_test(size=(100, 32)) as pilot:
        await status(pilot)
        assert threads and threading.main_thread().name not in threads


def only_functional(canvas: Canvas, catalog: Catalog) -> list[str]:
    return [f"{f.path}#{f.question}" for f in checks.run(canvas, catalog) if f.rule == "functional-jobs-only"]


def test_only_functional_waits_until_every_job_has_its_kind(catalog: Catalog) -> None:
    canvas = corpus.good_canvases()["newsletter"]
    readers = canvas.customer_types[0].segments[0].jobs[0]
    readers.set("profile.job_kind", None)  # the readers' job (social): not sorted yet
    assert only_functional(canvas, catalog) == []
    readers.set("profile.job_kind", "functional")
    # Every job has its fears, and still: fears are not how they want to feel or be seen.
    assert all(job.get("profile.fears") for ctype in canvas.customer_types for seg in ctype.segments
               for job in seg.jobs)
    assert only_functional(canvas, catalog) == ["advertisers/independent-shops/bring-in-locals#profile.job_kind"]


def test_only_functional_waits_for_every_segment_to_have_jobs(catalog: Catalog) -> None:
    """A segment with no job listed yet (a later customer type's, in the wizard) may hold the
    emotional job: type-without-job speaks meanwhile."""
    canvas = corpus.good_canvases()["newsletter"]
    canvas.customer_types[0].segments[0].jobs[0].set("profile.job_kind", "functional")
    advertisers = canvas.customer_types[1].segments[0]
    kept, advertisers.jobs = advertisers.jobs, []
    found = {f.rule for f in checks.run(canvas, catalog)}
    assert "type-without-job" in found and "functional-jobs-only" not in found
    advertisers.jobs = kept
    assert only_functional(canvas, catalog)


async def test_only_functional_is_heard_once_the_last_job_is_sorted(tmp_path: Path, catalog: Catalog) -> None:
    path = rota_file(tmp_path, remove=(f"{'/'.join(ROTA)}/fair-boss",),
                     **{f"{'/'.join(JOB)}__profile.job_kind": ""})
    app = WizardApp(path, catalog)
    async with app.run_test(size=(100, 32)) as pilot:
        await at_step(pilot, Step(JOB, "profile.job_kind"))
        assert "functional" not in await status(pilot)
        await pilot.press("enter")  # "Functional", the first choice: chosen, and on to the fears
        shown = await status(pilot, "is functional")
        assert ("Coach's check on “Kind of job” (Ctrl+B goes back): The only job, “Get every shift of next "
                "week covered”, is functional") in shown
        assert "social or emotional job" in shown  # what to do about it


def test_a_finding_waits_for_the_answers_it_reads(catalog: Catalog) -> None:
    """Beside its question a finding waits until every answer it reads is in: answered,
    marked not applicable, or asked earlier than here (passed by)."""
    from wizard.core.shown import ready, shown_at

    canvas = corpus.good_canvases()["bikefix"]
    seg = canvas.customer_types[0].segments[0]
    seg.set("segment_questions.who_pays", "Their employer, from the office wellbeing budget")
    seg.set("segment_questions.beneficiaries", ["Colleagues who see the van and start cycling too"])
    session = Session(Path("unsaved.toml"), canvas, catalog)
    here = Step(("commuters", "daily-riders"), "segment_questions.beneficiaries")
    found = checks.run(canvas, catalog)
    assert [f.rule for f in shown_at(found, session, here)] == ["payer-not-user"]
    # The same finding, had it read the segment's jobs (asked after "Who benefits"):
    payer = next(f for f in found if f.rule == "payer-not-user")
    later = checks.Finding(payer.rule, payer.severity, payer.location, payer.question, payer.where,
                           payer.message, payer.suggestion, ((here.location, JOBS),))
    assert shown_at([later], session, here) == [later]  # the jobs are in
    seg.jobs = []
    session.changed()
    assert shown_at([later], session, here) == []  # not yet asked: it waits
    assert ready(later, session, Step(here.location, "customer_model.early_adopters"))  # passed by


# -- the review --------------------------------------------------------------------------
def bakery_file(tmp_path: Path) -> Path:
    from tests.conftest import EXAMPLES

    path = tmp_path / "bakery.toml"
    path.write_bytes((EXAMPLES / "draft-bakery.toml").read_bytes())
    return path


def held_checks(monkeypatch: object, release: threading.Event, threads: list[str],
                fail: bool = False) -> None:
    """The review's checks wait for `release` (and raise if `fail`); others run as ever."""
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    real = checks.run

    def held(*args: object, **kwargs: object) -> list[checks.Finding]:
        if sys._getframe(1).f_code.co_filename.endswith(str(Path("tui", "screens", "review.py"))):
            threads.append(threading.current_thread().name)
            release.wait(5)
            if fail:
                raise RuntimeError("the lemma tables are missing")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checks, "run", held)


def notes_of(review: ReviewScreen) -> list[str]:
    notes = review.query_one("#notes", OptionList)
    return [str(notes.get_option_at_index(i).prompt) for i in range(notes.option_count)]


async def test_the_review_opens_at_once_and_the_notes_follow(tmp_path: Path, catalog: Catalog,
                                                             monkeypatch: object) -> None:
    release, threads = threading.Event(), []
    held_checks(monkeypatch, release, threads)
    app = WizardApp(bakery_file(tmp_path), catalog)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)  # open while its checks are still held
        assert "% complete" in str(review.query_one("#review-title", Static).render())
        assert review.query_one("#missing", OptionList).option_count > 0  # what is missing, at once
        assert notes_of(review) == ["The coach is reading the canvas…"]
        assert threads and threading.main_thread().name not in threads
        release.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if review.findings is not None:
                break
        shown = notes_of(review)
        assert len(shown) == 2 and "The age range 25–60 spans 35 years" in shown[0]


async def test_the_review_closed_before_its_notes_come_leaves_the_wizard_working(
        tmp_path: Path, catalog: Catalog, monkeypatch: object) -> None:
    from wizard.tui.screens.question import QuestionScreen

    release, threads = threading.Event(), []
    held_checks(monkeypatch, release, threads)
    app = WizardApp(bakery_file(tmp_path), catalog)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("ctrl+r")  # and it opens again, notes and all
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        for _ in range(100):
            await pilot.pause(0.05)
            if review.findings is not None:
                break
        assert len(notes_of(review)) == 2


async def test_checks_that_fail_in_the_review_say_so_and_keep_the_scores(tmp_path: Path, catalog: Catalog,
                                                                           monkeypatch: object) -> None:
    release, threads = threading.Event(), []
    release.set()
    held_checks(monkeypatch, release, threads, fail=True)
    app = WizardApp(bakery_file(tmp_path), catalog)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        for _ in range(100):
            await pilot.pause(0.05)
            if "could not run" in " ".join(notes_of(app.screen)):  # type: ignore[arg-type]
                break
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert notes_of(review) == ["The coach's checks could not run (the lemma tables are missing); the scores "
                                    "stand, and nothing was changed."]
        assert "% complete" in str(review.query_one("#review-title", Static).render())
