"""The user's settings in the running wizard: the theme (kept when chosen in the palette) and the keymap.

Reading and writing the file is wizard/files/settings.py's; here is what only Textual
knows: which themes exist, which bindings a keymap can name, and when the theme changes.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from wizard.files import settings as settings_file

if TYPE_CHECKING:
    from textual.app import App

DEFAULT_KEYS: dict[str, str] = {
    # The question screen (and the app: quit).
    "quit": "ctrl+q", "next": "ctrl+n", "back": "ctrl+b", "skip": "ctrl+g", "not-applicable": "ctrl+o",
    "tree": "ctrl+t", "review": "ctrl+r", "return": "ctrl+l", "finish": "ctrl+f", "answer": "escape",
    "note": "f2", "agenda": "f3", "plan": "f4", "interviews": "f5", "log-interview": "f6",
    # The coach's screens.
    "plan-start": "enter", "plan-cancel": "escape", "agenda-close": "escape,f3", "agenda-end": "e",
    "agenda-replan": "p,f4", "note-save": "ctrl+s", "note-cancel": "escape", "homework-close": "escape",
    "summary-back": "escape", "summary-close": "q", "summary-coach": "c", "summary-founder": "f",
    # The review, the finish screen and the dialogs.
    "review-back": "escape", "review-finish": "ctrl+f", "finish-back": "escape", "finish-page-down": "pagedown",
    "finish-page-up": "pageup", "confirm-no": "escape,n", "confirm-yes": "y", "reason-cancel": "escape",
    "locked-read-only": "r", "locked-other": "o", "locked-quit": "q,escape", "changed-keep-mine": "k",
    "changed-load": "l", "changed-later": "escape", "export-cancel": "escape", "closing-retry": "r",
    "closing-back": "escape", "closing-lose": "q", "set-aside-restore": "enter,r",
    "set-aside-delete": "delete,backspace,d", "set-aside-cancel": "escape",
    # Lists and rankings.
    "list-edit": "e,enter", "list-remove": "delete,backspace", "list-put-back": "ctrl+z",
    "list-up": "ctrl+up,alt+up", "list-down": "ctrl+down,alt+down", "ranking-pick": "space,enter",
    "ranking-up": "ctrl+up,alt+up", "ranking-down": "ctrl+down,alt+down",
    # Interviews and their evidence.
    "interviews-new": "a,n", "interviews-remove": "d,delete", "interviews-back": "escape", "mark-observed": "o",
    "mark-paid": "p", "interview-links": "ctrl+n", "interview-save": "ctrl+s", "interview-close": "escape",
    "interview-how-choose": "enter", "link-cycle": "space,enter", "link-supports": "s,plus",
    "link-contradicts": "x,c,minus", "link-quote": "q", "links-save": "ctrl+s", "links-back": "escape,ctrl+b",
    "quote-cancel": "escape",
}
"""The `id=` of every Binding of the wizard, and the keys it has unless a keymap moves it
(tests/test_settings.py holds this to the bindings themselves). The screens are imported
only once needed, so the ids are listed here rather than collected at start-up; the texts
that name a key read it from here (key_names.py)."""

BINDING_IDS = frozenset(DEFAULT_KEYS)

FINISH_KEYS: dict[str, str] = {
    "finish-keep-going": "g", "finish-review": "r", "finish-homework": "h", "finish-end-session": "e",
    "finish-export-html": "p", "finish-export-markdown": "m", "finish-export-interview": "i", "finish-close": "q",
}
"""The finish screen's letters, by `finish-` and the id of what they run (finish_actions.py):
not Bindings, since what the screen offers depends on the canvas, but a keymap moves them
all the same."""

KEYMAP_IDS = BINDING_IDS | frozenset(FINISH_KEYS)
"""What a keymap may name."""

SHARED: tuple[tuple[str, ...], ...] = (
    ("next", "back", "skip", "not-applicable", "tree", "review", "return", "finish", "answer", "note", "agenda",
     "plan", "interviews", "log-interview"),
    ("closing-retry", "closing-back", "closing-lose"), ("note-save", "note-cancel"),
    ("agenda-close", "agenda-replan", "agenda-end"), ("plan-start", "plan-cancel"),
    ("summary-founder", "summary-coach", "summary-close", "summary-back"), ("confirm-no", "confirm-yes"),
    ("locked-read-only", "locked-other", "locked-quit"), ("changed-keep-mine", "changed-load", "changed-later"),
    ("finish-back", "finish-page-down", "finish-page-up"), ("interview-links", "interview-save", "interview-close"),
    ("link-cycle", "link-supports", "link-contradicts", "link-quote", "links-save", "links-back"),
    ("interviews-new", "interviews-remove", "mark-observed", "mark-paid", "interviews-back"),
    ("review-back", "review-finish"), ("ranking-pick", "ranking-up", "ranking-down"),
    ("list-edit", "list-remove", "list-up", "list-down"), ("set-aside-restore", "set-aside-delete"),
    tuple(FINISH_KEYS),
)
"""The bindings of one screen or widget (tests/test_settings.py holds this to the classes),
and the finish screen's letters: a key the keymap gives one of them is taken from the others."""

GROUP_OF = {binding_id: group for group in SHARED for binding_id in group}

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")

BEFORE_THE_BOX = frozenset({
    "quit", "next", "back", "skip", "not-applicable", "tree", "review", "return", "finish", "note", "agenda",
    "plan", "interviews", "log-interview", "note-save", "plan-start", "interview-links", "interview-save"})
"""The bindings that run before the focused widget sees the key (Textual's priority ones) on
a screen with a text box: a key that types or edits there would run the binding and never
reach the box. tests/test_keymap_typing.py holds this to the classes."""

EDITING = frozenset({"space", "enter", "tab", "backspace", "delete", "left", "right", "up", "down", "home", "end"})
"""Keys a text box edits with, besides the characters it types."""


@cache  # asked again for each key named in each hint shown (key_names.display)
def character_of(name: str) -> str | None:
    """The character key `name` types ("question_mark" is "?", "plus" is "+"), if any."""
    from textual.keys import KEY_NAME_REPLACEMENTS, key_to_character

    if len(name) == 1:
        return name
    unicode_names = {short: full for full, short in KEY_NAME_REPLACEMENTS.items()}  # "plus": "plus_sign"
    return key_to_character(unicode_names.get(name, name))


def typed_keys(binding_id: str, keys: str) -> list[str]:
    """The keys of `keys` (as `normalized_keys` gives them) that `binding_id` would take from
    the text boxes: a character, alone or with Shift, or an editing key. Its own default keys
    are fine (Enter starts the coach's plan, and its minutes box has no use for it)."""
    if binding_id not in BEFORE_THE_BOX:
        return []  # the focused box sees the key first, and keeps the ones it types
    defaults = DEFAULT_KEYS[binding_id].split(",")
    found = []
    for one in keys.split(","):
        *modifiers, name = one.split("+")
        character = character_of(name)
        types = name in EDITING or (character is not None and character.isprintable())
        if one not in defaults and set(modifiers) <= {"shift"} and types:
            found.append(one)
    return found


def normalized_keys(keys: str) -> str | None:
    """`keys` ("ctrl+j,f5") as the keys Textual sends, or None if one is not a key it can send.

    Textual binds a keymap's keys as they are written, but it sends "question_mark" when
    "?" is typed, "ctrl+j" for Ctrl+J and never "ctrl+nn": a binding to any of those
    would never be pressed, and nothing would say so."""
    from textual.keys import KEY_NAME_REPLACEMENTS, Keys, _character_to_key, key_to_character

    named = {k.value for k in Keys if "+" not in k.value and not k.value.startswith("<")}
    named.update(KEY_NAME_REPLACEMENTS.values())  # "plus", "slash": the names Textual gives those keys
    found = []
    for one in keys.split(","):
        *modifiers, name = one.strip().split("+")
        if not name and modifiers and not modifiers[-1]:  # "ctrl++": the key is the plus sign itself
            modifiers, name = modifiers[:-1], "+"
        modifiers = [m.lower() for m in modifiers]
        if not name or any(m not in MODIFIERS for m in modifiers):
            return None
        if len(name) > 1:
            name = name.lower()
            if name not in named:
                character = key_to_character(name)
                if character is None:
                    return None
                name = character  # "solidus" is the "/" key, which Textual calls "slash"
        if len(name) == 1:
            name = _character_to_key(name.lower() if modifiers else name)
        found.append("+".join([*modifiers, name]))
    return ",".join(found)

NOTICE_SECONDS = 12


def theme_names() -> list[str]:
    from textual.theme import BUILTIN_THEMES

    return sorted(BUILTIN_THEMES)


def unknown_theme(name: str) -> str:
    return f"there is no theme {name!r}; the themes are: {', '.join(theme_names())}"


def taken(keymap: dict[str, str], binding_id: str) -> set[str]:
    """The keys the keymap gives to the other bindings of `binding_id`'s screen or widget."""
    group = GROUP_OF.get(binding_id, ())
    return {k for other in group if other != binding_id and other in keymap for k in keymap[other].split(",")}


def clashes(keymap: dict[str, str]) -> list[str]:
    """What the keymap takes from a binding it does not move (Textual gives the key to the
    keymap's binding and takes it from the other without a word), and keys it gives twice."""
    from wizard.tui.key_names import display

    found = []
    for group in SHARED:
        for binding_id in group:
            if binding_id in keymap:
                twice = sorted(taken(keymap, binding_id) & set(keymap[binding_id].split(",")))
                found += [f"keymap: {display(k)} is given to {' and '.join(_given(keymap, group, k))}, which are "
                          "on the same screen; only one of them will run"
                          for k in twice if binding_id == _given(keymap, group, k)[0]]
                continue
            defaults = (DEFAULT_KEYS.get(binding_id) or FINISH_KEYS[binding_id]).split(",")
            lost = [k for k in defaults if k in taken(keymap, binding_id)]
            if lost:
                kept = [display(k) for k in defaults if k not in lost]
                by = sorted(o for o in group if o in keymap and set(keymap[o].split(",")) & set(lost))
                found.append(f"keymap: {' and '.join(display(k) for k in lost)} now presses {' and '.join(by)} "
                             f"instead of {binding_id}, which "
                             + (f"keeps {' and '.join(kept)}" if kept else "has no key left")
                             + f"; give {binding_id} a key of its own in [keymap]")
    return found


def _typed_problem(binding_id: str, keys: str, typed: list[str]) -> str:
    from wizard.tui.key_names import display

    named = " and ".join(display(k) for k in typed)
    return (f"keymap.{binding_id}: {keys!r} would take {named} from the answer boxes, where "
            f"{'they type or edit' if len(typed) > 1 else 'it types or edits'} ({binding_id} runs before a box "
            f"sees a key); give {binding_id} a key with ctrl or alt, or a function key; the default keys are kept")


def _given(keymap: dict[str, str], group: tuple[str, ...], key: str) -> list[str]:
    return [o for o in group if o in keymap and key in keymap[o].split(",")]


class Preferences:
    """The settings of one run of the wizard, applied to its app."""

    def __init__(self, app: App[Any], theme: str | None = None) -> None:
        """`theme` (from --theme) wins over the saved one for this run and is not saved."""
        self.app = app
        self.settings = settings_file.load()
        self._told_unsaved = False
        saved = self.settings.theme
        if saved is not None and saved not in app.available_themes:
            self.settings.problem(unknown_theme(saved) + "; using the default")
            saved = None
        if theme or saved:
            app.theme = theme or saved or app.theme
        keymap: dict[str, str] = {}
        for binding_id, keys in self.settings.keymap.items():
            normal = normalized_keys(keys) if binding_id in KEYMAP_IDS else None
            if normal is not None and (typed := typed_keys(binding_id, normal)):
                self.settings.problem(_typed_problem(binding_id, keys, typed))
            elif normal is not None:
                keymap[binding_id] = normal
            elif binding_id in KEYMAP_IDS:
                self.settings.problem(f"keymap.{binding_id}: {keys!r} is not a key the terminal can send "
                                      "(keys are named like ctrl+j, alt+up, f5, enter, question_mark or ?); "
                                      "the default keys are kept")
            else:
                self.settings.problem(f"keymap: no key binding has the id {binding_id!r}; ignored "
                                      "(the README's Settings section lists the ids)")
        self.keymap = keymap
        """The keys moved by the user's keymap, by binding id (the texts name these: key_names.py)."""
        if keymap:
            app.set_keymap(keymap)
            for problem in clashes(keymap):
                self.settings.problem(problem)

    def start(self) -> None:
        """Once the app is mounted: say what is wrong with the file (once), and keep any
        theme chosen from now on."""
        if self.settings.problems:
            self.app.notify("\n".join(self.settings.problems), title="Settings not used", severity="warning",
                            timeout=NOTICE_SECONDS, markup=False)
        self.app.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self, name: str) -> None:
        if name == self.settings.theme:
            return
        problem = settings_file.save_theme(self.settings, name)
        if problem is not None and not self._told_unsaved:
            self._told_unsaved = True
            self.app.notify(problem, title="Theme not kept", severity="warning", timeout=NOTICE_SECONDS,
                            markup=False)
