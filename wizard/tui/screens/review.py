"""The review: score per section and per segment, what is missing and the coach's notes; any row jumps there."""

from __future__ import annotations

import contextlib

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from wizard import checks
from wizard.core import unasked
from wizard.core.session import Session, Step
from wizard.model.safetext import file_name
from wizard.tui.key_names import key as key_name
from wizard.tui.screen_text import body_classes
from wizard.tui.text import literal, one_line
from wizard.tui.widgets.evidence_panel import EvidencePanel
from wizard.tui.widgets.unasked_panel import SetAsidePanel

MAX_ROWS = 200


class ReviewScreen(Screen[Step | str | None]):
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Back to questions", id="review-back"),
        Binding("ctrl+f", "dismiss('finish')", "Finish", id="review-finish",
                tooltip="Close the wizard; everything is saved"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.targets: dict[str, Step] = {}
        self.findings: list[checks.Finding] | None = None
        """The coach's notes, once the checks have read the canvas: they run on a thread
        (their language libraries take half a second to load in the wizard's first
        seconds), so the review opens at once with the scores and the notes follow."""
        self._reading = 0
        """Counts the readings asked for: a reading of a canvas since changed is not shown."""

    def compose(self) -> ComposeResult:
        report = self.session.report()
        title = self.session.canvas.title or file_name(self.session.path.name)
        aside = unasked.find(self.session.canvas, self.session.catalog)
        kept = f" · {len(aside)} answer{'s' * (len(aside) > 1)} set aside, not counted" if aside else ""
        yield Static(Content.assemble(literal(f" Review: {title}", "bold"),
                                      f"   {report.score}% complete{kept}"), id="review-title", markup=False)
        with Horizontal(id="review-body", classes=f"responsive {body_classes(self.app.size.width)}"):
            with Vertical(id="scores"):
                yield Static(self._scores(), markup=False)
            # Scrolls when its lists do not all fit (80x24): the focused one is scrolled into view.
            with VerticalScroll(id="missing-box", can_focus=False):
                yield Static("Missing, most valuable first (Enter jumps there)",
                             classes="heading", markup=False)
                yield OptionList(*self._missing(), id="missing")
                with Vertical(classes="panel"):
                    yield Static("Quality checks (Enter jumps there)", classes="heading", markup=False)
                    yield OptionList(Option(literal("The coach is reading the canvas…"), id="reading",
                                            disabled=True), id="notes")
                yield EvidencePanel(self.session)
                yield SetAsidePanel(self.session)
        yield Footer()

    def on_mount(self) -> None:
        self._check()

    def _check(self) -> None:
        self._reading += 1
        self._read(self._reading)

    @work(thread=True, exclusive=True, group="review-checks", exit_on_error=False)
    def _read(self, reading: int) -> None:
        checks.warm()  # outside the lock: loading the libraries holds nothing up
        with self.session.lock:  # the canvas held still while they read it
            found = checks.run(self.session.canvas, self.session.catalog)
        with contextlib.suppress(RuntimeError):  # the wizard closed meanwhile
            self.app.call_from_thread(self._checked, reading, found)

    def _checked(self, reading: int, found: list[checks.Finding]) -> None:
        if not self.is_attached or reading != self._reading:
            return  # the review was closed before the notes came, or the canvas changed since
        self.findings = found
        notes = self.query_one("#notes", OptionList)
        notes.clear_options()
        notes.add_options(self._notes(found))
        if found:
            notes.highlighted = 0  # as a list is when it opens with its options
        # The notes come a moment after the review opens and take more lines than the line
        # that stood for them, pushing the panels below down: one the user went to meanwhile
        # (the evidence, at 80x24) is brought back into view.
        focused = self.focused
        if focused is not None and focused is not notes:
            self.call_after_refresh(focused.scroll_visible, animate=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "review-checks" and event.state is WorkerState.ERROR and self.is_attached:
            notes = self.query_one("#notes", OptionList)
            notes.clear_options()
            notes.add_option(Option(literal(f"The coach's checks could not run ({event.worker.error}); the "
                                            "scores stand, and nothing was changed."), disabled=True))

    def _scores(self) -> Content:
        report = self.session.report()
        lines = [literal("Sections", "bold")]
        for sid, tally in report.sections.items():
            if tally.possible:
                lines.append(literal(f"{tally.score:>4}%  {report.section_titles[sid]}"))
        if report.segments:
            lines += [Content(""), literal("Segments", "bold")]
            for loc, tally in report.segments.items():
                lines.append(literal(f"{tally.score:>4}%  {one_line(report.segment_names[loc], 40)}"))
        return Content("\n").join(lines)

    def _missing(self) -> list[Option]:
        gaps = self.session.report().missing()
        if not gaps:
            return [Option(literal(f"Nothing is missing: {key_name(self.app, 'review-finish')} to finish."), id="none",
                           disabled=True)]
        options = []
        for n, gap in enumerate(gaps[:MAX_ROWS]):
            slot = gap.slot
            step = self._step_for(slot.question_id, slot.location)
            key = f"m{n}"
            self.targets[key] = step
            text = literal(f"+{gap.gain:4.1f}  {slot.title}")
            text = text.append(literal(f" — {one_line(slot.where, 50)}", "dim"))
            options.append(Option(text, id=key))
        if len(gaps) > MAX_ROWS:
            options.append(Option(literal(f"... and {len(gaps) - MAX_ROWS} more"), disabled=True))
        return options

    def _notes(self, findings: list[checks.Finding]) -> list[Option]:
        if not findings:
            return [Option(literal("Nothing looks off."), id="no-notes", disabled=True)]
        options = []
        for n, finding in enumerate(findings[:MAX_ROWS]):
            key = f"c{n}"
            if finding.question is not None:
                self.targets[key] = Step(finding.location, finding.question)
            text = Content.assemble(literal(f"{finding.severity}: ", "bold"), literal(finding.message),
                                    literal(f" — {one_line(finding.where, 60)}", "dim"),
                                    "\n", literal(f"  {finding.suggestion}", "dim italic"))
            options.append(Option(text, id=key))
        return options

    def _step_for(self, question_id: str, location: tuple[str, ...]) -> Step:
        mapping = {"structure.customer_type": ("structure.customer_types", 0),
                   "structure.segment": ("structure.segments", 1),
                   "structure.job": ("structure.segments", 1)}
        if question_id in mapping:
            key, depth = mapping[question_id]
            if question_id == "structure.job":
                # A type without jobs: go to the jobs of its first segment, if it has one.
                place = self.session.place(Step(location[:1], key))
                segments = getattr(place.node, "segments", [])
                if segments:
                    return Step((location[0], segments[0].id), "structure.jobs")
            return Step(location[:depth], key)
        return Step(location, question_id)

    @on(SetAsidePanel.Changed)
    async def _set_aside_changed(self) -> None:
        """An answer brought back or deleted: scores, gaps and checks anew."""
        self.targets = {}
        self.findings = None
        await self.recompose()
        self._check()  # the canvas changed: the notes are read anew
        lists = [w for w in self.query("#set-aside, #missing").results(OptionList) if w.display and w.parent
                 and w.parent.display]
        if lists:
            lists[0].focus()

    @on(EvidencePanel.Picked)
    def _to_evidence(self, event: EvidencePanel.Picked) -> None:
        self.dismiss(event.step)

    @on(OptionList.OptionSelected, "#missing")
    @on(OptionList.OptionSelected, "#notes")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        step = self.targets.get(event.option.id or "")
        if step is not None:
            self.dismiss(step)
