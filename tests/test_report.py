"""`canvas-wizard report DIR`: the coach's cohort table, weakest first, with bad files listed."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from tests.conftest import COHORT_BROKEN, EXAMPLES
from tests.factory import structure
from wizard import checks
from wizard.commands import report, report_scan
from wizard.commands.cli import main
from wizard.core import scoring
from wizard.files import store
from wizard.model.catalog import Catalog

BROKEN = COHORT_BROKEN


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # one table row per line


def weakest(path: Path, catalog: Catalog) -> tuple[str, int] | None:
    tallies = scoring.score(store.load(path), catalog)
    open_sections = [(t.score, tallies.section_titles[sid]) for sid, t in tallies.sections.items()
                     if t.possible and t.score < 100]
    if not open_sections:
        return None
    low = min(score for score, _ in open_sections)
    return next(title for score, title in open_sections if score == low), low


def test_json_rows_weakest_first_with_invalid_files_listed(cohort: Path, catalog: Catalog,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(cohort), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"dir", "canvases", "invalid"} and data["dir"] == str(cohort)
    rows = data["canvases"]
    assert sorted(Path(r["file"]).name for r in rows) == sorted(p.name for p in EXAMPLES.glob("*.toml"))
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores) and scores[0] < 100
    assert rows[0]["file"] == str(cohort / "draft-bakery.toml")  # the half-finished draft needs help first
    for row in rows:
        got = row["weakest"]
        assert ((got["title"], got["score"]) if got else None) == weakest(Path(row["file"]), catalog)
        assert row["score"] == scoring.score(store.load(Path(row["file"])), catalog).score
    draft = rows[0]
    assert draft["title"] == "Cupcake shop" and draft["segments"] == 2
    assert set(draft["checks"]) == set(checks.SEVERITIES)
    assert data["invalid"] == [{"file": str(cohort / BROKEN),
                                "problem": data["invalid"][0]["problem"]}]
    assert data["invalid"][0]["problem"].startswith("invalid TOML")


def test_table_lists_rows_then_bad_files_then_a_count(cohort: Path, catalog: Catalog,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(cohort)]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = ["draft-bakery.toml", "event-consultancy.toml", "facebook.toml"]
    at = [next(i for i, line in enumerate(lines) if f" {name} " in line) for name in names]
    assert at == sorted(at)
    draft = lines[at[0]]
    weak = weakest(cohort / "draft-bakery.toml", catalog)
    assert weak is not None
    assert f"{weak[1]}% {weak[0]}" in draft
    assert any(line.strip().startswith(f"{BROKEN}: invalid TOML") for line in lines)
    assert lines[-1] == f"{len(list(EXAMPLES.glob('*.toml')))} canvases, 1 file not valid"


def test_counts_open_required_questions_and_quality_checks(tmp_path: Path, catalog: Catalog) -> None:
    bare = structure(1, 1, 0)  # a type and a segment, nothing answered, no job
    store.save(bare, tmp_path / "bare.toml")
    rows, invalid = report.build(tmp_path, catalog)
    assert invalid == [] and len(rows) == 1
    slots = scoring.score(bare, catalog).slots
    required_open = [s for s in slots if s.required and s.credit == 0]
    assert rows[0].open_required == len(required_open) > 0
    findings = checks.run(bare, catalog)
    assert sum(rows[0].checks.values()) == len(findings) > 0


def test_titles_are_shown_literally(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store.save(structure(1, 1, 1, title="[bold]Acme[/bold]\x1b[2J"), tmp_path / "a.toml")
    assert main(["report", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "[bold]Acme[/bold]␛[2J" in out and "\x1b" not in out


def test_only_the_folder_itself_is_read(cohort: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (cohort / "archive").mkdir()
    shutil.copy(EXAMPLES / "facebook.toml", cohort / "archive" / "old.toml")
    (cohort / "notes.txt").write_text("not a canvas", encoding="utf-8")
    main(["report", str(cohort), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert len(data["canvases"]) == len(list(EXAMPLES.glob("*.toml"))) and len(data["invalid"]) == 1


def test_large_folders_shared_among_processes_give_the_same_report(cohort: Path, catalog: Catalog,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    alone = report.build(cohort, catalog, cached=False)
    monkeypatch.setattr(report_scan, "PARALLEL_FROM", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # the pool even on a one-core machine
    assert report.build(cohort, catalog, cached=False) == alone


@pytest.mark.parametrize(("setup", "problem"), [
    ("empty", "no canvases (*.toml files) in this folder"),
    ("file", "not a folder"),
    ("missing", "no such folder"),
])
def test_unusable_folders_exit_1_with_one_line(setup: str, problem: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "target"
    if setup == "empty":
        target.mkdir()
        (target / "readme.md").write_text("no canvases here", encoding="utf-8")
    elif setup == "file":
        shutil.copy(EXAMPLES / "facebook.toml", target)
    assert main(["report", str(target)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"canvas-wizard: {target}: {problem}")
    assert captured.err.count("\n") == 1


_titles = st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs", "Pd", "So")), max_size=60)


@settings(max_examples=25, deadline=None)
@given(titles=st.lists(st.tuples(_titles, _titles, st.integers(0, 100)), min_size=20, max_size=60),
       width=st.sampled_from([24, 40, 60, 80, 120, 200]), color=st.sampled_from([None, "truecolor"]))
def test_a_long_report_is_drawn_as_rich_would_draw_it(titles: list[tuple[str, str, int]], width: int,
                                                       color: str | None) -> None:
    # The columns are sized on a few rows and the rows drawn by worker processes: the table
    # must be the one Rich draws measuring every cell, at every terminal width.
    rows = [report.Row(file=Path(f"canvas-{n:03d}-{'x' * (n % 7)}.toml"), title=title, score=score,
                       weakest=report.Weakest("jobs", section, score) if section else None, sections={},
                       segments=n % 12, open_required=n * 3 % 40,
                       checks={checks.WARNING: n % 3, checks.INFO: n % 2})
            for n, (title, section, score) in enumerate(titles)]
    cells = [report.row_cells(r) for r in rows]

    def drawn(how: str) -> str:
        console = Console(file=io.StringIO(), width=width, color_system=color,  # type: ignore[arg-type]
                          force_terminal=color is not None)
        if how == "whole":
            console.print(report.report_table(cells, console, measured=False))
        else:
            report.print_table(cells, console)
        return console.file.getvalue()  # type: ignore[attr-defined]

    assert drawn("fast") == drawn("whole")


@pytest.mark.parametrize("width", [60, 80, 100, 120, 220])
def test_a_narrow_terminal_leaves_whole_columns_out_and_says_which(width: int, tmp_path: Path) -> None:
    # Squeezed, Rich truncates every number ("4…"); a coach would rather see fewer columns whole.
    for example in sorted(EXAMPLES.glob("*.toml")):
        (tmp_path / example.name).write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "wizard", "report", str(tmp_path)], capture_output=True,
                          text=True, env={**os.environ, "COLUMNS": str(width), "NO_COLOR": "1"}, timeout=120)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "…" not in out
    assert all(len(line) <= width for line in out.splitlines())
    assert "Score" in out and "draft-bakery.toml" in out
    if width >= 80:
        assert "Session" in out and "Homework" in out  # who needs attention, at any usual width
    if width >= 220:
        assert "Left out" not in out and "Interviews" in out
    else:
        assert f"Left out at {width} columns:" in out
