"""When the wizard shows a finding: beside its question, once the answers it was drawn from are in.

A rule reads a canvas as it stands, half-filled or not: "pains only before the job" is
true of every job whose "during" has not been asked yet. The wizard must not say so then.
Each finding names the other answers it reads (`Finding.reads`); beside a question it
shows only once each of them is in: answered, marked not applicable, or already passed by
(asked earlier in the wizard's order, so the founder has had the chance). The question
the finding is aimed at is where the fix is made, and need not be in.

`score`, `report` and the review list every finding: they describe the file as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from wizard.core.session import Session, Step
from wizard.model.tree import Location

IN = frozenset({"answered", "partial", "na"})


class Aimed(Protocol):
    """What this module reads of a finding (wizard/checks/registry.py's `Finding`): the
    core and the checks import nothing of each other, so the type is said by its shape."""

    @property
    def location(self) -> Location: ...
    @property
    def question(self) -> str | None: ...
    @property
    def reads(self) -> tuple[tuple[Location, str], ...]: ...


F = TypeVar("F", bound=Aimed)


def ready(finding: Aimed, session: Session, here: Step) -> bool:
    """Whether every answer the finding reads is in, seen from the step `here`."""
    position = session.index(here)
    for location, key in finding.reads:
        step = Step(location, key)
        index = session.index(step)
        if index < 0 or index < position:
            continue  # not asked of this canvas (a condition is false), or passed by
        try:
            if session.status(step) in IN:
                continue
        except KeyError:
            continue  # the place is gone: nothing left to wait for
        return False
    return True


def shown_at(findings: Iterable[F], session: Session, step: Step) -> list[F]:
    """The findings the wizard shows beside `step`: aimed at it, and ready."""
    return [f for f in findings
            if f.location == step.location and f.question == step.key and ready(f, session, step)]
