"""The coach session on the question screen: planning it, its line under the top bar, the agenda.

The question screen holds the session (wizard/core/coach_run.py) in coach mode; this module
opens the plan dialog when the session starts (unless the command line gave the plan) and
again on F4, keeps the session's line up to date each second, and opens the agenda (F3),
whose rows jump to their section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wizard.core.coach_request import Request
from wizard.files.errors import UserFileError
from wizard.tui.key_names import key
from wizard.tui.lookup import by_id
from wizard.tui.text import literal, one_line
from wizard.tui.textual_internals.painting import SteadyStatic

if TYPE_CHECKING:
    from wizard.tui.screens.coach_plan import PlanChoice
    from wizard.tui.screens.question import QuestionScreen


def request_of(screen: QuestionScreen) -> Request:
    request = getattr(screen.app, "coach_request", None)
    return request if isinstance(request, Request) else Request()


async def start(screen: QuestionScreen) -> None:
    """Plan the session as it starts: from the command line, else by asking the coach."""
    run = screen.run
    if run is None or run.plan is not None:
        return
    request = request_of(screen)
    if request.minutes is not None:
        choice: PlanChoice | None = (request.minutes, run.default_sections(request))
    else:
        from wizard.tui.screens.coach_plan import PlanScreen

        choice = await screen.app.push_screen_wait(PlanScreen(run.infos(), run.default_sections(request)))
    try:
        if choice is not None:
            run.set_plan(*choice)
        elif not screen.session.read_only:
            run.begin()  # no plan, but a session all the same: its notes and summary are kept
    except UserFileError as exc:
        screen.notify(f"The session is not on record: {exc}", title="Not saved", severity="error",
                      markup=False, timeout=10)
    to_the_plan(screen)
    show_line(screen)


def to_the_plan(screen: QuestionScreen) -> None:
    """On a question outside today's sections: to the first open one of the first section."""
    run = screen.run
    if run is None or run.plan is None or not run.plan.sections or screen.step.section in run.plan.sections:
        return
    from wizard.core.coach_run import first_step_of

    step = first_step_of(screen.session, run.plan.sections[0])
    if step is not None and step != screen.step and screen.commit():
        screen.show(step)


async def replan(screen: QuestionScreen) -> None:
    """F4: change the session's length or its sections; time spent stays where it was."""
    run = screen.run
    if run is None:
        return
    from wizard.tui.screens.coach_plan import PlanScreen

    plan = run.plan
    chosen = list(plan.sections) if plan is not None else run.default_sections()
    dialog = PlanScreen(run.infos(), chosen, plan.minutes if plan is not None else None,
                        spent=run.timer.all_today(), elapsed=max(run.timer.session_seconds(), 1))
    choice = await screen.app.push_screen_wait(dialog)
    if choice is not None:
        try:
            run.set_plan(*choice)
        except UserFileError as exc:
            screen.notify(str(exc), title="Plan not saved", severity="error", markup=False, timeout=10)
        screen.notify(f"Re-planned: {choice[0]} min in all, {len(choice[1])} "
                      f"section{'s' * (len(choice[1]) > 1)}.", markup=False)
    show_line(screen)


def show_line(screen: QuestionScreen) -> None:
    """The session's line: this section's time left and the session's; a gentle warning,
    once, when either runs over."""
    run = screen.run
    if run is None or not screen.is_mounted:
        return
    section = screen.step.section
    line = run.line(section)
    widget = by_id(screen, "session-line", SteadyStatic)
    if widget is not None:
        widget.update(literal(one_line(line.text, max(screen.app.size.width - 2, 20))), layout=False)
        widget.set_class(line.over, "-over")
    said = run.newly_over(section)
    if said:
        screen.notify(said, title="Time", severity="warning", markup=False, timeout=10)


async def agenda(screen: QuestionScreen) -> None:
    """F3: today's plan per section; Enter on a row jumps to that section, p re-plans."""
    run = screen.run
    if run is None:
        return
    from wizard.core import coaching
    from wizard.tui.screens.coach import AgendaScreen

    rows = coaching.agenda(screen.session, run.timer, run.plan)
    choice = await screen.app.push_screen_wait(AgendaScreen(rows, run.plan, run.timer.session_seconds(),
                                                            screen.step.section))
    if choice == AgendaScreen.REPLAN:
        await replan(screen)
    elif choice == AgendaScreen.END:
        await end_session(screen)
    elif choice:
        from wizard.core.coach_run import first_step_of

        step = first_step_of(screen.session, choice)
        if step is not None:
            screen.jump(step)
    show_line(screen)


async def end_session(screen: QuestionScreen, quitting: bool = False) -> None:
    """Close the session (saved: when, what it covered, what changed) and show its summary;
    from there the coach exports it, closes the wizard, or goes back to the questions."""
    run = screen.run
    app = screen.app
    if run is None or run.record is None:
        if quitting:
            app.finish()  # type: ignore[attr-defined]
        else:
            screen.notify(f"No coach session is running: {key(app, 'plan')} plans one.", markup=False)
        return
    if not screen.commit():
        return
    from wizard.export.formats import SUMMARY, render_canvas
    from wizard.export.view import Audience
    from wizard.tui.screens.coach_summary import SummaryScreen

    try:
        run.timer.flush()
        run.end()
    except UserFileError as exc:
        screen.notify(f"The session could not be closed: {exc}", title="Not saved", severity="error",
                      markup=False, timeout=10)
        return
    text = render_canvas(screen.session.canvas, screen.session.catalog, SUMMARY, Audience.COACH,
                         untitled=screen.session.path.stem)
    choice = await app.push_screen_wait(SummaryScreen(screen.session, text, quitting))
    if choice == "close":
        app.finish()  # type: ignore[attr-defined]
    else:
        show_line(screen)
