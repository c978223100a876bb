"""Evidence on the command line: `score` (text and --json), `check`'s broken links and the
contradicted finding, and bad interview tables named with the file and the problem."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.factory import structure
from wizard.commands.cli import main
from wizard.files import store
from wizard.model.canvas import Canvas
from wizard.model.evidence import Interview, Link, Mark

DAY = dt.date(2026, 11, 3)
JOB = "job-0"
PAINS = f"{JOB}/before"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wizard", *args], cwd=ROOT, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, check=False, timeout=60)


def interviewed() -> Canvas:
    """A segment with a job, pains, early adopters and an age; two interviews and a mark."""
    canvas = structure()
    segment = canvas.customer_types[0].segments[0]
    segment.set("customer_model.early_adopters", "Students who organise parties")
    segment.set("audience.age", (18, 24))
    segment.set("audience.b2b_b2c", "b2c")
    segment.jobs[0].before.set("profile.pains", ["Knows nobody", "Shy"])
    segment.jobs[0].during.set("profile.gains", ["New friends"])
    segment.interviews = [
        Interview(id="a", date=DAY, who="2nd-year student", name="Priya Raman", quotes=["I talk to everyone"],
                  links=[Link(at=PAINS, question="profile.pains", item="Shy", verdict="contradicts",
                              quote="I talk to everyone at the bar"),
                         Link(at="", question="customer_model.early_adopters")]),
        Interview(id="b", date=DAY, links=[Link(at=PAINS, question="profile.pains", item="Knows nobody")]),
    ]
    segment.marks = [Mark(at=f"{JOB}/during", question="profile.gains", item="New friends", kind="paid")]
    return canvas


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "interviewed.toml"
    store.save(interviewed(), path)
    return path


def score_json(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["score", str(path), "--json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_score_json_gains_evidence_and_keeps_every_other_key(saved: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    data = score_json(saved, capsys)
    bare = tmp_path / "bare.toml"
    canvas = interviewed()
    canvas.customer_types[0].segments[0].interviews = []
    canvas.customer_types[0].segments[0].marks = []
    store.save(canvas, bare)
    without = score_json(bare, capsys)
    assert set(data) == set(without) | {"evidence"}
    for key in ("overall", "sections", "segments", "missing"):
        assert data[key] == without[key], key  # the completeness score does not change
    proof = data["evidence"]
    assert isinstance(proof, dict)
    assert proof["interviews"] == 2
    assert 0 < proof["overall"] < 100
    assert proof["segments"] == [{"path": "type-0/seg-0", "name": "Type 0 › Segment 0", "score": proof["overall"],
                                  "interviews": 2, "items": 7}]
    untested = proof["untested"]
    assert [u["weight"] for u in untested] == sorted((u["weight"] for u in untested), reverse=True)
    texts = {u["item"] for u in untested}
    assert "Get job 0 done" in texts and "b2c" not in texts  # a choice by its label
    first = untested[0]
    assert {"path", "where", "question", "item", "title", "state"} <= set(first)
    assert all(u["state"] == "guess" for u in untested)
    (contra,) = proof["contradicted"]
    assert (contra["at"], contra["question"], contra["item"]) == (PAINS, "profile.pains", "Shy")
    assert contra["quotes"] == [{"interview": "a", "date": "2026-11-03", "quote": "I talk to everyone at the bar"}]
    assert "Priya" not in json.dumps(proof)  # names stay out of the machine output
    # Untested items are not findings; the contradicted one is.
    rules = [c["rule"] for c in data["checks"]]  # type: ignore[attr-defined]
    assert rules.count("contradicted-by-interviews") == 1
    assert not any("untested" in r or "guess" in r for r in rules)


def test_untested_are_ordered_by_weight_with_ties_in_canvas_order(saved: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    untested = score_json(saved, capsys)["evidence"]["untested"]  # type: ignore[index]
    weights = [u["weight"] for u in untested]
    assert weights == sorted(weights, reverse=True) and len(set(weights)) > 1


def test_score_text_shows_evidence_beside_completeness(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(saved)]) == 0
    out = capsys.readouterr().out
    data_line = out.splitlines()[0]
    assert "% complete" in data_line and "% evidence" in data_line and "2 interviews" in data_line
    assert "Contradicted by interviews" in out and "“I talk" in out
    assert "Still guesses" in out


def test_a_canvas_without_interviews_scores_zero_evidence(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.toml"
    store.save(Canvas(title="x"), path)
    proof = score_json(path, capsys)["evidence"]
    assert proof == {"overall": 0, "interviews": 0, "segments": [], "untested": [], "contradicted": []}


def test_contradicted_finding_quotes_and_suggests_rewording_narrowing_or_splitting(
        saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    checks = score_json(saved, capsys)["checks"]
    (found,) = [c for c in checks if c["rule"] == "contradicted-by-interviews"]  # type: ignore[union-attr]
    assert found["path"] == f"type-0/seg-0/{PAINS}" and found["question"] == "profile.pains"
    assert "“Shy”" in found["message"] and "I talk to everyone at the bar" in found["message"]
    assert all(word in found["suggestion"] for word in ("Reword", "narrow", "split"))


def test_a_contradicted_job_is_found_where_its_list_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    canvas = interviewed()
    segment = canvas.customer_types[0].segments[0]
    segment.interviews[1].links.append(Link(at=JOB, question="", verdict="contradicts", quote="never bothered"))
    path = tmp_path / "job.toml"
    store.save(canvas, path)
    found = [c for c in score_json(path, capsys)["checks"]  # type: ignore[union-attr]
             if c["rule"] == "contradicted-by-interviews"]
    assert {(c["path"], c["question"]) for c in found} == {(f"type-0/seg-0/{PAINS}", "profile.pains"),
                                                            ("type-0/seg-0", "structure.jobs")}


def test_supported_as_often_as_contradicted_is_contradicted_and_a_mark_wins(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    canvas = interviewed()
    segment = canvas.customer_types[0].segments[0]
    segment.interviews[1].links.append(Link(at=PAINS, question="profile.pains", item="Shy"))
    path = tmp_path / "tie.toml"
    store.save(canvas, path)
    assert len(score_json(path, capsys)["evidence"]["contradicted"]) == 1  # type: ignore[index]
    segment.marks.append(Mark(at=PAINS, question="profile.pains", item="Shy"))
    store.save(canvas, path)
    data = score_json(path, capsys)
    assert data["evidence"]["contradicted"] == []  # type: ignore[index]
    assert "contradicted-by-interviews" not in {c["rule"] for c in data["checks"]}  # type: ignore[union-attr]


def test_check_warns_about_a_link_a_hand_edit_broke(saved: Path) -> None:
    text = saved.read_text(encoding="utf-8")
    saved.write_text(text.replace('"Knows nobody"', '"Knows nobody at all"', 1), encoding="utf-8")
    assert '"Knows nobody at all"' in saved.read_text(encoding="utf-8")
    done = cli("check", str(saved))
    assert done.returncode == 0, done.stderr  # a warning, as the others are
    assert "valid canvas" in done.stdout
    (line,) = [x for x in done.stderr.splitlines() if "not in the canvas any more" in x]
    assert saved.name in line and "warning" in line
    assert "Type 0 › Segment 0" in line and "interview “b”" in line and "“Knows nobody”" in line
    assert "interviews[1].links[0]" in line
    assert "Traceback" not in done.stderr


def test_check_warns_about_a_mark_on_a_job_removed_by_hand(tmp_path: Path) -> None:
    canvas = interviewed()
    segment = canvas.customer_types[0].segments[0]
    segment.marks.append(Mark(at="gone-job", question="", kind="observed"))
    path = tmp_path / "m.toml"
    store.save(canvas, path)
    done = cli("check", str(path))
    assert done.returncode == 0
    assert "marks[1]" in done.stderr and "a mark (observed)" in done.stderr and "gone-job" in done.stderr


BAD_TABLES = {
    "a date that is not a date": ('date = 2026-11-03', 'date = "last tuesday"', "interviews[0].date"),
    "an unknown verdict": ('verdict = "contradicts"', 'verdict = "maybe"', "verdict"),
    "quotes as one string": ('quotes = [', 'quotes = "x"\nold_quotes = [', "interviews[0]"),
    "an unknown key in a link": ('verdict = "contradicts"', 'verdict = "contradicts"\nsays = "x"', "says"),
    "two interviews with one id": ('id = "b"', 'id = "a"', "interviews"),
    "an unknown mark kind": ('kind = "paid"', 'kind = "sold"', "marks[0].kind"),
}


@pytest.mark.parametrize("name", sorted(BAD_TABLES))
@pytest.mark.parametrize("command", ["check", "score", "export", "report"])
def test_bad_interview_tables_are_named_with_the_file_and_the_problem(saved: Path, name: str, command: str) -> None:
    old, new, field = BAD_TABLES[name]
    text = saved.read_text(encoding="utf-8")
    assert old in text, old
    saved.write_text(text.replace(old, new, 1), encoding="utf-8")
    args = {"check": ["check", str(saved)], "score": ["score", str(saved)],
            "export": ["export", str(saved), "--format", "markdown"], "report": ["report", str(saved.parent)]}
    done = cli(*args[command])
    assert "Traceback" not in done.stderr + done.stdout
    out = done.stderr if command != "report" else done.stdout
    assert saved.name in out and field in out, out
    assert done.returncode == (0 if command == "report" else 1), out  # report lists the file and goes on


def test_check_says_when_a_link_is_about_what_interviews_do_not_test(tmp_path: Path) -> None:
    canvas = interviewed()
    segment = canvas.customer_types[0].segments[0]
    segment.set("research.description", "student")
    segment.interviews[0].links.append(Link(at="", question="research.description"))
    path = tmp_path / "label.toml"
    store.save(canvas, path)
    done = cli("check", str(path))
    assert done.returncode == 0
    assert "which interviews do not test" in done.stderr and "Interview label" in done.stderr
