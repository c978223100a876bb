"""Completeness scoring: empty is 0, full is 100, removing an answer never raises it."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import fill, full_answer, full_canvas, structure
from wizard.core import scoring
from wizard.model.bank import Kind, Scope
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog
from wizard.model.tree import walk


def test_empty_canvas_scores_zero(catalog: Catalog) -> None:
    report = scoring.score(Canvas(), catalog)
    assert report.score == 0
    assert all(t.score == 0 for t in report.sections.values())


def test_structure_without_answers_scores_little(catalog: Catalog) -> None:
    report = scoring.score(structure(2, 2, 2), catalog)
    assert 0 < report.score < 15  # structure alone is only a few slots


def test_full_canvas_scores_100(catalog: Catalog) -> None:
    report = scoring.score(full_canvas(catalog, types=2, segments=2, jobs=2), catalog)
    assert report.score == 100
    assert report.missing() == []
    assert all(t.score == 100 for t in report.sections.values() if t.possible)
    assert all(t.score == 100 for t in report.segments.values())


def test_a_type_without_segment_or_job_is_missing_structure(catalog: Catalog) -> None:
    canvas = full_canvas(catalog)
    canvas.customer_types[0].segments[0].jobs.clear()
    report = scoring.score(canvas, catalog)
    assert report.score < 100
    assert "structure.job" in [m.slot.question_id for m in report.missing()]


def test_not_applicable_leaves_the_denominator(catalog: Catalog) -> None:
    canvas = full_canvas(catalog)
    optional = next(e for e in catalog.at_scope(scoring.Scope.SEGMENT) if not e.question.required)
    segment = canvas.customer_types[0].segments[0]
    segment.set(optional.full_id, None)
    assert scoring.score(canvas, catalog).score < 100
    segment.mark_na(optional.full_id, "does not apply here")
    assert scoring.score(canvas, catalog).score == 100


def test_required_questions_cannot_be_skipped_by_marking(catalog: Catalog) -> None:
    canvas = full_canvas(catalog)
    required = next(e for e in catalog.at_scope(scoring.Scope.SEGMENT) if e.question.required)
    segment = canvas.customer_types[0].segments[0]
    segment.set(required.full_id, None)
    segment.mark_na(required.full_id)
    assert scoring.score(canvas, catalog).score < 100


def test_list_items_earn_credit_up_to_the_recommended_count(catalog: Catalog) -> None:
    pains = catalog.get("profile.pains")
    assert pains is not None and pains.question.recommended_items >= 2
    q = pains.question
    assert scoring.credit(q, ["one"]) == 1 / q.recommended_items
    assert scoring.credit(q, [f"p{i}" for i in range(q.recommended_items + 5)]) == 1


def test_stages_count_separately(catalog: Catalog) -> None:
    canvas = full_canvas(catalog)
    job = canvas.customer_types[0].segments[0].jobs[0]
    job.during.set("profile.pains", None)
    missing = [(m.slot.question_id, m.slot.location[-1]) for m in scoring.score(canvas, catalog).missing()]
    assert missing == [("profile.pains", "during")]


def test_missing_is_ordered_by_gain(catalog: Catalog) -> None:
    report = scoring.score(structure(1, 1, 1), catalog)
    gains = [m.gain for m in report.missing()]
    assert gains == sorted(gains, reverse=True)
    assert gains[0] > gains[-1]


def test_undecided_condition_earns_nothing_until_decided(catalog: Catalog) -> None:
    canvas = full_canvas(catalog)
    segment = canvas.customer_types[0].segments[0]
    segment.set("audience.b2b_b2c", None)
    report = scoring.score(canvas, catalog)
    locked = [s for s in report.slots if s.status == "locked"]
    assert locked and all(s.credit == 0 for s in locked)


# -- the monotonic property, over random canvases ------------------------------------------

def _answer_sites(canvas: Canvas) -> list[tuple[int, str, int | None]]:
    """(node index, question id, list item index or None) for every answer present."""
    sites: list[tuple[int, str, int | None]] = []
    for n, place in enumerate(walk(canvas)):
        for bank_id, answers in place.node.answers.items():
            for qid, value in answers.items():
                sites.append((n, f"{bank_id}.{qid}", None))
                if isinstance(value, list):
                    sites += [(n, f"{bank_id}.{qid}", i) for i in range(len(value))]
    return sites


@st.composite
def partial_canvases(draw: st.DrawFn, catalog: Catalog) -> Canvas:
    canvas = structure(draw(st.integers(0, 2)), draw(st.integers(0, 2)), draw(st.integers(0, 2)))
    for place in walk(canvas):
        for entry in catalog.at_scope(place.scope):
            q = entry.question
            if draw(st.booleans()):
                continue
            value = full_answer(q, draw(st.integers(0, 10)))
            if q.kind is Kind.LIST or (q.kind.has_choices and isinstance(value, list)):
                value = value[: draw(st.integers(0, len(value)))]  # type: ignore[index]
            place.node.set(entry.full_id, value)
            if not q.required and draw(st.integers(0, 9)) == 0:
                place.node.mark_na(entry.full_id)
    return canvas


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_removing_any_answer_never_raises_the_score(catalog: Catalog, data: st.DataObject) -> None:
    canvas = data.draw(partial_canvases(catalog))
    before = scoring.score(canvas, catalog)
    sites = _answer_sites(canvas)
    if not sites:
        return
    node_index, full_id, item = data.draw(st.sampled_from(sites))
    changed = copy.deepcopy(canvas)
    node = list(walk(changed))[node_index].node
    # Remove at the data level: `Node.set` would also lift a not-applicable mark, which is
    # answering the question again rather than removing an answer.
    bank_id, qid = full_id.split(".", 1)
    if item is None:
        del node.answers[bank_id][qid]
    else:
        value = node.answers[bank_id][qid]
        assert isinstance(value, list)
        node.answers[bank_id][qid] = value[:item] + value[item + 1 :]
    after = scoring.score(changed, catalog)
    assert after.overall.earned / (after.overall.possible or 1) <= before.overall.earned / (
        before.overall.possible or 1) + 1e-9
    assert after.score <= before.score


@settings(max_examples=25, deadline=None)
@given(types=st.integers(1, 2), segments=st.integers(1, 2), jobs=st.integers(1, 2))
def test_any_fully_answered_structure_scores_100(catalog: Catalog, types: int, segments: int, jobs: int) -> None:
    assert scoring.score(fill(structure(types, segments, jobs), catalog), catalog).score == 100


def _added_slot_by_slot(report: scoring.Report) -> dict[str, object]:
    """The tallies as their definition says: Tally.add over the slots in asking order."""
    overall = scoring.Tally()
    sections = {k: scoring.Tally() for k in report.sections}
    segments = {k: scoring.Tally() for k in report.segments}
    for slot in report.slots:
        overall.add(slot)
        sections[slot.section].add(slot)
        if slot.location[:2] in segments:
            segments[slot.location[:2]].add(slot)
    return {"overall": overall, "sections": sections, "segments": segments}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_tally_is_its_slots_added_in_asking_order_to_the_last_digit(catalog: Catalog,
                                                                          data: st.DataObject) -> None:
    # The score is summed node by node from what is kept of each node; a sum in another order
    # can differ in its last digits, and `score --json` prints them, so a file rescored after
    # an edit would show a different figure than the same file scored fresh.
    canvas = data.draw(partial_canvases(catalog))
    for report in (scoring.score(canvas, catalog), scoring.score(canvas, catalog)):  # fresh, then kept
        assert {"overall": report.overall, "sections": report.sections,
                "segments": report.segments} == _added_slot_by_slot(report)
        assert [s for node in report.by_node for s in node] == report.slots


def test_a_nodes_slots_are_the_same_list_while_it_is_unchanged(catalog: Catalog) -> None:
    # The sidebar keeps its marks by these lists' identity (wizard/tui/widgets/nav.py).
    canvas = full_canvas(catalog, types=1, segments=2, jobs=1)
    before = scoring.score(canvas, catalog)
    segment = canvas.customer_types[0].segments[1]
    segment.set(catalog.at_scope(Scope.SEGMENT)[0].full_id, "a new answer")
    after = scoring.score(canvas, catalog)
    kept = [a is b for a, b in zip(before.by_node, after.by_node, strict=True)]
    changed = [i for i, same in enumerate(kept) if not same]
    locations = [node[0].location for node in after.by_node if node]
    assert len(changed) == 1 and after.by_node[changed[0]][0].location == (
        canvas.customer_types[0].id, segment.id), locations
