"""What leaves a coach session: private notes never in a founder-facing output, homework in
the founder's exports, the session summary, and the cohort report's session columns."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from wizard.commands.cli import main
from wizard.export.formats import FORMATS, render_canvas
from wizard.export.view import Audience
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.model.canvas import Canvas
from wizard.model.coach import CoachSession, SessionNote

PRIVATE = "PRIVATE-x41 the founder is guessing"
UNDATED = "UNDATED-z17 old private note"
HOMEWORK = "HOMEWORK-q99 interview three walk-in customers"


def coached(name: str = "draft-bakery.toml") -> Canvas:
    canvas = store.load(EXAMPLES / name)
    first = canvas.customer_types[0]
    segment = first.segments[0] if first.segments else None
    place = f"{first.id}/{segment.id}" if segment else first.id
    canvas.coach.notes[place] = UNDATED
    canvas.coach.sessions.append(CoachSession(
        started=datetime(2026, 12, 1, 10, tzinfo=UTC), ended=datetime(2026, 12, 1, 10, 44, tzinfo=UTC),
        minutes=45, sections=["segment_questions"], covered=["segment_questions"],
        changes=["Customers: Who pays answered: the parents"],
        notes=[SessionNote(text=PRIVATE, place=place), SessionNote(text=PRIVATE + " (on the canvas)", place=""),
               SessionNote(text=HOMEWORK, place=f"{place}#segment_questions.job", kind="homework"),
               SessionNote(text="DONE-homework already done", place=place, kind="homework", done=True)]))
    return canvas


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.toml")))
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_private_note_never_reaches_a_founder_facing_output(name: str, fmt: str) -> None:
    canvas = coached(name)
    founder = render_canvas(canvas, shipped_catalog(), fmt)
    assert PRIVATE[:12] not in founder and UNDATED[:12] not in founder, (fmt, name)
    if fmt in ("markdown", "html", "summary"):
        assert HOMEWORK[:12] in founder and "Homework from your coach" in founder, fmt
        assert "DONE-homework" not in founder, "homework done is not asked for again"
    coach = render_canvas(canvas, shipped_catalog(), fmt, Audience.COACH)
    if fmt in ("markdown", "summary"):
        assert PRIVATE[:12] in coach, "the coach's copy keeps them"


def test_the_summary_of_the_last_session(tmp_path: Path) -> None:
    text = render_canvas(coached(), shipped_catalog(), "summary")
    assert "Coach session of 1 December 2026 · 45 min planned · 44 min held." in text
    planned, covered = text.index("## Planned"), text.index("## Covered")
    assert "The four segment questions" in text[planned:covered]
    assert "- Customers: Who pays answered: the parents" in text
    still_open = text[text.index("## Still open in today's sections"):]
    assert "### The four segment questions" in still_open and "Job to be done" in still_open
    assert "### Who they are" not in still_open, "only today's sections"


def test_export_summary_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    never = tmp_path / "never.toml"
    shutil.copy(EXAMPLES / "facebook.toml", never)
    assert main(["export", str(never), "--format", "summary"]) == 0
    out = capsys.readouterr().out
    assert "No coach session yet." in out and "## Still open" in out
    path = tmp_path / "coached.toml"
    store.save(coached(), path)
    assert main(["export", str(path), "--format", "summary", "-o", str(tmp_path / "s.md")]) == 0
    written = " ".join((tmp_path / "s.md").read_text().split())  # as read, not as wrapped
    assert HOMEWORK in written and PRIVATE[:12] not in written
    capsys.readouterr()
    assert main(["export", str(path), "--format", "summary", "--private"]) == 0
    assert PRIVATE in " ".join(capsys.readouterr().out.split())


def test_report_shows_the_last_session_and_open_homework(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    store.save(coached(), tmp_path / "coached.toml")
    shutil.copy(EXAMPLES / "facebook.toml", tmp_path / "never.toml")
    assert main(["report", str(tmp_path), "--json"]) == 0
    rows = {Path(r["file"]).name: r for r in json.loads(capsys.readouterr().out)["canvases"]}
    assert rows["coached.toml"]["last_session"] == "2026-12-01"
    assert rows["coached.toml"]["open_homework"] == 3  # the example's 2, and one more
    assert rows["never.toml"]["last_session"] is None and rows["never.toml"]["open_homework"] == 0
    assert main(["report", str(tmp_path)]) == 0
    table = capsys.readouterr().out
    assert "Session" in table and "Homework" in table and "2026-12-01" in table and "never" in table
