"""Command palette entries: jump to any question, type, segment, job or section by any of
its words (its name, its prompt, its section, where it is), and the wizard's other moves.

Textual's fuzzy matcher runs a regular expression over every entry for every key typed,
and finds only letters in order: on a canvas of a few hundred questions the palette lagged
behind the typing, and a word of the prompt ("businesses") found nothing. Here the entries
are indexed once per palette (and kept while the canvas's steps stay the same), and each
word typed is looked up as a plain substring of the entry's words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from wizard.tui.key_names import key
from wizard.tui.text import literal, one_line

if TYPE_CHECKING:
    from wizard.core.session import Session, Step
    from wizard.model.tree import Location
    from wizard.tui.screens.question import QuestionScreen

MAX_HITS = 40
"""Hits shown for a query: more is a list nobody reads, and each costs a row to lay out."""

# How much a word found in each part of an entry counts: its name first, its prompt last.
TITLE, PLACE, SECTION, PROMPT = range(4)
WEIGHTS = (8.0, 6.0, 3.0, 2.0)


@dataclass(frozen=True)
class Entry:
    """One place to jump to, and the words it is found by."""

    label: str
    """What the palette shows: the name, then where it is."""
    help: str
    step: Step
    parts: tuple[str, str, str, str]
    """Title, place, section and prompt, lower-cased for matching."""
    order: int


def _entries(session: Session) -> list[Entry]:
    """Every step, then every type, segment and job (going to its first open step); made
    in one walk of the canvas and one pass over the steps, as a large canvas has
    thousands of each."""
    from wizard.model.bank import Scope  # the app imports this module before the models load
    from wizard.model.tree import walk

    kinds = {Scope.CUSTOMER_TYPE: "customer type", Scope.SEGMENT: "segment", Scope.JOB: "job"}
    titles = session.report().section_titles
    names: dict[Location, tuple[str, ...]] = {}
    children: dict[Location, int] = {}
    places = []
    for place in walk(session.canvas):
        names[place.location] = place.names
        if place.location:
            parent = place.location[:-1]
            children[parent] = children.get(parent, 0) + 1
        if place.scope in kinds:
            places.append(place)
    open_slots = {(slot.question_id, slot.location) for slot in session.report().slots if slot.credit < 1}
    first: dict[Location, Step] = {}
    first_open: dict[Location, Step] = {}
    out: list[Entry] = []
    for n, step in enumerate(session.steps()):
        is_open = not children.get(step.location) if step.is_structure else (step.key, step.location) in open_slots
        for depth in range(1, min(len(step.location), 3) + 1):
            prefix = step.location[:depth]
            first.setdefault(prefix, step)
            if is_open:
                first_open.setdefault(prefix, step)
        trail = names.get(step.location, ())
        where = " › ".join(trail) if trail else "whole canvas"
        title, section = session.title(step), titles.get(step.section, "")
        question = None if step.is_structure else session.question(step)
        prompt = question.prompt if question is not None else ""
        help_text = f"{section}: {one_line(prompt, 90)}" if prompt else section
        out.append(Entry(f"{title} — {one_line(where, 60)}", help_text, step,
                         (title.lower(), where.lower(), section.lower(), prompt.lower()), n))
    for place in places:
        target = first_open.get(place.location) or first.get(place.location)
        if target is None:
            continue
        kind, name, where = kinds[place.scope], place.names[-1], " › ".join(place.names[:-1])
        label = f"{name} ({kind}{' in ' + one_line(where, 40) if where else ''})"
        out.append(Entry(label, f"Its first open question: {session.title(target)}", target,
                         (name.lower(), where.lower(), kind, ""), -1))
    return out


_INDEX: dict[int, tuple[object, list[Entry]]] = {}


def index(session: Session) -> list[Entry]:
    """The entries of `session`, kept while its steps (and so its names) stay the same."""
    kept = _INDEX.get(id(session))
    if kept is not None and kept[0] is session.steps():
        return kept[1]
    entries = _entries(session)
    _INDEX.clear()  # one canvas is open at a time
    _INDEX[id(session)] = (session.steps(), entries)
    return entries


def score(entry: Entry, words: list[str]) -> float:
    """How well `words` (lower case) find `entry`: 0 when any word is missing from it."""
    total = 0.0
    for word in words:
        best = 0.0
        for part, weight in zip(entry.parts, WEIGHTS, strict=True):
            at = part.find(word)
            if at < 0:
                continue
            starts = at == 0 or not part[at - 1].isalnum()
            best = max(best, weight * (1.5 if starts else 1.0))
        if not best:
            return 0.0
        total += best
    return total


def search(entries: list[Entry], query: str, limit: int = MAX_HITS) -> list[tuple[float, Entry]]:
    """The best `limit` entries for `query`, best first; places before their questions,
    then in asking order."""
    words = query.lower().split()
    if not words:
        return []
    found = [(s, e) for e in entries if (s := score(e, words)) > 0]
    found.sort(key=lambda hit: (-hit[0], hit[1].order))
    return found[:limit]


def highlight(label: str, words: list[str]) -> Content:
    content = literal(label)
    lowered = label.lower()
    for word in words:
        at = lowered.find(word)
        if at >= 0:
            content = content.stylize("bold underline", at, at + len(word))
    return content


class JumpProvider(Provider):
    def _screen(self) -> QuestionScreen | None:
        from wizard.tui.screens.question import QuestionScreen

        screen = self.screen
        return screen if isinstance(screen, QuestionScreen) else None

    async def startup(self) -> None:
        screen = self._screen()
        self._entries = index(screen.session) if screen is not None else []

    async def discover(self) -> Hits:
        screen = self._screen()
        if screen is None:
            return
        for text, action, help_text in moves(screen):
            yield DiscoveryHit(text, action, help=help_text)

    async def search(self, query: str) -> Hits:
        screen = self._screen()
        if screen is None:
            return
        words = query.lower().split()
        best = max(WEIGHTS) * 1.5 * max(len(words), 1)
        for text, action, help_text in moves(screen):
            if all(word in text.lower() for word in words):
                yield Hit(1.0, highlight(text, words), action, text=text, help=help_text)
        for points, entry in search(self._entries, query):
            yield Hit(min(points / best, 0.99), highlight(entry.label, words), partial(screen.jump, entry.step),
                      text=entry.label, help=entry.help)


def moves(screen: QuestionScreen) -> list[tuple[str, Callable[[], object], str]]:
    """The wizard's moves the palette offers before anything is typed."""
    session = screen.session
    out: list[tuple[str, Callable[[], object], str]] = []
    first = session.first_open()
    if first is not None:
        partly = " (partly answered)" if session.status(first) == "partial" else ""
        out.append((f"Jump to the first open question: {session.title(first)}{partly}", partial(screen.jump, first),
                    "Type to search every question, type, segment, job and section by any of its words"))
    if screen.was_at is not None and session.exists(screen.was_at):
        out.append((f"Back to where you were: {session.title(screen.was_at)}", screen.action_return,
                    f"{key(screen.app, 'return')}, from any question"))
    if len(screen.step.location) >= 2:  # in a segment: its interviews
        out.append(("Log an interview with someone of this segment", screen.action_log_interview,
                    f"{key(screen.app, 'log-interview')}, from any question of the segment; back here after"))
        out.append(("Interviews of this segment: open, edit, mark items observed or paid", screen.action_interviews,
                    key(screen.app, "interviews")))
    out.append(("Review: scores, what is missing, quality checks", screen.action_review, key(screen.app, "review")))
    out.append(("Finish: where the file is, what is still open, what to do next", screen.action_finish,
                key(screen.app, "finish")))
    return out
