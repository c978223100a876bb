"""A file changed on disk since it was loaded is never overwritten silently.

Also: an old-format file is kept before it is upgraded, and temp files a killed save
left behind are swept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.factory import structure
from tests.test_reliability_saving import leftovers, saved
from wizard.core.session import Session, Step
from wizard.files import store
from wizard.files.canvas_file import CanvasFile
from wizard.files.errors import CanvasFileError, ChangedOnDiskError
from wizard.model.canvas import SCHEMA_VERSION, Canvas
from wizard.model.catalog import Catalog


# -- a file changed on disk since it was loaded ----------------------------------------
def hand_edit(path: Path, old: str, new: str) -> bytes:
    text = path.read_text().replace(old, new)
    path.write_text(text)
    return text.encode()


def test_a_hand_edited_file_is_not_overwritten(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    session = Session.open(path, catalog)
    theirs = hand_edit(path, "Type 0", "Renamed by hand")
    told: list[ChangedOnDiskError] = []
    session.on_conflict = told.append
    step = Step(("type-0", "seg-0"), "segment_questions.who_pays")
    with pytest.raises(ChangedOnDiskError, match="changed on disk since it was opened") as info:
        session.commit(step, "Parents")
    assert told == [info.value]
    assert path.read_bytes() == theirs
    session.close()


def test_keep_mine_overwrites_after_backing_up_theirs(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    session = Session.open(path, catalog)
    theirs = hand_edit(path, "Type 0", "Renamed by hand")
    step = Step(("type-0", "seg-0"), "segment_questions.who_pays")
    with pytest.raises(ChangedOnDiskError):
        session.commit(step, "Parents")
    session.save(overwrite=True)
    assert store.load(path).customer_types[0].segments[0].get("segment_questions.who_pays") == "Parents"
    assert session.file.kept == [tmp_path / "c.toml.~1~"]
    assert (tmp_path / "c.toml.~1~").read_bytes() == theirs
    session.commit(step, "Parents and grandparents")  # and saving goes on normally
    session.close()


def test_load_theirs_replaces_the_canvas_in_memory(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    session = Session.open(path, catalog)
    hand_edit(path, "Type 0", "Renamed by hand")
    step = Step(("type-0", "seg-0"), "segment_questions.who_pays")
    with pytest.raises(ChangedOnDiskError):
        session.commit(step, "Parents")
    session.reload()
    assert session.canvas.customer_types[0].name == "Renamed by hand"
    assert session.value(step) is None
    session.commit(step, "Parents")  # now saves over what it has just read
    canvas = store.load(path)
    assert canvas.customer_types[0].name == "Renamed by hand"
    assert canvas.customer_types[0].segments[0].get("segment_questions.who_pays") == "Parents"
    session.close()


def test_same_bytes_rewritten_or_a_deleted_file_is_no_conflict(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    session = Session.open(path, catalog)
    step = Step(("type-0", "seg-0"), "segment_questions.who_pays")
    path.write_bytes(path.read_bytes())  # an editor saving without changes, or a touch
    os.utime(path, (1, 1))
    session.commit(step, "Parents")
    path.unlink()  # nothing on disk to lose: the save writes it again
    session.commit(step, "Parents and more")
    assert store.load(path).customer_types[0].segments[0].get("segment_questions.who_pays") == "Parents and more"
    session.close()


def test_a_file_created_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    file = CanvasFile(path, None)  # we saw no file
    path.write_text('schema_version = 1\ntitle = "Someone else"\n')
    with pytest.raises(ChangedOnDiskError):
        file.save(Canvas(title="Mine"))
    assert store.load(path).title == "Someone else"


# -- migration keeps the original --------------------------------------------------------
def test_an_old_format_file_is_kept_before_it_is_upgraded(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    def v0_to_v1(data: dict[str, object]) -> dict[str, object]:
        data["title"] = data.pop("name")  # a synthetic version 0 called the title "name"
        return data

    monkeypatch.setitem(store.MIGRATIONS, 0, v0_to_v1)
    path = tmp_path / "old.toml"
    original = b'schema_version = 0\nname = "Old draft"\n'
    path.write_bytes(original)
    session = Session.open(path, catalog)
    assert (session.canvas.title, session.file.upgraded_from) == ("Old draft", 0)
    assert session.file.kept == [tmp_path / "old.toml.~1~"]
    assert (tmp_path / "old.toml.~1~").read_bytes() == original
    session.add_child(Step((), "structure.customer_types"), "Users")
    session.close()
    assert store.load_with_version(path)[1] == SCHEMA_VERSION
    assert (tmp_path / "old.toml.~1~").read_bytes() == original  # still there after saving
    assert store.load(path).title == "Old draft"


def test_a_version_with_no_migration_is_refused_clearly(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "old.toml"
    path.write_text("schema_version = 0\n")
    with pytest.raises(CanvasFileError, match="too old to migrate"):
        Session.open(path, catalog)
    assert path.read_text() == "schema_version = 0\n"
    assert not (tmp_path / ".old.toml.lock").exists()  # a failed open lets go of the lock


def test_temp_files_left_by_a_killed_save_are_swept_when_opening(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "c.toml"
    saved(path)
    (tmp_path / ".c.toml.0123abcd.tmp").write_text("half a canv")
    (tmp_path / ".c.toml.notes").write_text("not ours")
    session = Session.open(path, catalog)
    session.close()
    assert leftovers(tmp_path) == [".c.toml.notes"]
