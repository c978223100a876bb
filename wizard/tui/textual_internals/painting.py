"""What the wizard's speed-ups rely on in how Textual lays out and paints widgets (undocumented).

Each class here is a Textual widget with one of its private workings set otherwise, so
that typing and a new question lay out and paint less (each measured by the benchmark);
the wizard's own widgets build on them (wizard/tui/widgets/). `render_strips` reads back the
composed screen for the first-frame picture (wizard/tui/frame_capture.py).
tests/test_textual_internals.py fails loudly when an upgrade changes what these rely on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events, messages
from textual._time import get_time
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.widgets import Input, Static

if TYPE_CHECKING:
    from textual.strip import Strip
    from textual.widget import Widget
    from textual.widgets import OptionList

    _ScrollViewMixin = ScrollView
    _WidgetMixin = Widget
    _ScreenMixin = Screen[Any]
    _OptionListMixin = OptionList
else:
    # A mixin, not a ScrollView: Textual takes a widget's stylesheet and component classes
    # (a tree's guides) from the first of its bases that is a widget, so one put first must not be.
    _ScrollViewMixin = _WidgetMixin = _ScreenMixin = _OptionListMixin = object

VALIDITY_CLASSES = ("-valid", "-invalid")
"""The classes Textual's Input sets once it has validated its value (the stylesheet colours
the box by them)."""


class QuietInput(Input):
    """An Input whose text never changes its size, so typing repaints only the input.

    Textual's Input keeps its virtual size (the width of its text) in a reactive that
    asks for a layout, and the first character past its width turns on a (zero-width)
    scrollbar, another layout: each of these lays out the whole screen again, the
    larger part of what a key cost on the question screen. The input is a fixed three
    lines high and as wide as its container whatever it holds, so neither can move
    anything: both are set here without a layout, and the scroll range is brought up to
    date as the text changes, which is all the layout did for the input itself.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0))
    show_horizontal_scrollbar: Reactive[bool] = Reactive(False)

    def _watch_virtual_size(self, size: Size) -> None:
        # What ScrollView._size_updated does after a layout: may the text scroll sideways now?
        self._refresh_scrollbars()

    def _on_paste(self, event: events.Paste) -> None:
        # One line holds the whole paste, its lines joined (Textual's Input keeps the first).
        # Textual calls the handler of each class in turn: Input's own is called from here.
        event.prevent_default()
        super()._on_paste(events.Paste(" ".join(event.text.splitlines())))
        event.stop()

    def clear_validity(self) -> None:
        """Back to unvalidated, as a new Input starts (no colour for valid or not)."""
        self.remove_class(*VALIDITY_CLASSES)


class SteadyStatic(Static):
    """A Static for text that changes with every question (the prompt, the help, the status).

    When a layout gives a widget a new size, Textual also stores its new virtual size (the
    size of what it could scroll) in a reactive that asks for another layout: one more
    layout and one more frame, 20 to 40 ms after the first, each time one of these texts
    changed height. A Static never scrolls, and the layout that sized it is the one just
    done, so its virtual size is kept without asking for another.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), repaint=False)


class SteadyBox(_WidgetMixin):
    """For a container that Textual lays out (put it before the Textual class it goes with:
    `class Pane(SteadyBox, VerticalScroll)`): a new size asks for no second layout.

    As for a Static (SteadyStatic), Textual stores a container's new virtual size after a
    layout in a reactive that asks for another layout of the whole screen, and another
    frame: 20 to 40 ms after the first, each time the help, a list or an answer box of
    another kind changed a container's height. The children were placed by the layout just
    done; all a new virtual size still changes is whether a scrollbar is shown, and the
    scrollbar asks for its own layout when it comes or goes (`_scroll_update`, called right
    after the virtual size is stored).
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), repaint=False)


class WrapsOnWidth(_OptionListMixin):
    """For an OptionList (put it first: `class ItemList(WrapsOnWidth, OptionList)`): its
    lines are worked out again only when its width changed.

    Textual's OptionList empties its cache of wrapped lines at every new size and paints
    again. A list answer grows by a line with each item, and a list shown for the next
    question takes its new height in the layout that shows it: each was one more frame,
    20-30 ms after the first, for lines that wrap exactly as before. Only the width wraps.
    The first size comes from the layout that first shows the list, and the lines painted
    since were wrapped to it (an OptionList wraps nothing before it has a region).
    """

    _wrapped_at: int | None = None

    def _on_resize(self, event: events.Resize) -> None:  # type: ignore[override]  # OptionList takes none
        event.prevent_default()  # OptionList's own handler would empty the cache at any size
        width = self.scrollable_content_region.width  # what the lines wrap to (a scrollbar taken off)
        before, self._wrapped_at = self._wrapped_at, width
        if before is not None and width != before:
            self._clear_caches()


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


class StillScrollbar(_ScrollViewMixin):
    """For a ScrollView (put it before the Textual class it goes with: `class T(StillScrollbar,
    Tree)`): its scrollbar is redrawn only when its contents changed size.

    Textual's ScrollView redraws its scrollbar whenever the layout's idea of its virtual
    size differs from its own, which for a tree is always: so every layout of the screen
    (each key typed into an answer) repainted the tree's scrollbar and, with it, most of
    the screen. It sees a difference here only when the contents changed since the last
    layout.
    """

    _still_virtual: Size | None = None

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        own = self.virtual_size
        changed, self._still_virtual = own != self._still_virtual, own
        return super()._size_updated(size, virtual_size if changed else own, container_size, layout)


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
    or later. Every later resume (a dialog closed over the screen) and request is Textual's own.
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


class SteadyTree(_ScrollViewMixin):
    """For a Tree (put it first: `class NavTree(SteadyTree, Tree)`): whether it scrolls is
    known before it is laid out, and its lines are kept through a Resize to the size they
    were painted at.

    Textual's Tree works out its lines (and so how tall it is) only when it is first
    painted, after the layout that placed it: a tree taller than the sidebar got its
    scrollbar in a second layout, with a second frame. And it forgets every line it has
    painted at any Resize, which a widget just shown gets after the frame that painted it
    at that size: the sidebar was painted again in that second frame too. `scrolls_within`
    works the lines out when the screen is fitted, before its layout; the painted lines are
    kept in a cache keyed by width, so a Resize to another size still has them painted anew.
    """

    _painted_at: Size | None = None

    def scrolls_within(self, height: int) -> None:
        """Whether the tree scrolls, `height` lines high: said before the layout that shows it,
        that layout places the scrollbar too (Textual's would, in a layout of its own)."""
        overflow = len(self._tree_lines) > height  # type: ignore[attr-defined]  # the Tree builds them
        self.show_vertical_scrollbar = overflow
        self.vertical_scrollbar.display = overflow

    def render_lines(self, crop: Any) -> Any:
        self._painted_at = self.outer_size  # what a Resize gives: the region, gutter and all
        return super().render_lines(crop)

    def _on_resize(self, event: events.Resize) -> None:
        if event.size == self._painted_at:
            event.prevent_default()  # the Tree's own handler would forget the lines
            self._line_cache.grow(event.size.height)  # type: ignore[attr-defined]  # as the Tree's does


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
