"""`diff` shows the coaching: sessions begun and closed, homework set, done or dropped; the
coach's private notes counted, never quoted (a diff is read by founders and teams too)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from wizard.commands.cli import main
from wizard.files import store
from wizard.model.coach import CoachSession, SessionNote

SECRET = "PRIVATE-k7 founder is vague on pricing"


def drafts(tmp_path: Path) -> tuple[Path, Path]:
    """The shipped draft (one closed session, two pieces of homework), then the same after a
    second session: one piece done, one dropped, one set, a private note written."""
    old, new = tmp_path / "old.toml", tmp_path / "new.toml"
    canvas = store.load(EXAMPLES / "draft-bakery.toml")
    store.save(canvas, old)
    first = canvas.coach.sessions[0]
    done, dropped = (n for n in first.notes if n.kind == "homework")
    done.done = True
    first.notes.remove(dropped)
    place = f"{canvas.customer_types[0].id}/{canvas.customer_types[0].segments[0].id}"
    canvas.coach.sessions.append(CoachSession(
        started=datetime(2026, 12, 1, 10, tzinfo=UTC), ended=datetime(2026, 12, 1, 10, 40, tzinfo=UTC), minutes=45,
        sections=["audience"], covered=["audience"],
        notes=[SessionNote(text="Visit the Saturday market and count who buys", place=place, kind="homework"),
               SessionNote(text=SECRET, place=place)]))
    store.save(canvas, new)
    return old, new


def test_diff_lists_sessions_and_homework_and_never_a_private_note(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    old, new = drafts(tmp_path)
    assert main(["diff", str(old), str(new)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Coaching" in out
    assert "+ session of 1 December 2026 begun (45 min planned)" in out
    assert "~ session of 1 December 2026 closed: covered Who they are" in out
    assert "~ homework done (18 November)" in out and "− homework dropped (18 November)" in out
    assert "+ homework set (1 December), Customers › Local walk-in customers: Visit the Saturday market" in out
    assert "private notes: 1 → 2 (not shown here)" in out
    assert SECRET not in out

    assert main(["diff", str(old), str(new), "--json"]) == 0
    coaching = json.loads(capsys.readouterr().out)["coaching"]
    assert [(s["change"], s["started"][:10]) for s in coaching["sessions"]] == [("begun", "2026-12-01"),
                                                                                ("closed", "2026-12-01")]
    assert sorted(h["change"] for h in coaching["homework"]) == ["done", "dropped", "set"]
    assert coaching["private_notes"] == {"before": 1, "after": 2}
    assert SECRET not in json.dumps(coaching)


def test_no_coaching_change_says_nothing_about_coaching(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, _ = drafts(tmp_path)
    assert main(["diff", str(old), str(old)]) == 0
    out = capsys.readouterr().out
    assert "No changes." in out and "Coaching" not in out
