"""The customer-research interview guide (seed 000), filled in for each segment, with the reach-out plan."""

from __future__ import annotations

from wizard.export.escape import md_block, md_line
from wizard.export.markdown import NOT_ANSWERED, answer_lines
from wizard.export.view import CanvasView, SegmentView, State

DESCRIPTION = "research.description"
REACH_OUT = ("research.owner", "research.learning_goal", "research.prospecting", "research.reach_out",
             "research.incentive", "research.cadence")

# The guide's six questions, after the article's template; {who} is the segment's interview label.
QUESTIONS = (
    ("Background", "Tell me about your story as {who}. How did you get into it, and what are you working on now?"),
    ("Goals (jobs to be done)", "What are the main things you are trying to achieve as {who}?"),
    ("Worst problem", "What is the biggest obstacle that has kept you, as {who}, from getting where you want "
                      "to be? What keeps you up at night?"),
    ("Other problems", "What other problems have held you back?"),
    ("Where you look for help (channels)", "Where do you go to look for solutions to these problems and "
                                           "for help reaching your goals?"),
    ("The perfect solution", "What would the perfect solution to your problem look like for you? "
                             "What would it have to include?"),
)

_DETERMINERS = ("a ", "an ", "the ", "one ", "some ", "someone ", "my ", "our ", "your ", "their ")
# Words whose first letter misleads: "a university", "an hour".
_A_BEFORE_VOWEL = ("uni", "use", "usu", "uti", "eu", "one", "once")
_AN_BEFORE_H = ("hour", "honest", "honour", "honor", "heir")


def with_article(label: str) -> str:
    """`conference organiser` -> `a conference organiser`; a label with its own article stays as it is."""
    lower = label.lower()
    if lower.startswith(_DETERMINERS):
        return label
    vowel = lower[:1] in "aeiou" and not lower.startswith(_A_BEFORE_VOWEL)
    return f"{'an' if vowel or lower.startswith(_AN_BEFORE_H) else 'a'} {label}"


def _reach_out(view: CanvasView) -> list[str]:
    lines = ["## Reaching out", ""]
    for full_id in REACH_OUT:
        shown = view.answer(full_id)
        if shown is not None:
            lines += answer_lines(shown)
    lines += ["", "### The message", ""]
    message = view.answer("research.message")
    if message is None or message.state is not State.ANSWERED:
        lines.append(f"The message to send: {NOT_ANSWERED}")
    else:
        lines += [f"> {md_line(line)}" if line.strip() else ">" for line in message.items[0].split("\n")]
    incentive = view.text("research.incentive")
    if incentive:
        lines += ["", f"What they get for their time (say so if the message does not): {md_line(incentive)}"]
    lines += ["", "When someone says yes, send them a link to book a time, so finding a slot is easy.", ""]
    return lines


def _segment(segment: SegmentView) -> list[str]:
    description = segment.text(DESCRIPTION)
    lines = [f"## Interview: {md_line(segment.name)} ({md_line(segment.type_name)})", ""]
    who = with_article(description) if description else f"“{segment.name}”"
    if description:
        lines += [f"Talking to {md_line(who)}, for 15 to 30 minutes.", ""]
    else:
        lines += ["_This segment has no interview label yet (\"How will you refer to people of this segment "
                  "in an interview?\"): the questions use its name._", ""]
    if segment.jobs:
        lines += ["Jobs we think they have (listen for them; do not suggest them):", ""]
        lines += [f"- {md_line(job.statement)}" for job in segment.jobs]
        lines.append("")
    for number, (topic, question) in enumerate(QUESTIONS, 1):
        asked = md_block(question.format(who=who), "   ")
        lines.append(f"{number}. **{topic}.** {asked}")
    return [*lines, ""]


def render(view: CanvasView) -> str:
    lines = [f"# {md_line(view.title)}: customer research interview guide", "",
             "One guide per segment. Ask about their goals and problems; do not pitch.", ""]
    lines += _reach_out(view)
    segments = list(view.segments)
    if not segments:
        lines += [f"No segments yet: {NOT_ANSWERED}", ""]
    for segment in segments:
        lines += _segment(segment)
    return "\n".join(lines).rstrip("\n") + "\n"
