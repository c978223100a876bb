"""Quality checks: each rule fires on the mistake it names, and stays quiet on the worked examples."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from wizard import checks
from wizard.checks.adopters import doing_nothing
from wizard.checks.audience import folded_groups
from wizard.checks.names import named_in, own_names
from wizard.checks.reading import vague_gain, vague_pain
from wizard.checks.registry import rule
from wizard.checks.words import is_generic
from wizard.commands.cli import main
from wizard.core import scoring
from wizard.core.session import Session, Step
from wizard.files import store
from wizard.model.canvas import Canvas, Job, Segment
from wizard.model.catalog import Catalog

COMPLETE_EXAMPLES = ["facebook", "event-consultancy"]


def example(name: str) -> Canvas:
    return store.load(EXAMPLES / f"{name}.toml")


def fb() -> Canvas:
    return example("facebook")


def events() -> Canvas:
    return example("event-consultancy")


def students(canvas: Canvas) -> Segment:
    return canvas.customer_types[0].segments[0]


def meet_people(canvas: Canvas) -> Job:
    return students(canvas).jobs[0]


# -- one crafted mistake per rule, each made to an example that is otherwise clean ---------
def wide_age() -> Canvas:
    c = fb()
    students(c).set("audience.age", (21, 65))
    return c


def everyone_uses_it() -> Canvas:
    c = fb()
    students(c).set("segment_questions.who_uses", "Everyone")
    return c


def generic_location() -> Canvas:
    c = fb()
    students(c).set("audience.industry", "Various")
    return c


def students_and_teachers() -> Canvas:
    c = fb()
    students(c).name = "Students and teachers"
    return c


def advertisers_without_jobs() -> Canvas:
    c = fb()
    c.customer_types[1].segments[0].jobs = []
    return c


def single_advertiser() -> Canvas:
    c = fb()
    c.customer_types[1].set("customer_model.size", "one")
    return c


def nothing_else() -> Canvas:
    c = fb()
    meet_people(c).set("customer_model.existing_alternatives", ["They do nothing"])
    return c


def attendees_use_it() -> Canvas:
    c = events()
    students(c).set("segment_questions.who_uses", "Attendees at the conference")
    students(c).set("segment_questions.beneficiaries", ["Sponsors, who get a fuller room"])
    return c


def platform_of_one() -> Canvas:
    c = events()
    c.set("market.market_type", "multi_sided")
    return c


def demographics_alone() -> Canvas:
    c = fb()
    c.set("market.segmentation_bases", ["demographic"])
    return c


def job_on_facebook() -> Canvas:
    c = fb()
    meet_people(c).statement = "Find new friends on Facebook"
    return c


def functional_only() -> Canvas:
    """The organisers' social job left out: two functional jobs remain, each with its fears."""
    c = events()
    students(c).jobs = [job for job in students(c).jobs if job.get("profile.job_kind") == "functional"]
    assert len(students(c).jobs) == 2 and all(job.get("profile.fears") for job in students(c).jobs)
    return c


def pains_before_only() -> Canvas:
    c = fb()
    meet_people(c).during.set("profile.pains", None)
    meet_people(c).after.set("profile.pains", None)
    return c


def two_pains() -> Canvas:
    c = fb()
    job = meet_people(c)
    job.during.set("profile.pains", ["Forgets the names of people met the night before",
                                     "Loud bars and parties leave little room to actually talk"])
    return c


def better_results() -> Canvas:
    c = fb()
    meet_people(c).during.set("profile.gains", ["Better results", "Save time", "Sees mutual friends"])
    return c


def plan_without_owner() -> Canvas:
    c = fb()
    c.set("research.owner", None)
    return c


def plan_without_goal() -> Canvas:
    c = fb()
    c.set("research.learning_goal", None)
    return c


TRIGGERS: dict[str, tuple[Callable[[], Canvas], tuple[str, ...], str]] = {
    # rule id: (canvas with the mistake, where the finding points, the question it is about)
    "broad-age-range": (wide_age, ("users", "university-students"), "audience.age"),
    "target-is-everyone": (everyone_uses_it, ("users", "university-students"), "segment_questions.who_uses"),
    "generic-audience": (generic_location, ("users", "university-students"), "audience.industry"),
    "folded-segments": (students_and_teachers, ("users",), "structure.segments"),
    "type-without-job": (advertisers_without_jobs, ("advertisers", "student-focused-brands"), "structure.jobs"),
    "early-adopters-single-buyer": (single_advertiser, ("advertisers",), "customer_model.size"),
    "doing-nothing-only": (nothing_else, ("users", "university-students", "meet-people"),
                           "customer_model.existing_alternatives"),
    "payer-not-user": (attendees_use_it, ("event-organisers", "independent-conference-organisers"),
                       "segment_questions.beneficiaries"),
    "multi-sided-one-type": (platform_of_one, (), "market.market_type"),
    "demographics-only": (demographics_alone, (), "market.segmentation_bases"),
    "job-names-our-product": (job_on_facebook, ("users", "university-students"), "structure.jobs"),
    "functional-jobs-only": (functional_only, ("event-organisers", "independent-conference-organisers",
                                               "get-sponsors"), "profile.job_kind"),
    "one-stage-only": (pains_before_only, ("users", "university-students", "meet-people", "after"),
                       "profile.pains"),
    "too-few-items": (two_pains, ("users", "university-students", "meet-people", "during"), "profile.pains"),
    "vague-pains-gains": (better_results, ("users", "university-students", "meet-people", "during"),
                          "profile.gains"),
    "research-no-owner": (plan_without_owner, (), "research.owner"),
    "research-no-goal": (plan_without_goal, (), "research.learning_goal"),
}


def test_every_trigger_names_a_rule() -> None:
    # The corpus (tests/test_checks_corpus.py) plants at least three mistakes per rule;
    # these are the quick ones on the shipped examples.
    assert set(TRIGGERS) <= {r.id for r in checks.RULES}


@pytest.mark.parametrize("rule_id", sorted(TRIGGERS))
def test_rule_fires_on_its_mistake_and_points_at_the_question(rule_id: str, catalog: Catalog) -> None:
    make, location, question = TRIGGERS[rule_id]
    canvas = make()
    found = [f for f in checks.run(canvas, catalog) if f.rule == rule_id]
    assert [(f.location, f.question) for f in found] == [(location, question)]
    finding = found[0]
    assert finding.message and finding.suggestion
    assert finding.severity == next(r.severity for r in checks.RULES if r.id == rule_id)
    # The finding is somewhere the wizard can go: its step is one the founder is asked.
    session = Session(Path("unsaved.toml"), canvas, catalog)
    assert session.exists(Step(finding.location, question))


@pytest.mark.parametrize("rule_id", sorted(TRIGGERS))
def test_only_the_crafted_mistake_is_flagged(rule_id: str) -> None:
    # The crafted canvases start from a clean example, so nothing else may show up.
    assert {f.rule for f in checks.run(TRIGGERS[rule_id][0]())} == {rule_id}


@pytest.mark.parametrize("name", COMPLETE_EXAMPLES)
@pytest.mark.parametrize("rule_id", sorted(TRIGGERS))
def test_complete_examples_raise_no_false_alarm(name: str, rule_id: str) -> None:
    rules = [r for r in checks.RULES if r.id == rule_id]
    assert checks.run(example(name), rules=rules) == []


def test_the_draft_shows_its_mistakes(catalog: Catalog) -> None:
    found = checks.run(example("draft-bakery"), catalog)
    assert [(f.rule, f.path) for f in found] == [
        ("broad-age-range", "customers/walk-in-customers"),
        ("one-stage-only", "customers/celebration-orders/celebration-cakes/after"),
    ]
    assert found[0].where == "Customers › Local walk-in customers · Age range"
    assert "25–60" in found[0].message


def test_checks_change_neither_the_canvas_nor_the_score(catalog: Catalog) -> None:
    canvas = example("draft-bakery")
    before, score = canvas.model_dump(), scoring.score(canvas, catalog).score
    assert checks.run(canvas, catalog)
    assert canvas.model_dump() == before
    assert scoring.score(canvas, catalog).score == score


def test_warnings_come_before_notes() -> None:
    canvas = wide_age()
    canvas.set("market.segmentation_bases", ["demographic"])  # an info, at the canvas
    assert [f.severity for f in checks.run(canvas)] == ["warning", "info"]


def test_for_step_picks_the_findings_of_one_question() -> None:
    found = checks.run(better_results())
    during = ("users", "university-students", "meet-people", "during")
    assert [f.rule for f in checks.for_step(found, during, "profile.gains")] == ["vague-pains-gains"]
    assert checks.for_step(found, during, "profile.pains") == []


def test_a_rule_id_is_registered_once() -> None:
    with pytest.raises(ValueError, match="share the id"):
        rule("broad-age-range", "again", checks.WARNING)(lambda canvas: [])


# -- the heuristics at their edges -----------------------------------------------------
@pytest.mark.parametrize(("low", "high", "fires"), [(30, 55, False), (25, 50, False), (25, 51, True), (21, 65, True)])
def test_age_span_threshold(low: int, high: int, fires: bool) -> None:
    canvas = fb()
    students(canvas).set("audience.age", (low, high))
    assert any(f.rule == "broad-age-range" for f in checks.run(canvas)) is fires


@pytest.mark.parametrize(("answer", "fires"), [
    ("All businesses", True), ("Everyone on campus", True),
    ("Anyone who has just moved to a new city and knows nobody there", False),
    ("Undergraduates who sign up with their university email", False),
])
def test_everyone_unless_qualified(answer: str, fires: bool) -> None:
    canvas = fb()
    students(canvas).set("customer_model.early_adopters", answer)
    assert any(f.rule == "target-is-everyone" for f in checks.run(canvas)) is fires


@pytest.mark.parametrize(("name", "groups"), [
    ("Students and teachers", ("Students", "teachers")),
    ("Parents & kids", ("Parents", "kids")),
    ("Freelancers/agencies", ("Freelancers", "agencies")),
    ("Entertainment, fashion and music brands targeting students", None),
    ("Small and medium businesses", None),
    ("Bed and breakfast owners", None),
])
def test_folded_segment_names(name: str, groups: tuple[str, str] | None) -> None:
    assert folded_groups(name) == groups


def test_business_and_consumer_segment_is_folded() -> None:
    canvas = fb()
    students(canvas).set("audience.b2b_b2c", "both")
    found = [f for f in checks.run(canvas) if f.rule == "folded-segments"]
    assert [f.question for f in found] == ["audience.b2b_b2c"]


@pytest.mark.parametrize(("text", "generic"), [
    ("various", True), ("All kinds of people", True), ("n/a", True), ("business", True),
    ("Big cities that host trade shows", False), ("Nurse", False),
])
def test_generic_answers(text: str, generic: bool) -> None:
    assert is_generic(text) is generic


@pytest.mark.parametrize(("text", "vague"), [
    ("Better results", True), ("Save time", True), ("More customers", True), ("Lower risk", True),
    ("Saves two evenings a month on ad dashboards", False), ("A lower cost per ticket than print ads", False),
    ("Gets invited to more things because people can find them", False),
])
def test_vague_wording(text: str, vague: bool) -> None:
    assert vague_gain(text) is vague


@pytest.mark.parametrize(("text", "vague"), [
    ("Annoying", True), ("A hassle", True), ("Too slow", True), ("Booking is a pain", True),
    ("Annoys them", True), ("Frustrated", True),
    ("Walking up to strangers is nerve-racking", False), ("Waits 20 minutes on the phone to book", False),
    ("Disappointed with the results but unsure what went wrong", False),
])
def test_feelings_without_anything_concrete(text: str, vague: bool) -> None:
    assert vague_pain(text) is vague


@pytest.mark.parametrize(("text", "nothing"), [
    ("Doing nothing", True), ("none", True), ("They live with it", True), ("There is no alternative", True),
    ("Nothing yet", True), ("Joining clubs", False), ("No one helps them, so they ask friends", False),
])
def test_doing_nothing(text: str, nothing: bool) -> None:
    assert doing_nothing(text) is nothing


def test_own_names_come_from_the_title_and_the_solution() -> None:
    canvas = events()
    assert own_names(canvas) == set()  # "Event" is an ordinary word here: "events" is used in lower case
    canvas.title = "Acme events"
    canvas.customer_types[0].set("customer_model.solution", "Campaigns run by our team. We call it TicketBoost.")
    assert own_names(canvas) == {"Acme", "TicketBoost"}


def test_names_among_the_alternatives_are_someone_elses() -> None:
    canvas = events()
    canvas.customer_types[0].set("customer_model.solution", "Paid campaigns, mostly on Facebook and TikTok")
    # "Running Facebook ads themselves" is an existing alternative: Facebook is not ours;
    # TikTok is named nowhere else, so it is taken for ours (a limit the module states).
    assert own_names(canvas) == {"TikTok"}


@pytest.mark.parametrize(("job", "named"), [
    ("Order cakes from Acme", "Acme"), ("Use our app to plan the party", "our app"),
    ("Acme the party", None),  # the first word opens the sentence, capitalised anyway
    ("Reach our target audience more effectively", None), ("Plan a party for Acme staff", "Acme"),
])
def test_job_naming(job: str, named: str | None) -> None:
    assert named_in(job, {"Acme"}) == named


# -- the command line ------------------------------------------------------------------
def test_score_json_lists_checks_and_the_score_is_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            catalog: Catalog) -> None:
    path = tmp_path / "wide.toml"
    canvas = wide_age()
    store.save(canvas, path)
    assert main(["score", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"] == scoring.score(canvas, catalog).score == 100
    assert data["checks"] == [{
        "rule": "broad-age-range", "severity": "warning", "path": "users/university-students",
        "question": "audience.age", "where": "Users › University students · Age range",
        "message": "The age range 21–65 spans 44 years: too many different lives to shape one message.",
        "suggestion": data["checks"][0]["suggestion"],
    }]
    assert main(["score", str(path), "--min", "100"]) == 0  # a finding never fails the threshold


def test_score_table_has_the_coachs_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(EXAMPLES / "draft-bakery.toml")]) == 0
    out = capsys.readouterr().out
    assert "Quality checks" in out and "broad-age-range" in out and "one-stage-only" in out
    path = tmp_path / "clean.toml"
    store.save(fb(), path)
    assert main(["score", str(path)]) == 0
    assert "Quality checks: nothing looks off." in capsys.readouterr().out


# -- the wizard ------------------------------------------------------------------------
async def test_review_lists_the_notes_and_enter_jumps_to_the_question(tmp_path: Path, catalog: Catalog) -> None:
    from textual.widgets import OptionList, Static

    from wizard.tui.app import WizardApp
    from wizard.tui.screens.question import QuestionScreen
    from wizard.tui.screens.review import ReviewScreen

    path = tmp_path / "bakery.toml"
    path.write_bytes((EXAMPLES / "draft-bakery.toml").read_bytes())
    app = WizardApp(path, catalog)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        for _ in range(200):  # the notes are read on a thread and follow the scores
            if review.findings is not None:
                break
            await pilot.pause(0.05)
        notes = review.query_one("#notes", OptionList)
        shown = [str(notes.get_option_at_index(i).prompt) for i in range(notes.option_count)]
        assert len(shown) == 2 and "The age range 25–60 spans 35 years" in shown[0]
        assert "Pains of “Get the cakes for a celebration sorted…”" in shown[1]
        notes.focus()
        notes.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, QuestionScreen)
        assert question.step == Step(("customers", "walk-in-customers"), "audience.age")
        # Beside the question, the same note: what looks off and what to do (the checks run
        # on a thread from the first question on, so the note may follow a moment later).
        for _ in range(160):
            status = str(question.query_one("#status", Static).render())
            if "Coach's check" in status:
                break
            await pilot.pause(0.05)
        assert "Coach's check: The age range 25–60 spans 35 years" in status
        assert "Narrow it" in status
        question.session.commit(question.step, (25, 40))  # as if fixed: the note goes
        question.refresh_status()
        for _ in range(40):  # the checks of a changed canvas run a moment later, on a thread
            await pilot.pause(0.05)
            if "Coach's check" not in str(question.query_one("#status", Static).render()):
                break
        assert "Coach's check" not in str(question.query_one("#status", Static).render())


def test_checks_import_no_textual() -> None:
    import subprocess
    import sys

    code = "import sys, wizard.checks; sys.exit(any(m.split('.')[0] == 'textual' for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@pytest.mark.parametrize(("owner", "fires"), [
    ("The whole team", True), ("everyone", True), ("TBD", True),
    ("The founder", False), ("Sam, our head of product", False),
])
def test_research_owner_must_be_someone(owner: str, fires: bool) -> None:
    canvas = fb()
    canvas.set("research.owner", owner)
    assert any(f.rule == "research-no-owner" for f in checks.run(canvas)) is fires


@pytest.mark.parametrize(("goal", "fires"), [
    ("Learn stuff", True), ("Why do first-year students stop coming back after a week?", False),
])
def test_learning_goal_must_say_something(goal: str, fires: bool) -> None:
    canvas = fb()
    canvas.set("research.learning_goal", goal)
    assert any(f.rule == "research-no-goal" for f in checks.run(canvas)) is fires


def test_no_research_plan_yet_is_for_the_score_not_the_checks() -> None:
    # Owner and goal are required questions: while nothing of the plan exists, the score's
    # "missing" list asks for them, and the checks stay quiet.
    canvas = fb()
    canvas.answers.pop("research")
    assert [f for f in checks.run(canvas) if f.rule.startswith("research")] == []


def test_user_text_in_a_note_is_shown_literally(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    canvas = fb()
    students(canvas).name = "[red]Pupils[/] and teachers"
    path = tmp_path / "markup.toml"
    store.save(canvas, path)
    assert main(["score", str(path)]) == 0
    assert "[red]Pupils[/]" in capsys.readouterr().out


def test_a_rule_that_fails_on_a_canvas_is_said_and_every_other_rule_still_runs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from wizard.checks import registry

    def broken(canvas: Canvas) -> list[registry.Hit]:
        raise KeyError("stage")

    failing = registry.Rule("failing-rule", "A rule with a bug", checks.WARNING, broken)
    canvas = better_results()
    expected = [f.rule for f in checks.run(canvas)]
    found = checks.run(canvas, rules=[failing, *registry.RULES])
    assert [f.rule for f in found if f.rule != "failing-rule"] == expected
    said = [f for f in found if f.rule == "failing-rule"]
    assert len(said) == 1 and said[0].severity == checks.INFO and said[0].location == ()
    assert "A rule with a bug" in said[0].message and "KeyError" in said[0].message
    # The command line says so too, and finishes (no traceback).
    monkeypatch.setattr(registry, "RULES", [failing, *registry.RULES])
    path = tmp_path / "canvas.toml"
    store.save(canvas, path)
    assert main(["score", str(path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["checks"]
    assert [c["rule"] for c in listed if c["rule"] != "failing-rule"] == expected
    assert any(c["rule"] == "failing-rule" and "could not run" in c["message"] for c in listed)
