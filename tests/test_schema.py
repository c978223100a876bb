"""The JSON Schema of canvas files agrees with `canvas-wizard check`, and the committed copy is current.

The corpus (tests/schema_corpus) holds good files (valid/, the examples, the checks'
corpus canvases) and broken ones (broken/, one kind of mistake each, named in the file's
first line). Each is validated with the `jsonschema` library as an editor sees it (TOML
dates as RFC 3339 text) and with `check`: both accept, or both reject, except the kinds
listed in INEXPRESSIBLE with the reason.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from wizard.commands.cli import main
from wizard.files.banks import shipped_catalog
from wizard.files.schema import canvas_schema

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "schema_corpus"
COMMITTED = ROOT / "docs" / "canvas.schema.json"

INEXPRESSIBLE = {
    "duplicate-segment-ids": "ids unique among siblings: JSON Schema's uniqueItems compares whole items, "
    "not one key of each, and ids are free text, so no enumeration can say it",
    "duplicate-type-ids": "the same, for customer types",
    "duplicate-job-ids": "the same, for jobs",
    "version-as-float": "JSON has one kind of number: to JSON Schema (and to taplo) 1.0 is the integer 1; "
    "check refuses a decimal point in schema_version",
}
"""Broken files only `check` rejects (the schema accepts them), each with why."""

STRICTER = {
    "blank-other-shape": "a blank in another shape than the question's (age = [], hobbies = \"\", "
    "gender = \"  \"): check drops any blank; the schema lets through only \"\" for text and choices and [] "
    "for lists, because allowing every blank takes an anyOf, and taplo then neither offers the question's "
    "choices nor says which value is wrong",
}
"""Good files only `check` accepts (the schema rejects them), each with why."""

GOOD = sorted([*(CORPUS / "valid").glob("*.toml"), *(ROOT / "examples").glob("*.toml"),
               *(ROOT / "tests" / "checks_corpus").glob("*/*.toml")])
BROKEN = sorted((CORPUS / "broken").glob("*.toml"))


def as_editor_sees(value: Any) -> Any:
    """TOML as JSON, the way taplo hands it to a schema: dates and times become their text."""
    if isinstance(value, dict):
        return {k: as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editor_sees(v) for v in value]
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = canvas_schema(shipped_catalog())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def schema_accepts(validator: jsonschema.protocols.Validator, path: Path) -> bool:
    return bool(validator.is_valid(as_editor_sees(tomllib.loads(path.read_text()))))


def check_accepts(path: Path, capsys: pytest.CaptureFixture[str]) -> bool:
    code = main(["check", str(path)])
    capsys.readouterr()
    assert code in (0, 1)
    return code == 0


def test_the_corpus_has_one_of_each_kind() -> None:
    assert len(BROKEN) >= 20
    assert len(list((CORPUS / "valid").glob("*.toml"))) >= 5
    for path in [*BROKEN, *(CORPUS / "valid").glob("*.toml")]:
        assert path.read_text().startswith("# "), f"{path.name}: the first line says what it holds"
    assert set(INEXPRESSIBLE) <= {p.stem for p in BROKEN}
    assert set(STRICTER) <= {p.stem for p in GOOD}


@pytest.mark.parametrize("path", GOOD, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_good_files_pass_both(path: Path, validator: jsonschema.protocols.Validator,
                              capsys: pytest.CaptureFixture[str]) -> None:
    assert check_accepts(path, capsys)
    errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message[:200]}"
              for e in validator.iter_errors(as_editor_sees(tomllib.loads(path.read_text())))]
    if path.stem in STRICTER:
        assert errors, f"{path.name}: the schema accepts it now: take it off STRICTER"
    else:
        assert not errors, errors


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_broken_files_fail_both(path: Path, validator: jsonschema.protocols.Validator,
                                capsys: pytest.CaptureFixture[str]) -> None:
    assert not check_accepts(path, capsys), f"{path.name} is in broken/ but check accepts it"
    if path.stem in INEXPRESSIBLE:
        assert schema_accepts(validator, path), f"{path.name}: the schema rejects it now: take it off INEXPRESSIBLE"
    else:
        assert not schema_accepts(validator, path), f"the schema accepts {path.name}, check rejects it"


def test_the_committed_schema_is_what_the_command_prints(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert COMMITTED.read_text(encoding="utf-8") == printed, (
        "docs/canvas.schema.json is out of date: canvas-wizard schema > docs/canvas.schema.json")


def test_each_question_is_described_where_it_is_asked() -> None:
    catalog = shipped_catalog()
    schema = canvas_schema(catalog)
    assert schema["title"] == "Canvas Wizard canvas file"
    assert all(bank.id in schema["description"] for bank in catalog.banks)
    nodes = {"canvas": schema, "customer_type": schema["$defs"]["CustomerType"],
             "segment": schema["$defs"]["Segment"], "job": schema["$defs"]["Job"], "stage": schema["$defs"]["Stage"]}
    for entry in catalog:
        q = entry.question
        for scope, node in nodes.items():
            prop = node["properties"]["answers"]["properties"][entry.bank.id]["properties"][q.id]
            if scope == q.scope.value:
                assert q.prompt in prop["description"] and q.help in prop["description"]
                assert "anyOf" not in prop  # taplo offers a plain schema's key, docs and choices
                values = [c.value for c in q.choices]
                if q.kind.value == "single_choice":
                    assert prop["enum"] == [*values, ""]
                elif q.kind.has_choices:
                    assert prop["items"]["enum"] == values and prop["uniqueItems"]
            else:
                assert prop["pattern"] == r"^\s*$" and prop["x-taplo"] == {"hidden": True}, (entry.full_id, scope)
                assert q.scope.value.replace("_", " ") in prop["description"]
    for name in ("CustomerType", "Segment", "Job"):
        props = schema["$defs"][name]["properties"]
        assert props["id"]["description"] and schema["$defs"][name]["description"]
        assert (props.get("name") or props["statement"])["description"]
    age = nodes["segment"]["properties"]["answers"]["properties"]["audience"]["properties"]["age"]
    assert {k: age[k] for k in ("type", "items", "minItems", "maxItems")} == {
        "type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 120}, "minItems": 2, "maxItems": 2}


def test_custom_banks_add_their_questions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = (ROOT / "question_banks" / "market.toml").read_text()
    (tmp_path / "extra.toml").write_text(bank.replace('id = "market"', 'id = "extra"', 1))
    assert main(["schema", "--banks", str(tmp_path)]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "market_type" in schema["properties"]["answers"]["properties"]["extra"]["properties"]
    assert main(["schema", "--banks", str(tmp_path / "nowhere")]) == 1
    assert "nowhere" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("taplo") is None, reason="taplo is not installed")
@pytest.mark.parametrize("path", [*GOOD, *BROKEN], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_taplo_agrees(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The editors' own engine, where installed: taplo ignores prefixItems, so it leaves a
    reversed range to check as well."""
    done = subprocess.run(["taplo", "lint", "--schema", COMMITTED.as_uri(), str(path)], capture_output=True,
                          text=True, check=False, timeout=60, stdin=subprocess.DEVNULL)
    agrees = check_accepts(path, capsys)
    if path.stem in INEXPRESSIBLE or path.stem == "range-reversed":
        agrees = True
    if path.stem in STRICTER:
        agrees = False
    assert (done.returncode == 0) == agrees, done.stderr[-2000:]


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
