"""What the finish screen offers, fed from one list that other features add to.

Each entry of OFFERS is a function that, given the finish screen, returns the actions it
offers there (none when they do not apply: no coach session, nothing to export yet). The
screen lists them by `order`, with their keys. To offer something more (the exports, a
coach session's summary), write such a function and add it to OFFERS.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wizard.tui.key_names import kept_keys
from wizard.tui.key_names import key as key_name

if TYPE_CHECKING:
    from wizard.tui.screens.finish import FinishScreen


@dataclass(frozen=True)
class FinishAction:
    id: str
    key: str
    """The key that runs it on the finish screen (Enter runs the highlighted one): a letter
    unless a keymap moved it (`letter`)."""
    label: str
    help: str
    run: Callable[[FinishScreen], object]
    order: int = 50
    """Where it is listed: going on (10-29), taking something away (30-89), closing (90+)."""


Offer = Callable[["FinishScreen"], Iterable[FinishAction]]


def letter(screen: FinishScreen, action_id: str) -> str:
    """The key of the finish screen's action `action_id`: settings.FINISH_KEYS's letter, or
    the keymap's (`finish-` and the id); none when the keymap gave its letter to another."""
    # None kept: listed without a key (Enter still runs it); the start's notice said why.
    return next(iter(kept_keys(screen.app, f"finish-{action_id}")), "")


def keep_going(screen: FinishScreen) -> Iterable[FinishAction]:
    first = screen.session.first_open()
    if first is not None:
        title = screen.session.title(first)
        yield FinishAction("keep-going", letter(screen, "keep-going"), f"Go on: {title}",
                           "Back to the questions, at the first one still open", lambda s: s.dismiss("go-on"), order=10)
    yield FinishAction("review", letter(screen, "review"), "Review", "Scores, what is missing and the quality checks "
                       f"({key_name(screen.app, 'review-finish')} comes back)", lambda s: s.dismiss("review"), order=20)


EXPORTS = (  # format, label, what it is for
    ("html", "Export the picture (HTML)", "One page per segment, to print or to show a team or an investor"),
    ("markdown", "Export a persona (Markdown)", "What is answered, segment by segment, then what is still open"),
    ("interview", "Export an interview kit (Markdown)",
     "Questions for the next customer interviews, starting with what is least certain"),
)


def exports(screen: FinishScreen) -> Iterable[FinishAction]:
    """The export dialog for each format, once there is a customer type to show."""
    if not screen.session.canvas.customer_types:
        return
    for order, (fmt, label, why) in enumerate(EXPORTS, start=30):
        yield FinishAction(f"export-{fmt}", letter(screen, f"export-{fmt}"), label, why,
                           functools.partial(_export, fmt=fmt), order=order)


def _export(screen: FinishScreen, fmt: str) -> None:
    from wizard.tui.screens.export import open_export  # the dialog and the renderers load when asked for

    open_export(screen.app, screen.session, fmt)


def end_session(screen: FinishScreen) -> Iterable[FinishAction]:
    """A coach session running: end it, and see (and export) its summary."""
    question = getattr(screen.app, "question_screen", lambda: None)()
    run = getattr(question, "run", None)
    if run is not None and run.record is not None:
        yield FinishAction("end-session", letter(screen, "end-session"), "End the coach session: its summary",
                           "What was covered and changed, the homework and what is still open; export it",
                           lambda s: s.dismiss("end-session"), order=25)


def homework(screen: FinishScreen) -> Iterable[FinishAction]:
    """The coach's homework, to tick off what is done, once a coach has set some."""
    from wizard.tui.screens.homework import heading, summary

    if summary(screen.session):
        yield FinishAction("homework", letter(screen, "homework"), heading(screen.session),
                           "Tick off what you have done (saved at once); the exports list what is still to do",
                           _open_homework, order=15)


def _open_homework(screen: FinishScreen) -> None:
    from wizard.tui.screens.homework import HomeworkScreen

    def back(_: object) -> None:  # what is left to do, as it is now
        screen.relabel("homework", next(iter(homework(screen)), None))

    screen.app.push_screen(HomeworkScreen(screen.session), back)


def close(screen: FinishScreen) -> Iterable[FinishAction]:
    yield FinishAction("close", letter(screen, "close"), "Close the wizard",
                       "Everything is saved; the next steps are printed as it closes",
                       lambda s: s.app.finish(), order=90)  # type: ignore[attr-defined]


OFFERS: list[Offer] = [keep_going, homework, end_session, exports, close]


def actions(screen: FinishScreen) -> list[FinishAction]:
    """Every action on offer, in order; a key taken twice keeps its first holder, and an id
    offered twice only its first action (the list needs each once)."""
    found = sorted((a for offer in OFFERS for a in offer(screen)), key=lambda a: a.order)
    keys: set[str] = set()
    ids: set[str] = set()
    out = []
    for action in found:
        if action.id in ids:
            continue
        ids.add(action.id)
        if action.key in keys:
            action = FinishAction(action.id, "", action.label, action.help, action.run, action.order)
        keys.add(action.key)
        out.append(action)
    return out
