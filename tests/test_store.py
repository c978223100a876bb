"""Saving and loading canvas files: layout, round trips, and every bad file a user can hand us."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from wizard.files import store
from wizard.files.errors import CanvasFileError, NewerVersionError
from wizard.model.canvas import SCHEMA_VERSION, Canvas, CustomerType, Job, Segment


def sample() -> Canvas:
    canvas = Canvas(title="Campus network")
    seg = Segment(id="students", name="Students", jobs=[Job(id="meet", statement="Meet people")])
    seg.set("audience.age", (18, 24))
    seg.set("audience.hobbies", ["Parties", "Sport"])
    seg.jobs[0].before.set("profile.pains", ["Knows nobody"])
    canvas.customer_types.append(CustomerType(id="users", name="Users", segments=[seg]))
    canvas.set("market.market_type", "multi_sided")
    canvas.mark_na("research.incentive", "colleagues")
    return canvas


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    canvas = sample()
    store.save(canvas, path)
    assert store.load(path) == canvas


def test_file_is_readable_and_stable(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    store.save(sample(), path)
    text = path.read_text()
    assert text.startswith(f"schema_version = {SCHEMA_VERSION}\ntitle = \"Campus network\"\n")
    assert "[[customer_types]]" in text and "[[customer_types.segments.jobs]]" in text
    assert "[customer_types.segments.jobs.before.answers.profile]" in text
    # Saving the same canvas again writes the same bytes: diffs show only real changes.
    store.save(store.load(path), path)
    assert path.read_text() == text


def test_nothing_unset_is_written(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    canvas = Canvas()
    canvas.customer_types.append(CustomerType(id="users", name="Users"))
    store.save(canvas, path)
    data = tomllib.loads(path.read_text())
    assert set(data) == {"schema_version", "created", "updated", "customer_types"}
    assert data["customer_types"] == [{"id": "users", "name": "Users"}]


def test_empty_answers_are_dropped() -> None:
    canvas = Canvas.model_validate({"answers": {"market": {"a": "", "b": ["", " "], "c": "x"}}})
    assert canvas.answers == {"market": {"c": "x"}}


def test_keeps_permission_bits(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    store.save(sample(), path)
    path.chmod(0o600)
    store.save(sample(), path)
    assert path.stat().st_mode & 0o777 == 0o600


def test_writes_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "real.toml"
    store.save(sample(), target)
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    canvas = sample()
    canvas.title = "Renamed"
    store.save(canvas, link)
    assert link.is_symlink()
    assert store.load(target).title == "Renamed"


BAD_FILES: list[tuple[str, bytes, str]] = [
    ("empty", b"", "empty"),
    ("blank", b"  \n\n", "empty"),
    ("binary", b"\x00\x01\x02schema_version = 1", "binary"),
    ("not utf-8", b'title = "caf\xe9"\n', "UTF-8"),
    ("utf-16", "title = 'x'".encode("utf-16"), "UTF-16"),
    ("not toml", b"this is not toml\n", "line 1"),
    ("bad toml later", b'schema_version = 1\ntitle = "x\n', "line 2"),
    ("deep nesting", b"x = " + b"[" * 5000 + b"]" * 5000, "invalid TOML"),
    ("huge integer", b"schema_version = " + b"9" * 5000, "invalid TOML"),
    ("no version", b'title = "x"\n', "schema_version"),
    ("version is text", b'schema_version = "1"\n', "schema_version"),
    ("wrong type", b'schema_version = 1\ntitle = 3\n', "title"),
    ("unknown key", b'schema_version = 1\ncolour = "red"\n', "colour"),
    ("bad nested type", b'schema_version = 1\n[[customer_types]]\nid = "u"\nname = 5\n', "customer_types[0].name"),
    ("duplicate ids", b'schema_version = 1\n[[customer_types]]\nid = "u"\nname = "A"\n'
     b'[[customer_types]]\nid = "u"\nname = "B"\n', "share the id"),
    # pydantic reads true as 1: this loaded as the range 1 to 30.
    ("range of true", b'schema_version = 1\n[answers.audience]\nage = [true, 30]\n',
     "answers.audience.age: should be text, a list of text, or two whole numbers [low, high]"),
    ("answer a number", b'schema_version = 1\n[answers.x]\nq = 7\n[answers.y]\nq = 8\n',
     "answers.x.q: should be text, a list of text, or two whole numbers [low, high] (and 1 more problem)"),
]


@pytest.mark.parametrize(("name", "data", "expected"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_get_one_clear_reason(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(data)
    with pytest.raises(CanvasFileError) as info:
        store.load(path)
    message = str(info.value)
    assert message.startswith(str(path)), message
    assert expected in message
    assert "\n" not in message
    assert path.read_bytes() == data  # never touched


def test_newer_version_says_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    path.write_text("schema_version = 99\n")
    with pytest.raises(NewerVersionError, match=r"newer canvas-wizard.*upgrade"):
        store.load(path)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbfschema_version = 1\ntitle = \"x\"\n")
    assert store.load(path).title == "x"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(CanvasFileError, match="no such file"):
        store.load(tmp_path / "nope.toml")
    with pytest.raises(CanvasFileError, match="folder"):
        store.load(tmp_path)


def test_migrates_an_older_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Only version 1 exists; a synthetic version 0 that named the title "name" proves the path.
    def v0_to_v1(data: dict[str, object]) -> dict[str, object]:
        data["title"] = data.pop("name")
        return data

    monkeypatch.setitem(store.MIGRATIONS, 0, v0_to_v1)
    path = tmp_path / "old.toml"
    path.write_text('schema_version = 0\nname = "Old draft"\n')
    canvas, original = store.load_with_version(path)
    assert (canvas.title, original) == ("Old draft", 0)


def test_a_new_canvas_made_without_validating_is_the_validated_one(tmp_path: Path) -> None:
    """The wizard makes a new canvas without building the model's validator (its start);
    what it holds and writes is exactly what a validated one would, and it reads back."""
    from tests.factory import structure
    from wizard.core.session import new_canvas
    from wizard.model.canvas import Canvas

    quick, checked = new_canvas("  Campus app "), Canvas(title="Campus app")
    quick.created = quick.updated = checked.created = checked.updated = checked.created
    assert quick.model_dump() == checked.model_dump() and store.to_data(quick) == store.to_data(checked)
    quick.customer_types.append(structure(1, 1, 1).customer_types[0])
    assert new_canvas("another").customer_types == [], "the default list is not shared between canvases"
    path = tmp_path / "n.toml"
    store.save(quick, path)
    assert store.load(path).title == "Campus app"
