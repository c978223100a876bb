"""Find, load and validate question banks: the shipped ones and a coach's own folder."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from wizard.files import bank_cache, tomlio
from wizard.files.errors import BankFileError
from wizard.files.locations import shipped_dir
from wizard.files.store import format_location
from wizard.model.bank import Bank
from wizard.model.catalog import Catalog, CatalogError


def _question_name(data: dict[str, Any], loc: tuple[int | str, ...]) -> str | None:
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        questions = data.get("questions")
        if isinstance(questions, list) and loc[1] < len(questions):
            q = questions[loc[1]]
            qid = q.get("id") if isinstance(q, dict) else None
            return f"'{qid}'" if isinstance(qid, str) else f"number {loc[1] + 1}"
    return None


def load_bank(path: Path) -> Bank:
    """One bank file; problems name the file, the question and what is wrong."""
    data = tomlio.read(path, BankFileError)
    try:
        return Bank.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        loc = tuple(err["loc"])
        question = _question_name(data, loc)
        rest = loc[2:] if question else loc
        field = format_location(rest)
        where = f"question {question}, {field}" if question else field
        more = len(exc.errors()) - 1
        tail = f" (and {more} more problem{'s' * (more > 1)})" if more else ""
        raise BankFileError(path, f"{where}: {err['msg']}{tail}") from None


def _bank_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise BankFileError(folder, "not a folder of question banks")
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise BankFileError(folder, "no question banks (*.toml files) in this folder")
    return files


def load_dir(folder: Path, files: list[Path] | None = None) -> list[Bank]:
    """Every `*.toml` bank in a folder, sorted by file name; duplicate ids are refused."""
    if files is None:
        files = _bank_files(folder)
    banks: list[Bank] = []
    seen: dict[str, Path] = {}
    for path in files:
        bank = load_bank(path)
        if bank.id in seen:
            raise BankFileError(path, f"bank id '{bank.id}' is already used by {seen[bank.id].name}")
        seen[bank.id] = path
        banks.append(bank)
    return banks


def catalog_from(banks: list[Bank], overrides: list[Bank] | None = None, where: Path | None = None) -> Catalog:
    try:
        return Catalog.merged(banks, overrides or [])
    except CatalogError as exc:
        raise BankFileError(where or shipped_dir(), str(exc)) from None


def load_dir_cached(folder: Path) -> list[Bank]:
    """`load_dir`, validated once per content of the folder (see bank_cache.py)."""
    files = _bank_files(folder)
    return bank_cache.cached(folder, files, lambda: load_dir(folder, files))


@cache
def shipped_catalog() -> Catalog:
    return catalog_from(load_dir_cached(shipped_dir()))


def load_catalog(custom: Path | None = None) -> Catalog:
    """The shipped banks, with a coach's folder adding or replacing banks by id."""
    if custom is None:
        return shipped_catalog()
    return catalog_from(load_dir_cached(shipped_dir()), load_dir_cached(custom), custom)
