"""Interviews logged from the wizard (the plain core): the form and its draft, saving, editing,
removing, marks, the marks' text, and links that follow list answers edited in the session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from tests.factory import structure
from wizard.core import evidence, interviews
from wizard.core.interviews import Form
from wizard.core.session import Session, Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.model.evidence import Interview, Link

CATALOG = shipped_catalog()
TODAY = dt.date(2026, 12, 1)
SEGMENT = ("type-0", "seg-0")
PAINS = Step((*SEGMENT, "job-0", "before"), "profile.pains")


def session_at(path: Path) -> Session:
    store.save(structure(1, 1, 1), path)
    return Session(path, store.load(path), CATALOG)


def test_dates_typed_are_read_or_refused_with_what_to_type() -> None:
    assert interviews.parse_date("", TODAY) == TODAY
    assert interviews.parse_date(" Yesterday ", TODAY) == dt.date(2026, 11, 30)
    assert interviews.parse_date("2026-11-03", TODAY) == dt.date(2026, 11, 3)
    with pytest.raises(ValueError, match=r"“3/11” is not a date .* year-month-day, e\.g\. 2026-12-01"):
        interviews.parse_date("3/11", TODAY)
    with pytest.raises(ValueError, match="in the future"):
        interviews.parse_date("2027-01-01", TODAY)
    assert interviews.problems(Form(date="2026-02-30", who="J.M."), TODAY).startswith("Date: “2026-02-30”")
    assert "who it was with" in interviews.problems(Form(date="today"), TODAY)


def test_a_form_round_trips_through_its_draft_and_a_damaged_draft_is_none() -> None:
    form = Form(date="2026-11-03", who="2nd-year student", how="visit", notes="Met at the café", name="Priya",
                quotes=["I never go out", "“Parties” are scary"],
                links=[{"at": "job-0/before", "question": "profile.pains", "item": "Shy", "verdict": "supports",
                        "quote": "I never go out"}])
    assert Form.loads(form.dumps()) == form
    assert Form.loads("not json") is None
    assert Form.loads('{"date": 3}') is None
    assert Form.loads('{"who": "J.M.", "name": ["x"]}') is None
    older = Form.loads('{"date": "2026-11-03", "who": "J.M."}')  # a draft from before names: none
    assert older is not None and older.name == ""
    key = interviews.draft_key(SEGMENT)
    assert interviews.parse_draft_key(key) == (SEGMENT, "")
    assert interviews.parse_draft_key(interviews.draft_key(SEGMENT, "2026-11-03-jm")) == (SEGMENT, "2026-11-03-jm")
    assert interviews.parse_draft_key("type-0/seg-0#profile.pains") is None


def test_saving_editing_and_removing_an_interview_is_saved_to_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    session = session_at(path)
    session.commit(PAINS, ["Knows nobody", "Shy"])
    report = interviews.segment_report(session, SEGMENT)
    assert report is not None
    shy = next(i for i in report.items if i.text == "Shy")
    form = Form.new(TODAY)
    form.who, form.name, form.quotes = "J.M.", " Jo Marsh ", ["I hate walking in alone"]
    form.set_verdict(shy, "supports", "I hate walking in alone")
    saved = interviews.save(session, SEGMENT, form, TODAY)
    assert saved.id == "2026-12-01-j-m"  # the id never holds the name (score --json shows ids)
    assert saved.name == "Jo Marsh"
    on_disk = store.load(path).customer_types[0].segments[0]
    assert [(k.item, k.verdict, k.quote) for k in on_disk.interviews[0].links] == [
        ("Shy", "supports", "I hate walking in alone")]
    # Editing it: the same id, its verdict turned round, nothing doubled.
    again = Form.of(on_disk.interviews[0])
    again.set_verdict(shy, "contradicts")
    again.notes = "Actually likes big groups"
    interviews.save(session, SEGMENT, again, TODAY)
    seg = store.load(path).customer_types[0].segments[0]
    assert len(seg.interviews) == 1 and seg.interviews[0].links[0].verdict == "contradicts"
    assert seg.interviews[0].name == "Jo Marsh"  # kept through an edit
    assert seg.interviews[0].links[0].quote == "I hate walking in alone"  # kept when not re-picked
    items = {i.text: i for i in evidence.evidence(session.canvas, CATALOG).items}
    assert interviews.badge(items["Shy"]) == "✗"
    assert interviews.describe(items["Shy"]) == "contradicted: “I hate walking in alone”"
    # A second interview with the same day and who gets an id of its own.
    form2 = Form.new(TODAY)
    form2.who = "J.M."
    form2.set_verdict(items["Knows nobody"], "supports")
    assert interviews.save(session, SEGMENT, form2, TODAY).id == "2026-12-01-j-m-2"
    items = {i.text: i for i in evidence.evidence(session.canvas, CATALOG).items}
    assert interviews.badge(items["Knows nobody"]) == "✓1"
    assert interviews.remove(session, SEGMENT, "2026-12-01-j-m") is not None
    assert [i.id for i in store.load(path).customer_types[0].segments[0].interviews] == ["2026-12-01-j-m-2"]


def test_marks_toggle_and_win_over_words(tmp_path: Path) -> None:
    session = session_at(tmp_path / "c.toml")
    session.commit(PAINS, ["Shy"])
    (shy,) = interviews.items_of_answer(session, PAINS.location, PAINS.key)
    assert interviews.badge(shy) == "?" and interviews.describe(shy) == "a guess: no interview yet"
    assert interviews.toggle_mark(session, SEGMENT, shy, "paid", TODAY)
    (shy,) = interviews.items_of_answer(session, PAINS.location, PAINS.key)
    assert interviews.badge(shy) == "$"
    assert store.load(session.path).customer_types[0].segments[0].marks[0].kind == "paid"
    assert not interviews.toggle_mark(session, SEGMENT, shy, "paid", TODAY)
    (shy,) = interviews.items_of_answer(session, PAINS.location, PAINS.key)
    assert shy.state == "guess"


def test_a_form_that_cannot_be_saved_says_why_and_changes_nothing(tmp_path: Path) -> None:
    session = session_at(tmp_path / "c.toml")
    with pytest.raises(ValueError, match="Date"):
        interviews.save(session, SEGMENT, Form(date="soon", who="J.M."), TODAY)
    with pytest.raises(ValueError, match="not in the canvas"):
        interviews.save(session, ("type-0", "gone"), Form(date="today", who="J.M."), TODAY)
    assert store.load(session.path).customer_types[0].segments[0].interviews == []


fresh = st.integers(0, 10**6)


class ListEditsKeepLinks(RuleBasedStateMachine):
    """Model: each entry of a list answer has an identity and a link from an interview; the
    session stores every edit the list editor makes (add, reword in place, move, remove)
    and the link of each entry still there names its text, whatever happened around it."""

    @initialize()
    def start(self) -> None:
        import tempfile

        self.folder = tempfile.TemporaryDirectory()
        self.session = session_at(Path(self.folder.name) / "c.toml")
        self.entries: list[tuple[int, str]] = [(0, "first pain"), (1, "second pain")]
        self.next = 2
        self.session.commit(PAINS, [t for _, t in self.entries])
        seg = interviews.segment_at(self.session.canvas, SEGMENT)
        assert seg is not None
        self.segment = seg
        seg.interviews = [Interview(id="a", date=TODAY, links=[
            Link(at="job-0/before", question="profile.pains", item=t, quote=f"quote {n}") for n, t in self.entries])]

    def _store(self) -> None:
        self.session.commit(PAINS, [t for _, t in self.entries])

    @rule(seed=fresh)
    def add(self, seed: int) -> None:
        n, self.next = self.next, self.next + 1
        self.entries.append((n, f"pain {n} {seed}"))
        self._store()
        self.segment.interviews[0].links.append(Link(at="job-0/before", question="profile.pains",
                                                     item=self.entries[-1][1], quote=f"quote {n}"))

    @rule(data=st.data())
    def reword(self, data: st.DataObject) -> None:
        if self.entries:
            i = data.draw(st.integers(0, len(self.entries) - 1))
            n = self.entries[i][0]
            self.entries[i] = (n, f"reworded {self.next} of {n}")
            self.next += 1
            self._store()

    @rule(data=st.data(), delta=st.sampled_from([-1, 1, -3, 2]))
    def move(self, data: st.DataObject, delta: int) -> None:
        if len(self.entries) > 1:
            i = data.draw(st.integers(0, len(self.entries) - 1))
            j = max(0, min(len(self.entries) - 1, i + delta))
            self.entries.insert(j, self.entries.pop(i))
            self._store()

    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        if self.entries:
            del self.entries[data.draw(st.integers(0, len(self.entries) - 1))]
            self._store()

    @invariant()
    def links_name_their_entries(self) -> None:
        if not hasattr(self, "session"):
            return
        by_quote = {k.quote: k.item for k in self.segment.interviews[0].links}
        for n, text in self.entries:
            assert by_quote[f"quote {n}"] == text
        states = {i.text: i.state for i in interviews.items_of_answer(self.session, PAINS.location, PAINS.key)}
        assert states == {text: "supported" for _, text in self.entries}

    def teardown(self) -> None:
        if hasattr(self, "folder"):
            self.session.flush()
            self.folder.cleanup()


ListEditsKeepLinks.TestCase.settings = settings(max_examples=60, stateful_step_count=12, deadline=None)
TestListEditsKeepLinks = ListEditsKeepLinks.TestCase


def test_a_save_that_fails_and_is_tried_again_does_not_log_the_interview_twice(tmp_path: Path) -> None:
    from wizard.files.errors import UserFileError

    session = session_at(tmp_path / "c.toml")
    form = Form(date="today", who="J.M.")
    calls = []

    def failing_save(steps_too: bool = True) -> None:
        calls.append(steps_too)
        raise UserFileError(session.path, "disk full")

    real = session.save_change
    session.save_change = failing_save  # type: ignore[method-assign]
    with pytest.raises(UserFileError):
        interviews.save(session, SEGMENT, form, TODAY)
    session.save_change = real  # type: ignore[method-assign]
    interviews.save(session, SEGMENT, form, TODAY)
    assert [i.id for i in store.load(session.path).customer_types[0].segments[0].interviews] == ["2026-12-01-j-m"]


def test_jobs_keep_their_links_when_renamed_or_moved(tmp_path: Path) -> None:
    store.save(structure(1, 1, 2), tmp_path / "c.toml")
    session = Session(tmp_path / "c.toml", store.load(tmp_path / "c.toml"), CATALOG)
    jobs = Step(SEGMENT, "structure.jobs")
    seg = interviews.segment_at(session.canvas, SEGMENT)
    assert seg is not None
    seg.interviews = [Interview(id="a", date=TODAY, links=[Link(at="job-1", question="")])]
    session.rename_child(jobs, "job-1", "Find a flat before term starts")
    session.move_child(jobs, "job-1", -1)
    report = interviews.segment_report(session, SEGMENT)
    assert report is not None and report.broken == []
    (job,) = [i for i in report.items if i.at == "job-1" and not i.question]
    assert job.text == "Find a flat before term starts" and interviews.badge(job) == "✓1"
