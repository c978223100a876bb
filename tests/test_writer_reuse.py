"""A save reuses the text of the tables that did not change, and writes what a fresh save would.

An open file keeps the text its last save gave each customer type, segment and job
(`toml_write.Reuse`); a stale one would put an old answer back in the founder's file.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import full_canvas, structure
from tests.test_incremental import edit
from tests.test_reliability_writer import TABLES
from wizard.files import store, toml_write
from wizard.files.canvas_file import CanvasFile
from wizard.model.catalog import Catalog


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), filled=st.booleans())
def test_after_any_edits_a_save_that_reuses_writes_what_a_fresh_one_does(catalog: Catalog, data: st.DataObject,
                                                                        filled: bool) -> None:
    canvas = full_canvas(catalog, types=2, segments=2, jobs=1) if filled else structure(2, 2, 1)
    reuse = toml_write.Reuse()
    toml_write.dumps(store.to_data(canvas), reuse)
    for _ in range(data.draw(st.integers(1, 8))):
        edit(canvas, catalog, data)
        assert toml_write.dumps(store.to_data(canvas), reuse) == toml_write.dumps(store.to_data(canvas))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.data_too_large])
@given(first=TABLES, second=TABLES, data=st.data())
def test_any_documents_in_turn_are_written_as_alone(first: dict[str, Any], second: dict[str, Any],
                                                    data: st.DataObject) -> None:
    # Tables shared between the documents, and a table changed in place after it was written
    # (the same dict, now holding something else): only what a table holds may decide.
    reuse = toml_write.Reuse()
    shared = {**first, **{k: v for k, v in second.items() if data.draw(st.booleans())}}
    for doc in (first, second, shared, first):
        assert toml_write.dumps(doc, reuse) == toml_write.dumps(doc)
    lists = [v for v in first.values() if isinstance(v, list) and v and all(isinstance(t, dict) for t in v)]
    if lists:
        lists[0][0]["changed in place"] = "yes"
        assert toml_write.dumps(first, reuse) == toml_write.dumps(first)


def test_a_save_after_one_answer_formats_that_segment_alone(catalog: Catalog, tmp_path: Path,
                                                            monkeypatch: Any) -> None:
    path = tmp_path / "c.toml"
    canvas = full_canvas(catalog, types=2, segments=20, jobs=2)
    store.save(canvas, path)
    file, loaded = CanvasFile.open(path)
    try:
        assert loaded is not None
        file.save(loaded)
        before = path.read_text(encoding="utf-8")
        calls: list[int] = []
        real = tomli_w.dumps
        monkeypatch.setattr(tomli_w, "dumps", lambda *a, **k: calls.append(1) or real(*a, **k))
        segment = loaded.customer_types[1].segments[7]
        segment.name = "Night-shift nurses"
        file.save(loaded)
        after, reused = path.read_text(encoding="utf-8"), len(calls)
        calls.clear()
        assert after == store.dumps(loaded) and after != before
        # The segment's own tables and the canvas's head: a fortieth of the canvas, not all of it.
        assert 0 < reused * 10 < len(calls), (reused, len(calls))
        assert store.load(path).customer_types[1].segments[7].name == "Night-shift nurses"
        fresh = copy.deepcopy(loaded)
        assert store.load(path) == fresh
    finally:
        file.close()


def test_changes_in_turn_to_two_customer_types_each_format_one_segment(catalog: Catalog,
                                                                       monkeypatch: Any) -> None:
    # A type left unchanged is reused whole; the tables inside it must still be known when
    # one of its segments changes next.
    canvas = full_canvas(catalog, types=2, segments=15, jobs=2)
    for n, ctype in enumerate(canvas.customer_types):  # no segment the same as one of the other type
        for segment in ctype.segments:
            segment.name = f"{segment.name} of type {n}"
    reuse = toml_write.Reuse()
    toml_write.dumps(store.to_data(canvas), reuse)
    calls: list[int] = []
    real = tomli_w.dumps
    monkeypatch.setattr(tomli_w, "dumps", lambda *a, **k: calls.append(1) or real(*a, **k))
    toml_write.dumps(store.to_data(canvas))
    whole = len(calls)
    for turn in range(4):
        canvas.customer_types[turn % 2].segments[turn + 3].name = f"Renamed {turn}"
        calls.clear()
        text = toml_write.dumps(store.to_data(canvas), reuse)
        assert 0 < len(calls) * 10 < whole, (turn, len(calls), whole)
        assert text == toml_write.dumps(store.to_data(canvas))
