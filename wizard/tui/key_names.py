"""The keys the wizard's own texts name (hints, notices, help), as the user's keymap has them.

A keymap in the settings moves a binding to other keys, and Textual's key bar follows it;
a hint that still said "Ctrl+N saves and goes on" after `next` was moved would send the
founder to a key that now does nothing. So every text that names a key of one of the
wizard's bindings asks here, by the binding's id. Written by hand: Textual formats keys
only for its key bar ("^n"), not in the words of a sentence ("Ctrl+N").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wizard.tui.settings import DEFAULT_KEYS, FINISH_KEYS, character_of, taken

if TYPE_CHECKING:
    from textual.widget import Widget

_NAMES = {
    "escape": "Esc", "delete": "Del", "backspace": "Backspace", "enter": "Enter", "space": "Space",
    "tab": "Tab", "up": "↑", "down": "↓", "left": "←", "right": "→", "pageup": "PgUp", "pagedown": "PgDn",
    "home": "Home", "end": "End", "insert": "Ins", "plus": "+", "minus": "-",
}


def display(key: str) -> str:
    """One key as a sentence names it: "ctrl+n" is Ctrl+N, "escape" Esc, "f5" F5, "e" e."""
    *modifiers, name = key.strip().split("+")
    if not name:  # "ctrl++": the key is the plus sign itself
        modifiers, name = modifiers[:-1], "plus"
    shown = _NAMES.get(name.lower())
    if shown is None:
        is_function_key = len(name) > 1 and name[0] in "fF" and name[1:].isdigit()
        character = character_of(name) if len(name) > 1 and not is_function_key else None
        if character is not None and character.isprintable():
            shown = character  # "question_mark" is "?"
        else:
            shown = name.upper() if is_function_key or (modifiers and len(name) == 1) else name
    return "+".join([*(m.capitalize() for m in modifiers), shown])


def kept_keys(app: object, binding_id: str) -> list[str]:
    """The keys that still press `binding_id`: the keymap's, else the defaults the keymap did
    not give another binding of the same screen (none, when it gave them all away)."""
    keymap: dict[str, str] = getattr(getattr(app, "preferences", None), "keymap", {})
    if keymap.get(binding_id):
        return keymap[binding_id].split(",")
    defaults = (DEFAULT_KEYS.get(binding_id) or FINISH_KEYS[binding_id]).split(",")
    return [k for k in defaults if k not in taken(keymap, binding_id)] if keymap else defaults


def keys_of(app: object, binding_id: str) -> list[str]:
    """The keys that press `binding_id` in this wizard: the keymap's, else the default."""
    # None left: the start's notice said so, and the texts name the default.
    return kept_keys(app, binding_id) or (DEFAULT_KEYS.get(binding_id) or FINISH_KEYS[binding_id]).split(",")


def key(app: object, binding_id: str, letter: bool = False) -> str:
    """The first key of `binding_id`, as a text names it ("Ctrl+N"); `letter`: its first
    single letter if it has one (a button says "No (n)" though Esc presses it too)."""
    found = keys_of(app, binding_id)
    letters = [k for k in found if len(k) == 1] if letter else []
    return display((letters or found)[0])


def keys(app: object, binding_id: str, joined: str = " or ") -> str:
    """Every key of `binding_id` ("Del or Backspace")."""
    return joined.join(display(k) for k in keys_of(app, binding_id))


def up_down(app: object, up_id: str, down_id: str) -> str:
    """A pair that moves up and down: "Ctrl+↑↓" when both share their modifiers, else "k/j"."""
    up, down = key(app, up_id), key(app, down_id)
    up_mods, _, up_arrow = up.rpartition("+")
    down_mods, _, down_arrow = down.rpartition("+")
    if up_mods == down_mods and (up_arrow, down_arrow) == ("↑", "↓"):
        return f"{up}↓"
    return f"{up}/{down}"


def bound_keys(widget: Widget) -> set[str]:
    """The keys that press one of `widget`'s own bindings, as the keymap has them: a widget
    that hands typed letters on to an answer box keeps these (a list's remove moved to "x"
    removes, and is not typed)."""
    found: set[str] = set()
    for key_, bindings in widget._bindings.key_to_bindings.items():
        for binding in bindings:
            found.update(keys_of(widget.app, binding.id) if binding.id in DEFAULT_KEYS else [key_])
    return found
