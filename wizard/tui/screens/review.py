"""The review: score per section and per segment, what is missing and the coach's notes; any row jumps there."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from wizard import checks
from wizard.core import unasked
from wizard.core.session import Session, Step
from wizard.model.safetext import file_name
from wizard.tui.screen_text import body_classes
from wizard.tui.text import literal, one_line
from wizard.tui.widgets.unasked_panel import SetAsidePanel

MAX_ROWS = 200


class ReviewScreen(Screen[Step | str | None]):
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Back to questions"),
        Binding("ctrl+f", "dismiss('finish')", "Finish", tooltip="Close the wizard; everything is saved"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.targets: dict[str, Step] = {}

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
            with Vertical(id="missing-box"):
                yield Static("Missing, most valuable first (Enter jumps there)",
                             classes="heading", markup=False)
                yield OptionList(*self._missing(), id="missing")
                with Vertical(classes="panel"):
                    yield Static("Quality checks (Enter jumps there)", classes="heading", markup=False)
                    yield OptionList(*self._notes(), id="notes")
                yield SetAsidePanel(self.session)
        yield Footer()

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
            return [Option(literal("Nothing is missing: Ctrl+F to finish."), id="none", disabled=True)]
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

    def _notes(self) -> list[Option]:
        findings = checks.run(self.session.canvas, self.session.catalog)
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
        await self.recompose()
        lists = [w for w in self.query("#set-aside, #missing").results(OptionList) if w.display and w.parent
                 and w.parent.display]
        if lists:
            lists[0].focus()

    @on(OptionList.OptionSelected, "#missing")
    @on(OptionList.OptionSelected, "#notes")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        step = self.targets.get(event.option.id or "")
        if step is not None:
            self.dismiss(step)
