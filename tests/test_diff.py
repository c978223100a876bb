"""`canvas-wizard diff`: every kind of change a coach would look for, the scores, JSON and bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from wizard.commands.cli import main
from wizard.core import compare as canvas_diff
from wizard.core import scoring
from wizard.files import store
from wizard.model.canvas import Canvas, Segment
from wizard.model.catalog import Catalog

SEG = "segment_questions.who_pays"


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    # Rich wraps at 80 columns when not in a terminal; a wide one keeps each change on one line.
    monkeypatch.setenv("COLUMNS", "250")


def title(catalog: Catalog, full_id: str) -> str:
    entry = catalog.get(full_id)
    assert entry is not None
    return entry.question.title


def edited(original: Canvas) -> Canvas:
    """The Facebook example after a coaching session: one of each kind of change."""
    canvas = original.model_copy(deep=True)
    users = canvas.customer_types[0]
    users.name = "Students"                                   # a renamed type
    students = users.segments[0]
    students.set(SEG, "Parents, sometimes")                   # an answer changed
    hobbies = students.get("audience.hobbies")
    assert isinstance(hobbies, list)
    students.set("audience.hobbies", [*hobbies, "Chess club"])   # a list item added
    students.set("audience.b2b_b2c", "b2b")                   # a choice changed
    students.set("audience.age", (18, 30))                    # a range changed
    students.jobs = []                                        # a job removed
    commuters = Segment(id="commuters", name="Commuting students")
    commuters.set(SEG, "Their parents")
    users.segments.append(commuters)                          # a segment added
    canvas.mark_na("research.incentive", "No budget yet")     # a not-applicable mark
    return canvas


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "old.toml"
    old.write_bytes((EXAMPLES / "facebook.toml").read_bytes())
    new = tmp_path / "new.toml"
    store.save(edited(store.load(old)), new)
    return old, new


def test_text_shows_each_change_where_it_happened(pair: tuple[Path, Path], catalog: Catalog,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(pair[0]), str(pair[1])]) == 0
    out = capsys.readouterr().out
    lines = [line.rstrip() for line in out.splitlines()]
    b2b = catalog.get("audience.b2b_b2c")
    assert b2b is not None
    expected_in_order = [
        "Whole canvas",
        f"  + {title(catalog, 'research.incentive')}: marked not applicable (No budget yet)",
        "Students",
        "  ~ customer type renamed: Users → Students",
        "Students › University students",
        f"  ~ {title(catalog, SEG)}",
        "      after:  Parents, sometimes",
        f"  ~ {title(catalog, 'audience.b2b_b2c')}: {b2b.question.choice_label('b2c')} → "
        f"{b2b.question.choice_label('b2b')}",
        f"  ~ {title(catalog, 'audience.age')}: 18–24 years → 18–30 years",
        f"  ~ {title(catalog, 'audience.hobbies')}",
        "      + Chess club",
        # The removed job keeps the names it had, so the coach can tell what was dropped.
        "Users › University students › Meet people and make new friends",
        "  − job removed",
        "Users › University students › Meet people and make new friends › before",
        "Students › Commuting students",
        "  + segment added",
        f"  + {title(catalog, SEG)}: Their parents",
    ]
    positions = [lines.index(line) for line in expected_in_order]
    assert positions == sorted(positions)


def test_text_ends_with_the_scores_before_and_after(pair: tuple[Path, Path], catalog: Catalog,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    before = scoring.score(store.load(pair[0]), catalog)
    after = scoring.score(store.load(pair[1]), catalog)
    assert before.score != after.score
    main(["diff", str(pair[0]), str(pair[1])])
    out = capsys.readouterr().out
    delta = after.score - before.score
    assert f"Score: {before.score}% → {after.score}% ({delta:+d})" in out
    audience = after.section_titles["audience"]
    assert f"  {audience}: {before.sections['audience'].score}% → {after.sections['audience'].score}%" in out
    unchanged = [sid for sid, t in after.sections.items() if t.score == before.sections[sid].score]
    for sid in unchanged:
        assert f"  {after.section_titles[sid]}:" not in out


def test_json_has_the_documented_shape(pair: tuple[Path, Path], catalog: Catalog,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(pair[0]), str(pair[1]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"old", "new", "score", "sections", "changes", "evidence", "coaching"}
    assert data["old"] == str(pair[0]) and data["new"] == str(pair[1])
    assert data["score"]["before"] == 100 and data["score"]["after"] < 100
    assert all(set(s) == {"id", "title", "before", "after"} and s["before"] != s["after"] for s in data["sections"])
    keys = {"kind", "path", "where", "question", "title", "before", "after"}
    assert all(set(c) == keys for c in data["changes"])
    by = {(c["kind"], c["path"], c["question"]): c for c in data["changes"]}
    age = by["answer_changed", "users/university-students", "audience.age"]
    assert (age["before"], age["after"]) == ([18, 24], [18, 30])
    assert age["title"] == title(catalog, "audience.age") and age["where"] == "Students › University students"
    assert by["node_renamed", "users", None]["after"] == "Students"
    assert by["node_added", "users/commuters", None]["title"] == "segment"
    assert ("node_removed", "users/university-students/meet-people", None) in by
    assert by["na_added", "", "research.incentive"]["after"] == "No budget yet"
    hobbies = by["answer_changed", "users/university-students", "audience.hobbies"]
    assert set(hobbies["after"]) - set(hobbies["before"]) == {"Chess club"}


def test_identical_canvases_have_no_changes(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EXAMPLES / "draft-bakery.toml")
    assert main(["diff", path, path]) == 0
    assert "No changes." in capsys.readouterr().out
    assert main(["diff", path, path, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["changes"] == [] and data["sections"] == []
    assert data["score"]["before"] == data["score"]["after"]


def test_saving_again_is_not_a_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # `updated` moves on every save; only what the founder wrote counts.
    canvas = store.load(EXAMPLES / "draft-bakery.toml")
    canvas.touch()
    store.save(canvas, tmp_path / "later.toml")
    assert main(["diff", str(EXAMPLES / "draft-bakery.toml"), str(tmp_path / "later.toml")]) == 0
    assert "No changes." in capsys.readouterr().out


@pytest.mark.parametrize("which", ["old", "new"])
def test_a_bad_file_is_one_line_naming_it(which: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = str(EXAMPLES / "facebook.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text('schema_version = 1\ntitle = "unterminated\n', encoding="utf-8")
    args = [str(bad), good] if which == "old" else [good, str(bad)]
    assert main(["diff", *args]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"canvas-wizard: {bad}: invalid TOML")
    assert captured.err.count("\n") == 1


def test_removals_marks_unknown_questions_and_notes(tmp_path: Path, catalog: Catalog,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    old = store.load(EXAMPLES / "facebook.toml")
    new = old.model_copy(deep=True)
    new.customer_types[0].unmark_na("relationships.sales_channels")
    new.set("research.cadence", None)
    new.set("custom_bank.favourite", "Blue")
    new.coach.notes["users"] = "Ask about staff"
    store.save(old, tmp_path / "a.toml")
    store.save(new, tmp_path / "b.toml")
    main(["diff", str(tmp_path / "a.toml"), str(tmp_path / "b.toml")])
    out = capsys.readouterr().out
    assert f"  − {title(catalog, 'relationships.sales_channels')}: no longer marked not applicable" in out
    lines = out.splitlines()
    removed = lines.index(f"  − {title(catalog, 'research.cadence')}")
    assert lines[removed + 1].startswith("      before: Weekly")  # long text: on a line of its own
    assert "  + custom_bank.favourite: Blue" in out  # no bank asks it: shown by its id
    assert "  + coach note: Ask about staff" in out


def test_user_text_is_shown_literally(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = Canvas(title="[bold]Plan[/bold]")
    new = Canvas(title="[red]Plan\x1b[2J")
    store.save(old, tmp_path / "a.toml")
    store.save(new, tmp_path / "b.toml")
    main(["diff", str(tmp_path / "a.toml"), str(tmp_path / "b.toml")])
    out = capsys.readouterr().out
    assert "title changed: [bold]Plan[/bold] → [red]Plan␛[2J" in out
    assert "\x1b" not in out


def test_a_removed_segment_stays_where_it_was(catalog: Catalog) -> None:
    old = store.load(EXAMPLES / "draft-bakery.toml")
    new = old.model_copy(deep=True)
    walk_in = new.customer_types[0].segments.pop(0)
    celebration = new.customer_types[0].segments[0]
    celebration.set(SEG, "The host")
    changes = canvas_diff.diff(old, new, catalog)
    segments = [c.location[1] for c in changes if len(c.location) > 1]
    # Everything about the removed first segment, then the change in the one after it.
    assert segments == [walk_in.id] * (len(segments) - 1) + [celebration.id]
    assert changes[0].kind == canvas_diff.NODE_REMOVED and changes[0].where == "Customers › Local walk-in customers"
    assert {c.kind for c in changes[1:-1]} == {canvas_diff.ANSWER_REMOVED}


def test_choices_by_label_and_a_new_order(tmp_path: Path, catalog: Catalog,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    entry = catalog.get("market.segmentation_bases")
    assert entry is not None
    values = [c.value for c in entry.question.choices]
    old, new = Canvas(), Canvas()
    old.set(entry.full_id, values[:1])
    new.set(entry.full_id, values[:2])
    old.set("custom_bank.priorities", ["Price", "Speed"])
    new.set("custom_bank.priorities", ["Speed", "Price"])
    store.save(old, tmp_path / "a.toml")
    store.save(new, tmp_path / "b.toml")
    main(["diff", str(tmp_path / "a.toml"), str(tmp_path / "b.toml")])
    lines = [line.rstrip() for line in capsys.readouterr().out.splitlines()]
    at = lines.index(f"  ~ {entry.question.title}")
    assert lines[at + 1] == f"      + {entry.question.choices[1].label}"
    at = lines.index("  ~ custom_bank.priorities")
    assert lines[at + 1] == "      new order: 1. Speed  2. Price"
