"""Evidence in every export: each item's state at a glance, quotes in the persona, marks in the
picture, the interview kit asking first about what is contradicted or untested, and who said
what left out unless `--with-names`. And the shipped example that shows it all."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.test_evidence_cli import interviewed
from wizard.commands.cli import main
from wizard.commands.export import render
from wizard.export.formats import FORMATS, render_canvas
from wizard.export.view import Audience
from wizard.files import store
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog

EXAMPLE = EXAMPLES / "harbour-box.toml"
STATE_WORDS = ("a guess", "supported by", "contradicted", "observed", "paid")


def _bare() -> Canvas:
    canvas = interviewed()
    canvas.customer_types[0].segments[0].interviews = []
    canvas.customer_types[0].segments[0].marks = []
    return canvas


def test_the_shipped_example_has_interviews_supported_and_contradicted_items(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(EXAMPLE), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    proof = data["evidence"]
    assert proof["interviews"] >= 3
    assert 1 <= proof["overall"] <= 99
    assert proof["contradicted"] and all(c["quotes"][0]["quote"] for c in proof["contradicted"])
    canvas = store.load(EXAMPLE)
    segment = canvas.customer_types[0].segments[0]
    verdicts = {link.verdict for i in segment.interviews for link in i.links}
    assert verdicts == {"supports", "contradicts"}
    assert {m.kind for m in segment.marks} == {"observed", "paid"}
    assert main(["check", str(EXAMPLE)]) == 0
    assert "not in the canvas any more" not in capsys.readouterr().err  # every link finds its item


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("audience", list(Audience))
def test_every_export_shows_states_and_never_names_people_unless_asked(fmt: str, audience: Audience,
                                                                       catalog: Catalog) -> None:
    text = render(EXAMPLE, fmt, catalog, audience)
    if fmt == "html":
        for state in ("guess", "supported", "contradicted", "observed", "paid"):
            assert f'class="ev ev-{state}"' in text, state
    elif fmt != "summary":  # the session summary is about a session's changes, not each item
        assert "contradicted" in text and ("supported by" in text or fmt == "interview")
    assert "Helen Ashworth" not in text
    assert ("A&E nurse" in text) == (audience is Audience.COACH and fmt == "markdown")
    named = render(EXAMPLE, fmt, catalog, audience, with_names=True)
    # The persona holds the quotes, so it is where people are named; the picture and the kit
    # (which looks ahead to the next interviews) name no one either way.
    assert ("Helen Ashworth" in named) == (fmt == "markdown")


def test_the_persona_quotes_what_contradicted_an_item_and_lists_what_was_heard(catalog: Catalog) -> None:
    text = render(EXAMPLE, "markdown", catalog)
    flat = " ".join(text.split())
    assert "Does not know how to fillet a whole fish · *contradicted by 1 interview*: “I can fillet a mackerel" in flat
    assert "Supermarket fish counter · *supported by 1 interview*" in flat
    assert "Frozen fillets from the freezer aisle · *observed*" in flat
    assert "The job is *paid*" in flat
    assert "#### What we heard: Keen home cooks" in text
    assert "“My kids ate the fishcakes but never the whole fish.”" in flat
    assert "Who said what is left out of this copy" in flat
    assert "Buys the veg box every Tuesday" not in flat  # the founder's notes about a person: --with-names only
    named = " ".join(render(EXAMPLE, "markdown", catalog, with_names=True).split())
    assert "(Helen Ashworth, secondary-school teacher, two children)" in named
    assert "Buys the veg box every Tuesday" in named


def test_the_picture_has_marks_and_a_legend_but_no_quotes(catalog: Catalog) -> None:
    html = render(EXAMPLE, "html", catalog)
    assert "I can fillet a mackerel" not in html  # quotes are the persona's
    assert ">✓1</span>" in html and ">✗</span>" in html and ">◉</span>" in html and ">◆</span>" in html
    assert 'class="legend"' in html and "evidence 17%, 4 interviews" in html.lower()
    # Each item of a list carries one mark: count the pains of the first job's first stage.
    stage = html[html.index("<h4>Before</h4>"):html.index("<h4>During</h4>")]
    assert stage.count('class="ev ') == stage.count("<li ")


def test_without_any_interview_no_export_marks_items_one_by_one(catalog: Catalog) -> None:
    canvas = _bare()
    html = render_canvas(canvas, catalog, "html")
    assert 'class="ev ' not in html and 'class="legend"' not in html
    persona = render_canvas(canvas, catalog, "markdown")
    assert "every item is still a guess" in persona and "*a guess*" not in persona
    kit = render_canvas(canvas, catalog, "interview")
    assert "Ask about first" not in kit and "(untested)" not in kit


def test_the_interview_kit_asks_first_about_contradicted_then_untested(catalog: Catalog) -> None:
    text = render(EXAMPLE, "interview", catalog)
    part = text[text.index("#### Ask about first"):]
    assert part.index("**Contradicted**") < part.index("**Untested**") < part.index("**Q1.**")
    flat = " ".join(part.split())
    assert "We heard: “I can fillet a mackerel in my sleep, my dad fished.”" in flat
    # The contradicted job is asked about before the job the founder was paid for.
    assert text.index("#### Job: Be known among friends") < text.index("#### Job: Cook a good fish supper")
    # In each list of guesses the contradicted comes first, then the untested, then the rest.
    during = part[part.index(" During.**", part.index("#### Job: Cook")):]
    during = during[:during.index("**Q", 5)]
    states = re.findall(r"- ☐ .*?\((contradicted|untested|supported by \d interviews?)", " ".join(during.split()))
    assert states == ["contradicted", "untested", "supported by 1 interview"]


def test_interviews_of_a_canvas_made_in_the_wizard_show_in_the_persona(catalog: Catalog) -> None:
    text = render_canvas(interviewed(), catalog, "markdown")
    flat = " ".join(text.split())
    assert "Shy · *contradicted by 1 interview*: “I talk to everyone at the bar” (interview 1, 3 November 2026)" \
        in flat
    assert "Priya" not in flat and "2nd-year student" not in flat


def test_export_with_names_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(EXAMPLE), "--format", "markdown", "--with-names"]) == 0
    assert "Helen Ashworth" in capsys.readouterr().out
    assert main(["export", str(EXAMPLE), "--format", "markdown"]) == 0
    assert "Helen Ashworth" not in capsys.readouterr().out
