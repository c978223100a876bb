"""The question screen's keys: what each does, and which show in the key bar at 80 columns."""

from __future__ import annotations

from textual.binding import Binding, BindingType

# The key bar holds what fits in 80 columns: Skip and Tree work but are not shown
# there (the sidebar is in view; Ctrl+N on an empty answer goes on too), and the way
# back appears only while there is one.
BINDINGS: list[BindingType] = [
    Binding("ctrl+n", "next", "Next", id="next",
            tooltip="Save this answer and go to the next question", priority=True),
    Binding("ctrl+b", "back", "Back", id="back",
            tooltip="Save this answer and go back one question", priority=True),
    Binding("ctrl+g", "skip", "Skip", id="skip",
            tooltip="Leave this question for later", priority=True, show=False),
    Binding("ctrl+o", "not_applicable", "N/A", id="not-applicable",
            tooltip="Mark this question not applicable (again to undo)",
            priority=True),
    Binding("ctrl+t", "focus_tree", "Tree", id="tree",
            tooltip="Move to the sidebar to jump anywhere", priority=True,
            show=False),
    Binding("ctrl+r", "review", "Review", id="review", tooltip="Scores and what is missing", priority=True),
    Binding("ctrl+l", "return", "Return", id="return", priority=True,
            tooltip="Back to the question you were at before you went back or jumped"),
    Binding("ctrl+f", "finish", "Finish", id="finish",
            tooltip="Where the file is, what is still open, what to do next",
            priority=True),
    Binding("escape", "focus_answer", "Answer", id="answer", show=False),
    # Coach mode only (see check_action): notes and the agenda. Function keys: Ctrl+A and
    # Ctrl+E, the keys first chosen, are line start and end in the answer boxes.
    Binding("f2", "note", "Note", id="note",
            tooltip="Coach's notes on this question and its segment", priority=True),
    Binding("f3", "agenda", "Agenda", id="agenda", tooltip="Today's plan per section; Enter jumps there",
            priority=True),
    Binding("f4", "plan", "Plan", id="plan", tooltip="Re-plan the session: its length and its sections",
            priority=True),
    # Interviews (interview_actions.py): in a segment only. Not in the key bar, which has no
    # room left at 80 columns (Quit went); the help of every segment question and the palette say them.
    Binding("f5", "interviews", "Interviews", id="interviews", priority=True, show=False,
            tooltip="This segment's interviews: log one, link what it showed, mark items observed or paid"),
    Binding("f6", "log_interview", "Log interview", id="log-interview", priority=True, show=False,
            tooltip="Log an interview with someone of this segment, then come back here"),
]
