"""What the command line says about a coach session (`--minutes`, `--sections`).

A module of its own, with no imports, so that the wizard's start-up can carry it to the
first screen without loading the models before the first frame is painted.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_MINUTES = 600
"""The longest session a plan may have (ten hours: a workshop day)."""


@dataclass(frozen=True)
class Request:
    """The session's length and sections as given (None: ask the coach)."""

    minutes: int | None = None
    sections: tuple[str, ...] | None = None
