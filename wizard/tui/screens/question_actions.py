"""What the question screen does besides showing a question: jumps and the way back, what it
opens over itself (the review, the finish, the reason a question does not apply) and, in
coach mode, the notes (the session's plan and agenda: coach_session.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from wizard.core.session import Step
from wizard.files.errors import UserFileError
from wizard.tui.key_names import key
from wizard.tui.screens.dialogs import ReasonScreen

if TYPE_CHECKING:
    from wizard.tui.screens.question import QuestionScreen


def jump(screen: QuestionScreen, step: Step) -> None:
    """To `step` from wherever the founder is (the tree, the palette, the review); Ctrl+L
    brings them back."""
    if step != screen.step and not screen.commit():
        return
    if screen.session.exists(step):
        if step != screen.step and screen.was_at is None:
            screen.mark_return(screen.step)
        screen.show(step)


def go_back_to_where_it_was(screen: QuestionScreen) -> None:
    """Ctrl+L: back to the question before going back or jumping."""
    was_at = screen.was_at
    if was_at is None or not screen.commit():
        return
    screen.mark_return(None)
    if screen.session.exists(was_at):
        screen.show(was_at)
    else:
        screen.notify("The question you were at is gone (its type, segment or job was removed).",
                      severity="warning", markup=False)


async def not_applicable(screen: QuestionScreen) -> None:
    """Ctrl+O: mark the question not applicable, with a reason (again: undo it)."""
    step, session = screen.step, screen.session
    question = session.question(step)
    if step.is_structure or question is None:
        screen.notify("Structure cannot be marked not applicable.", severity="warning")
        return
    if question.required:
        screen.notify("This question is required: it always applies.", severity="warning")
        return
    try:
        if session.na_reason(step) is not None:
            session.unmark_na(step)
        else:
            reason = await screen.app.push_screen_wait(ReasonScreen(question.title))
            if reason is None:
                return
            session.mark_na(step, reason)
    except UserFileError as exc:
        screen.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=8)
    screen.refresh_status()


def back_from_a_dialog(screen: QuestionScreen) -> None:
    """The question again, or the first open one if an answer changed there set it aside."""
    session = screen.session
    if not session.exists(screen.step):
        screen.show(session.first_open() or session.steps()[-1])
    else:
        screen.refresh_status()


async def review(screen: QuestionScreen) -> None:
    """Ctrl+R: scores, what is missing and the coach's checks; Enter on a row jumps there."""
    if not screen.commit():
        return
    from wizard.tui.screens.review import ReviewScreen

    choice = await screen.app.push_screen_wait(ReviewScreen(screen.session))
    if choice == "finish":
        screen.action_finish()
    elif isinstance(choice, Step) and screen.session.exists(choice):
        screen.jump(choice)
    else:
        back_from_a_dialog(screen)


async def finish(screen: QuestionScreen) -> None:
    """Ctrl+F: where the file is, what is still open, what to do next."""
    if not screen.commit():
        return
    from wizard.tui.screens.finish import FinishScreen

    screen.refresh_status()
    choice = await screen.app.push_screen_wait(FinishScreen(screen.session, len(screen.drafts.texts)))
    if choice == "go-on":
        first = screen.session.first_open()
        if first is not None:
            screen.jump(first)
    elif choice == "review":
        screen.action_review()
    elif choice == "end-session":
        screen.end_session()
    else:
        back_from_a_dialog(screen)


# -- coach mode ----------------------------------------------------------------------
def tick(screen: QuestionScreen) -> None:
    """Each second: the header, and in coach mode the session's line and the marks."""
    if screen.run is not None:
        screen.refresh_status()
    else:
        screen.show_topbar()


def notes_text(screen: QuestionScreen, step: Step) -> Content:
    from wizard.core import coaching
    from wizard.tui.screens.coach import notes_text  # coach mode only: kept off the start-up path

    return notes_text(coaching.notes_here(screen.session, step), key(screen.app, "note"))


async def note(screen: QuestionScreen) -> None:
    """F2: this session's notes on the question and on its segment."""
    from wizard.tui.screens.coach import edit_notes  # coach mode only: kept off the start-up path

    if screen.run is not None and await edit_notes(screen.app, screen.run, screen.step):
        screen.show(screen.step)
