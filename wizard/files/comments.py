"""Hand-written comments in a canvas file, kept when the wizard saves it.

A canvas is meant to be edited by hand, and docs/canvas-format.md tells users to put a
`#:schema` line at its top; tomllib reads no comments, so the fast writer (toml_write.dumps)
dropped them all at the first save. Three cases, cheapest first:

- no comment at all (every file the wizard wrote itself): the fast writer, unchanged;
- comments only in the file's first lines (the `#:schema` line, a note on top): those lines,
  then the fast writer's text. Comment lines cannot change what the text means, so this
  text still needs no parse to check it;
- comments anywhere else: tomlkit, which keeps comments and layout. It parses the file
  once, in the writer thread at the first save, then each save changes in that document
  only the values that changed and writes it out; the text is parsed back and must equal
  what was meant, or the save falls back to the second case (the comments in the file's
  body are then lost, its head is kept).

tomlkit parses about 25 times slower than tomllib (5 s against 0.2 s at 1000 segments, see
docs/performance.md), which is why it is used only for files that need it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from wizard.files import toml_write

# A string (so that a `#` inside one is not taken for a comment), or a `#`: scanned in
# order, the first `#` matched on its own starts a comment. Multi-line strings first.
_TOKENS = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"{3,5}|\'\'\'.*?\'{3,5}|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#',
                     re.DOTALL)
_HEAD = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\r?\n)*")
"""Leading lines that are blank or only a comment."""


def _first_comment(text: str, start: int) -> int:
    """Where the first comment at or after `start` begins, or -1."""
    for match in _TOKENS.finditer(text, start):
        if match.group() == "#":
            return match.start()
    return -1


@dataclass
class KeptComments:
    """The comments of one canvas file and how to keep them when it is written again."""

    head: str
    """The file's first lines that are blank or comments, written before the canvas."""
    source: str | None = None
    """The whole text as read, when it has comments beyond its head (tomlkit is needed)."""
    _doc: Any = field(default=None, repr=False)
    _data: dict[str, Any] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, raw: bytes) -> KeptComments | None:
        """The comments of a file's bytes as loaded; None when it has none (the fast path)."""
        if b"#" not in raw:
            return None
        text = raw.decode("utf-8-sig")
        head_end = _HEAD.match(text).end()  # type: ignore[union-attr]  # matches at least ""
        head = text[:head_end]
        if "#" not in head:
            head = ""
        body = _first_comment(text, head_end)
        if not head and body < 0:
            return None
        return cls(head.replace("\r\n", "\n"), text if body >= 0 else None)

    def render(self, data: dict[str, Any], reuse: toml_write.Reuse | None = None) -> str:
        """The text to save for `data`, with the comments kept. A `toml_write.Written` when it is
        the fast writer's text after the head (no parse needed to check it); `reuse` as for
        `toml_write.dumps`."""
        if self.source is not None:
            try:
                text = self._with_tomlkit(data)
            except Exception:  # tomlkit could not do it: keep the head at least, and say nothing worse
                text = None
            if text is not None:
                return text
            self.source, self._doc = None, None  # from now on the fast path with the head
        return toml_write.Written(self.head + toml_write.dumps(data, reuse))

    def _with_tomlkit(self, data: dict[str, Any]) -> str | None:
        import tomlkit  # only for files with comments beyond their head

        if self._doc is None:
            assert self.source is not None
            self._doc = tomlkit.parse(self.source)
            self._data = tomllib.loads(self.source)
        toml_write.dumps(data)  # refuses what TOML cannot hold, as every save does
        _merge(self._doc, self._data or {}, data)
        text = tomlkit.dumps(self._doc)
        if tomllib.loads(text) != data:  # never write what would not read back as meant
            return None
        self._data = data
        return toml_write.Written(text)  # checked just now: it reads back as `data`


def _merge(container: Any, old: dict[str, Any], new: dict[str, Any]) -> None:
    """Make the tomlkit table `container` (which holds `old`) hold `new`, touching only what
    changed, so the comments and layout around everything else stay as they were."""
    from tomlkit.items import AoT, InlineTable, Table

    for key in [k for k in container if k not in new]:
        del container[key]
    for key, value in new.items():
        if key in old and old[key] == value and key in container:
            continue
        existing = container.get(key)
        if isinstance(value, dict) and isinstance(existing, (Table, InlineTable)):
            before = old.get(key)
            _merge(existing, before if isinstance(before, dict) else {}, value)
        elif _is_table_list(value) and isinstance(existing, AoT):
            _merge_tables(container, key, existing, old.get(key), value)
        else:
            container[key] = _item(value)


def _merge_tables(container: Any, key: str, tables: Any, old: Any, new: list[dict[str, Any]]) -> None:
    """An array of tables: matched by `id` (customer types, segments, jobs), so a comment
    stays with its segment when segments are added, removed or moved; by position otherwise."""
    import tomlkit

    old_list = old if isinstance(old, list) and len(old) == len(tables) else [{} for _ in tables]
    ids = [o.get("id") if isinstance(o, dict) else None for o in old_list]
    new_ids = [n.get("id") for n in new]
    if ids == new_ids:
        for table, before, after in zip(tables, old_list, new, strict=True):
            _merge(table, before, after)
        return
    if None in new_ids or len(set(new_ids)) != len(new_ids):  # nothing to match by: by position
        pairs = [(tables[i], old_list[i]) if i < len(tables) else (None, None) for i in range(len(new))]
    else:
        by_id = {i: (t, o) for i, t, o in zip(ids, tables, old_list, strict=True) if i is not None}
        pairs = [by_id.pop(i, (None, None)) for i in new_ids]
    rebuilt = tomlkit.aot()
    for (table, before), item in zip(pairs, new, strict=True):
        if table is None:
            rebuilt.append(_item(item))
        else:
            _merge(table, before or {}, item)
            rebuilt.append(table)
    container[key] = rebuilt


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


_PLAIN_MULTILINE = re.compile(r'[^"\\\x00-\x08\x0b-\x1f\x7f]*')


def _item(value: Any) -> Any:
    """A new value in the fast writer's style: lists one item a line, text with line
    breaks as a multi-line string when that is unambiguous, a blank line after a table."""
    import tomlkit

    if isinstance(value, dict):
        table = tomlkit.table()
        for key, item in value.items():
            table[key] = _item(item)
        return table
    if _is_table_list(value):
        tables = tomlkit.aot()
        for item in value:
            tables.append(_item(item))
        return tables
    if isinstance(value, list):
        array = tomlkit.array()
        array.extend(_item(v) for v in value)
        return array.multiline(bool(value))
    if isinstance(value, str) and "\n" in value and _PLAIN_MULTILINE.fullmatch(value):
        return tomlkit.string(value, multiline=True)
    return tomlkit.item(value)
