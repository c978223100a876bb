"""The user's settings in the running wizard: the theme (kept when chosen in the palette) and the keymap.

Reading and writing the file is wizard/files/settings.py's; here is what only Textual
knows: which themes exist, which bindings a keymap can name, and when the theme changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wizard.files import settings as settings_file

if TYPE_CHECKING:
    from textual.app import App

BINDING_IDS = frozenset({
    "plan", "plan-start", "plan-cancel", "agenda-end", "agenda-replan", "interview-how-choose",
    "summary-back", "summary-close", "summary-coach", "summary-founder",
    "quit", "next", "back", "skip", "not-applicable", "tree", "review", "return", "finish", "answer",
    "note", "agenda", "review-back", "review-finish", "finish-back", "finish-page-down", "finish-page-up",
    "note-save", "note-cancel", "agenda-close", "confirm-no", "confirm-yes", "reason-cancel",
    "locked-read-only", "locked-other", "locked-quit", "changed-keep-mine", "changed-load", "changed-later",
    "export-cancel", "closing-retry", "closing-back", "closing-lose",
    "set-aside-restore", "set-aside-delete", "set-aside-cancel",
    "list-edit", "list-remove", "list-put-back", "list-up", "list-down", "ranking-pick", "ranking-up", "ranking-down",
    "interviews", "log-interview", "interview-links", "interview-save", "interview-close",
    "interviews-new", "interviews-remove", "interviews-back", "mark-observed", "mark-paid",
    "link-cycle", "link-supports", "link-contradicts", "link-quote", "links-save", "links-back", "quote-cancel",
    "homework-close",
})
"""The `id=` of every Binding of the wizard: what a keymap may name (tests/test_settings.py
holds it to the bindings themselves). The screens are imported only once needed, so the
ids are listed here rather than collected at start-up."""

NOTICE_SECONDS = 12


def theme_names() -> list[str]:
    from textual.theme import BUILTIN_THEMES

    return sorted(BUILTIN_THEMES)


def unknown_theme(name: str) -> str:
    return f"there is no theme {name!r}; the themes are: {', '.join(theme_names())}"


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
        keymap = {}
        for binding_id, keys in self.settings.keymap.items():
            if binding_id in BINDING_IDS:
                keymap[binding_id] = keys
            else:
                self.settings.problem(f"keymap: no key binding has the id {binding_id!r}; ignored "
                                      "(the README's Settings section lists the ids)")
        if keymap:
            app.set_keymap(keymap)

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
