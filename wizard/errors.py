"""Errors a user can cause, each carrying the file it is about and a one-line reason."""

from __future__ import annotations

from pathlib import Path


class UserFileError(Exception):
    """A file the user gave us cannot be used; `str()` is the message to show."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class CanvasFileError(UserFileError):
    """A canvas file that cannot be read or saved."""


class NewerVersionError(CanvasFileError):
    """A canvas written by a newer canvas-wizard than this one."""


class BankFileError(UserFileError):
    """A question bank that does not load."""
