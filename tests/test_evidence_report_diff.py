"""Evidence in `report DIR` (evidence and interviews columns) and `diff` (interviews added or
removed, items whose evidence state changed, the evidence score)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.test_evidence_cli import PAINS, interviewed
from wizard.commands.cli import main
from wizard.files import store
from wizard.model.evidence import Interview, Link


def test_report_has_evidence_and_interview_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "220")  # every column (a narrow terminal leaves some out)
    store.save(interviewed(), tmp_path / "a.toml")
    bare = interviewed()
    bare.customer_types[0].segments[0].interviews = []
    bare.customer_types[0].segments[0].marks = []
    store.save(bare, tmp_path / "b.toml")
    assert main(["report", str(tmp_path), "--json"]) == 0
    rows = {Path(r["file"]).name: r for r in json.loads(capsys.readouterr().out)["canvases"]}
    assert rows["a.toml"]["interviews"] == 2 and 0 < rows["a.toml"]["evidence"] < 100
    assert rows["b.toml"]["interviews"] == 0 and rows["b.toml"]["evidence"] == 0
    assert rows["a.toml"]["score"] == rows["b.toml"]["score"]  # completeness does not count evidence
    assert main(["report", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Evidence" in out and "Interviews" in out
    line = next(x for x in out.splitlines() if "a.toml" in x)
    assert line.split()[-2:] == [f"{rows['a.toml']['evidence']}%", "2"]


def _diff(old: Path, new: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, dict[str, object]]:
    assert main(["diff", str(old), str(new)]) == 0
    text = capsys.readouterr().out
    assert main(["diff", str(old), str(new), "--json"]) == 0
    return text, json.loads(capsys.readouterr().out)


def test_diff_shows_interviews_added_and_removed_and_states_that_changed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old.toml", tmp_path / "new.toml"
    canvas = interviewed()
    store.save(canvas, old)
    segment = canvas.customer_types[0].segments[0]
    segment.interviews = [segment.interviews[0],
                          Interview(id="c", date=dt.date(2026, 11, 9),
                                    links=[Link(at=PAINS, question="profile.pains", item="Shy"),
                                           Link(at=PAINS, question="profile.pains", item="Shy")])]
    store.save(canvas, new)
    text, data = _diff(old, new, capsys)
    proof = data["evidence"]
    assert isinstance(proof, dict)
    assert [(c["change"], c["id"]) for c in proof["interviews"]] == [("added", "c"), ("removed", "b")]
    moved = {c["item"]: (c["before"], c["after"]) for c in proof["items"]}
    assert moved == {"Shy": ("contradicted", "supported"), "Knows nobody": ("supported", "guess")}
    assert "+ interview c of 2026-11-09 added" in text and "− interview b of 2026-11-03 removed" in text
    assert "Pains “Shy”: contradicted by 1 interview → supported by 1 interview" in text
    assert "Evidence:" in text and data["changes"] == []  # no answer changed
    assert "No changes." not in text


def test_diff_of_a_draft_with_itself_says_no_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.toml"
    store.save(interviewed(), path)
    text, data = _diff(path, path, capsys)
    assert "No changes." in text
    assert data["evidence"] == {"score": {"before": data["evidence"]["score"]["after"],  # type: ignore[index]
                                          "after": data["evidence"]["score"]["after"]},  # type: ignore[index]
                                "interviews": [], "items": []}
