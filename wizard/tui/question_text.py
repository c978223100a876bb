"""The words around a question: its prompt, where it is, its section's intro, the top bar."""

from __future__ import annotations

from textual.content import Content

from wizard.core.progress import position
from wizard.core.session import Session, Step
from wizard.files.editing import SaveState
from wizard.model.bank import Scope
from wizard.model.structure import STRUCTURE_PROMPTS, STRUCTURE_SECTION, TYPES
from wizard.tui.screen_text import STAGE_WORDS, progress_line, saved_when, topbar_line, types_line, where_line
from wizard.tui.text import literal


def prompt_text(session: Session, step: Step) -> str:
    if step.is_structure:
        return STRUCTURE_PROMPTS[step.key]
    question = session.question(step)
    assert question is not None
    if question.scope is Scope.STAGE:
        return f"{question.prompt} ({STAGE_WORDS[step.location[-1]]})"
    return question.prompt


def where_text(session: Session, step: Step) -> str:
    """Where the step is, and how far the founder is in its part of the canvas."""
    names = session.place(step).names
    if step.key == TYPES:
        return where_line(names, types_line(STRUCTURE_SECTION, len(session.canvas.customer_types)))
    at = position(session, step)
    return where_line(names, progress_line(at.section, at.question, at.questions, at.section_number, at.sections,
                                           at.part, at.left))


def section_intro(session: Session, step: Step) -> str:
    """A bank's intro, shown on the question that starts a run of its section."""
    if step.is_structure:
        return ""
    previous = session.neighbour(step, -1)
    if previous is not None and previous.section == step.section:
        return ""
    bank = session.catalog.bank(step.section)
    return bank.intro if bank else ""


def topbar(session: Session, step: Step, timer: str = "") -> Content:
    """The file, whether it is saved, and the scores: overall and of this step's section."""
    report = session.report()
    section = report.sections.get(step.section)
    return topbar_line(session.path, saved_text(session.save_state()), report.score,
                       section.score if section else 0, timer)


def saved_text(state: SaveState) -> Content | str:
    """Whether the file holds what is on screen, with the space around it; what is wrong
    stands out."""
    if state.kind == "saved":
        return f"  saved {saved_when(state.at)}  "
    if state.kind == "saving":
        return "  saving…  "
    return literal(f"  {state.problem if state.kind == 'read-only' else state.label}  ", "bold reverse")
