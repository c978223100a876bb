"""Command palette entries: "Jump to question" with fuzzy search over every step."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from wizard.tui.text import literal

if TYPE_CHECKING:
    from wizard.session import Step
    from wizard.tui.question_screen import QuestionScreen


class JumpProvider(Provider):
    def _screen(self) -> QuestionScreen | None:
        from wizard.tui.question_screen import QuestionScreen

        screen = self.screen
        return screen if isinstance(screen, QuestionScreen) else None

    def _entries(self) -> list[tuple[str, Step]]:
        screen = self._screen()
        if screen is None:
            return []
        session = screen.session
        out = []
        for step in session.steps():
            place = session.place(step)
            where = " › ".join(place.names) if place.names else "whole canvas"
            out.append((f"Jump to: {session.title(step)} ({where})", step))
        return out

    async def discover(self) -> Hits:
        screen = self._screen()
        if screen is None:
            return
        first = screen.session.first_open()
        if first is not None:
            yield DiscoveryHit("Jump to the first unanswered question", partial(screen.jump, first),
                               help="Type to search every question by name, type, segment or job")

    async def search(self, query: str) -> Hits:
        screen = self._screen()
        if screen is None:
            return
        matcher = self.matcher(query)
        for text, step in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, _highlight(matcher, text), partial(screen.jump, step), text=text)


def _highlight(matcher: Matcher, text: str) -> Content:
    # Matcher.highlight() parses its input as markup; a name typed by the user must not be.
    content = literal(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        content = content.stylize("bold underline", offset, offset + 1)
    return content
