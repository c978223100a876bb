"""The writer's text always reads back as the data it was written from.

A save does not parse its own text again before it replaces the file (that would cost as
much as loading a large canvas); this property is what lets it skip that. Text from
anywhere else is still parsed first (test_reliability_saving.py).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_reliability_roundtrip import SPECIAL
from wizard.files import store, toml_write, tomlio
from wizard.model.canvas import Canvas

PLAIN = st.text(st.characters(exclude_categories=("Cs",)), max_size=10)
TEXT = st.lists(st.one_of(st.sampled_from(SPECIAL), PLAIN), max_size=5).map("".join)
KEY = st.one_of(TEXT, st.from_regex(r"[a-z_][a-z0-9_-]{0,8}", fullmatch=True))
INT64 = st.integers(-(2**63), 2**63 - 1)
OFFSET = st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
WHEN = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
                    timezones=st.one_of(st.just(UTC), OFFSET))
LEAF = st.one_of(TEXT, INT64, st.booleans(), WHEN, st.lists(TEXT, max_size=4), st.tuples(INT64, INT64))
TABLES = st.recursive(
    st.dictionaries(KEY, LEAF, max_size=4),
    lambda inner: st.dictionaries(KEY, st.one_of(LEAF, inner, st.lists(inner, min_size=1, max_size=3)), max_size=4),
    max_leaves=30,
)


def as_read(value: Any) -> Any:
    """What TOML gives back for `value`: arrays for tuples."""
    if isinstance(value, dict):
        return {k: as_read(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_read(v) for v in value]
    return value


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.data_too_large])
@given(data=TABLES)
def test_the_writers_text_parses_back_to_the_same_data(data: dict[str, Any]) -> None:
    data = {"schema_version": 1, **data}  # a document with nothing in it is refused as empty
    text = toml_write.dumps(data)
    assert isinstance(text, toml_write.Written)
    assert tomlio.loads(Path("c.toml"), text.encode("utf-8")) == as_read(data)


def test_a_save_of_the_writers_text_is_not_parsed_again(tmp_path: Path, monkeypatch: Any) -> None:
    parsed: list[str] = []
    real_parse = tomlio.parse
    monkeypatch.setattr(tomlio, "parse", lambda *args: parsed.append("parse") or real_parse(*args))
    store.save(Canvas(title="New"), tmp_path / "c.toml")
    assert parsed == []
    assert store.load(tmp_path / "c.toml").title == "New"
    assert parsed == ["parse"]
