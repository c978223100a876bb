"""A coach session's plan: the split of the time over the sections, re-planning part way
through, and the section ids a command line may name (the arithmetic, model-based)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from wizard.core import coach_plan
from wizard.core.coach_plan import Plan, SectionInfo, UnknownSections

INFOS = [
    SectionInfo("structure", "Structure", 10, 0.0),
    SectionInfo("segment_questions", "The four segment questions", 10, 0.5),
    SectionInfo("audience", "Who they are", 15, 1.0),
    SectionInfo("profile", "Customer profile", 20, 0.75),
    SectionInfo("market", "Market", 5, 0.2),
]
IDS = [i.id for i in INFOS]


def test_the_time_goes_by_planned_minutes_and_what_is_still_open() -> None:
    plan = Plan.make(45, ["segment_questions", "audience", "profile"], INFOS)
    # weights 10 x 0.5, 15 x 1, 20 x 0.75: 5, 15, 15 of 35, so 6.4, 19.3 and 19.3 minutes;
    # the minute left over goes to the largest remainder
    assert plan.allot == {"segment_questions": 7 * 60, "audience": 19 * 60, "profile": 19 * 60}
    assert sum(plan.allot.values()) == 45 * 60
    assert coach_plan.still_open(INFOS) == ["segment_questions", "audience", "profile", "market"]
    assert coach_plan.planned_minutes(INFOS, coach_plan.still_open(INFOS)) == 50


def test_a_complete_section_chosen_still_gets_a_little_time() -> None:
    plan = Plan.make(30, ["structure", "audience"], INFOS)
    assert 0 < plan.allot["structure"] < plan.allot["audience"]
    every_one_done = [SectionInfo(i.id, i.title, i.planned, 0.0) for i in INFOS]
    assert coach_plan.still_open(every_one_done) == IDS, "nothing open: every section is offered"


def test_section_ids_from_a_command_line() -> None:
    valid = {i.id: i.title for i in INFOS}
    assert coach_plan.resolve([" Audience", "segment_questions", "audience"], valid) == ["segment_questions",
                                                                                          "audience"]
    with pytest.raises(UnknownSections) as caught:
        coach_plan.resolve(["audience", "segments", "pains"], valid)
    message = str(caught.value)
    assert "unknown sections 'segments', 'pains'" in message
    assert all(sid in message for sid in IDS) and "Who they are" in message, "it names the valid ones"


weights = st.dictionaries(st.sampled_from(IDS), st.floats(0, 100), min_size=1)


@given(st.integers(0, 36_000), weights)
def test_a_split_adds_up_and_is_fair(seconds: int, shares: dict[str, float]) -> None:
    got = coach_plan.split(seconds, shares)
    assert set(got) == set(shares) and all(v >= 0 for v in got.values())
    assert sum(got.values()) == seconds
    unit = 60 if seconds % 60 == 0 else 1
    total = sum(shares.values())
    for key, weight in shares.items():
        exact = seconds * (weight / total if total else 1 / len(shares))
        assert abs(got[key] - exact) < unit + 1e-6 * seconds, (key, got, exact)


class Session(RuleBasedStateMachine):
    """A session as a coach runs it: time on sections, in and out of the plan, re-plans."""

    def __init__(self) -> None:
        super().__init__()
        self.spent: dict[str, int] = {}
        self.plan: Plan | None = None
        self.planned_at = 0
        """Seconds spent when the plan was last made."""

    @property
    def elapsed(self) -> int:
        return sum(self.spent.values())

    @rule(minutes=st.integers(1, 180), chosen=st.lists(st.sampled_from(IDS), min_size=1, unique=True))
    def plan_or_replan(self, minutes: int, chosen: list[str]) -> None:
        before = dict(self.spent)
        self.plan = Plan.make(minutes, chosen, INFOS, self.spent)
        self.planned_at = self.elapsed
        left = max(minutes * 60 - self.elapsed, 0)
        lefts = {s: self.plan.section_left(s, before.get(s, 0)) for s in self.plan.sections}
        assert sum(v or 0 for v in lefts.values()) == left, "what is left of the session is shared out, all of it"
        assert all(v is not None and v >= 0 for v in lefts.values())
        assert self.plan.sections == tuple(s for s in dict.fromkeys(chosen))

    @rule(section=st.sampled_from(IDS), seconds=st.integers(1, 1200))
    def spend(self, section: str, seconds: int) -> None:
        left = self.plan.section_left(section, self.spent.get(section, 0)) if self.plan else None
        self.spent[section] = self.spent.get(section, 0) + seconds
        if self.plan is not None and left is not None:
            assert self.plan.section_left(section, self.spent[section]) == left - seconds

    @precondition(lambda self: self.plan is not None)
    @invariant()
    def the_plan_adds_up(self) -> None:
        # Re-planned at some moment: its total is the session's length, or the time spent then
        # when the session was already over; time spent after that is not in it.
        assert self.plan is not None
        assert sum(self.plan.allot.values()) == max(self.plan.seconds, self.planned_at)
        assert all(v >= 0 for v in self.plan.allot.values())

    @precondition(lambda self: self.plan is not None)
    @rule(minutes=st.integers(1, 180))
    def replan_same_sections(self, minutes: int) -> None:
        assert self.plan is not None
        self.plan = Plan.make(minutes, self.plan.sections, INFOS, self.spent)
        self.planned_at = self.elapsed
        assert sum(self.plan.allot.values()) == max(minutes * 60, self.elapsed)
        assert all(self.plan.allot[s] >= t for s, t in self.spent.items() if t > 0), "spent time stays spent"


TestSession = Session.TestCase
TestSession.settings = settings(max_examples=60, stateful_step_count=25, deadline=None)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wizard", *args], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, check=False, timeout=60)


def test_the_plan_on_the_command_line_and_its_usage_errors(tmp_path: Path) -> None:
    canvas = tmp_path / "c.toml"
    alone = run_cli("--minutes", "45", str(canvas))
    assert alone.returncode == 2 and "--minutes plans a coach session: add --coach" in alone.stderr
    both = run_cli("--sections", "audience", "--minutes", "45", str(canvas))
    assert both.returncode == 2 and "--minutes and --sections plan a coach session" in both.stderr
    zero = run_cli("--coach", "--minutes", "0", str(canvas))
    assert zero.returncode == 2 and "a session of 1 to 600 minutes, not 0" in zero.stderr
    unknown = run_cli("--coach", "--minutes", "45", "--sections", "audience,pains", str(canvas))
    assert unknown.returncode == 2 and "--sections: unknown section 'pains'; the sections are: structure" in \
        unknown.stderr
    assert "audience (Who they are)" in unknown.stderr and "Traceback" not in unknown.stderr
    empty = run_cli("--coach", "--sections", " , ", str(canvas))
    assert empty.returncode == 2 and "name at least one section" in empty.stderr
    fine = run_cli("--coach", "--minutes", "45", "--sections", "Audience", str(canvas))
    assert fine.returncode == 2 and "no terminal" in fine.stderr, "accepted: it only wants a terminal"
    assert not canvas.exists()
