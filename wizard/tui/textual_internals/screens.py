"""What the wizard's screens rely on in how Textual lays out and paints a whole screen (undocumented).

Each class here is a mixin for a Textual screen (put it first in the bases) with one of its
private workings set otherwise, so that a screen is laid out and painted no more often than
what it shows changed (each measured by the benchmark); `render_strips` reads back the
composed screen for the first-frame picture (wizard/tui/frame_capture.py). The widgets'
own are in painting.py. tests/test_textual_internals.py fails loudly when an upgrade
changes what these rely on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events, messages
from textual._time import get_time
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.strip import Strip

    _ScreenMixin = Screen[Any]
else:
    _ScreenMixin = object  # a mixin: Textual takes a screen's stylesheet from its first widget base


class FocusRestyles(_ScreenMixin):
    """For a screen (put it first: `class QuestionScreen(FocusRestyles, Screen[None])`): the
    focus moving repaints the widgets it moves between, not the whole screen.

    Textual keeps a screen's focused widget in a reactive that repaints the screen. Every
    next question of another kind moves the focus to that kind's answer box, and that
    repaint (all of a 120x40 screen, 20-30 ms) was painted on its own, ahead of the new
    question's layout: a frame more after each such Enter. The widgets the focus leaves and
    reaches are restyled, and so repainted, by Textual either way (`_update_focus_styles`).
    """

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)


class LaidOutOnce(_ScreenMixin):
    """For a screen (put it first): a Resize to the size it was last laid out at lays out
    nothing again.

    Textual sends a screen a Resize after its first layout, as it does every widget just
    shown, and a screen answers every Resize with a layout of itself and of each screen
    under it, and a frame. A question screen just shown was laid out and painted twice (at
    20 segments, 30-60 ms before the welcome back, or a key typed at once, was painted).
    A real resize comes at another size, and is laid out as before.
    """

    _laid_out_at: Size | None = None

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        self._laid_out_at = self.outer_size if size is None else size
        super()._refresh_layout(size, scroll)

    def _screen_resized(self, size: Size) -> None:
        if size != self._laid_out_at:
            super()._screen_resized(size)


class NotPaintedTwice(_ScreenMixin):
    """For a screen (put it first): what its first frame painted is not painted again in the
    frame after it.

    Textual resumes a screen just shown once it is composed: the resume styles every widget
    once more, lays the screen out and paints it (its first frame), and then asks for the
    whole screen to be painted again; and requests to paint its widgets, made as each was
    composed and filled in, still wait in the screen's queue after that frame. So a second
    whole frame followed the first (a question screen at 120x40: 12-20 ms, and 20-25 KB sent
    to the terminal again) before the welcome back, or a key typed at once, was painted.
    Here the first resume does not style again the widgets that were styled as they were
    mounted (a class or the focus changed since is restyled by Textual as it changes), nor
    ask for another whole frame once one is painted; and a request to paint made before the
    first frame began is dropped, since that frame painted the whole screen as it was then
    or later. Every later resume (a dialog closed over the screen) and request is Textual's
    own, but for one: a layout of the screen asked for after that frame (a widget mounted on
    it) repaints what the layout moved, added or took away, as Textual's reflow finds it,
    not the whole screen with it.
    """

    _first_frame_at: float | None = None
    _resumed = False
    _resuming = False

    def _compositor_refresh(self) -> None:
        compositor = self._compositor
        if (self._first_frame_at is None and self is self.app.screen
                and compositor.size.region in compositor._dirty_regions):  # a whole frame, then
            self._first_frame_at = get_time()  # the clock Textual stamps its messages with
            for widget in (self, *compositor.full_map):  # asked before this frame, painted by it
                widget._repaint_required = False  # (what changed is marked in the widget already)
        super()._compositor_refresh()

    async def _on_update(self, message: messages.Update) -> None:
        if self._first_frame_at is not None and message.time < self._first_frame_at:
            message.stop()
            message.prevent_default()  # the Screen's handler would mark the widget to paint again

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if self._resumed:
            return  # Textual's handler, next in line, resumes the screen
        self._resumed = True
        event.prevent_default()
        event.refresh_styles = False
        self._resuming = True
        try:
            super()._on_screen_resume(event)  # Screen's, next in the MRO
        finally:
            self._resuming = False

    def refresh(self, *regions: Any, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Any:
        if self._first_frame_at is not None and not (regions or recompose):
            if self._resuming and not layout:
                return self  # the resume's repaint of everything, once a frame painted all of it
            if layout:  # what the layout moves, adds or takes away is repainted (Textual's reflow)
                repaint = False  # as after a mount on the screen: everything, though nothing else changed
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)


class PaintsNothingCovered(_ScreenMixin):
    """For the app's first screen, the one the others are shown over (put it first): laid out
    while an opaque screen covers it, it does not have that screen painted again.

    Textual counts the screen under the top one as showing through it, whatever the top's
    background, and has the top screen repaint whatever a layout of the one under it
    changed: every resize, and the first sizes a terminal reports as the wizard starts,
    painted the whole question screen once more for a screen no one could see.
    """

    def _compositor_refresh(self) -> None:
        top = self.app.screen
        if top is not self and top.styles.background.a == 1:
            self._compositor._dirty_regions.clear()  # painted when it shows again (its resume)
            self._dirty_widgets.clear()
            return
        super()._compositor_refresh()


class FirstScreen(PaintsNothingCovered, Screen[None]):
    """Textual's default screen, the app's first, for a wizard started without a picture."""


class TellsFirstPaint(_ScreenMixin):
    """For a screen (put it first): `first_painted` is called once its first frame has gone
    to the terminal, before anything else that frame's work queued is handled.

    Textual's `call_after_refresh` waits until the screen has nothing left to repaint; a
    screen just shown has three repaints of its own queued (its resume, the notifications'
    rack, the terminal's first size), each a whole frame, so what waited for the first
    frame waited for the fourth.
    """

    _told_first_paint = False

    def first_painted(self) -> None:
        """Called once, in the app's turn after the first frame is on the terminal."""

    def _compositor_refresh(self) -> None:
        super()._compositor_refresh()
        if not self._told_first_paint and self is self.app.screen:
            self._told_first_paint = True
            self.call_next(self.first_painted)


def render_strips(screen: Screen[Any]) -> list[Strip]:
    """The screen as it would be painted now, a line a strip. Textual has no public way to
    read back a composed screen; should that change, only the picture is lost (no strips)."""
    try:
        return screen._compositor.render_strips()
    except Exception:
        return []
