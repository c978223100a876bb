"""Format 2: interviews, marks and coach sessions in the file, and format-1 files still open.

A format-1 file is a format-2 file as it is: it loads to the same canvas, `check` accepts
it, the wizard keeps the original before writing the new format, and the first save
writes `schema_version = 2`. The format page's example is a real file.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.factory import structure
from wizard.files import store
from wizard.files.canvas_file import CanvasFile
from wizard.files.errors import CanvasFileError
from wizard.model.canvas import SCHEMA_VERSION, Canvas
from wizard.model.coach import CoachSession, SessionNote
from wizard.model.evidence import Interview, Link, Mark

EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))


def _layout_example() -> str:
    text = (ROOT / "docs" / "canvas-format.md").read_text(encoding="utf-8")
    block = re.search(r"## Layout\n\n```toml\n(.*?)```", text, re.S)
    assert block is not None
    return block.group(1)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wizard", *args], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)


def _as_version_1(text: str) -> str:
    return re.sub(r"^schema_version = \d+$", "schema_version = 1", text, count=1, flags=re.M)


def test_the_format_pages_example_is_a_valid_format_2_file(tmp_path: Path) -> None:
    path = tmp_path / "layout.toml"
    path.write_text(_layout_example(), encoding="utf-8")
    canvas = store.load(path)
    segment = canvas.customer_types[0].segments[0]
    interview = segment.interviews[0]
    assert interview.date == dt.date(2026, 11, 3)
    assert interview.links[0].item == "Knows nobody on campus"
    assert segment.marks[0].kind == "observed"
    assert canvas.coach.sessions[0].notes[0].kind == "homework"
    assert canvas.coach.notes["users/students"].startswith("Check whether")
    assert store.load_with_version(path)[1] == SCHEMA_VERSION == 2
    done = _cli("check", str(path))
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_a_format_1_file_loads_to_the_same_canvas_and_passes_check(tmp_path: Path, example: Path) -> None:
    old = tmp_path / example.name
    old.write_text(_as_version_1(example.read_text(encoding="utf-8")), encoding="utf-8")
    canvas, version = store.load_with_version(old)
    assert version == 1
    assert canvas == store.load(example)
    done = _cli("check", str(old))
    assert done.returncode == 0, done.stdout + done.stderr
    assert old.read_text(encoding="utf-8").startswith("schema_version = 1")  # check writes nothing


def test_format_1_coach_notes_stay_private_notes(tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    path.write_text('schema_version = 1\n\n[coach.notes]\n"" = "Ask about pricing"\n\n'
                    '[coach.seconds]\naudience = 300\n', encoding="utf-8")
    canvas = store.load(path)
    assert canvas.coach.notes == {"": "Ask about pricing"}
    assert canvas.coach.seconds == {"audience": 300}
    assert canvas.coach.sessions == []


def test_the_wizard_keeps_the_original_and_writes_format_2_at_the_first_change(tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    original = _as_version_1(EXAMPLES[0].read_text(encoding="utf-8"))
    path.write_text(original, encoding="utf-8")
    file, canvas = CanvasFile.open(path)
    try:
        assert canvas is not None
        assert file.upgraded_from == 1
        kept = [p.name for p in file.kept]
        assert kept == [f"{path.name}.~1~"]
        assert (tmp_path / kept[0]).read_text(encoding="utf-8") == original
        assert path.read_text(encoding="utf-8") == original  # opening alone writes nothing
        canvas.title = "Changed"
        file.save(canvas)
    finally:
        file.close()
    assert tomllib.loads(path.read_text(encoding="utf-8"))["schema_version"] == 2


def test_a_newer_format_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    path.write_text("schema_version = 3\n", encoding="utf-8")
    with pytest.raises(CanvasFileError, match="newer canvas-wizard") as caught:
        store.load(path)
    assert "new.toml" in str(caught.value)


@pytest.mark.parametrize(("body", "where"), [
    ('[[customer_types.segments.interviews]]\nid = "a"\ndate = 2026-11-03\n'
     '[[customer_types.segments.interviews]]\nid = "a"\ndate = 2026-11-04\n', "interviews"),
    ('[[customer_types.segments.interviews]]\nid = "a"\n', "date"),
    ('[[customer_types.segments.interviews]]\nid = "a"\ndate = 2026-11-03\n'
     '[[customer_types.segments.interviews.links]]\nquestion = "profile.pains"\nverdict = "maybe"\n', "verdict"),
    ('[[customer_types.segments.marks]]\nat = "Not A Slug"\n', "at"),
    ('[[customer_types.segments.marks]]\nkind = "rumour"\n', "kind"),
    ('[[coach.sessions]]\nminutes = 45\n', "started"),
    ('[[coach.sessions]]\nstarted = 2026-11-22T09:00:00Z\n[[coach.sessions.notes]]\ntext = "x"\nkind = "public"\n',
     "kind"),
])
def test_a_broken_evidence_or_session_table_is_named(tmp_path: Path, body: str, where: str) -> None:
    head = 'schema_version = 2\n[[customer_types]]\nid = "u"\nname = "Users"\n' \
           '[[customer_types.segments]]\nid = "s"\nname = "Students"\n'
    if body.startswith("[[coach"):
        head = "schema_version = 2\n"
    path = tmp_path / "broken.toml"
    path.write_text(head + body, encoding="utf-8")
    with pytest.raises(CanvasFileError) as caught:
        store.load(path)
    assert where in caught.value.problem
    done = _cli("check", str(path))
    assert done.returncode == 1 and "broken.toml" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
slug = st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True)
link = st.builds(Link, at=st.sampled_from(["", "meet-people", "meet-people/during"]),
                 question=st.sampled_from(["", "profile.pains", "audience.age"]), item=text,
                 verdict=st.sampled_from(["supports", "contradicts"]), quote=text)
interview = st.builds(Interview, id=slug, date=st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)), who=text,
                      name=text, how=text, notes=text, quotes=st.lists(text, max_size=3),
                      links=st.lists(link, max_size=3))
mark = st.builds(Mark, question=st.just("profile.gains"), item=text, kind=st.sampled_from(["observed", "paid"]),
                 date=st.none() | st.dates(), note=text)
note = st.builds(SessionNote, text=text.filter(lambda t: t != ""), place=st.sampled_from(["", "users/s"]),
                 kind=st.sampled_from(["private", "homework"]), done=st.booleans())
session = st.builds(CoachSession, started=st.just(dt.datetime(2026, 11, 22, 9, tzinfo=dt.UTC)),
                    minutes=st.integers(0, 120), sections=st.lists(slug, max_size=3),
                    notes=st.lists(note, max_size=3))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(interviews=st.lists(interview, max_size=3, unique_by=lambda i: i.id), marks=st.lists(mark, max_size=2),
       sessions=st.lists(session, max_size=2))
def test_interviews_marks_and_sessions_survive_a_save_and_a_load(
        tmp_path: Path, interviews: list[Interview], marks: list[Mark], sessions: list[CoachSession]) -> None:
    canvas = structure()
    segment = canvas.customer_types[0].segments[0]
    segment.interviews, segment.marks = interviews, marks
    canvas.coach.sessions = sessions
    path = tmp_path / "round.toml"
    store.save(canvas, path)
    again = store.load(path)
    assert again == Canvas.model_validate(canvas.model_dump())
    assert again.customer_types[0].segments[0].interviews == [
        i.model_copy(update={"quotes": [q for q in i.quotes if q.strip()]}) for i in interviews]
