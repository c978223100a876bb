"""A coach's part of the canvas: notes on places, time per section, and dated sessions.

Kept in the canvas's own `[coach]` table, apart from the founder's answers. A note is
private (for the coach's own outputs) unless it is homework, which reaches the founder.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import ConfigDict, Field, field_validator

from wizard.model.attribute_docs import Described

NoteKind = Literal["private", "homework"]


class SessionNote(Described):
    """One note written during a coach session."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    """The note, as the coach wrote it."""
    place: str = ""
    """What it is about: a location path (`users/students`), `path#question`, or `` for the whole canvas."""
    kind: NoteKind = "private"
    """`private`: for the coach only (never in the founder's outputs); `homework`: for the founder to do."""
    done: bool = False
    """Homework only: the founder has done it."""


class CoachSession(Described):
    """One coached session: when, what was planned, what happened and what was written."""

    model_config = ConfigDict(extra="forbid")

    started: datetime
    """When the session began."""
    ended: datetime | None = None
    """When it was closed (none: still running, or left without closing)."""
    minutes: int = Field(default=0, ge=0, le=1440)
    """The planned length in minutes (0: not planned)."""
    sections: list[str] = []
    """The section ids planned for this session, in order."""
    covered: list[str] = []
    """The section ids the session actually worked on."""
    changes: list[str] = []
    """What changed in the canvas during the session, one line each, written when it was closed."""
    notes: list[SessionNote] = []
    """The notes written in this session, private and homework."""


class CoachNotes(Described):
    """A facilitator's notes, kept apart so the founder's answers stay clean."""

    model_config = ConfigDict(extra="forbid")

    notes: dict[str, str] = {}
    """Location path (e.g. `users/students`, `` for the canvas) or `path#question` -> a private note, undated."""
    seconds: dict[str, int] = {}
    """Section id -> seconds spent on it in coached sessions, summed over sessions."""
    sessions: list[CoachSession] = []
    """The coached sessions, oldest first, each with its date and its notes."""

    @field_validator("notes")
    @classmethod
    def _drop_empty(cls, notes: dict[str, str]) -> dict[str, str]:
        return {key: text for key, text in notes.items() if text.strip()}

    def open_homework(self) -> int:
        """How much homework the founder has not done yet, over every session."""
        return sum(1 for record in self.sessions for n in record.notes if n.kind == "homework" and not n.done)
