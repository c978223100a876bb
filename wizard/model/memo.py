"""Results derived from one node of a canvas, kept while the node stays the same.

Scoring and the quality checks read every node of a canvas after every change, though a
change touches one node or a few. A `NodeMemo` keeps what was derived from each node
together with a copy of what it was derived from (the node's answers and marks, and what
else the caller says it read: names, a deciding answer further up, whether it has
children), and hands the result back while all of that still compares equal.

Comparing content, not identity, keeps it right however the canvas was changed: through
`Node.set`, a structure edit, or a test editing the dicts in place. Memos belong to one
canvas object (`for_canvas`) and go when it does.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Hashable
from typing import Any, Generic, TypeVar

from wizard.model.canvas import Answers, Canvas, Node, NotApplicable

T = TypeVar("T")

Location = tuple[str, ...]


def copy_answers(answers: Answers) -> Answers:
    # Lists are the only mutable values an answer holds (ranges are tuples of ints).
    return {bank: {q: v.copy() if isinstance(v, list) else v for q, v in values.items()}
            for bank, values in answers.items()}


def copy_na(na: NotApplicable) -> NotApplicable:
    return {bank: dict(reasons) for bank, reasons in na.items()}


class NodeMemo(Generic[T]):
    """Per-location results of one computation over one canvas (see the module docstring).

    `lock` is held by the computation while it reads and fills the memo.
    """

    def __init__(self, source: object) -> None:
        self.source = source
        """What the results also depend on and are compared by identity (a catalog)."""
        self.lock = threading.Lock()
        self.runs = 0
        """How many times the computation has used this memo (for one that keeps nothing the first time)."""
        self._kept: dict[Location, tuple[Answers, NotApplicable, Hashable, T]] = {}
        self._used: set[Location] = set()

    def get(self, location: Location, node: Node, extra: Hashable) -> T | None:
        """The result kept for `node` at `location`, if nothing it came from has changed."""
        self._used.add(location)
        kept = self._kept.get(location)
        if kept is None:
            return None
        answers, na, kept_extra, result = kept
        if kept_extra == extra and answers == node.answers and na == node.not_applicable:
            return result
        return None

    def put(self, location: Location, node: Node, extra: Hashable, result: T) -> T:
        self._used.add(location)
        self._kept[location] = (copy_answers(node.answers), copy_na(node.not_applicable), extra, result)
        return result

    def sweep(self) -> None:
        """Forget the locations not asked about since the last sweep (removed nodes)."""
        if len(self._used) < len(self._kept):
            self._kept = {loc: kept for loc, kept in self._kept.items() if loc in self._used}
        self._used = set()


_MEMOS: dict[tuple[int, str], NodeMemo[Any]] = {}
_MEMOS_LOCK = threading.Lock()


def for_canvas(canvas: Canvas, purpose: str, source: object) -> NodeMemo[Any]:
    """The memo of `purpose` for this canvas object, made afresh when `source` differs."""
    key = (id(canvas), purpose)
    with _MEMOS_LOCK:
        memo = _MEMOS.get(key)
        if memo is None:
            # The memo lives as long as the canvas: its id cannot be reused before then.
            weakref.finalize(canvas, _MEMOS.pop, key, None)
        if memo is None or memo.source is not source:
            memo = _MEMOS[key] = NodeMemo(source)
        return memo
