"""Small pieces of the question screen's text and layout, light enough for the first frame."""

from __future__ import annotations

from datetime import datetime

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
