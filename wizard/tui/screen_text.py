"""Small pieces of the question screen's text and layout, light enough for the first frame."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.content import Content

from wizard.model.safetext import file_name
from wizard.tui.key_names import key, up_down
from wizard.tui.text import literal

WIDE, NARROW, HUGE = 110, 72, 160
"""From this many columns the help goes beside the question; below the second, the sidebar
hides; from the third, the sidebar and the help get wider (a question 120 columns wide is
hard to read)."""

STAGE_WORDS = {"before": "before the job", "during": "while doing the job", "after": "after the job"}


NAV, WIDE_NAV, WIDE_ASIDE, HUGE_NAV, HUGE_ASIDE, PADDING = 26, 30, 42, 36, 64, 3
"""The columns app.tcss gives the sidebar (and, wide, the help beside the question), and
the padding of the question's column and of the help."""


def body_classes(width: int) -> str:
    if width >= HUGE:
        return "-wide -huge"
    return "-wide" if width >= WIDE else "-narrow" if width < NARROW else ""


def text_widths(width: int) -> tuple[int, int]:
    """The width of the question's text and of the help's, in a terminal `width` wide."""
    layout = body_classes(width)
    if "-huge" in layout:
        return max(width - HUGE_NAV - HUGE_ASIDE - PADDING, 1), HUGE_ASIDE - 1 - PADDING  # its border
    if layout == "-wide":
        return max(width - WIDE_NAV - WIDE_ASIDE - PADDING, 1), WIDE_ASIDE - 1 - PADDING
    column = width if layout == "-narrow" else width - NAV
    return max(column - PADDING, 1), max(column - PADDING, 1)


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


def where_line(names: tuple[str, ...], progress: str) -> str:
    """Where the step is (`Users › Students › Meet people › before the job`), then how far
    the founder is there (see progress_line)."""
    trail = " › ".join(STAGE_WORDS.get(name) or _short(name) for name in names) if names else "Whole canvas"
    return f"{trail}\n{progress}"


def _short(name: str, width: int = 24) -> str:
    """A long name cut at a word before `width` (the tree and the review show it whole), so
    a place mostly takes one line at 80 columns. Cut between words only: a name cut inside
    a `[...]` it holds would no longer read back from the first frame's markup."""
    if len(name) <= width or " " not in name[:width]:
        return name
    return name[:width].rsplit(" ", 1)[0] + "…"


PARTS = {"segment": "this segment", "customer type": "this customer type", "canvas": "the whole canvas"}


def progress_line(section: str, question: int, questions: int, section_number: int, sections: int,
                  part: str, left: int) -> str:
    """`Who they are (3 of 12) · this segment: section 2 of 6, 21 questions open`: counts
    that stay put as types, segments and jobs are added (wizard/core/progress.py)."""
    open_ = "all answered" if not left else f"{left} question{'s' * (left > 1)} open"
    where = f"{PARTS.get(part, part)}: section {section_number} of {sections}"
    return f"{section} ({question} of {questions}) · {where}, {open_}"


def types_line(section: str, types: int) -> str:
    """The progress line of the customer types, where every canvas starts."""
    if not types:
        return f"{section} · start here: each customer type you add brings its own questions"
    return f"{section} · {types} customer type{'s' * (types > 1)}; each brings its own questions"


def list_hint(noun: str, editing: int | None, has_items: bool, app: object) -> str:
    """The line under a list's entry box (`app`: whose keymap names the keys)."""
    if editing is not None:
        return f"Editing {noun} {editing + 1}: Enter keeps it, {key(app, 'answer')} cancels."
    more = (f" · Tab: the list ({key(app, 'list-edit')} edit, {key(app, 'list-remove')} remove, "
            f"{up_down(app, 'list-up', 'list-down')} move)") if has_items else ""
    return f"Enter adds · empty Enter: next{more}"
