"""Exports as a user gets them: personas, the one-page canvas, interview guides, and safe writing."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.conftest import EXAMPLES, ROOT
from tests.factory import structure
from wizard import checks
from wizard.commands.cli import main
from wizard.export.escape import md_line
from wizard.files import store
from wizard.model.canvas import Canvas
from wizard.model.catalog import Catalog
from wizard.model.tree import find

FACEBOOK = EXAMPLES / "facebook.toml"
EVIL = "<script>alert(1)</script> [bold]x[/] \x1b[31m"
SEGMENTS = ("University students", "Entertainment, fashion and music brands targeting students")
# One pain of each stage of the first Facebook job, and one of the second.
PAINS = {"Before": "Knows almost nobody on campus when term starts",
         "During": "Forgets the names of people met the night before",
         "After": "New acquaintances drift away after one meeting"}
ADVERTISER_PAIN = "Posters get covered or torn down within a day"
VOID = {"meta", "br", "hr", "img", "input", "link"}


def export(capsys: pytest.CaptureFixture[str], path: Path, fmt: str, *more: str) -> str:
    assert main(["export", str(path), "--format", fmt, *more]) == 0
    return capsys.readouterr().out


class Page(HTMLParser):
    """Checks that tags nest and close, and collects the rows of every table and all scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.scripts = 0
        self.rows: list[list[str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script" or any(name.startswith("on") for name, _ in attrs)
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th") and self.rows:
            self.rows[-1].append("")
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:]}")
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.rows and self.rows[-1] and {"td", "th"} & set(self.open):
            self.rows[-1][-1] += data


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    assert not parser.problems and not parser.open, (parser.problems, parser.open)
    return parser


def md_html(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(text)


@pytest.fixture
def evil_file(tmp_path: Path) -> Path:
    """A canvas whose every kind of user text tries markup, links, headings and escape sequences."""
    canvas = structure(1, 1, 1, title=EVIL)
    ctype = canvas.customer_types[0]
    ctype.name = "# Heading injected"
    seg = ctype.segments[0]
    seg.name = EVIL
    seg.set("segment_questions.job", "first line\n# not a heading\n===\n[link](http://evil.example)")
    seg.set("research.description", "<b>label</b>")
    job = seg.jobs[0]
    job.statement = "[click me](http://evil.example) ![img](http://evil.example/x.png)"
    job.before.set("profile.pains", ["<img src=x onerror=alert(1)>", "- not a list", "1. not a number"])
    canvas.set("research.message", "Hi <there>\n> not a quote\n`code`")
    canvas.coach.notes = {"type-0/seg-0": "<i>note</i> \x1b]8;;http://evil.example\x1b\\"}
    path = tmp_path / "evil.toml"
    store.save(canvas, path)
    return path


def test_markdown_has_a_persona_per_segment(capsys: pytest.CaptureFixture[str]) -> None:
    out = export(capsys, FACEBOOK, "markdown")
    for name in SEGMENTS:
        assert f"### Segment: {name}" in out
    job = "Meet people and make new friends"
    before, during, after = (out.index(f"##### {stage}: {job}") for stage in PAINS)
    assert before < out.index(PAINS["Before"]) < during < out.index(PAINS["During"]) < after
    assert after < out.index(PAINS["After"])
    assert "**B2B or B2C:** Consumers (B2C)" in out  # a choice by its label, not "b2c"
    assert "**Age range:** 18–24 years" in out
    assert "**Kind of job:** Social" in out
    assert "**Sales channels:** not applicable (Students never buy anything" in out
    assert "**Learning goal:** Find out what makes a first-year student" in out
    assert "Last updated 20 November 2026" in out and "09:00" not in out and "+00:00" not in out
    assert "not answered" not in out.lower()
    assert out.count("## Still open") == 1


def test_markdown_lists_what_is_open_once_at_the_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    canvas = store.load(FACEBOOK)
    segment = canvas.customer_types[0].segments[0]
    segment.set("audience.location", None)
    segment.jobs[0].during.set("profile.gains", None)
    path = tmp_path / "c.toml"
    store.save(canvas, path)
    out = " ".join(export(capsys, path, "markdown").split(" "))
    persona = out[out.index("### Segment: University students"):out.index("## Customer type: Advertisers")]
    assert "**Location:**" not in persona and "not answered" not in out.lower()
    still = " ".join(out[out.index("## Still open"):].split())
    assert "- **Users › University students:** Location -" in still
    assert "- **Users › University students › Meet people and make new friends:** During: Gains" in still


def test_coach_notes_and_findings_only_in_the_coach_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         catalog: Catalog) -> None:
    canvas = store.load(EXAMPLES / "draft-bakery.toml")
    canvas.coach.notes = {"customers/walk-in-customers#audience.age": "SECRET ask about students.",
                          "": "SECRET good first draft."}
    path = tmp_path / "c.toml"
    store.save(canvas, path)
    findings = checks.run(canvas, catalog)
    assert findings, "the draft is meant to have something to flag"
    for fmt in ("markdown", "html", "interview"):
        founder = export(capsys, path, fmt)
        assert "SECRET" not in founder and "Coach" not in founder, fmt
        assert not any(f.message in founder or md_line(f.message) in founder for f in findings), fmt
    coach = " ".join(export(capsys, path, "markdown", "--coach").split())  # lines are wrapped
    persona = coach[coach.index("### Segment: Local walk-in customers"):coach.index("### Segment: People ordering")]
    assert "**Customers › Local walk-in customers** · Age range: SECRET ask about students." in persona
    assert coach.index("SECRET good first draft.") > coach.index("## Coach's notes on the whole canvas")
    page = "".join(parse(export(capsys, path, "html", "--coach")).text)
    assert "SECRET ask about students." in page and "SECRET good first draft." in page
    for finding in findings:
        segment = find(canvas, finding.location[:2])
        assert segment is not None
        at = coach.index(f"### Segment: {segment.names[-1]}")
        end = min(i for i in (coach.find(" ### ", at + 1), coach.find(" ## ", at + 1)) if i > 0)
        assert coach.index(" ".join(finding.message.split()), at) < end  # in the persona it is about
        assert finding.message in page


def test_html_lays_out_types_segments_and_stages(capsys: pytest.CaptureFixture[str]) -> None:
    out = export(capsys, FACEBOOK, "html")
    page = parse(out)
    text = "".join(page.text)
    for name in ("Users", "Advertisers", *SEGMENTS):
        assert name in text
    for stage, pain in PAINS.items():
        block = re.search(rf"<h4>{stage}</h4><div class=\"pains\">(.*?)</div>", out)
        assert block and pain in block.group(1), stage
    assert ADVERTISER_PAIN in out and page.scripts == 0
    assert "Multi-sided platform" in text and "20 November 2026" in text


def test_html_is_self_contained_and_printable(capsys: pytest.CaptureFixture[str]) -> None:
    out = export(capsys, FACEBOOK, "html")
    assert "@page { size: A4 landscape" in out and "prefers-color-scheme: dark" in out
    assert "http://" not in out and "https://" not in out and "<link" not in out and "<script" not in out


def test_interview_kit_is_built_from_each_segment(capsys: pytest.CaptureFixture[str]) -> None:
    out = export(capsys, FACEBOOK, "interview")
    students = out[out.index("## University students"):out.index("## Entertainment, fashion")]
    brands = out[out.index("## Entertainment, fashion"):]
    assert "Printed freshman 'face books' handed out by the college" in students  # its own alternatives
    assert PAINS["During"] in students and ADVERTISER_PAIN not in students
    assert ADVERTISER_PAIN in brands and "Untargeted online banner ads" in brands
    assert "(university student)" in students and "(event promoter or brand marketer who sells to students)" in brands
    assert "Free pizza for students" in students
    assert "Students who run a club, society or sports team" in students  # the screener
    assert "Find out what makes a first-year student" in students  # the learning goal
    assert "Your own message is in the research plan" in out  # the founder's own message, in the persona
    assert students.count("### Notes sheet") == 1 and brands.count("### Notes sheet") == 1
    assert not re.search(r"\bwould you\b|\bwill you\b", out, re.IGNORECASE)


def test_interview_kit_without_a_research_plan(capsys: pytest.CaptureFixture[str]) -> None:
    out = export(capsys, EXAMPLES / "draft-bakery.toml", "interview")
    assert "no prospecting guidelines yet" in out
    assert "(Local walk-in customers)" in out
    assert "P.S." not in out  # no incentive set, none offered


def test_html_escapes_user_text(evil_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = export(capsys, evil_file, "html")
    page = parse(out)
    assert "\x1b" not in out
    assert page.scripts == 0 and "<img" not in out and "<b>" not in out and "<i>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [bold]x[/] ␛[31m" in out
    assert EVIL.replace("\x1b", "␛") in "".join(page.text)


def test_markdown_shows_user_text_literally(evil_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("markdown", "interview"):
        out = export(capsys, evil_file, fmt)
        assert "\x1b" not in out
        rendered = md_html(out)
        for live in ("<a ", "<img", "<script", "<b>", "<i>", "<code>", "<blockquote>\n<blockquote>", "<ol start"):
            assert live not in rendered, (fmt, live)
        assert not re.search(r"<h\d>(Heading injected|not a heading|first line)", rendered), fmt
        assert "&lt;script&gt;alert(1)&lt;/script&gt; [bold]x[/] ␛[31m" in rendered
    rendered = md_html(export(capsys, evil_file, "markdown"))
    assert "<h2>Customer type: # Heading injected</h2>" in rendered
    assert "first line<br />\n# not a heading<br />\n===<br />" in rendered
    assert "[click me](http://evil.example)" in rendered
    assert "<li>- not a list</li>" in rendered and "<li>1. not a number</li>" in rendered
    assert "<h5>Before: [click me](http://evil.example) ![img](http://evil.example/x.png)</h5>" in rendered


def test_exports_are_deterministic(capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("markdown", "html", "interview"):
        assert export(capsys, FACEBOOK, fmt) == export(capsys, FACEBOOK, fmt)


def test_an_empty_canvas_exports_in_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "new.toml"
    store.save(Canvas(), path)
    assert "- **Whole canvas:**" in export(capsys, path, "markdown")  # everything is still open
    assert "No customer types yet" in "".join(parse(export(capsys, path, "html")).text)
    assert "no segments yet" in export(capsys, path, "interview")


def test_output_file_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "canvas.html"
    assert main(["export", str(FACEBOOK), "--format", "html", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert capsys.readouterr().out.strip() == f"{out}: html export written"


def test_existing_output_is_kept_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "personas.md"
    out.write_bytes(b"my own notes\r\n\x00")
    assert main(["export", str(FACEBOOK), "--format", "markdown", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert str(out) in err and len(err.strip().splitlines()) == 1
    assert out.read_bytes() == b"my own notes\r\n\x00"
    assert main(["export", str(FACEBOOK), "--format", "markdown", "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Early Facebook: customer personas")


def test_force_never_overwrites_the_canvas_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(FACEBOOK.read_bytes())
    assert main(["export", str(path), "--format", "html", "-o", str(path), "--force"]) == 1
    assert path.read_bytes() == FACEBOOK.read_bytes()
    assert "is the canvas being exported" in capsys.readouterr().err


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wizard", *args], cwd=ROOT, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, check=False, timeout=60)


def test_unknown_format_is_a_usage_error() -> None:
    result = cli("export", str(FACEBOOK), "--format", "pdf")
    assert result.returncode == 2 and "invalid choice" in result.stderr


@pytest.mark.parametrize("content", [None, b"[[[", b"schema_version = 1\ntitle = 3\n"])
def test_bad_canvas_is_one_line_and_exit_1(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "bad.toml"
    if content is not None:
        path.write_bytes(content)
    result = cli("export", str(path), "--format", "markdown", "-o", str(tmp_path / "out.md"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and str(path) in result.stderr
    assert not (tmp_path / "out.md").exists()
