"""Hand-written comments in a canvas file survive the wizard's saves, and cost nothing when there are none.

The `#:schema` line docs/canvas-format.md tells users to add, notes on top, comments
between tables and after values: all kept as answers are added and changed, segments are
added and moved, through the wizard and through the core. A file without comments is
still written by the fast writer alone (tomlkit is not even imported)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT, at_step
from tests.factory import full_canvas, structure
from wizard.core.session import Session, Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.files.comments import KeptComments
from wizard.model.canvas import Segment
from wizard.tui.app import WizardApp

HEAD = "#:schema ./canvas.schema.json\n# Our canvas for the spring pilot; ask Sam before changing segments.\n\n"
WHO_PAYS = Step(("type-0", "seg-0"), "segment_questions.who_pays")
SEGMENTS = Step(("type-0",), "structure.segments")


def commented(tmp_path: Path) -> tuple[Path, str]:
    """A canvas with a head, a comment above a table and one after a value."""
    path = tmp_path / "c.toml"
    store.save(structure(1, 1, 1), path)
    text = path.read_text()
    text = text.replace("[[customer_types]]\n", "# The roles, most important first\n[[customer_types]]\n", 1)
    text = text.replace('name = "Segment 0"\n', 'name = "Segment 0"  # from the March interviews\n', 1)
    path.write_text(HEAD + text)
    return path, text


async def test_the_wizard_keeps_comments_through_answers_and_new_segments(tmp_path: Path) -> None:
    path, _ = commented(tmp_path)
    app = WizardApp(path, shipped_catalog())
    async with app.run_test(size=(100, 32)) as pilot:
        await at_step(pilot, WHO_PAYS)
        await pilot.press(*"Parents", "enter")
        await pilot.pause(0.3)
        await at_step(pilot, SEGMENTS)
        await pilot.press(*"Night owls", "enter")
        await pilot.pause(0.3)
        await pilot.press("ctrl+q")
    text = path.read_text()
    assert text.startswith(HEAD)
    assert "# The roles, most important first\n[[customer_types]]" in text
    assert 'name = "Segment 0"  # from the March interviews' in text
    canvas = store.load(path)
    segments = canvas.customer_types[0].segments
    assert segments[0].get(WHO_PAYS.key) == "Parents" and segments[-1].name == "Night owls"


def test_comments_on_top_only_keep_the_fast_writer(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    store.save(full_canvas(shipped_catalog(), 1, 2, 1), path)
    path.write_text(HEAD + path.read_text())
    code = ("import sys\nfrom pathlib import Path\nfrom wizard.files import store\n"
            "from wizard.files.canvas_file import CanvasFile\n"
            f"f, c = CanvasFile.open(Path({str(path)!r}))\nc.title = 'Changed'\nf.save(c)\nf.close()\n"
            f"other = Path({str(tmp_path / 'plain.toml')!r})\nstore.save(c, other)\n"
            "g, d = CanvasFile.open(other)\ng.save(d)\ng.close()\n"
            "print('tomlkit' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False,
                          timeout=60)
    assert done.stdout.strip() == "False", done.stderr  # neither file needed the slow writer
    assert path.read_text().startswith(HEAD) and store.load(path).title == "Changed"


def insert_comments(text: str, lines: list[int]) -> tuple[str, list[str]]:
    """Comment lines put before the given lines, where they are comments (not inside a
    multi-line string: there the text would change)."""
    data = tomllib.loads(text)
    rows = text.split("\n")
    kept: list[str] = []
    for n, at in enumerate(sorted(set(lines), reverse=True)):
        note = f"# note {n}"
        trial = [*rows[:at], note, *rows[at:]]
        if tomllib.loads("\n".join(trial)) == data:
            rows, kept = trial, [*kept, note]
    return "\n".join(rows), kept


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=8),
       changes=st.lists(st.sampled_from(["answer", "segment", "rename", "move", "title", "remove"]), max_size=6),
       seed=st.integers(min_value=0, max_value=10_000))
def test_comments_anywhere_survive_any_change_and_the_file_reads_back_exactly(
        tmp_path_factory: object, where: list[int], changes: list[str], seed: int) -> None:
    catalog = shipped_catalog()
    canvas = full_canvas(catalog, 2, 2, 1)
    text = store.dumps(canvas)
    rows = text.count("\n")
    text, notes = insert_comments(text, [w % rows for w in where])
    kept = KeptComments.of(text.encode())
    assert (kept is not None) == bool(notes)
    for n, change in enumerate(changes):
        ctype = canvas.customer_types[(seed + n) % len(canvas.customer_types)]
        if change == "answer":
            ctype.segments[0].set("segment_questions.who_pays", f"Changed {seed} {n}\nover two lines")
        elif change == "segment":
            ctype.segments.append(Segment(id=f"new-{n}", name=f"New {n}"))
        elif change == "rename":
            ctype.name = f"Renamed {n}"
        elif change == "move":
            ctype.segments.reverse()
        elif change == "title":
            canvas.title = f"Title {n}"
        elif change == "remove" and len(ctype.segments) > 1:
            ctype.segments.pop()
    data = store.to_data(canvas)
    out = kept.render(data) if kept is not None else store.dumps(canvas)
    assert tomllib.loads(out) == data
    removes = "remove" in changes
    for note in notes:
        assert note in out or removes, f"{note} lost after {changes}"


def test_a_session_saves_with_the_comments_of_the_file_it_opened(tmp_path: Path) -> None:
    path, _ = commented(tmp_path)
    session = Session.open(path, shipped_catalog())
    session.commit(WHO_PAYS, "Parents")
    session.close()
    text = path.read_text()
    assert text.startswith(HEAD) and "# from the March interviews" in text
    assert store.load(path).customer_types[0].segments[0].get(WHO_PAYS.key) == "Parents"
