"""The question screen's side of the interviews: F5 the segment's interviews, F6 log one from
any question (coach mode during a call too: the section clock keeps running), and each
answer's evidence shown beside it."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from textual.content import Content

from wizard.core import interviews
from wizard.core.evidence import Item
from wizard.core.session import JOBS, Step
from wizard.model.tree import Location
from wizard.tui.key_names import key as key_name
from wizard.tui.screens.question_actions import back_from_a_dialog
from wizard.tui.text import literal
from wizard.tui.widgets.fields import ListField
from wizard.tui.widgets.list_editor import ListEditor
from wizard.tui.widgets.structure_field import StructureField

if TYPE_CHECKING:
    from wizard.core.session import Session
    from wizard.tui.screens.question import QuestionScreen


def segment_on_screen(screen: QuestionScreen) -> Location | None:
    return interviews.segment_location(screen.step.location)


async def show_interviews(screen: QuestionScreen) -> None:
    """F5: the interviews of the segment on screen; Enter on one of its items goes there."""
    from wizard.tui.screens.interviews import InterviewsScreen

    segment = segment_on_screen(screen)
    if segment is None:
        screen.notify("Interviews belong to a segment: go to one of its questions first.", markup=False)
        return
    if not screen.commit():
        return
    choice = await screen.app.push_screen_wait(InterviewsScreen(screen.session, screen.drafts, segment))
    if isinstance(choice, Step) and screen.session.exists(choice):
        screen.jump(choice)
    else:
        back_from_a_dialog(screen)
    show_evidence(screen)


async def log_interview(screen: QuestionScreen) -> None:
    """F6: the form for a new interview of the segment on screen, then back to the question."""
    from wizard.tui.screens.interviews import open_form

    segment = segment_on_screen(screen)
    if segment is None:
        screen.notify("Interviews belong to a segment: go to one of its questions first.", markup=False)
        return
    if not screen.commit():
        return
    await open_form(screen, screen.session, screen.drafts, segment)
    back_from_a_dialog(screen)
    show_evidence(screen)


def tell_kept_drafts(screen: QuestionScreen) -> None:
    """On opening: an interview being typed when the wizard closed (or was killed) is still
    in the drafts; say where, and which key brings it back."""
    from wizard.model.tree import find

    for key in list(screen.drafts.texts):
        parsed = interviews.parse_draft_key(key)
        place = find(screen.session.canvas, parsed[0]) if parsed else None
        if parsed is None or place is None:
            continue
        how = (f"{key_name(screen.app, 'log-interview')} goes on with it" if not parsed[1]
               else f"{key_name(screen.app, 'interviews')} shows it")
        screen.notify(f"An interview you were logging for {place.label} is kept, not saved yet: {how} "
                      "from any question of that segment.", title="Interview kept", markup=False, timeout=15)


def show_evidence(screen: QuestionScreen) -> None:
    """Each entry's mark in the list, and a whole answer's evidence in the status line."""
    from wizard.tui.widgets.status_line import StatusLine

    session, step = screen.session, screen.step
    status = screen.query_one(StatusLine)
    field = screen.field
    line, badges = "", {}
    if interviews.segment_location(step.location) is not None:
        if step.key == JOBS:
            items = [i for i in _items(session, step.location) if not i.question]
        elif not step.is_structure:
            items = interviews.items_of_answer(session, step.location, step.key)
        else:
            items = []
        badges = {i.text: interviews.badge(i) for i in items if i.state != "guess"}
        whole = [i for i in items if not i.item and i.question]
        if whole and (whole[0].state != "guess" or _held(session, step.location)):
            line = (f"Evidence: {interviews.badge(whole[0])} {interviews.describe(whole[0])} "
                    f"({key_name(screen.app, 'interviews')}: the interviews)")
    if isinstance(field, (ListField, StructureField)):
        _set_badges(field, badges)
    _tell_broken(screen)
    if line != status.evidence:
        status.evidence = line
        status.show_for(step, status.note)


_BROKEN: weakref.WeakKeyDictionary[QuestionScreen, tuple[Location | None, set[tuple[str, str, str, str]]]] = (
    weakref.WeakKeyDictionary())
"""Per question screen: the segment last shown and its links that pointed at nothing then."""


def _tell_broken(screen: QuestionScreen) -> None:
    """An entry removed (or a job) takes no quotes with it: its links stay in the file and
    `check` lists them. Said once, when it happens, so the founder can put the entry back."""
    segment = interviews.segment_location(screen.step.location)
    report = interviews.segment_report(screen.session, segment) if segment else None
    broken = {(b.interview, b.target.at, b.target.question, b.target.item) for b in report.broken} if report else set()
    before = _BROKEN.get(screen)
    _BROKEN[screen] = (segment, broken)
    new = sorted(broken - before[1]) if before is not None and before[0] == segment else []
    if new:
        what = f"“{new[0][3]}”" if new[0][3] else "what you removed"
        screen.notify(f"What interviews said about {what} is kept, pointing at nothing now (`canvas-wizard check` "
                      "lists it): add the entry back as it was to use it again.", title="Evidence kept",
                      severity="warning", markup=False, timeout=12)


def _set_badges(field: ListField | StructureField, badges: dict[str, str]) -> None:
    editors = field.query(ListEditor)
    if editors:
        editors.first().set_badges(badges)
    else:  # a box shown before it was made (its kind's first question): made with them
        field.badges = dict(badges)


def _items(session: Session, location: Location) -> list[Item]:
    report = interviews.segment_report(session, location)
    return report.items if report is not None else []


def _held(session: Session, location: Location) -> int:
    segment = interviews.segment_at(session.canvas, location)
    return len(segment.interviews) if segment is not None else 0


def evidence_help(session: Session, step: Step, app: object) -> Content:
    """The help's last part, in a segment: how to log what an interview showed (`app`: whose
    keymap names the keys)."""
    if interviews.segment_location(step.location) is None:
        return Content("")
    held = _held(session, step.location)
    so_far = f" ({held} so far)" if held else ""
    return Content.assemble("\n\n", literal("Interviews", "bold"), "\n", literal(
        f"Talked to someone in this segment? {key_name(app, 'log-interview')} logs it; "
        f"{key_name(app, 'interviews')} lists its interviews{so_far} and marks items observed or paid."), "\n",
        literal(interviews.LEGEND, "dim"))
