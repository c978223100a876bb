"""The words around a question: its prompt, where it is, its section's intro, the top bar."""

from __future__ import annotations

from textual.content import Content

from wizard.model.bank import Scope
from wizard.session import Session, Step
from wizard.structure import STRUCTURE_PROMPTS
from wizard.tui.screen_text import STAGE_WORDS, saved_when, topbar_line, where_line
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
    section = session.report().section_titles.get(step.section, "")
    position = f"{session.index(step) + 1}/{len(session.steps())}"
    return where_line(section, session.place(step).names, position)


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
    if session.saver is not None and session.saver.pending:
        saved = "saving…"
    elif session.unsaved and not session.read_only:
        saved = "NOT SAVED"
    else:
        saved = f"saved {saved_when(session.last_saved)}"
    state = literal(f"  {session.read_only}  ", "bold reverse") if session.read_only else f"  {saved}  "
    return topbar_line(session.path, state, report.score, section.score if section else 0, timer)
