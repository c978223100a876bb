"""The interview kit's notes sheet: one per interview, with the segment's guesses to mark as heard or not.

Its fields are the ones an interview is recorded with (date, who, how, notes, quotes in
their words, what each guess met), so what is written on it can be typed into the canvas
as it is once interviews are recorded there.
"""

from __future__ import annotations

from wizard.export.escape import md_line
from wizard.export.view import SegmentView, Shown

LEGEND = "Mark each guess in its box: ✓ they said so too, ✗ they said otherwise, – it did not come up."


def _guesses(shown: Shown | None, label: str) -> list[str]:
    if shown is None or not shown.answered:
        return []
    return [f"- ☐ {label}: {md_line(item)}" for item in shown.items]


def _job_guesses(segment: SegmentView) -> list[str]:
    lines: list[str] = []
    for job in segment.jobs:
        rows = _guesses(job.answer("customer_model.existing_alternatives"), "Today they use")
        for stage in job.stages:
            rows += _guesses(stage.answer("profile.pains"), f"{stage.title}, pain")
            rows += _guesses(stage.answer("profile.gains"), f"{stage.title}, gain")
        rows += _guesses(job.answer("profile.fears"), "Fear")
        if rows:
            lines += [f"Job: {md_line(job.statement)}", "", *rows, ""]
    return lines


def notes_sheet(segment: SegmentView) -> list[str]:
    lines = ["### Notes sheet (copy one for each interview)", "",
             "- Date:", "- Who (a role or initials; a name only if they agree):", "- How (call, visit, chat):",
             "- Fits the screener: ☐ yes · ☐ partly · ☐ no", "",
             "What they said about our guesses. " + LEGEND, ""]
    guesses = _job_guesses(segment)
    lines += guesses or ["The canvas has no pains, gains or alternatives for this segment yet: write down the "
                         "ones they name.", ""]
    lines += ["Quotes, in their words (the exact sentence, and what it was about):", "", "1. …", "2. …", "3. …", "",
              "What surprised you, and what you will ask the next person:", "", "- …", "",
              "Who they suggested you talk to next:", "", "- …", ""]
    return lines
