"""The text beside a question: why it matters, examples, a coaching tip, coach's probes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from wizard.model.structure import JOBS, SEGMENTS, TYPES
from wizard.tui.text import literal

if TYPE_CHECKING:
    from wizard.model.bank import Question

STRUCTURE_HELP = {
    TYPES: (
        "Customer types are the roles your business model needs to move: users, buyers, "
        "funders, sponsors, advertisers, government buyers. Each type gets its own job and "
        "its own value proposition.",
        ["Users and Advertisers (an early social network)", "Event planners (a marketing consultancy)"],
        "Keep only the types the model cannot work without; every extra one adds complexity.",
    ),
    SEGMENTS: (
        "Segments are the sub-groups inside this customer type that you will actually serve. "
        "The four segment questions, the audience prompts and the jobs are asked for each one.",
        ["University students (inside Users)", "Local event promoters (inside Advertisers)"],
        "Start with the one core segment you would serve first; add others only when their "
        "answers really differ.",
    ),
    JOBS: (
        "Jobs are what this segment is trying to get done: a task, a problem to solve, a need "
        "to meet. Pains and gains are then examined before, during and after each job.",
        ["Meet people and make new friends", "Sell enough tickets to cover the venue"],
        "Write the job in the customer's words and leave your product out of it: 'teach my kids "
        "to handle money', not 'buy our budgeting handbook'.",
    ),
}


def _section(title: str, body: Content) -> Content:
    return Content.assemble(literal(title, "bold"), "\n", body, "\n\n")


def _bullets(items: list[str]) -> Content:
    return Content("\n").join(literal(f"• {item}") for item in items)


def render_help(why: str, examples: list[str], tip: str) -> Content:
    parts: list[Content] = [_section("Why this matters", literal(why))]
    if examples:
        parts.append(_section("Examples", _bullets(examples)))
    if tip:
        parts.append(_section("Coaching tip", literal(tip)))
    return Content("").join(parts)


def render_probes(probes: list[str], coach: bool) -> Content:
    """The coach's follow-up questions: above the help, as they give way after it does."""
    return _section("Ask next (coach)", _bullets(probes)) if coach and probes else Content("")


STRUCTURE_PROBES = ["Who else has to say yes for this to work?", "Which of these would you drop first, and why?"]


def question_parts(question: Question, coach: bool) -> tuple[Content, Content]:
    """The coach's probes (empty outside coach mode) and the help."""
    return render_probes(question.probes, coach), render_help(question.help, question.examples, question.tip)


def structure_parts(key: str, coach: bool) -> tuple[Content, Content]:
    return render_probes(STRUCTURE_PROBES, coach), render_help(*STRUCTURE_HELP[key])


def question_help(question: Question, coach: bool) -> Content:
    return Content("").join(question_parts(question, coach))


def structure_help(key: str, coach: bool) -> Content:
    return Content("").join(structure_parts(key, coach))
