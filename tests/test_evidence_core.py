"""The evidence core: items of a segment, their states, the evidence score, links kept through edits."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factory import structure
from wizard.core import evidence
from wizard.files.banks import shipped_catalog
from wizard.model.canvas import Canvas, Segment
from wizard.model.evidence import Interview, Link, Mark

CATALOG = shipped_catalog()
DAY = dt.date(2026, 11, 3)


def _canvas() -> tuple[Canvas, Segment]:
    canvas = structure()
    segment = canvas.customer_types[0].segments[0]
    job = segment.jobs[0]
    segment.set("customer_model.early_adopters", "Students who organise parties")
    segment.set("audience.age", (18, 24))
    segment.set("research.description", "student")  # not testable: names the segment
    job.before.set("profile.pains", ["Knows nobody", "Shy"])
    job.during.set("profile.gains", ["New friends"])
    return canvas, segment


def _link(at: str, question: str, item: str = "", verdict: str = "supports") -> Link:
    return Link(at=at, question=question, item=item, verdict=verdict)  # type: ignore[arg-type]


def test_every_testable_answer_is_an_item_and_starts_as_a_guess() -> None:
    canvas, segment = _canvas()
    job = segment.jobs[0].id
    report = evidence.evidence(canvas, CATALOG)
    items = {(i.at, i.question, i.text): i.state for i in report.items}
    assert items == {
        ("", "customer_model.early_adopters", "Students who organise parties"): "guess",
        ("", "audience.age", "18-24 years"): "guess",
        (job, "", segment.jobs[0].statement): "guess",
        (f"{job}/before", "profile.pains", "Knows nobody"): "guess",
        (f"{job}/before", "profile.pains", "Shy"): "guess",
        (f"{job}/during", "profile.gains", "New friends"): "guess",
    }
    assert report.overall == 0 and report.interviews == 0
    weights = [i.weight for i in report.untested()]
    assert weights == sorted(weights, reverse=True)


def test_interviews_and_marks_move_items_from_guess_to_evidence() -> None:
    canvas, segment = _canvas()
    job = segment.jobs[0].id
    segment.interviews = [
        Interview(id="a", date=DAY, links=[_link(f"{job}/before", "profile.pains", "Shy"),
                                           _link("", "customer_model.early_adopters")]),
        Interview(id="b", date=DAY, links=[_link(f"{job}/before", "profile.pains", "Shy", "contradicts"),
                                           _link(f"{job}/during", "profile.gains", "New friends")]),
    ]
    segment.marks = [Mark(at=f"{job}/during", question="profile.gains", item="New friends", kind="paid")]
    states = {i.text: i.state for i in evidence.evidence(canvas, CATALOG).items}
    assert states["Shy"] == "contradicted"  # one each way: contradicted until more support it
    assert states["Students who organise parties"] == "supported"
    assert states["New friends"] == "paid"
    assert states["Knows nobody"] == "guess"
    report = evidence.evidence(canvas, CATALOG)
    assert 0 < report.overall < 100
    assert [i.text for i in report.contradicted()] == ["Shy"]
    assert report.broken == []


def test_a_link_to_an_item_no_longer_there_is_broken_not_dropped() -> None:
    canvas, segment = _canvas()
    job = segment.jobs[0].id
    segment.interviews = [Interview(id="a", date=DAY, links=[_link(f"{job}/before", "profile.pains", "Lonely"),
                                                             _link("gone-job", "")])]
    report = evidence.evidence(canvas, CATALOG)
    assert [b.target.item for b in report.broken] == ["Lonely", ""]
    assert segment.interviews[0].links  # still in the canvas


def test_a_whole_answer_keeps_its_links_when_it_is_reworded() -> None:
    canvas, segment = _canvas()
    segment.interviews = [Interview(id="a", date=DAY, links=[_link("", "customer_model.early_adopters")])]
    segment.set("customer_model.early_adopters", "Party organisers in their first year")
    (item,) = [i for i in evidence.evidence(canvas, CATALOG).items if i.question == "customer_model.early_adopters"]
    assert item.state == "supported"


entry = st.text(alphabet="abcdefgh ", min_size=1, max_size=6).filter(lambda t: t.strip() == t and t)


@settings(max_examples=200, deadline=None)
@given(before=st.lists(entry, min_size=1, max_size=5, unique=True), data=st.data())
def test_links_follow_entries_through_rewording_and_reordering(before: list[str], data: st.DataObject) -> None:
    """Model: each linked entry has an identity; after an edit that keeps it (moved) or rewrites
    it in place, its link names its new text; an entry deleted keeps a link that is broken."""
    canvas, segment = _canvas()
    at = f"{segment.jobs[0].id}/before"
    segment.jobs[0].before.set("profile.pains", before)
    segment.interviews = [Interview(id="a", date=DAY, links=[_link(at, "profile.pains", e) for e in before])]
    edit = data.draw(st.sampled_from(["reorder", "reword", "delete"]))
    after = list(before)
    expected = {e: e for e in before}  # original entry -> where its link should point
    if edit == "reorder":
        after = data.draw(st.permutations(before))
    elif edit == "reword":
        i = data.draw(st.integers(0, len(before) - 1))
        new = data.draw(entry.filter(lambda t: t not in before))
        after[i] = new
        expected[before[i]] = new
    else:
        i = data.draw(st.integers(0, len(before) - 1))
        del after[i]
    segment.jobs[0].before.set("profile.pains", after)
    evidence.follow_list_edit(segment, at, "profile.pains", before, after)
    pointed = [link.item for link in segment.interviews[0].links]
    assert pointed == [expected[e] for e in before]
    report = evidence.evidence(canvas, CATALOG)
    supported = {i.text for i in report.items if i.question == "profile.pains" and i.state == "supported"}
    assert supported == set(after)
    assert len(report.broken) == (1 if edit == "delete" else 0)
