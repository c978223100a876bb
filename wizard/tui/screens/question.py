"""The main screen: one question at a time, the sidebar tree, help and the meter."""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Container, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static, Tree

from wizard.core.session import Session, Step
from wizard.files.drafts import Drafts
from wizard.files.errors import UserFileError
from wizard.files.store import ready_to_write
from wizard.tui.key_names import key
from wizard.tui.question_text import prompt_text, section_intro
from wizard.tui.screen_fit import apply
from wizard.tui.screen_text import body_classes
from wizard.tui.screens import coach_session, interview_actions, question_commit, question_keys
from wizard.tui.screens import question_actions as actions
from wizard.tui.screens.question_status import Surroundings
from wizard.tui.text import literal
from wizard.tui.textual_internals.painting import SteadyStatic
from wizard.tui.textual_internals.screens import FocusRestyles, LaidOutOnce, NotPaintedTwice
from wizard.tui.widgets.field_box import FieldBox
from wizard.tui.widgets.fields import AnswerField, make_field
from wizard.tui.widgets.footer import SteadyFooter
from wizard.tui.widgets.help_panel import question_parts, structure_parts
from wizard.tui.widgets.list_editor import ListEditor
from wizard.tui.widgets.nav import NavTree, Target
from wizard.tui.widgets.panes import Pane
from wizard.tui.widgets.status_line import StatusLine
from wizard.tui.widgets.structure_field import StructureField

if TYPE_CHECKING:  # coach mode's modules load only in coach mode (some 15 ms of the start)
    from wizard.core.coach_run import CoachRun
    from wizard.core.coaching import SectionTimer


PREPARE_AFTER = 0.1
"""Seconds after the first question is up before what only later questions need is made
ahead (`_prepare_ahead`): after the frames that come with the question and the keys typed
meanwhile, before anyone has read the question. Made at once, the first answer widget (20-50
ms) and a new canvas's serializer (20 ms) came before them."""


class QuestionScreen(NotPaintedTwice, FocusRestyles, LaidOutOnce, Screen[None]):
    BINDINGS = question_keys.BINDINGS  # wizard/tui/screens/question_keys.py

    def __init__(self, session: Session, drafts: Drafts, start: Step, coach: bool = False,
                 clock: Callable[[], float] = time.monotonic, run: CoachRun | None = None) -> None:
        super().__init__()
        self.session = session
        self.drafts = drafts
        self.step = start
        self.coach = coach
        if run is None and coach:
            from wizard.core.coach_run import CoachRun

            run = CoachRun(session, lambda binding: key(self.app, binding), clock)
        self.run = run
        """The coach session (coach mode only): its clock and its plan."""
        self.surroundings = Surroundings()
        self._froze = False
        self._coach_text: Content | None = None
        """The coach's probes (coach mode), at the top of the side panel."""
        self._coach_notes: Content | None = None
        """The coach's notes at this question, below the probes."""
        self.was_at: Step | None = None
        """Where the founder was before going back or jumping elsewhere (Ctrl+L returns)."""
        self._up = False
        """Its parts are composed: set as its Mount begins (Textual's `is_mounted` only once it ended)."""

    @property
    def timer(self) -> SectionTimer | None:
        return self.run.timer if self.run is not None else None

    def compose(self) -> ComposeResult:
        yield SteadyStatic(id="topbar", markup=False)
        if self.coach:  # a line of its own: the time left in this section and in the session
            yield SteadyStatic(id="session-line", markup=False)
        # Laid out for the terminal's width from the start: set only on the first resize, the
        # first frame was painted in the wrong layout and then the whole screen again.
        width = self.app.size.width
        with Container(id="body", classes=f"responsive {body_classes(width)}"):
            yield NavTree(self.session, id="nav")
            with Pane(id="main"):
                yield SteadyStatic(id="where", markup=False)
                yield SteadyStatic(id="prompt", markup=False)
                yield StatusLine(self.session)
                yield self._field_box()
            with Pane(id="aside"):
                yield SteadyStatic(id="help", markup=False)
        yield SteadyFooter()

    def on_mount(self) -> None:
        # Fitted now, before the first frame: fitted once that frame was out, the whole
        # screen was laid out and painted again (20-30 ms, and all of it sent again).
        self._up = True
        self.show(self.step)
        # Each second: the coach's clock, and whether the file still holds what is on screen
        # (another program may have changed it, or put a folder in its place).
        self.set_interval(1, partial(actions.tick, self))
        interview_actions.tell_kept_drafts(self)
        self.call_after_refresh(self._settle_memory)
        if self.run is not None:
            self.call_after_refresh(self.plan_session)

    def _settle_memory(self) -> None:
        """Once the first question is on screen: what the wizard has loaded so far (Textual,
        the banks, the canvas) lives as long as this screen, so the garbage collector stops
        going through it. A full collection went through all of it every few hundred keys,
        30-40 ms, and the key typed then was painted that much later; now it goes through
        what came since. Let go again when the screen goes (`on_unmount`)."""
        if not gc.get_freeze_count():
            gc.freeze()
            self._froze = True
        gc.enable()  # held off while the wizard started (wizard/commands/launch.py)
        self.set_timer(PREPARE_AFTER, self._prepare_ahead)

    def _prepare_ahead(self) -> None:
        """A moment after the first question is up, once what came with it (the welcome back,
        the keys typed meanwhile) is painted: pydantic's serializer for a new canvas (its
        first save went without, see store._head_only), then the answer widgets of the kinds
        not shown yet, and the structure's, made while nothing happens."""
        ready_to_write()
        kinds = {entry.question.kind: entry.question for entry in self.session.catalog}
        structure = next((s for s in self.session.steps() if s.is_structure), None)
        self.query_one(FieldBox).prepare(list(kinds.values()), (self.session, structure) if structure else None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("note", "agenda", "plan"):
            return self.coach
        if action in ("interviews", "log_interview"):
            return len(self.step.location) >= 2  # a segment's, or below it
        if action == "return":
            return self.was_at is not None
        return True

    def _field_box(self) -> FieldBox:
        """The answer's box, with the first question's widget in it (filled in by `show`)."""
        step, draft = self.step, self.drafts.get(self.step.ref)
        if step.is_structure:
            return FieldBox(StructureField(self.session, step, draft or ""))
        question = self.session.question(step)
        if question is None:
            return FieldBox()
        return FieldBox(make_field(question, self.session.value(step), draft))

    # -- showing a step -------------------------------------------------------------
    def show(self, step: Step) -> None:
        if step == self.was_at:
            self.mark_return(None)  # back where they were, however they came
        self.step = step
        self.drafts.at(step.ref)
        if self.timer is not None:
            self.timer.enter(step.section)
        box = self.query_one(FieldBox)
        if step.is_structure:
            box.show_structure(self.session, step, self.drafts.get(step.ref) or "")
            probes, help_text = structure_parts(step.key, self.coach)
        else:
            question = self.session.question(step)
            assert question is not None
            box.show_question(question, self.session.value(step), self.drafts.get(step.ref))
            probes, help_text = question_parts(question, self.coach)
        help_text = Content.assemble(help_text, interview_actions.evidence_help(self.session, step, self.app))
        self._show_texts(step, probes, help_text)
        interview_actions.show_evidence(self)
        self.fit_to(self.app.size)

    @property
    def field(self) -> AnswerField | StructureField | None:
        return self.query_one(FieldBox).field

    def _show_texts(self, step: Step, probes: Content, help_text: Content) -> None:
        """Everything around the answer: help, prompt, where it is, the status."""
        intro = section_intro(self.session, step)
        if intro:
            help_text = Content.assemble(literal("About this section", "bold"), "\n", literal(intro),
                                         "\n\n", help_text)
        # The coach's probes come first, then the coach's notes: they give way after the help
        # does, and the notes before the probes (F2 shows the notes whole).
        if self.coach:
            notes = actions.notes_text(self, step)
            self._coach_text = probes
            self._coach_notes = Content.assemble(notes, "\n\n") if notes else None
            help_text = Content.assemble(probes, self._coach_notes or "", help_text)
        else:
            self._coach_text = self._coach_notes = None
        self.query_one("#help", Static).update(help_text)
        self.query_one("#prompt", Static).update(literal(prompt_text(self.session, step), "bold"))
        self.query_one("#main", VerticalScroll).scroll_home(animate=False)
        # A new question paints at once; the quality checks over the changed canvas follow.
        self.refresh_status()

    def refresh_status(self, note: str = "") -> None:
        session, step = self.session, self.step
        self.drafts.settle(session.unsaved)  # the status is refreshed after every save
        self.surroundings.explain_a_fall(self)
        self.show_topbar()
        if self.run is not None:
            coach_session.show_line(self)
        self.query_one(StatusLine).show_for(step, note)
        self.surroundings.show_where(self)
        self.query_one(NavTree).refresh_marks()
        self.query_one(NavTree).select_step(step)

    def fit_to(self, size: Size, again: int = 3) -> None:
        """Keep the answer box in view at `size`: the help, the checks and the probes give
        way, in that order (screen_fit.py)."""
        if not self._up or self not in self.app.screen_stack:
            return  # not up yet, or going: another canvas opened before this one's fit came due
        apply(self, size, self.query_one(StatusLine), self._coach_text, self._coach_notes)
        field = self.field
        if again and field is not None and not field.is_mounted:  # a new kind of answer: measured once in
            self.call_after_refresh(self.fit_to, size, again - 1)

    @on(StatusLine.Changed)
    @on(FieldBox.Resized)
    def _status_changed(self) -> None:
        self.fit_to(self.app.size)

    def show_topbar(self) -> None:
        """The file, whether it holds what is on screen, and the scores."""
        self.surroundings.show_topbar(self)

    # -- committing (wizard/tui/screens/question_commit.py) -----------------------------
    def commit(self, typed: str = "") -> bool:
        """Save what the field holds; False (and a message) when it cannot be saved. `typed`:
        text that just went from its box into the answer (an item added)."""
        return question_commit.commit(self, typed)

    def go(self, step: Step | None) -> None:
        if step is None:
            self.action_review()
            return
        self.show(step)

    @on(AnswerField.Edited)
    def _edited(self, event: AnswerField.Edited) -> None:
        self.drafts.put(self.step.ref, event.draft)

    @on(AnswerField.Changed)
    def _changed(self, event: AnswerField.Changed) -> None:
        if self.commit(event.typed):
            interview_actions.show_evidence(self)  # an entry reworded keeps its mark
            self.refresh_status()

    @on(AnswerField.Commit)
    def _commit_and_next(self) -> None:
        self.action_next()

    @on(StructureField.Changed)
    def _structure_changed(self) -> None:
        interview_actions.show_evidence(self)
        self.refresh_status()

    @on(ListEditor.Done)
    def _structure_done(self, event: ListEditor.Done) -> None:
        event.stop()
        self.action_next()

    @on(Tree.NodeSelected, "#nav")
    def _tree_jump(self, event: Tree.NodeSelected[Target]) -> None:
        target = event.node.data
        step = target.first_step(self.session) if target is not None else None
        if step is not None:
            self.jump(step)

    def jump(self, step: Step) -> None:
        """Go to `step` from wherever the founder is (the tree, the palette, the review);
        Ctrl+L brings them back."""
        actions.jump(self, step)

    def mark_return(self, step: Step | None) -> None:
        if step != self.was_at:
            self.was_at = step
            self.refresh_bindings()  # the key bar shows Ctrl+L only while there is a way back

    def action_return(self) -> None:
        actions.go_back_to_where_it_was(self)

    # -- actions ---------------------------------------------------------------------
    def action_next(self) -> None:
        if self.commit():
            self.go(self.session.neighbour(self.step, 1))

    def action_back(self) -> None:
        if self.commit():
            previous = self.session.neighbour(self.step, -1)
            if previous is not None:
                if self.was_at is None:
                    self.mark_return(self.step)
                self.show(previous)

    def action_skip(self) -> None:
        self.go(self.session.neighbour(self.step, 1))

    def action_focus_tree(self) -> None:
        self.query_one(NavTree).focus()

    def action_focus_answer(self) -> None:
        if isinstance(self.field, (AnswerField, StructureField)):
            editor = self.field.query(ListEditor)
            if editor and editor.first().cancel_edit():
                return
            self.field.focus_first()

    @work
    async def action_not_applicable(self) -> None:
        await actions.not_applicable(self)

    @work
    async def action_review(self) -> None:
        await actions.review(self)

    @work
    async def action_finish(self) -> None:
        """The finish screen: where the file is, what is still open, what to do next."""
        await actions.finish(self)

    # -- coach mode (wizard/tui/screens/question_actions.py) ---------------------------
    @work
    async def action_note(self) -> None:
        await actions.note(self)

    @work
    async def action_agenda(self) -> None:
        await coach_session.agenda(self)

    @work
    async def plan_session(self) -> None:
        """The start of a coach session: the plan from the command line, or the dialog."""
        await coach_session.start(self)

    @work
    async def action_plan(self) -> None:
        await coach_session.replan(self)

    @work
    async def end_session(self, quitting: bool = False) -> None:
        """Close the coach session and show its summary (the finish screen, the agenda, Ctrl+Q)."""
        await coach_session.end_session(self, quitting)

    # -- interviews (wizard/tui/screens/interview_actions.py) ---------------------------
    @work
    async def action_interviews(self) -> None:
        await interview_actions.show_interviews(self)

    @work
    async def action_log_interview(self) -> None:
        await interview_actions.log_interview(self)

    def leaving(self) -> None:
        """The wizard is closing: add this session's coach time to the canvas, and let go of
        the drafts of answers now saved."""
        field = self.field
        if isinstance(field, AnswerField) and field.is_mounted:  # typing not yet handed over as a draft
            self.drafts.put(self.step.ref, field.draft())
        # A save that fails here must not stop the wizard closing: the app saves once more,
        # and keeps a rescue copy if that fails too (the drafts stay then).
        with contextlib.suppress(UserFileError):
            if self.run is not None:
                self.run.timer.flush()
                self.run.end()  # a session still running is closed as the wizard closes
            self.session.flush()
        self.drafts.settle(self.session.unsaved)

    def on_unmount(self) -> None:
        self.drafts.settle(self.session.unsaved)
        if self._froze:  # this screen and its canvas can be collected once replaced
            gc.unfreeze()
