"""What the wizard's speed-ups rely on in how Textual lays out and paints widgets (undocumented).

Each class here is a Textual widget with one of its private workings set otherwise, so
that typing and a new question lay out and paint less (each measured by the benchmark);
the wizard's own widgets build on them (wizard/tui/widgets/). A whole screen's are in
screens.py. tests/test_textual_internals.py fails loudly when an upgrade changes what
these rely on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.widgets import Input, Static

if TYPE_CHECKING:
    from textual.widget import Widget
    from textual.widgets import OptionList

    _ScrollViewMixin = ScrollView
    _WidgetMixin = Widget
    _OptionListMixin = OptionList
else:
    # A mixin, not a ScrollView: Textual takes a widget's stylesheet and component classes
    # (a tree's guides) from the first of its bases that is a widget, so one put first must not be.
    _ScrollViewMixin = _WidgetMixin = _OptionListMixin = object

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
