"""Every kind of bad file gets one clear error naming it, no traceback, and stays untouched.

The invalid documents of the public toml-test suite, bad encodings, absurd sizes, depths
and numbers, special files, wrong types, unknown keys and formats from the future."""

from __future__ import annotations

import os
import threading
import tomllib
from pathlib import Path

import pytest

from wizard.commands import cli
from wizard.files import store, tomlio
from wizard.files.errors import CanvasFileError, NewerVersionError
from wizard.model.canvas import SCHEMA_VERSION

TOML_TEST = Path(__file__).resolve().parent / "toml-test" / "invalid"
INVALID = sorted(TOML_TEST.rglob("*.toml"))


def refused(path: Path, data: bytes) -> str:
    """Write `data` to `path`, load it, and return the one-line message it was refused with."""
    path.write_bytes(data)
    stamp = path.stat().st_mtime_ns
    with pytest.raises(CanvasFileError) as info:
        store.load(path)
    message = str(info.value)
    assert message.startswith(f"{path}: "), message
    assert "\n" not in message and "\x1b" not in message
    assert path.read_bytes() == data and path.stat().st_mtime_ns == stamp  # untouched
    return message


def test_the_vendored_suite_is_all_there() -> None:
    assert len(INVALID) == 473  # as listed in toml-test's files-toml-1.0.0
    assert (TOML_TEST.parent / "LICENSE").read_text().startswith("The MIT License")


@pytest.mark.parametrize("document", INVALID, ids=[str(p.relative_to(TOML_TEST)) for p in INVALID])
def test_every_invalid_toml_test_document_is_refused_clearly(tmp_path: Path, document: Path) -> None:
    message = refused(tmp_path / "bad.toml", document.read_bytes())
    reasons = ("invalid TOML", "not valid UTF-8", "binary file", "UTF-16", "the file is empty")
    assert any(reason in message for reason in reasons), message


def test_the_command_line_gives_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for document in INVALID[::40]:
        path = tmp_path / "bad.toml"
        path.write_bytes(document.read_bytes())
        assert cli.main(["check", str(path)]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"canvas-wizard: {path}: ") and err.count("\n") == 1, err
        assert "Traceback" not in err


BAD: list[tuple[str, bytes, str]] = [
    ("empty", b"", "the file is empty"),
    ("only whitespace", b" \n\t\n", "the file is empty"),
    ("binary", bytes(range(256)) * 4, "binary file"),
    ("a PNG", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("invalid UTF-8", b'title = "caf\xe9"\n', "not valid UTF-8 (line 1)"),
    ("an encoded surrogate", b'schema_version = 1\ntitle = "\xed\xa0\x80"\n', "not valid UTF-8 (line 2)"),
    ("UTF-16 with BOM", 'schema_version = 1\ntitle = "x"\n'.encode("utf-16"), "UTF-16"),
    ("UTF-16 LE without BOM", 'schema_version = 1\n'.encode("utf-16-le"), "UTF-16"),
    ("UTF-16 BE without BOM", 'schema_version = 1\n'.encode("utf-16-be"), "UTF-16"),
    ("arrays 5000 deep", b"x = " + b"[" * 5000 + b"]" * 5000, "nested"),
    ("inline tables 5000 deep", b"x = " + b"{a=" * 5000 + b"1" + b"}" * 5000, "nested"),
    ("arrays 500 deep", b"x = " + b"[" * 500 + b"]" * 500, "nested"),
    ("dotted key 5000 deep", b"schema_version = 1\n" + b".".join([b"a"] * 5000) + b" = 1\n", "nested"),
    ("table header 5000 deep", b"[" + b".".join([b"a"] * 5000) + b"]\n", "nested"),
    ("integer of 5000 digits", b"schema_version = " + b"9" * 5000, "integer is far too large"),
    ("integer of 3000 digits", b"schema_version = " + b"9" * 3000, "integer out of range"),
    ("integer past 64 bits", b"schema_version = 9223372036854775808", "integer out of range"),
    ("3 MB string", b'schema_version = 1\ntitle = "' + b"x" * 3_000_000 + b'"\n', "text of 3,000,000 characters"),
    ("3 MB key", b'schema_version = 1\n"' + b"k" * 3_000_000 + b'" = 1\n', "a key of 3,000,000 characters"),
    ("not a canvas", b'name = "my app"\n', "schema_version: missing"),
    ("version as text", b'schema_version = "1"\n', "schema_version: must be a whole number"),
    ("version as float", b"schema_version = 1.0\n", "schema_version: must be a whole number"),
    ("title of the wrong type", b"schema_version = 1\ntitle = 3\n", "title"),
    ("answers of the wrong type", b'schema_version = 1\nanswers = "all of them"\n', "answers"),
    ("range of the wrong type", b'schema_version = 1\n[answers.audience]\nage = [1.5, "x"]\n', "answers.audience.age"),
    ("a type without a name", b'schema_version = 1\n[[customer_types]]\nid = "u"\n', "customer_types[0].name"),
    ("an id that is no id", b'schema_version = 1\n[[customer_types]]\nid = "U S"\nname = "x"\n',
     "customer_types[0].id"),
    ("unknown key", b'schema_version = 1\ncolour = "red"\n', "colour"),
    ("unknown nested key", b'schema_version = 1\n[[customer_types]]\nid = "u"\nname = "U"\nsize = 3\n',
     "customer_types[0].size"),
    ("a key with escapes", b'schema_version = 1\n"\\u001b]8;;http://x\\u0007" = 1\n', "\\x1b]8;;http://x\\x07"),
]


@pytest.mark.parametrize(("name", "data", "expected"), BAD, ids=[b[0] for b in BAD])
def test_bad_files_get_one_clear_reason(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    assert expected in refused(tmp_path / "bad.toml", data)


def test_a_format_from_the_future_says_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    message = refused(path, f"schema_version = {SCHEMA_VERSION + 1}\ntitle = 'From tomorrow'\n".encode())
    assert f"made by a newer canvas-wizard (format version {SCHEMA_VERSION + 1}" in message and "upgrade" in message
    with pytest.raises(NewerVersionError):
        store.load(path)


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b'\xef\xbb\xbfschema_version = 1\ntitle = "Windows"\n')
    assert store.load(path).title == "Windows"


def test_an_absurd_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.toml"
    with open(path, "wb") as handle:
        handle.truncate(2 * 1024**3)  # 2 GiB, sparse: reading it would take seconds and memory
    monkeypatch.setattr(tomllib, "loads", lambda *a, **k: pytest.fail("parsed a file over the cap"))
    monkeypatch.setattr(os, "read", lambda *a: pytest.fail("read a file over the cap"))
    with pytest.raises(CanvasFileError, match="2048 MiB; the limit is 16 MiB"):
        store.load(path)


def test_just_over_the_cap_is_refused_and_just_under_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"#" * (tomlio.MAX_BYTES + 1))
    with pytest.raises(CanvasFileError, match="limit is 16 MiB"):
        store.load(path)
    path.write_bytes(b"schema_version = 1\n" + b"#" * (tomlio.MAX_BYTES - 40) + b"\n")
    assert store.load(path).schema_version == SCHEMA_VERSION  # (a format-1 file, migrated)


def test_special_files_are_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    results: list[str] = []

    def load(path: Path) -> None:
        try:
            store.load(path)
        except CanvasFileError as exc:
            results.append(str(exc))

    for path in (fifo, Path("/dev/zero"), Path("/dev/null")):
        worker = threading.Thread(target=load, args=(path,), daemon=True)
        worker.start()
        worker.join(timeout=10)
        assert not worker.is_alive(), f"loading {path} hung"
    assert len(results) == 3 and all("not a regular file" in r for r in results), results


def test_a_folder_a_missing_file_and_a_dangling_symlink(tmp_path: Path) -> None:
    with pytest.raises(CanvasFileError, match="folder"):
        store.load(tmp_path)
    with pytest.raises(CanvasFileError, match="no such file"):
        store.load(tmp_path / "missing.toml")
    link = tmp_path / "link.toml"
    link.symlink_to(tmp_path / "gone.toml")
    with pytest.raises(CanvasFileError, match="no such file"):
        store.load(link)
