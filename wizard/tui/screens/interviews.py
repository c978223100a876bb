"""A segment's interviews: the list with "log a new one", each opened to edit or removed, and
the segment's items with their evidence, where an item is marked observed or paid."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from wizard.core import interviews
from wizard.core.evidence import Item, SegmentEvidence
from wizard.core.interviews import Form
from wizard.core.session import Session, Step
from wizard.files.drafts import Drafts
from wizard.files.errors import UserFileError
from wizard.model.evidence import Interview
from wizard.model.tree import Location
from wizard.tui.key_names import key
from wizard.tui.screens.dialogs import ConfirmScreen
from wizard.tui.screens.interview_form import InterviewFormScreen
from wizard.tui.screens.interview_links import group_of
from wizard.tui.text import literal, one_line
from wizard.tui.widgets.evidence_panel import step_of


def summary(interview: Interview) -> str:
    ups = sum(1 for k in interview.links if k.verdict == "supports")
    downs = len(interview.links) - ups
    said = f" · “{one_line(interview.quotes[0], 30)}”" if interview.quotes else ""
    way = f" · {interview.how}" if interview.how else ""
    return f"{interview.date.isoformat()} · {interview.who or 'someone'}{way} · ✓{ups} ✗{downs}{said}"


async def open_form(screen: Screen[Any], session: Session, drafts: Drafts, segment: Location,
                    interview_id: str = "") -> str | None:
    """The form for a new interview of `segment` (or the one `interview_id` names), with its
    draft if one was kept; the id saved, or None."""
    key = interviews.draft_key(segment, interview_id)
    kept = drafts.get(key)
    form = Form.loads(kept) if kept else None
    if form is None:
        seg = interviews.segment_at(session.canvas, segment)
        old = next((i for i in seg.interviews if i.id == interview_id), None) if seg and interview_id else None
        form = Form.of(old) if old is not None else Form.new()
    elif kept:
        screen.notify("The interview you were typing came back as you left it (not saved yet).", markup=False)
    return await screen.app.push_screen_wait(InterviewFormScreen(session, drafts, segment, form, key))


class InterviewsScreen(Screen[Step | None]):
    """Returns the step of an item to go to (Enter on it), or None: back to the question."""

    DEFAULT_CSS = """
    InterviewsScreen #interviews-title { height: 1; background: $panel; }
    InterviewsScreen #interviews { height: auto; max-height: 40%; }
    InterviewsScreen #evidence-items { height: 1fr; }
    InterviewsScreen .form-hint { color: $text-muted; padding: 0 1; }
    InterviewsScreen .heading { padding: 0 1; }
    """

    BINDINGS = [
        Binding("a,n", "new", "New interview", id="interviews-new"),
        Binding("d,delete", "remove", "Remove", id="interviews-remove", tooltip="Remove the highlighted interview"),
        Binding("o", "mark('observed')", "Observed", id="mark-observed",
                tooltip="Mark the highlighted item seen happen (again: take it off)"),
        Binding("p", "mark('paid')", "Paid", id="mark-paid",
                tooltip="Mark the highlighted item paid for (again: take it off)"),
        Binding("escape", "dismiss(None)", "Back", id="interviews-back"),
    ]

    def __init__(self, session: Session, drafts: Drafts, segment: Location) -> None:
        super().__init__()
        self.session = session
        self.drafts = drafts
        self.segment = segment
        self.items: dict[str, Item] = {}

    def _report(self) -> SegmentEvidence | None:
        return interviews.segment_report(self.session, self.segment)

    def compose(self) -> ComposeResult:
        yield Static(id="interviews-title", markup=False)
        with Vertical():
            app = self.app
            yield Static(f"Interviews (Enter opens one · {key(app, 'interviews-new')} logs a new one · "
                         f"{key(app, 'interviews-remove')} removes)", classes="heading", markup=False)
            yield OptionList(id="interviews")
            yield Static(f"What the canvas rests on ({key(app, 'mark-observed')} observed, {key(app, 'mark-paid')} "
                         "paid, Enter: its question)", classes="heading", markup=False)
            yield OptionList(id="evidence-items")
            yield Static(literal(interviews.LEGEND), classes="form-hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#interviews", OptionList).focus()

    def fill(self, keep_item: int | None = None) -> None:
        report = self._report()
        if report is None:
            self.dismiss(None)
            return
        title = Content.assemble(literal(f" Interviews: {one_line(report.name, 50)}", "bold"),
                                 f"   evidence {report.score}% · {len(report.interviews)} held")
        self.query_one("#interviews-title", Static).update(title)
        listed = self.query_one("#interviews", OptionList)
        at = listed.highlighted
        listed.clear_options()
        draft = self.drafts.get(interviews.draft_key(self.segment))
        form = Form.loads(draft) if draft else None
        if form is not None:
            listed.add_option(Option(literal(f"✎ Go on with the interview not saved yet: {form.date} "
                                             f"{one_line(form.who, 30)}"), id="new"))
        else:
            listed.add_option(Option(literal("+ Log a new interview"), id="new"))
        for interview in reversed(report.interviews):  # the latest first
            edited = " (edited, not saved)" if self.drafts.get(interviews.draft_key(self.segment, interview.id)) else ""
            listed.add_option(Option(literal(summary(interview) + edited), id=f"i:{interview.id}"))
        listed.highlighted = min(at or 0, listed.option_count - 1)
        self._fill_items(report, keep_item)

    def _fill_items(self, report: SegmentEvidence, keep: int | None) -> None:
        items = self.query_one("#evidence-items", OptionList)
        items.clear_options()
        self.items = {}
        group = None
        for n, item in enumerate(report.items):
            heading = group_of(item, report.name)
            if heading != group:
                group = heading
                items.add_option(Option(literal(one_line(heading, 76), "bold underline"), disabled=True))
            self.items[f"e{n}"] = item
            said = "" if item.state == "guess" else f" · {interviews.describe(item)}"
            label = Content.assemble(literal(f"{interviews.badge(item):>3} ", "bold"), literal(one_line(item.text, 48)),
                                     literal(f" · {item.title}{said}", "dim"))
            items.add_option(Option(label, id=f"e{n}"))
        if not report.items:
            items.add_option(Option(literal("Nothing answered in this segment yet."), disabled=True))
        if keep is not None and items.option_count:
            items.highlighted = min(keep, items.option_count - 1)
        elif self.items:  # the first item, not the heading above it
            items.highlighted = 1

    # -- actions ---------------------------------------------------------------------------
    @on(OptionList.OptionSelected, "#interviews")
    def _open(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id or ""
        self._edit("" if key == "new" else key[2:])

    def action_new(self) -> None:
        self._edit("")

    @work
    async def _edit(self, interview_id: str) -> None:
        await open_form(self, self.session, self.drafts, self.segment, interview_id)
        self.fill()

    @on(OptionList.OptionSelected, "#evidence-items")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        item = self.items.get(event.option.id or "")
        if item is not None:
            self.dismiss(step_of(item))

    @work
    async def action_remove(self) -> None:
        listed = self.query_one("#interviews", OptionList)
        if listed.highlighted is None:
            return
        key = listed.get_option_at_index(listed.highlighted).id or ""
        if not key.startswith("i:"):
            draft = interviews.draft_key(self.segment)
            if key != "new" or not self.drafts.get(draft):
                return
            sure: bool = await self.app.push_screen_wait(ConfirmScreen("Throw away the interview not saved yet?"))
            if sure:
                self.drafts.drop(draft)
                self.fill()
            return
        interview_id = key[2:]
        if not await self.app.push_screen_wait(ConfirmScreen(
                f"Remove the interview {interview_id}, its notes, quotes and links?")):
            return
        try:
            interviews.remove(self.session, self.segment, interview_id)
        except (UserFileError, ValueError) as exc:
            self.notify(str(exc), title="Not removed", severity="error", markup=False, timeout=8)
        self.drafts.drop(interviews.draft_key(self.segment, interview_id))
        self.fill()

    def action_mark(self, kind: str) -> None:
        items = self.query_one("#evidence-items", OptionList)
        if self.focused is not items or items.highlighted is None:
            self.notify(f"Move to the items (Tab) and press {key(self.app, 'mark-observed')} or "
                        f"{key(self.app, 'mark-paid')} on one.", markup=False)
            return
        item = self.items.get(items.get_option_at_index(items.highlighted).id or "")
        if item is None:
            return
        try:
            on_now = interviews.toggle_mark(self.session, self.segment, item, kind)
        except (UserFileError, ValueError) as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=8)
            return
        self.notify(f"“{one_line(item.text, 40)}” {'marked' if on_now else 'no longer'} {kind}.", markup=False)
        self.fill(keep_item=items.highlighted)
