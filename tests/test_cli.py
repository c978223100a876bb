"""The command line as a user meets it: exit codes, messages, JSON, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.factory import full_canvas, structure
from wizard.commands.cli import main
from wizard.files import store
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wizard", *args], cwd=cwd, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, check=False, timeout=60)


@pytest.fixture
def full_file(tmp_path: Path, catalog: Catalog) -> Path:
    path = tmp_path / "full.toml"
    store.save(full_canvas(catalog, 2, 1, 1), path)
    return path


@pytest.fixture
def empty_file(tmp_path: Path) -> Path:
    path = tmp_path / "empty.toml"
    store.save(structure(0, 0, 0), path)
    return path


def test_score_json_has_the_documented_keys(full_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(full_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"] == 100
    assert {"id", "title", "score"} <= set(data["sections"][0])
    assert data["segments"] and data["missing"] == []


def test_score_table_names_what_is_missing(empty_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(empty_file)]) == 0
    out = capsys.readouterr().out
    assert "0% complete" in out
    assert "At least one customer type" in out


def test_score_min_threshold(empty_file: Path, full_file: Path) -> None:
    assert main(["score", str(empty_file), "--min", "10"]) == 1
    assert main(["score", str(full_file), "--min", "100"]) == 0


def test_check_valid_and_invalid(full_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(full_file)]) == 0
    bad = tmp_path / "bad.toml"
    bad.write_text('schema_version = 1\ntitle = "x\n')
    assert main(["check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and "line 2" in err


def test_check_reports_answers_that_do_not_fit_the_banks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.toml"
    path.write_text('schema_version = 1\n[[customer_types]]\nid = "u"\nname = "U"\n'
                    '[[customer_types.segments]]\nid = "s"\nname = "S"\n'
                    '[customer_types.segments.answers.audience]\nb2b_b2c = "martians"\n')
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert "customer_types[0].segments[0].answers.audience.b2b_b2c" in err and "martians" in err


def test_check_warns_but_passes_on_unknown_questions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.toml"
    path.write_text('schema_version = 1\n[answers.custom_bank]\nfavourite = "x"\n')
    assert main(["check", str(path)]) == 0
    assert "warning" in capsys.readouterr().err


@pytest.mark.parametrize("content", [b"", b"\x00\xff\xfe", b"\xff\xfe t\x00", b"[[[", b"schema_version = 7",
                                     b"x = " + b"{a = " * 3000 + b"1" + b"}" * 3000])
def test_no_traceback_for_any_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(content)
    for command in ("check", "score"):
        result = cli(command, str(path))
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert str(path) in result.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert cli("score").returncode == 2
    assert cli("score", "x.toml", "--min", "150").returncode == 2
    assert cli("banks", "check").returncode == 2
    assert cli("--no-such-flag").returncode == 2


def test_version_and_schema() -> None:
    assert cli("--version").stdout.startswith("canvas-wizard ")
    schema = json.loads(cli("schema").stdout)
    assert schema["properties"]["schema_version"]["type"] == "integer"
    assert "customer_types" in schema["properties"]


def test_banks_lists_every_bank(capsys: pytest.CaptureFixture[str], catalog: Catalog) -> None:
    assert main(["banks"]) == 0
    out = capsys.readouterr().out
    for bank in catalog.banks:
        assert bank.id in out


def test_examples_are_valid_and_score_as_documented() -> None:
    expected = {"facebook.toml": 100, "event-consultancy.toml": 100}
    for name, score in expected.items():
        result = cli("score", str(EXAMPLES / name), "--json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["overall"] == score, name
    draft = json.loads(cli("score", str(EXAMPLES / "draft-bakery.toml"), "--json").stdout)
    assert 20 <= draft["overall"] <= 70


def test_a_banks_folder_named_like_a_command_is_still_a_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "broken.toml").write_text("id = 'broken'\nquestions = 3\n", encoding="utf-8")
    store.save(Canvas(title="x"), tmp_path / "draft.toml")
    monkeypatch.chdir(tmp_path)
    assert main(["--banks", "banks", "draft.toml"]) == 1  # not "banks: invalid choice" (exit 2)
    err = capsys.readouterr().err
    assert "broken.toml" in err and "usage" not in err
