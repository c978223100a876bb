"""Scoring and the checks again after edits: what they reuse gives what a fresh run gives.

`scoring.score` keeps each node's slots per canvas (wizard.model.memo) and the checks
remember what each text was judged; a stale result would show the founder a score or a
coach's note about answers they have since changed.
"""

from __future__ import annotations

import copy
from dataclasses import asdict
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import full_answer, full_canvas, structure
from wizard import checks
from wizard.core import progress, scoring
from wizard.core.session import Session
from wizard.core.steps import walk_steps
from wizard.files import store
from wizard.model.canvas import Canvas, Job, Segment
from wizard.model.catalog import Catalog
from wizard.model.tree import walk

TEXTS = ["everyone", "All kinds of people", "first-year students in halls", "Acme", "better results",
         "doing nothing", "Students and teachers", "", "saves two evenings a month", "parents aged 20 to 60"]


def report_facts(report: scoring.Report) -> dict[str, Any]:
    return {"overall": asdict(report.overall), "sections": {k: asdict(v) for k, v in report.sections.items()},
            "segments": {k: asdict(v) for k, v in report.segments.items()},
            "names": report.segment_names, "slots": report.slots, "missing": report.missing()}


def fresh(canvas: Canvas) -> Canvas:
    return copy.deepcopy(canvas)  # a new canvas object: nothing is remembered for it


def edit(canvas: Canvas, catalog: Catalog, data: st.DataObject) -> None:
    """One change of the kinds the wizard makes, or a test makes behind the model's back."""
    places = list(walk(canvas))
    place = data.draw(st.sampled_from(places))
    node = place.node
    entries = catalog.at_scope(place.scope)
    kind = data.draw(st.sampled_from(["answer", "text", "clear", "na", "unmark", "in-place", "add", "remove",
                                      "rename", "paste"]))
    entry = data.draw(st.sampled_from(entries)) if entries else None
    if kind == "answer" and entry is not None:
        node.set(entry.full_id, full_answer(entry.question, data.draw(st.integers(0, 5))))
    elif kind == "text" and entry is not None:
        value = data.draw(st.sampled_from(TEXTS))
        node.set(entry.full_id, [value] if entry.question.kind.is_list else value)
    elif kind == "clear" and entry is not None:
        node.set(entry.full_id, None)
    elif kind == "na" and entry is not None:
        node.mark_na(entry.full_id, "not here")
    elif kind == "unmark" and entry is not None:
        node.unmark_na(entry.full_id)
    elif kind == "in-place" and node.answers:
        bank = data.draw(st.sampled_from(sorted(node.answers)))
        qid = data.draw(st.sampled_from(sorted(node.answers[bank])))
        value = node.answers[bank][qid]
        if isinstance(value, list) and value:
            value.pop()  # the list itself changes: nothing new to compare identities with
        else:
            del node.answers[bank][qid]
    elif kind == "add" and isinstance(node, Segment):
        node.jobs.append(Job(id=f"new-{len(node.jobs)}-{data.draw(st.integers(0, 99))}", statement="Get it done"))
    elif kind == "remove" and isinstance(node, Segment) and node.jobs:
        node.jobs.pop(0)
    elif kind == "rename" and isinstance(node, Segment):
        node.name = data.draw(st.sampled_from([t for t in TEXTS if t]))
    elif kind == "rename" and isinstance(node, Job):
        node.statement = data.draw(st.sampled_from([t for t in TEXTS if t]))
    elif kind == "paste" and isinstance(node, Job):
        # A pain pasted, in place, into another stage's list: the job's own rules must see it.
        pains = [p for stage in ("before", "during", "after") for p in node.stage(stage).get("profile.pains") or []]
        stage = node.stage(data.draw(st.sampled_from(["before", "during", "after"])))
        stage.answers.setdefault("profile", {}).setdefault("pains", []).append(
            data.draw(st.sampled_from(pains)) if pains else "waits an hour on the phone to book")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), filled=st.booleans())
def test_after_any_edits_score_and_checks_equal_a_fresh_run(catalog: Catalog, data: st.DataObject,
                                                           filled: bool) -> None:
    canvas = full_canvas(catalog, types=2, segments=2, jobs=1) if filled else structure(2, 2, 1)
    scoring.score(canvas, catalog)
    checks.run(canvas, catalog)
    for _ in range(data.draw(st.integers(1, 8))):
        edit(canvas, catalog, data)
        again = fresh(canvas)
        assert report_facts(scoring.score(canvas, catalog)) == report_facts(scoring.score(again, catalog))
        assert checks.run(canvas, catalog) == checks.run(again, catalog)


def test_what_the_checks_say_of_a_renamed_segment_or_a_restated_job_is_said_again(catalog: Catalog) -> None:
    """The findings kept per segment and per job come from their names too: a segment renamed
    to an age span is flagged at once, and a job's finding quotes its new statement."""
    canvas = structure(1, 1, 1)
    segment = canvas.customer_types[0].segments[0]
    job = segment.jobs[0]
    job.before.set("profile.pains", ["waits an hour on the phone to book"])
    checks.run(canvas, catalog)  # the first run keeps nothing (checks/per_node.py); the second does
    before = checks.run(canvas, catalog)
    assert not [f for f in before if f.rule == "broad-age-range"]
    assert any(f.rule == "one-stage-only" and "Get job 0 done" in f.message for f in before)
    segment.name = "Parents aged 20 to 60"
    job.statement = "Book a repair"
    after = checks.run(canvas, catalog)
    assert after == checks.run(fresh(canvas), catalog)
    assert [f.rule for f in after if f.location == ("type-0",)] == ["broad-age-range"]
    assert any(f.rule == "one-stage-only" and "Book a repair" in f.message for f in after)


def test_a_changed_deciding_answer_further_up_rescores_the_nodes_below(catalog: Catalog) -> None:
    # "How many" of a customer type decides whether its segments are asked for early adopters.
    canvas = full_canvas(catalog, types=1, segments=2, jobs=1)
    ctype = canvas.customer_types[0]
    before = scoring.score(canvas, catalog)
    asked = {s.location for s in before.slots if s.question_id == "customer_model.early_adopters"}
    assert asked == {("type-0", "seg-0"), ("type-0", "seg-1")}
    ctype.set("customer_model.size", "one")
    after = scoring.score(canvas, catalog)
    assert not any(s.question_id == "customer_model.early_adopters" for s in after.slots)
    assert report_facts(after) == report_facts(scoring.score(fresh(canvas), catalog))


def test_a_score_belongs_to_its_catalog(catalog: Catalog) -> None:
    canvas = full_canvas(catalog)
    assert scoring.score(canvas, catalog).score == 100
    fewer = Catalog(catalog.banks[:1])
    assert {s.section for s in scoring.score(canvas, fewer).slots} <= {"structure", fewer.banks[0].id}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_wizards_steps_after_answers_and_marks_equal_a_fresh_walk(catalog: Catalog, data: st.DataObject,
                                                                     tmp_path_factory: pytest.TempPathFactory) -> None:
    """The session keeps its steps across answers that decide no condition: the next
    question and the "12/80" count must still be those of the canvas as it is now."""
    path = tmp_path_factory.mktemp("steps") / "c.toml"
    store.save(structure(2, 2, 1), path)
    session = Session.open(path, catalog)
    try:
        for _ in range(data.draw(st.integers(1, 10))):
            steps = [s for s in session.steps() if not s.is_structure]
            step = data.draw(st.sampled_from(steps))
            question = session.question(step)
            assert question is not None
            action = data.draw(st.sampled_from(["answer", "clear", "na", "unmark"]))
            if action == "answer":
                session.commit(step, full_answer(question, data.draw(st.integers(0, 5))))
            elif action == "clear":
                session.commit(step, None)
            elif action == "na" and not question.required:
                session.mark_na(step, "not here")
            elif action == "unmark":
                session.unmark_na(step)
            walked = walk_steps(session.canvas, catalog)
            assert session.steps() == walked
            # Where a question is and how many of its part are left, as the top of the screen says.
            shown = [s for s in walked if not s.is_structure][:: max(1, len(walked) // 12)]
            assert [progress.position(session, s) for s in shown] == [progress._position(session, s) for s in shown]
            assert [session.index(s) for s in walked] == list(range(len(walked)))
    finally:
        session.close()


def sidebar_tallies(report: scoring.Report) -> dict[object, tuple[int, float, int]]:
    """The sidebar's tallies as defined: every slot counts towards its own line (a stage's,
    its job's: lines go three deep), each line above it and the customer types; the
    canvas's own slots towards their section's line."""
    out: dict[object, list[float]] = {}
    for slot in report.slots:
        if slot.question_id == "structure.customer_type":
            keys: list[object] = ["types"]
        elif not slot.location:
            keys = [("#", slot.section)]
        else:
            keys = [slot.location[:n] for n in range(1, min(len(slot.location), 3) + 1)] + ["types"]
        for key in keys:
            t = out.setdefault(key, [0, 0.0, 0])
            t[0], t[1], t[2] = t[0] + 1, t[1] + slot.credit, t[2] + (slot.credit >= 1)
    return {k: (int(t[0]), round(t[1], 9), int(t[2])) for k, t in out.items()}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), filled=st.booleans())
def test_after_any_edits_the_sidebars_marks_equal_a_fresh_count(catalog: Catalog, data: st.DataObject,
                                                               filled: bool) -> None:
    # The sidebar keeps each node's tallies while scoring hands back the same slots for it;
    # a stale one would leave a segment marked done after its answer was cleared.
    from wizard.tui.widgets.nav import _tallies

    canvas = full_canvas(catalog, types=2, segments=2, jobs=1) if filled else structure(2, 2, 1)
    kept: dict[int, Any] = {}
    _tallies(scoring.score(canvas, catalog), kept)
    for _ in range(data.draw(st.integers(1, 8))):
        edit(canvas, catalog, data)
        report = scoring.score(canvas, catalog)
        found = _tallies(report, kept)
        assert {k: (int(t[0]), round(t[1], 9), int(t[2])) for k, t in found.items()} == sidebar_tallies(report)
        assert len(kept) == len(report.by_node)  # the nodes gone are forgotten
