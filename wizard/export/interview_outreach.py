"""The interview kit's first parts for a segment: the learning goal, the screener and the reach-out messages.

The messages follow seed 000's two templates (one sent with the connection request, one
after it is accepted, each offering the incentive when the canvas has one), in our words.
A segment is named only where any name reads well: after a dash or a colon, or in
quotes, never inflected into a sentence ("as a ..."), since names may be plural, start
with "the", or be in another language.
"""

from __future__ import annotations

from wizard.export.escape import md_block, md_line
from wizard.export.view import CanvasView, SegmentView


def who(segment: SegmentView) -> str:
    """How the kit refers to the people of a segment: its interview label, else its name."""
    return segment.text("research.description") or segment.name


def goal(view: CanvasView, segment: SegmentView) -> list[str]:
    lines = ["### What you want to learn", ""]
    learning_goal = view.text("research.learning_goal")
    if learning_goal:
        lines += [md_block(learning_goal), ""]
    else:
        lines += ["The research plan has no learning goal yet. Write down in a sentence what these interviews "
                  "must teach you before you book the first one: it decides what you ask and what you skip.", ""]
    job = segment.text("segment_questions.job")
    if job:
        lines += [f"The job we think they turn to us for: {md_line(job)}", ""]
    return lines


def screener(view: CanvasView, segment: SegmentView) -> list[str]:
    lines = ["### Who to talk to", ""]
    guidelines = view.answer("research.prospecting")
    if guidelines is not None and guidelines.answered:
        lines += ["Talk to people who fit the prospecting guidelines. Ask; do not assume:", ""]
        lines += [f"- ☐ {md_line(item)}" for item in guidelines.items]
    else:
        lines += ["The research plan has no prospecting guidelines yet; until it does, screen on what the "
                  "canvas says about this segment:", ""]
    facts = [(title, segment.text(fid)) for title, fid in (
        ("They use what you offer", "segment_questions.who_uses"),
        ("Who pays", "segment_questions.who_pays"),
        ("Where", "audience.location"))]
    traits = segment.answer("segment_questions.characteristics")
    lines += [f"- ☐ {title}: {md_line(text)}" for title, text in facts if text]
    if traits is not None and traits.answered:
        lines += [f"- ☐ {md_line(item)}" for item in traits.items]
    lines.append("")
    early = segment.text("customer_model.early_adopters")
    if early:
        lines += [f"Start with the early adopters: {md_line(early)}.", ""]
    lines += ["Screening questions, before you book a time:", "",
              "1. What do you do at the moment, and for how long have you done it?",
              "2. When did you last have to deal with this yourself? (Someone who did it in the last few "
              "months remembers it best; someone who never did cannot tell you about it.)", ""]
    return lines


def _incentive(view: CanvasView) -> str | None:
    incentive = view.text("research.incentive")
    return md_line(incentive.rstrip(".")) if incentive else None


def messages(view: CanvasView, segment: SegmentView) -> list[str]:
    label = md_line(who(segment))
    incentive = _incentive(view)
    research = f"research on what gets in the way for people in your position ({label}) and what helps"
    ask = "Do you have 15 to 30 minutes to talk about your goals and the problems you run into?"
    thanks = f" As a thank-you for your time: {incentive}." if incentive else ""
    lines = ["### Reaching out", "",
             "With the connection request (LinkedIn for people at work; for consumers, your own network "
             "and the places they gather online):", "",
             f"> Hi [name], I'm doing {research}. {ask}{thanks}", "",
             "After they accept:", "",
             f"> Hi [name], thanks for connecting. As I mentioned, I'm doing {research}. {ask} Let me know!"]
    if incentive:
        lines += [">", f"> P.S. As a thank-you for your time: {incentive}."]
    lines.append("")
    if view.text("research.message"):
        # Not repeated here: a message's polite "would you have 20 minutes?" is no interview question,
        # but the kit holds none of that form, so a reader can trust every line of it to be askable.
        lines += ["Your own message is in the research plan of the persona document; send whichever suits "
                  "the person.", ""]
    lines += ["When they say yes, send a link where they can book a time, so finding a slot is easy.", ""]
    return lines


def plan(view: CanvasView) -> list[str]:
    """The canvas's research plan, once for every segment: who runs it, how people are found, how often."""
    rows = [(title, text) for title, fid in (
        ("Who runs the research", "research.owner"),
        ("Where to find people", "research.reach_out"),
        ("How often", "research.cadence")) if (text := view.text(fid))]
    if not rows:
        return []
    return ["## The research plan", "", *(f"**{title}:** {md_block(text)}\n" for title, text in rows)]
