"""load(save(c)) == c for any canvas, and one policy for what TOML cannot hold.

Property tests over the whole model with hostile text: control characters, CRLF, tabs,
emoji, right-to-left and zero-width text, very long strings, empty lists."""

from __future__ import annotations

import math
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import structure
from wizard.core.session import Session, Step
from wizard.files import store, toml_write, tomlio
from wizard.files.drafts import Drafts
from wizard.files.errors import CanvasFileError
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog

SPECIAL = ["\r\n", "\r", "\n", "\t", "\x00", "\x07", "\x1b[31m", "\x1b]8;;http://x\x07", "\x7f", "\x85", "\x9b",
           "🙂", "👩‍💻", "🇪🇺", "שלום", "مرحبا", "\u200b", "\u200d", "\u202e", "\ufeff", "[bold]", "[/]", "$name",
           "'''", '"""', "\\", "\\u0041", "#", "=", " "]
PLAIN = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
SHORT = st.lists(st.one_of(st.sampled_from(SPECIAL), PLAIN), max_size=6).map("".join)
LONG = st.builds(lambda piece, n: piece * n, st.one_of(st.sampled_from(SPECIAL), PLAIN.filter(bool)),
                 st.integers(200, 3000))
TEXT = st.one_of(SHORT, SHORT, SHORT, SHORT, LONG)
NAME = TEXT.filter(lambda t: t != "")
INT64 = st.integers(-(2**63), 2**63 - 1)
VALUE = st.one_of(TEXT, st.lists(TEXT, max_size=4), st.tuples(INT64, INT64))
ANSWERS = st.dictionaries(SHORT, st.dictionaries(SHORT, VALUE, max_size=3), max_size=2)
NOT_APPLICABLE = st.dictionaries(SHORT, st.dictionaries(SHORT, TEXT, max_size=2), max_size=2)
IDS = st.lists(st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True), unique=True, max_size=2)
OFFSET = st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
WHEN = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
                    timezones=st.one_of(st.just(UTC), OFFSET))


def node(**fields: Any) -> Any:
    return st.fixed_dictionaries(fields, optional={"answers": ANSWERS, "not_applicable": NOT_APPLICABLE})


def children(ids: list[str], build: Any) -> Any:
    return st.tuples(*[build(i) for i in ids]).map(list)


def job(job_id: str) -> Any:
    stage = st.fixed_dictionaries({}, optional={"answers": ANSWERS})
    return node(id=st.just(job_id), statement=NAME, before=stage, during=stage, after=stage)


def segment(seg_id: str) -> Any:
    return node(id=st.just(seg_id), name=NAME, jobs=IDS.flatmap(lambda ids: children(ids, job)))


def customer_type(type_id: str) -> Any:
    return node(id=st.just(type_id), name=NAME, segments=IDS.flatmap(lambda ids: children(ids, segment)))


CANVASES = st.builds(
    lambda fields: Canvas.model_validate(fields),
    node(
        title=TEXT, created=WHEN, updated=WHEN, banks=st.dictionaries(SHORT, SHORT, max_size=3),
        customer_types=IDS.flatmap(lambda ids: children(ids, customer_type)),
        coach=st.fixed_dictionaries({"notes": st.dictionaries(SHORT, TEXT, max_size=3),
                                     "seconds": st.dictionaries(SHORT, INT64, max_size=2)}),
    ),
)
PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                             HealthCheck.data_too_large])


@PROPERTY
@given(canvas=CANVASES)
def test_load_of_save_is_the_same_canvas(canvas: Canvas) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.toml"
        store.save(canvas, path)
        assert store.load(path) == canvas
        assert store.dumps(store.load(path)) == path.read_text(encoding="utf-8")  # saving again changes nothing
    assert_only_toml_values(store.to_data(canvas))


def assert_only_toml_values(data: dict[str, Any]) -> None:
    """No None and no float (so no NaN) ever reaches the writer."""
    stack: list[Any] = [data]
    while stack:
        value = stack.pop()
        assert value is not None and not isinstance(value, float)
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, (list, tuple)):
            stack.extend(value)


def test_the_hostile_pieces_all_survive_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    canvas = Canvas(title="".join(SPECIAL), answers={"b": {"q": SPECIAL, "r": "".join(SPECIAL) * 3}})
    store.save(canvas, path)
    assert store.load(path) == canvas


def test_the_longest_answer_allowed_round_trips_and_one_more_is_refused(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    session = Session(path, store.load(path), catalog)
    step = Step(("type-0", "seg-0"), "segment_questions.who_pays")
    longest = "é" * tomlio.MAX_TEXT
    session.commit(step, longest)
    assert store.load(path).customer_types[0].segments[0].get(step.key) == longest
    before = path.read_bytes()
    with pytest.raises(ValueError, match="the most one answer can hold is 1,000,000"):
        session.commit(step, longest + "!")
    assert path.read_bytes() == before


# -- lone surrogates: refused where they are typed, since no file can hold them --------
SURROGATE = st.integers(0xD800, 0xDFFF).map(chr)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=SHORT, broken=SURROGATE, after=SHORT, as_list=st.booleans())
def test_lone_surrogates_are_refused_with_a_clear_message(
    tmp_path: Path, catalog: Catalog, before: str, broken: str, after: str, as_list: bool
) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    session = Session(path, store.load(path), catalog)
    step = Step(("type-0", "seg-0"), "audience.hobbies" if as_list else "segment_questions.who_pays")
    saved = path.read_bytes()
    text = before + broken + after
    with pytest.raises(ValueError, match=f"broken character \\(U\\+{ord(broken):04X}.*cannot be saved"):
        session.commit(step, ["fine", text] if as_list else text)
    with pytest.raises(ValueError, match="cannot be saved"):
        session.add_child(Step((), "structure.customer_types"), "Users" + text)
    assert session.value(step) is None
    assert path.read_bytes() == saved


def test_a_broken_paste_does_not_stop_drafts_being_kept(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path / "c.toml")
    drafts.put("a", "an answer typed before")
    drafts.put("b", "half \ud83d an emoji")
    drafts.put("c", "an answer typed after")
    kept = Drafts(tmp_path / "c.toml").texts  # as the next wizard finds them
    assert kept == {"a": "an answer typed before", "b": "half \ufffd an emoji", "c": "an answer typed after"}


def test_a_surrogate_that_gets_past_input_never_reaches_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    store.save(Canvas(title="Fine"), path)
    before = path.read_bytes()
    with pytest.raises(CanvasFileError, match="cannot save: title: text with a lone surrogate"):
        store.save(Canvas(title="half \ud83d an emoji"), path)
    assert path.read_bytes() == before


# -- None and NaN: one policy ----------------------------------------------------------
@pytest.mark.parametrize("bad", [None, math.nan, math.inf, -math.inf])
def test_none_and_nan_never_reach_the_writer(bad: object) -> None:
    # The model has no float fields and drops empty answers, so neither can arise from a
    # canvas; the writer still refuses them, naming where, rather than inventing a value.
    with pytest.raises(ValueError, match=r"answers\.b\.q\[1\]: .* cannot be saved in TOML"):
        toml_write.dumps({"answers": {"b": {"q": ["ok", bad]}}})


def test_none_as_an_answer_means_no_answer(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    session = Session(path, store.load(path), catalog)
    step = Step(("type-0", "seg-0"), "segment_questions.who_pays")
    session.commit(step, "Parents")
    session.commit(step, None)
    assert "who_pays" not in path.read_text()
    assert store.load(path).customer_types[0].segments[0].get(step.key) is None
