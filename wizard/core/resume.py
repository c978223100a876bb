"""Where a canvas opens again, and what typed before a crash comes back into its boxes.

This reads the session (its steps and answers) and the drafts together, so it lives with
the session, above the drafts file: the drafts module only keeps the texts and the
position, and knows nothing of steps.
"""

from __future__ import annotations

from wizard.core import interviews
from wizard.core.session import Session
from wizard.core.steps import Step
from wizard.files.drafts import Drafts


def resume_at(drafts: Drafts, session: Session) -> Step:
    """Where the canvas opens: where they were typing when the wizard closed (an answer, or
    an interview of that question's segment), else the first question still open, else the last."""
    if drafts.position:
        remembered = Step.from_ref(drafts.position)
        typing = drafts.get(remembered.ref) is not None or _logging_interview(drafts, remembered)
        if typing and session.exists(remembered):
            return remembered
    return session.first_open() or session.steps()[-1]


def _logging_interview(drafts: Drafts, step: Step) -> bool:
    """An interview of the step's segment was being typed (its form is opened from there)."""
    segment = interviews.segment_location(step.location)
    return segment is not None and any(
        (parsed := interviews.parse_draft_key(key)) is not None and parsed[0] == segment for key in drafts.texts)


def recover(drafts: Drafts, session: Session) -> None:
    """Items added before a crash (or before the file was loaded from disk over them) that
    the file does not have come back as the draft of their list, ahead of what was being
    typed there."""
    missing: dict[str, list[str]] = {}
    for key, texts in drafts.unconfirmed().items():
        step = Step.from_ref(key)
        if not session.exists(step):
            continue
        if step.is_structure:
            there = {child.name for child in session.children(step)}
        else:
            value = session.value(step)
            there = set(value) if isinstance(value, list) else set()
        missing[key] = [t for t in texts if t not in there]
    drafts.restore(missing)
