"""Small pieces of the question screen's text and layout, light enough for the first frame."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.content import Content

from wizard.safetext import file_name
from wizard.tui.text import literal

WIDE, NARROW = 110, 72
"""From this many columns the help goes beside the question; below the second, the sidebar hides."""

STAGE_WORDS = {"before": "before the job", "during": "while doing the job", "after": "after the job"}


def body_classes(width: int) -> str:
    return "-wide" if width >= WIDE else "-narrow" if width < NARROW else ""


def meter(percent: int, width: int = 10) -> str:
    filled = round(width * percent / 100)
    return "▰" * filled + "▱" * (width - filled)


def saved_when(moment: datetime | None) -> str:
    """The time of the last save; the date too when it was not today."""
    if moment is None:
        return "not yet"
    local = moment.astimezone()
    return local.strftime("%H:%M:%S" if local.date() == datetime.now().astimezone().date() else "%Y-%m-%d %H:%M")


def topbar_line(path: Path, state: Content | str, score: int, section: int, timer: str = "") -> Content:
    """The top bar: the file, whether it is saved (`state`, with the space around it), and
    the scores, overall and of the section on screen."""
    return Content.assemble(literal(f" {file_name(path)}", "bold"), state, f"{meter(score)} {score}%",
                            f" · section {section}%", timer)


def where_line(section: str, names: tuple[str, ...], position: str = "") -> str:
    """`12/80 · Audience · Users › Students`: the step's number, section and place."""
    trail = " › ".join(names) if names else "Whole canvas"
    return " · ".join(part for part in (position, section, trail) if part)


def list_hint(noun: str, editing: int | None, has_items: bool) -> str:
    """The line under a list's entry box."""
    if editing is not None:
        return f"Editing {noun} {editing + 1}: Enter keeps it, Esc cancels."
    more = " · Tab: the list (e edit, Del remove, Ctrl+↑↓ move)" if has_items else ""
    return f"Enter adds · empty Enter: next{more}"
