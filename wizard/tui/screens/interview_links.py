"""Linking an interview to the items it showed: a checklist of the segment's items, grouped
by where they are, each marked supported or contradicted by it, with a quote if one fits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from wizard.core import interviews
from wizard.core.evidence import Item, SegmentEvidence
from wizard.core.interviews import Form
from wizard.tui.key_names import key, keys
from wizard.tui.screens.dialogs import Dialog
from wizard.tui.text import literal, one_line

# What this interview says of an item, at the start of its row: a checklist's boxes.
_BOX = {None: "[ ]", "supports": "[✓]", "contradicts": "[✗]"}
_NEXT = {None: "supports", "supports": "contradicts", "contradicts": None}


def group_of(item: Item, segment_name: str) -> str:
    """The heading an item goes under: the segment itself, or its job (and stage)."""
    rest = item.where[len(segment_name):].lstrip(" ›") if item.where.startswith(segment_name) else item.where
    return rest or "The segment itself"


class LinkScreen(Screen[str | None]):
    """Returns "save" (save the interview now) or None (back to the form); the links are
    changed in the form as they are marked, and `changed` keeps each change as a draft."""

    DEFAULT_CSS = """
    LinkScreen #links-title { height: 1; background: $panel; text-style: bold; }
    LinkScreen #links { height: 1fr; }
    LinkScreen .form-hint { color: $text-muted; padding: 0 1; }
    """

    BINDINGS = [
        Binding("space,enter", "cycle", "Mark", id="link-cycle", tooltip="Not linked → supports → contradicts"),
        Binding("s,plus", "verdict('supports')", "Supports", id="link-supports"),
        Binding("x,c,minus", "verdict('contradicts')", "Contradicts", id="link-contradicts"),
        Binding("q", "quote", "Quote", id="link-quote", tooltip="Pick or type their words on this item"),
        Binding("ctrl+s", "dismiss('save')", "Save", id="links-save", priority=True),
        Binding("escape,ctrl+b", "dismiss(None)", "Back to the form", id="links-back"),
    ]

    def __init__(self, report: SegmentEvidence, form: Form, changed: Callable[[], None], quotes: QuoteHooks) -> None:
        super().__init__()
        self.report = report
        self.form = form
        self.changed = changed
        self.quotes = quotes
        """How a quote typed in the picker reaches the interview's quotes (the form's list)."""
        self.rows: dict[str, Item] = {}

    def compose(self) -> ComposeResult:
        yield Static(literal(f" What did it show? — {one_line(self.report.name, 60)}"), id="links-title",
                     markup=False)
        with Vertical():
            yield OptionList(*self._options(), id="links")
            app = self.app
            yield Static(literal(f"{keys(app, 'link-cycle', '/')}: [ ] → [✓] supports → [✗] contradicts · "
                                 f"{key(app, 'link-supports')} / {key(app, 'link-contradicts')} set it · "
                                 f"{key(app, 'link-quote')}: their words on it · {key(app, 'links-save')} saves · "
                                 f"{key(app, 'links-back')}: back to the form"), classes="form-hint", markup=False)
            yield Static(literal(interviews.LEGEND), classes="form-hint", markup=False)
        yield Footer()

    def _options(self) -> list[Option]:
        options: list[Option] = []
        group = None
        for n, item in enumerate(self.report.items):
            heading = group_of(item, self.report.name)
            if heading != group:
                group = heading
                options.append(Option(literal(one_line(heading, 76), "bold underline"), disabled=True))
            key = f"i{n}"
            self.rows[key] = item
            options.append(Option(self._label(item), id=key))
        if not self.rows:
            options.append(Option(literal("This segment has no answers yet to link: its notes and quotes are "
                                          "saved all the same."), disabled=True))
        return options

    def _label(self, item: Item) -> Content:
        link = self.form.verdict(item)
        verdict = link.get("verdict") if link else None
        parts = [literal(f"{_BOX[verdict]} "), literal(one_line(item.text, 50)),
                 literal(f" · {item.title}", "dim"), literal(f"  {interviews.badge(item)}", "bold")]
        if link and link.get("quote"):
            parts.append(literal(f"  “{one_line(link['quote'], 40)}”", "italic"))
        return Content.assemble(*parts)

    def on_mount(self) -> None:
        options = self.query_one("#links", OptionList)
        options.focus()
        first = next((i for i in range(options.option_count) if not options.get_option_at_index(i).disabled), None)
        if first is not None:
            options.highlighted = first

    def _current(self) -> tuple[str, Item] | None:
        options = self.query_one("#links", OptionList)
        if options.highlighted is None:
            return None
        key = options.get_option_at_index(options.highlighted).id or ""
        item = self.rows.get(key)
        return (key, item) if item is not None else None

    def _refresh_row(self, key: str, item: Item) -> None:
        self.query_one("#links", OptionList).replace_option_prompt(key, self._label(item))
        self.changed()

    def action_cycle(self) -> None:
        current = self._current()
        if current is not None:
            link = self.form.verdict(current[1])
            self.form.set_verdict(current[1], _NEXT[link.get("verdict") if link else None])
            self._refresh_row(*current)

    @on(OptionList.OptionSelected, "#links")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter is the cycle binding's; a click selects as Enter would
        self.action_cycle()

    def action_verdict(self, verdict: str) -> None:
        current = self._current()
        if current is not None:
            link = self.form.verdict(current[1])
            same = link is not None and link.get("verdict") == verdict
            self.form.set_verdict(current[1], None if same else verdict)
            self._refresh_row(*current)

    @work
    async def action_quote(self) -> None:
        current = self._current()
        if current is None:
            return
        key, item = current
        link = self.form.verdict(item)
        quote = await self.app.push_screen_wait(QuoteScreen(self.form.quotes, link.get("quote", "") if link else "",
                                                            self.quotes.typing))
        self.quotes.typing(None)  # picked, typed or cancelled: the text is no longer on its way
        if quote is None:
            return
        if quote and quote not in self.form.quotes:  # a quote typed here is one of the interview's
            self.quotes.added(quote)
        self.form.set_verdict(item, link.get("verdict", "supports") if link else "supports", quote)
        self._refresh_row(key, item)


@dataclass(frozen=True)
class QuoteHooks:
    """The interview form's side of a quote typed in the picker."""

    typing: Callable[[str | None], None]
    """Each key typed: the text so far, kept as a draft with the form (None: no longer typed)."""
    added: Callable[[str], None]
    """A new quote, into the interview's quotes."""


class QuoteScreen(Dialog[str | None]):
    """Pick one of the interview's quotes for an item, or type another; "" for none."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="quote-cancel")]

    def __init__(self, quotes: list[str], current: str, typing: Callable[[str | None], None]) -> None:
        super().__init__()
        self.quotes = [q for q in quotes if q.strip()]
        self.current = current
        self.typing = typing

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Their words on this item", classes="heading", markup=False)
            options = [Option(literal(f"“{one_line(q, 56)}”"), id=f"q{n}") for n, q in enumerate(self.quotes)]
            yield OptionList(*options, Option(literal("No quote"), id="none"), id="quotes")
            yield Input(self.current if self.current not in self.quotes else "",
                        placeholder="or type their words and press Enter", id="typed-quote")
            yield Static(f"Enter picks · Tab: type one · {key(self.app, 'quote-cancel')} cancels", classes="field-hint",
                         markup=False)

    def on_mount(self) -> None:
        self.query_one("#quotes" if self.quotes else "#typed-quote").focus()

    @on(OptionList.OptionSelected, "#quotes")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id or ""
        self.dismiss("" if key == "none" else self.quotes[int(key[1:])])

    @on(Input.Changed, "#typed-quote")
    def _typing(self, event: Input.Changed) -> None:
        self.typing(event.value)

    @on(Input.Submitted, "#typed-quote")
    def _typed(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())
