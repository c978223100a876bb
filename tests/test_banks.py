"""Question banks: the shipped ones cover what BANKS.md asks; broken ones get clear errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from wizard.commands.cli import main
from wizard.files import banks
from wizard.files.errors import BankFileError
from wizard.model.bank import Kind, Scope
from wizard.model.catalog import Catalog

AUDIENCE_ORDER = ["b2b_b2c", "gender", "age", "marital_status", "location", "life_stage", "industry",
                  "hobbies", "values", "next_5_years", "life_goals"]


def ids(catalog: Catalog, bank: str) -> list[str]:
    found = catalog.bank(bank)
    assert found is not None, bank
    return [q.id for q in found.questions]


def test_eleven_audience_prompts_in_order(catalog: Catalog) -> None:
    audience = [i for i in ids(catalog, "audience") if i in AUDIENCE_ORDER]
    assert audience == AUDIENCE_ORDER
    age = catalog.get("audience.age")
    assert age is not None and age.question.kind is Kind.RANGE


def test_four_segment_questions_per_segment(catalog: Catalog) -> None:
    assert ids(catalog, "segment_questions")[:4] == ["who_pays", "who_uses", "job", "characteristics"]
    for qid in ids(catalog, "segment_questions")[:4]:
        entry = catalog.get(f"segment_questions.{qid}")
        assert entry is not None and entry.question.scope is Scope.SEGMENT


def test_profile_jobs_pains_gains(catalog: Catalog) -> None:
    kind = catalog.get("profile.job_kind")
    assert kind is not None
    assert [c.value for c in kind.question.choices] == ["functional", "social", "emotional", "basic_need"]
    for qid in ("profile.pains", "profile.gains"):
        entry = catalog.get(qid)
        assert entry is not None and entry.question.scope is Scope.STAGE


def test_every_bank_names_its_source_and_every_question_helps(catalog: Catalog) -> None:
    assert len(catalog.banks) >= 7
    for bank in catalog.banks:
        assert bank.sources and all(s.seed for s in bank.sources), bank.id
        for q in bank.questions:
            assert q.help and q.examples, f"{bank.id}.{q.id} needs help and examples"


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


GOOD = """id = "pricing"\ntitle = "Pricing"\nversion = "1"\n[[sources]]\ntitle = "Coach's notes"\n
[[questions]]\nid = "price"\nprompt = "What would they pay?"\nhelp = "Money talks."\nkind = "text"
scope = "segment"\n"""


def test_custom_bank_adds_questions(tmp_path: Path) -> None:
    write(tmp_path / "mine", "pricing.toml", GOOD)
    catalog = banks.load_catalog(tmp_path / "mine")
    assert catalog.get("pricing.price") is not None
    assert catalog.get("audience.age") is not None


@pytest.mark.parametrize(("text", "expected"), [
    (GOOD.replace('kind = "text"', 'kind = "essay"'), "question 'price', kind: "),
    (GOOD.replace('prompt = "What would they pay?"\n', ""), "question 'price', prompt: Field required"),
    (GOOD.replace('kind = "text"', 'kind = "single_choice"'), "at least two choices"),
    (GOOD + 'when = { question = "audience.gender", equals = "women" }\n', "must be required"),
    (GOOD + 'when = { question = "nope", equals = "x" }\n', "unknown question 'pricing.nope'"),
    (GOOD.replace('id = "price"', 'id = "Price!"'), "question 'Price!', id"),
    ("id = [", "invalid TOML"),
    ("", "empty"),
])
def test_broken_bank_names_file_question_and_problem(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path / "mine", "pricing.toml", text)
    with pytest.raises(BankFileError) as info:
        banks.load_catalog(tmp_path / "mine")
    message = str(info.value)
    assert expected in message
    assert "pricing" in message and (str(path) in message or str(path.parent) in message)


def test_banks_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "ok", "pricing.toml", GOOD)
    assert main(["banks", "check", str(tmp_path / "ok")]) == 0
    write(tmp_path / "bad", "pricing.toml", GOOD.replace("text", "prose"))
    assert main(["banks", "check", str(tmp_path / "bad")]) == 1
    assert "pricing.toml" in capsys.readouterr().err
    assert main(["banks", "check", str(tmp_path / "missing")]) == 1


def test_shipped_banks_are_found_after_a_normal_install(tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                    "--target", str(target), str(ROOT)], check=True, capture_output=True)
    banks = "from wizard.commands.cli import main; raise SystemExit(main(['banks']))"
    result = subprocess.run([sys.executable, "-c", banks],
                            cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "audience" in result.stdout
    assert str(target) in subprocess.run(
        [sys.executable, "-c", "import question_banks; print(question_banks.__file__)"],
        cwd=tmp_path, env={"PYTHONPATH": str(target)}, capture_output=True, text=True, check=False).stdout
