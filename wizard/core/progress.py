"""Where the founder is, in terms they can plan with, and why the score fell when it does.

A count of all steps ("12/80") grows as types, segments and jobs are added, so it says
little: 1/13 on a new canvas, 1/114 once there is a segment. What stays put is the part
of the canvas a question belongs to (a segment, with its jobs; a customer type's own
questions; the whole canvas's), the sections asked there in turn, and how many of its
questions are still open. Plain Python, for any front end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from wizard.core.scoring import Report, Slot
from wizard.core.session import Session, Step
from wizard.model.tree import Location

OPEN = ("open", "partial", "locked")
T = TypeVar("T")


@dataclass(frozen=True)
class Position:
    """One step's place in its part of the canvas."""

    part: str
    """"segment", "customer type" or "canvas"."""
    section: str
    section_number: int
    sections: int
    """The sections asked in this part, in asking order, and which of them this is."""
    question: int
    questions: int
    """This step's number among the part's steps of its section, and how many there are."""
    left: int
    """The part's steps still open (partly answered ones too), this one included."""


def part_of(location: Location) -> Location:
    """A segment holds its jobs and stages; a type's and the canvas's own questions stand alone."""
    return location[:2]


_KEPT: dict[str, tuple[int, object, Any]] = {}


def _kept(name: str, session: Session, source: object, make: Callable[[], T]) -> T:
    """`make()`, kept while the session and `source` are the same objects (one canvas is
    open at a time, so one of each is kept). Holding `source` keeps its id from being reused."""
    held = _KEPT.get(name)
    if held is None or held[0] != id(session) or held[1] is not source:
        held = _KEPT[name] = (id(session), source, make())
    return cast(T, held[2])


def _parts(session: Session) -> dict[Location, list[Step]]:
    """The steps of each part, in asking order; kept while the steps stay the same."""
    steps = session.steps()

    def grouped() -> dict[Location, list[Step]]:
        parts: dict[Location, list[Step]] = {}
        for step in steps:
            parts.setdefault(part_of(step.location), []).append(step)
        return parts

    return _kept("parts", session, steps, grouped)


def position(session: Session, step: Step) -> Position:
    """Where `step` is in its part. Kept while the session's report is the same object: it
    is made anew after any change to the canvas, and the status shown after a save (the
    canvas as it was) would otherwise count the part's open steps again, every answer."""
    at: dict[Step, Position] = _kept("at", session, session.report(), dict)
    found = at.get(step)
    if found is None:
        found = at[step] = _position(session, step)
    return found


def _position(session: Session, step: Step) -> Position:
    steps = _parts(session).get(part_of(step.location), [step])
    sections: list[str] = []
    for other in steps:
        if other.section not in sections:
            sections.append(other.section)
    same = [other for other in steps if other.section == step.section]
    kind = {0: "canvas", 1: "customer type"}.get(len(step.location), "segment")
    return Position(
        part=kind,
        section=session.report().section_titles.get(step.section, step.section),
        section_number=sections.index(step.section) + 1 if step.section in sections else 1,
        sections=len(sections),
        question=same.index(step) + 1 if step in same else 1,
        questions=len(same),
        left=sum(1 for other in steps if session.status(other) in OPEN),
    )


def explain_drop(before: Report, after: Report) -> str:
    """Why the score went from `before`'s down to `after`'s, in a sentence or two."""
    old = {(s.question_id, s.location): s for s in before.slots}
    new = {(s.question_id, s.location): s for s in after.slots}
    added = [s for key, s in new.items() if key not in old]
    lost = [s for key, s in old.items() if key not in new and s.credit > 0]
    cleared = [s for key, s in new.items() if key in old and s.credit < old[key].credit]
    head = f"Score {before.score}% → {after.score}%: "
    if lost or cleared:
        gone = lost + cleared
        if len(gone) == 1:
            what = f"the answer to “{gone[0].title}” ({gone[0].where}) is gone"
        else:
            what = f"{len(gone)} answers are gone, {_places(gone)}"
        return head + what + "."
    if added:
        known = {s.location for s in before.slots}
        places = {s.location for s in added if s.location not in known}
        noun = "question" if len(added) == 1 else "questions"
        if places:
            why = f"what you added brings {len(added)} new {noun} to answer, {_places(added)}"
        else:
            why = f"after that answer {len(added)} more {noun} apply, {_places(added)}"
        return head + why + ". Nothing you answered was lost."
    return head + "an answer counts for less than it did."


def _places(slots: list[Slot]) -> str:
    """Where `slots` are: the part most of them are in, and how many other parts."""
    counts: dict[str, int] = {}
    for slot in slots:
        where = slot.where.split(" › ")
        counts[" › ".join(where[:2])] = counts.get(" › ".join(where[:2]), 0) + 1
    ranked = sorted(counts, key=lambda w: -counts[w])
    more = len(ranked) - 1
    return f"for {ranked[0]}" + (f" and {more} more part{'s' * (more > 1)} of the canvas" if more else "")
