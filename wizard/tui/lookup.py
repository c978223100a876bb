"""Finding one widget of a screen by its id, where it may be gone, without walking the screen.

`screen.query("#id")` matches the selector against every widget of the screen (some three
hundred on the question screen: 1-3 ms a call), and the question screen asked it several
times for each question shown. `query_one` finds an id by Textual's id index and caches
the answer until the screen's widgets change; it raises when there is none, which is what
a screen that is closing, or one without a coach session, has.
"""

from __future__ import annotations

from typing import TypeVar

from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.widget import Widget

W = TypeVar("W", bound=Widget)


def by_id(node: DOMNode, widget_id: str, kind: type[W]) -> W | None:
    """The widget under `node` with id `widget_id`, if there is one and it is a `kind`."""
    try:
        found = node.query_one(f"#{widget_id}")
    except NoMatches:
        return None
    return found if isinstance(found, kind) else None
