"""The validated banks are cached by content: used while they match, rebuilt silently otherwise."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from tests.test_banks import GOOD, write
from wizard.files import bank_cache, banks, locations
from wizard.files.errors import BankFileError
from wizard.model.bank import Bank


class Counting:
    """`load_dir` of a folder, counting how often the banks were really validated."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.calls = folder, 0

    def __call__(self) -> list[Bank]:
        self.calls += 1
        return banks.load_dir(self.folder)

    def load(self) -> list[Bank]:
        return bank_cache.cached(self.folder, sorted(self.folder.glob("*.toml")), self)


def test_shipped_banks_validated_once_then_read_from_the_cache() -> None:
    shipped = Counting(locations.shipped_dir())
    first = shipped.load()
    again = shipped.load()
    assert shipped.calls == 1
    assert again == first == banks.load_dir(locations.shipped_dir())
    cached = bank_cache.cache_file(locations.shipped_dir())
    assert cached.parent == bank_cache.cache_dir()
    assert bank_cache.cache_dir() != locations.state_dir()


def test_a_coach_folder_edited_by_hand_is_validated_again(tmp_path: Path) -> None:
    bank = write(tmp_path / "mine", "pricing.toml", GOOD)
    mine = Counting(tmp_path / "mine")
    assert mine.load()[0].questions[0].prompt == "What would they pay?"
    stat = bank.stat()
    # Same size, same time: only the content tells.
    bank.write_text(GOOD.replace("What would they pay?", "What would they pay!"))
    os.utime(bank, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert mine.load()[0].questions[0].prompt == "What would they pay!"
    assert mine.calls == 2
    write(tmp_path / "mine", "extra.toml", GOOD.replace('id = "pricing"', 'id = "extra"'))
    assert [b.id for b in mine.load()] == ["extra", "pricing"]
    assert mine.calls == 3


def test_a_broken_bank_is_reported_even_after_a_good_one_was_cached(tmp_path: Path) -> None:
    write(tmp_path / "mine", "pricing.toml", GOOD)
    assert banks.load_catalog(tmp_path / "mine").get("pricing.price") is not None
    write(tmp_path / "mine", "pricing.toml", GOOD.replace('kind = "text"', 'kind = "essay"'))
    with pytest.raises(BankFileError, match="question 'price', kind"):
        banks.load_catalog(tmp_path / "mine")


def _damaged(data: bytes) -> list[bytes]:
    body = len(bank_cache.MAGIC) + 64
    flipped = bytearray(data)
    flipped[body + len(data[body:]) // 2] ^= 0xFF
    return [b"", data[: len(data) // 2], bytes(flipped), b"not a cache at all\n" * 10,
            b"X" + data[1:], data[:body] + b"\x80\x05garbage"]


@pytest.mark.parametrize("case", range(6))
def test_a_damaged_cache_is_rebuilt_silently(case: int) -> None:
    shipped = Counting(locations.shipped_dir())
    good = shipped.load()
    path = bank_cache.cache_file(locations.shipped_dir())
    path.write_bytes(_damaged(path.read_bytes())[case])
    assert shipped.load() == good
    assert shipped.calls == 2
    assert shipped.load() == good and shipped.calls == 2  # and written again, whole


def test_a_cache_that_holds_something_else_is_not_trusted() -> None:
    shipped = Counting(locations.shipped_dir())
    good = shipped.load()
    path = bank_cache.cache_file(locations.shipped_dir())
    data = path.read_bytes()
    head = len(bank_cache.MAGIC)
    body = pickle.dumps({"not": "banks"})
    key = data[head:head + 32]
    bank_cache.write(path, key, body)  # type: ignore[arg-type]  # a well-formed file of the wrong thing
    assert shipped.load() == good
    assert shipped.calls == 2


def test_a_cache_others_could_write_is_not_read() -> None:
    shipped = Counting(locations.shipped_dir())
    shipped.load()
    path = bank_cache.cache_file(locations.shipped_dir())
    path.chmod(0o666)
    shipped.load()
    assert shipped.calls == 2


def test_no_writable_cache_folder_only_costs_the_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setenv(bank_cache.CACHE_ENV, str(blocked / "cache"))
    shipped = Counting(locations.shipped_dir())
    assert shipped.load() == shipped.load() == banks.load_dir(locations.shipped_dir())
    assert shipped.calls == 2
