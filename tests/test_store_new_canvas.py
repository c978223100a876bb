"""A new canvas is written without pydantic's serializer, and exactly as pydantic would write it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from tests.test_reliability_roundtrip import CANVASES, PROPERTY, SHORT, TEXT, WHEN
from wizard.core.session import new_canvas
from wizard.files import store
from wizard.model.canvas import Canvas, CustomerType


def dumped(canvas: Canvas) -> dict[str, Any]:
    """What the file holds when pydantic's serializer writes it (no shortcut)."""
    with mock.patch.object(store, "_head_only", return_value=None):
        return store.to_data(canvas)


def one_more_thing(canvas: Canvas, what: str, text: str) -> Canvas:
    """`canvas` with one thing besides its head: each must take it off the shortcut."""
    if what == "answer":
        canvas.answers = {"bank": {"q": text or "x"}}
    elif what == "not applicable":
        canvas.not_applicable = {"bank": {"q": text}}
    elif what == "customer type":
        canvas.customer_types.append(CustomerType(id="t", name=text or "x"))
    elif what == "coach note":
        canvas.coach.notes[text or "x"] = "note"
    elif what == "coach time":
        canvas.coach.seconds["section"] = 60
    return canvas


NEW_CANVASES = st.builds(
    lambda title, banks, created, updated: new_canvas(title).model_copy(
        update={"banks": banks, "created": created, "updated": updated}),
    TEXT, st.dictionaries(SHORT, SHORT, max_size=4), WHEN, WHEN)


@PROPERTY
@given(canvas=st.one_of(NEW_CANVASES, CANVASES))
def test_a_canvas_is_written_as_pydantic_writes_it(canvas: Canvas) -> None:
    assert store.to_data(canvas) == dumped(canvas)


@PROPERTY
@given(canvas=NEW_CANVASES, what=st.sampled_from(["answer", "not applicable", "customer type", "coach note",
                                                  "coach time", "nothing"]), text=TEXT)
def test_anything_added_to_a_new_canvas_is_written(canvas: Canvas, what: str, text: str) -> None:
    changed = one_more_thing(canvas, what, text)
    assert store.to_data(changed) == dumped(changed)
    assert (store._head_only(changed) is None) == (what != "nothing")


def test_opening_a_new_canvas_saves_it_before_pydantic_builds_a_serializer(tmp_path: Path) -> None:
    # The first question of a new canvas is live 20-30 ms sooner (benchmarks: live question,
    # new canvas). pydantic builds a model with no lock, so the writer thread must not be the
    # one to build it: the first change built it on the thread that made the change.
    script = f"""
import pathlib, threading
from wizard.core.session import Session, Step
from wizard.files.banks import shipped_catalog
from wizard.files.saver import BackgroundSaver
from wizard.model.canvas import Canvas
from wizard.model.structure import TYPES
built = []
rebuild = Canvas.model_rebuild.__func__
def recorded(cls, *args, **kwargs):
    built.append(threading.current_thread().name)
    return rebuild(cls, *args, **kwargs)
Canvas.model_rebuild = classmethod(recorded)
path = pathlib.Path({str(tmp_path / "new.toml")!r})
session = Session.open(path, shipped_catalog(), title="Campus")
print(Canvas.__pydantic_complete__, path.read_text(encoding="utf-8").splitlines()[:2])
errors = []
session.saver = BackgroundSaver(session.save, errors.append)
session.add_child(Step((), TYPES), "Users")
session.flush()
session.close()
print(built, errors, "Users" in path.read_text(encoding="utf-8"))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["False ['schema_version = 2', 'title = \"Campus\"']", "['MainThread'] [None] True"]
