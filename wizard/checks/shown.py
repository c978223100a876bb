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

from wizard.checks.registry import Finding, for_step
from wizard.core.session import Session, Step

IN = frozenset({"answered", "partial", "na"})


def ready(finding: Finding, session: Session, here: Step) -> bool:
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


def shown_at(findings: Iterable[Finding], session: Session, step: Step) -> list[Finding]:
    """The findings the wizard shows beside `step`: aimed at it, and ready."""
    return [f for f in for_step(findings, step.location, step.key) if ready(f, session, step)]


def warm() -> None:
    """Load the language libraries the rules use (about half a second, once per process):
    on the wizard's checks thread before its first run, or before `report` forks workers."""
    from wizard.checks import language

    language.warm()
