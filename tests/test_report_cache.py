"""`report` keeps each canvas's row by the file's bytes: reused while nothing that decides it changed."""

from __future__ import annotations

import dataclasses
import os
import pickle
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.test_banks import GOOD, write
from wizard.commands import report_cache, report_rows, report_scan
from wizard.commands.cli import main
from wizard.commands.report_rows import Invalid, Row
from wizard.files import bank_cache, banks
from wizard.model.catalog import Catalog

BROKEN = 'schema_version = 1\ntitle = "unterminated\n'


FILES = len(list(EXAMPLES.glob("*.toml"))) + 1
"""The cohort's files: every shipped example and one broken file."""


class Counting:
    """report_scan's `examine`, counting the files really read, validated, scored and checked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.files: list[str] = []
        monkeypatch.setattr(report_scan, "examine", self)

    def __call__(self, path: Path, raw: bytes, catalog: Catalog) -> report_rows.Result:
        self.files.append(path.name)
        return report_rows.examine(path, raw, catalog)


def fresh(folder: Path, catalog: Catalog) -> tuple[list[Row], list[Invalid]]:
    return report_scan.build(folder, catalog, cached=False)


def test_a_second_report_reads_no_canvas_again_and_shows_the_same(cohort: Path, catalog: Catalog,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    counting = Counting(monkeypatch)
    first = report_scan.build(cohort, catalog)
    assert len(counting.files) == FILES
    again = report_scan.build(cohort, catalog)
    assert len(counting.files) == FILES  # nothing computed the second time
    assert again == first == fresh(cohort, catalog)
    assert first[1][0].problem.startswith("invalid TOML")  # what is wrong with a file is kept too
    assert report_cache.cache_file(cohort).parent == report_cache.cache_dir()


def test_an_edit_that_keeps_size_and_time_is_read_again(cohort: Path, catalog: Catalog,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    counting = Counting(monkeypatch)
    report_scan.build(cohort, catalog)
    draft = cohort / "draft-bakery.toml"
    stat = draft.stat()
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace('title = "Cupcake shop"', 'title = "Cupcake stop"'), encoding="utf-8")
    os.utime(draft, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    counting.files.clear()
    rows, _ = report_scan.build(cohort, catalog)
    assert counting.files == ["draft-bakery.toml"]
    assert "Cupcake stop" in [r.title for r in rows]


def test_a_copy_or_a_renamed_file_is_shown_under_its_own_name(cohort: Path, catalog: Catalog,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    counting = Counting(monkeypatch)
    report_scan.build(cohort, catalog)
    (cohort / "facebook.toml").rename(cohort / "renamed.toml")
    shutil.copy(cohort / "renamed.toml", cohort / "copy.toml")
    counting.files.clear()
    rows, invalid = report_scan.build(cohort, catalog)
    assert counting.files == []
    expected = sorted({*(p.name for p in EXAMPLES.glob("*.toml")), "copy.toml", "renamed.toml"} - {"facebook.toml"})
    assert sorted(r.file.name for r in rows) == expected
    assert all(r.file.parent == cohort for r in rows) and invalid[0].file == cohort / "broken.toml"
    assert (rows, invalid) == fresh(cohort, catalog)


def test_other_banks_compute_every_row_again(cohort: Path, tmp_path: Path, catalog: Catalog,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    counting = Counting(monkeypatch)
    report_scan.build(cohort, catalog)
    write(tmp_path / "mine", "pricing.toml", GOOD)
    coach = banks.load_catalog(tmp_path / "mine")
    counting.files.clear()
    report_scan.build(cohort, coach)
    assert len(counting.files) == FILES
    # A hand edit of the coach's bank is other banks too.
    write(tmp_path / "mine", "pricing.toml", GOOD.replace("What would they pay?", "What would they pay!"))
    counting.files.clear()
    report_scan.build(cohort, banks.load_catalog(tmp_path / "mine"))
    assert len(counting.files) == FILES


def test_a_new_field_of_the_row_is_a_new_cache_format() -> None:
    @dataclasses.dataclass(frozen=True)
    class Row(report_rows.Row):  # as another engineer adds a column
        follow_up: int = 0

    assert report_rows._format_of(Row, report_rows.Weakest, Invalid) != report_rows._format_of(
        report_rows.Row, report_rows.Weakest, Invalid)


def test_a_row_format_or_wizard_change_is_not_read_from_the_cache(cohort: Path, catalog: Catalog,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    counting = Counting(monkeypatch)
    report_scan.build(cohort, catalog)
    monkeypatch.setattr(report_cache, "ROW_FORMAT", "a row with one more field")
    counting.files.clear()
    report_scan.build(cohort, catalog)
    assert len(counting.files) == FILES
    monkeypatch.setattr(report_cache, "__version__", "99.0")
    counting.files.clear()
    report_scan.build(cohort, catalog)
    assert len(counting.files) == FILES


def _damaged(data: bytes) -> list[bytes]:
    body = len(report_cache.MAGIC) + 64
    flipped = bytearray(data)
    flipped[body + len(data[body:]) // 2] ^= 0xFF
    return [b"", data[: len(data) // 2], bytes(flipped), b"not a cache at all\n" * 10,
            b"X" + data[1:], data[:body] + b"\x80\x05garbage"]


@pytest.mark.parametrize("case", range(6))
def test_a_damaged_cache_is_rebuilt_silently(case: int, cohort: Path, catalog: Catalog,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    good = report_scan.build(cohort, catalog)
    path = report_cache.cache_file(cohort)
    path.write_bytes(_damaged(path.read_bytes())[case])
    counting = Counting(monkeypatch)
    assert report_scan.build(cohort, catalog) == good
    assert len(counting.files) == FILES
    assert report_scan.build(cohort, catalog) == good and len(counting.files) == FILES  # written again, whole


@pytest.mark.parametrize("entries", [{"not": "rows"}, {b"x" * 32: "a row?"}, [1, 2, 3]])
def test_a_cache_that_holds_something_else_is_not_trusted(entries: object, cohort: Path, catalog: Catalog,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    good = report_scan.build(cohort, catalog)
    path = report_cache.cache_file(cohort)
    report_cache.write(path, report_cache.key(catalog), entries)  # type: ignore[arg-type]
    counting = Counting(monkeypatch)
    assert report_scan.build(cohort, catalog) == good
    assert len(counting.files) == FILES


def test_a_forged_row_under_the_right_key_needs_a_cache_only_the_user_can_write(
        cohort: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    good = report_scan.build(cohort, catalog)
    path = report_cache.cache_file(cohort)
    path.chmod(0o666)
    counting = Counting(monkeypatch)
    assert report_scan.build(cohort, catalog) == good
    assert len(counting.files) == FILES


def test_an_unreadable_file_is_listed_and_never_cached(cohort: Path, catalog: Catalog,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    if hasattr(os, "getuid") and os.getuid() == 0:
        # root reads any file: a folder in its place cannot be read either.
        (cohort / "locked.toml").mkdir()
    else:
        (cohort / "locked.toml").write_text(BROKEN, encoding="utf-8")
        (cohort / "locked.toml").chmod(0)
    _, invalid = report_scan.build(cohort, catalog)
    assert [i.file.name for i in invalid] == ["broken.toml", "locked.toml"]
    assert invalid[1].problem.startswith(("cannot read the file", "this is a folder"))
    entries = report_cache.read(report_cache.cache_file(cohort), report_cache.key(catalog))
    assert len(entries) == FILES and all(r.file.name != "locked.toml" for r in entries.values())


def test_the_cache_keeps_only_the_files_of_the_last_report(cohort: Path, catalog: Catalog) -> None:
    report_scan.build(cohort, catalog)
    (cohort / "facebook.toml").unlink()
    report_scan.build(cohort, catalog)
    entries = report_cache.read(report_cache.cache_file(cohort), report_cache.key(catalog))
    assert sorted(r.file.name for r in entries.values()) == sorted(
        {"broken.toml", *(p.name for p in EXAMPLES.glob("*.toml"))} - {"facebook.toml"})


def test_no_writable_cache_folder_only_costs_the_time(cohort: Path, tmp_path: Path, catalog: Catalog,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setenv(bank_cache.CACHE_ENV, str(blocked / "cache"))
    assert main(["report", str(cohort)]) == 0
    assert main(["report", str(cohort)]) == 0
    out = capsys.readouterr()
    assert out.err == "" and out.out.count(f"{FILES - 1} canvases, 1 file not valid") == 2


def test_fresh_reads_every_canvas_again(cohort: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(cohort)]) == 0
    first = capsys.readouterr().out
    counting = Counting(monkeypatch)
    assert main(["report", "--fresh", str(cohort)]) == 0
    assert len(counting.files) == FILES and capsys.readouterr().out == first
    assert main(["report", str(cohort)]) == 0
    assert len(counting.files) == FILES and capsys.readouterr().out == first


def test_rows_computed_in_parallel_are_cached_in_order(cohort: Path, catalog: Catalog,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(12):  # more files than workers, each a different row
        text = (EXAMPLES / "facebook.toml").read_text(encoding="utf-8")
        (cohort / f"copy-{n:02d}.toml").write_text(text.replace('title = "', f'title = "{n:02d} ', 1),
                                                   encoding="utf-8")
    alone = fresh(cohort, catalog)
    monkeypatch.setattr(report_scan, "PARALLEL_FROM", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # the pool even on a one-core machine
    assert report_scan.build(cohort, catalog) == alone
    entries = report_cache.read(report_cache.cache_file(cohort), report_cache.key(catalog))
    assert all(report_cache.file_key(r.file.read_bytes()) == digest for digest, r in entries.items())
    assert report_scan.build(cohort, catalog) == alone


def test_pickle_of_a_row_round_trips() -> None:
    row = Row(file=Path("a.toml"), title="A", score=1, weakest=report_rows.Weakest("jobs", "Jobs", 1),
              sections={"jobs": 1}, segments=1, open_required=2, checks={"warning": 1, "info": 0})
    assert pickle.loads(pickle.dumps(row)) == row
