"""Saving what the answer box holds: the answer into the canvas, what is typed and not added yet into the drafts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wizard.files.errors import UserFileError
from wizard.tui.widgets.structure_field import StructureField

if TYPE_CHECKING:
    from wizard.tui.screens.question import QuestionScreen


def commit(screen: QuestionScreen, typed: str = "") -> bool:
    """Save what the field holds; False (and a message) when it cannot be saved.

    `typed`: text that just went from its box into the answer (an item added). It, or an
    item typed and not added yet, stays in the drafts until the answer is on disk."""
    field = screen.field
    if field is None:
        return True
    if isinstance(field, StructureField):
        return field.take_typed()
    problem = field.error()
    if problem:
        screen.notify(problem, severity="warning", markup=False)
        return False
    pending = "" if typed else field.pending()  # an item just added: the box is the next one's
    try:
        screen.session.commit(screen.step, field.with_pending() if pending else field.value())
    except (UserFileError, ValueError) as exc:
        screen.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=8)
        screen.show_topbar()  # the change may be in the canvas but not in the file
        if typed:
            field.give_back(screen.session.value(screen.step), typed)
        return False
    ref = screen.step.ref
    if typed or pending:
        if pending:
            field.take_pending()
        for text in filter(None, (typed, pending)):
            screen.drafts.added(ref, text)
        screen.drafts.put(ref, field.draft())
    else:
        screen.drafts.committed(ref)
    screen.drafts.settle(screen.session.unsaved)
    return True
