"""Write TOML text with tomli-w in a fixed layout, refusing what could not be read back as written."""

from __future__ import annotations

import hashlib
import math
from typing import Any

import tomli_w

from wizard.files import tomlio


class Written(str):
    """TOML text made by `dumps`, which reads back as the data it was made from.

    The writer hands tomli-w only values checked against the limits of `parse`, in a fixed
    layout; tests/test_reliability_roundtrip.py holds it to reading back exactly, over
    hostile text and whole canvases. So its text is saved without being parsed again,
    while text from anywhere else is parsed before it may replace a file.
    """


class Reuse:
    """The text each table of a list of tables (a customer type, a segment, a job) was
    written as, by what it held: kept by one open file from one save to the next.

    A canvas saved again after one answer holds one changed segment; tomli-w formats text a
    character at a time in Python, and at 1000 segments writing all of them again took
    0.3-0.4 s of the writer thread, which shares the interpreter with the UI thread. A
    table is known by a 128-bit BLAKE2 digest of its repr, which for the plain values a
    canvas holds (text, whole numbers, true/false, dates, lists and tables, in order) is
    equal only when they are: the same content in the same order, so the same text.
    """

    def __init__(self) -> None:
        self._texts: dict[_Key, _Entry] = {}

    def __len__(self) -> int:
        return len(self._texts)


def dumps(data: dict[str, Any], reuse: Reuse | None = None) -> Written:
    """TOML text for `data`; refuses values TOML cannot hold rather than writing them.

    Lists of tables are always written as `[[name]]` sections (tomli-w picks inline or
    sectioned by line length, so a growing canvas would change style and make noisy diffs).
    With `reuse`, a table written the same last time is not formatted again (see `Reuse`).
    """
    careful = not tomlio.within_limits(data, 1)
    if careful:  # something to refuse, or to look at closer: say where
        _refuse_unwritable(data, "")
        problem = tomlio.limit_problem_where(data)
        if problem:  # never write what we would refuse to read back
            raise ValueError(problem)
    chunks: list[str] = []
    # Only plain values are known by their repr: anything else took the careful path.
    memo = _Memo(reuse._texts, {}) if reuse is not None and not careful else None
    _emit(data, "", False, chunks, memo)
    text = "\n".join(chunks)
    if not careful and tomlio.SURROGATE.search(text):  # the quick pass leaves text to this
        _refuse_unwritable(data, "")
    if memo is not None and reuse is not None:
        reuse._texts = memo.now  # what this text holds: the tables gone are forgotten
    return Written(text)


_Key = tuple[str, bytes]
"""A table's name (`customer_types.segments`) and the digest of what it holds."""
_Entry = tuple[str, tuple[_Key, ...]]
"""Its text, and the keys of the tables of lists inside it."""


class _Memo:
    """One `dumps` with a `Reuse`: the entries of the last one (`before`), those of this one."""

    def __init__(self, before: dict[_Key, _Entry], now: dict[_Key, _Entry]) -> None:
        self.before, self.now = before, now
        self._inside: list[list[_Key]] = []

    def text(self, item: dict[str, Any], name: str) -> str:
        """The text of one table of a list named `name` (its `[[name]]` and what is below it)."""
        key = (name, hashlib.blake2b(repr(item).encode("utf-8", "surrogatepass"), digest_size=16).digest())
        entry = self.now.get(key)
        if entry is None and (entry := self.before.get(key)) is not None:
            self._carry(key, entry)
        if entry is None:
            self._inside.append([])
            chunks: list[str] = []
            _emit(item, name, True, chunks, self)
            # Never empty: it holds the table's header at least.
            entry = self.now[key] = ("\n".join(chunks), tuple(self._inside.pop()))
        if self._inside:
            self._inside[-1].append(key)
        return entry[0]

    def _carry(self, key: _Key, entry: _Entry) -> None:
        # A table reused whole keeps the entries of the tables inside it too: when one of
        # them changes later, its neighbours are still known.
        stack = [(key, entry)]
        while stack:
            key, entry = stack.pop()
            self.now[key] = entry
            stack.extend((inner, found) for inner in entry[1]
                         if inner not in self.now and (found := self.before.get(inner)) is not None)


def _has_cr(value: Any) -> bool:
    if isinstance(value, str):
        return "\r" in value
    return isinstance(value, (list, tuple)) and any(_has_cr(v) for v in value)


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


_KEYS: dict[str, str] = {}


def _key(key: str) -> str:
    # tomli-w knows when a key needs quoting; ask it rather than re-implement the rule.
    # A canvas repeats a few dozen keys thousands of times, so each is asked once.
    quoted = _KEYS.get(key)
    if quoted is None:
        quoted = tomli_w.dumps({key: 0}).rsplit(" = ", 1)[0]
        if len(_KEYS) < 10_000:
            _KEYS[key] = quoted
    return quoted


def _emit(table: dict[str, Any], name: str, in_list: bool, chunks: list[str], memo: _Memo | None = None) -> None:
    literals: dict[str, Any] = {}
    tables: list[tuple[str, Any]] = []
    has_cr = False
    for key, value in table.items():
        if isinstance(value, dict) or _is_table_list(value):
            tables.append((key, value))
        else:
            literals[key] = value
            has_cr = has_cr or _has_cr(value)
    # Multi-line strings read best, but TOML lets a reader turn their \r\n into \n (and
    # tomli-w does), so text holding a carriage return is written escaped on one line.
    # tomli-w writes a table of plain values a line each, so one call writes them all.
    if has_cr:
        text = "".join(tomli_w.dumps({k: v}, multiline_strings=not _has_cr(v)) for k, v in literals.items())
    else:
        text = tomli_w.dumps(literals, multiline_strings=True) if literals else ""
    if in_list:
        text = f"[[{name}]]\n{text}"
    elif name and (literals or not tables):
        text = f"[{name}]\n{text}"
    if text:
        chunks.append(text)
    for key, value in tables:
        sub = f"{name}.{_key(key)}" if name else _key(key)
        if isinstance(value, dict):
            _emit(value, sub, False, chunks, memo)
        elif memo is not None:
            chunks.extend(memo.text(item, sub) for item in value)
        else:
            for item in value:
                _emit(item, sub, True, chunks)


def _refuse_unwritable(value: Any, where: str) -> None:
    # Policy: None and NaN/inf never reach the writer; the model never produces them, so
    # meeting one here is a bug worth stopping for rather than a value to coerce.
    if value is None:
        raise ValueError(f"{where or 'value'}: None cannot be saved in TOML")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{where or 'value'}: {value} cannot be saved in TOML")
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"{where or 'value'}: text with a lone surrogate cannot be saved") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_unwritable(key, where)
            _refuse_unwritable(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            _refuse_unwritable(item, f"{where}[{i}]")
