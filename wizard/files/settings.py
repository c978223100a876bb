"""The user's settings file (config.toml in the user config folder): the theme and a keymap.

    theme = "nord"            # the theme chosen in the command palette, kept for next time

    [keymap]                  # a binding's id = the keys that press it (Textual's key names)
    next = "ctrl+j"
    quit = "ctrl+q,ctrl+x"

A file that cannot be used never stops the wizard: `load` says what is wrong with it and
the wizard runs with the defaults for what is wrong. A file that could not be read as TOML
is never written over; the theme is saved into a readable file with its comments, its
keymap and any setting we do not know kept as they were (tomlkit edits it in place).
Textual-free: the tui checks the theme names and binding ids, which only Textual knows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wizard.files import locations, tomlio
from wizard.files.atomic import write_atomic
from wizard.files.errors import UserFileError, printable

KNOWN = ("theme", "keymap")


@dataclass
class Settings:
    path: Path
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    """What is wrong with the file, each naming it; empty when all is well."""
    writable: bool = True
    """False when the file exists but is not TOML we could read: it is the user's, never replaced."""

    def problem(self, text: str) -> None:
        self.problems.append(f"{printable(str(self.path))}: {printable(text)}")


def load(path: Path | None = None) -> Settings:
    """The settings in `path` (default: the user's config file); never raises."""
    path = locations.config_file() if path is None else path
    settings = Settings(path)
    try:
        path.lstat()
    except FileNotFoundError:
        return settings  # no file: the defaults, and the first theme chosen creates it
    except OSError:
        pass  # tomlio.read says what is wrong
    try:
        data = tomlio.read(path)
    except UserFileError as exc:
        settings.writable = False
        settings.problems.append(str(exc))
        return settings
    _take(settings, data)
    return settings


def _take(settings: Settings, data: dict[str, Any]) -> None:
    theme = data.get("theme")
    if theme is not None:
        if isinstance(theme, str) and theme.strip():
            settings.theme = theme.strip()
        else:
            settings.problem(f"theme must be a theme's name in quotes, e.g. theme = \"nord\" (not {theme!r})")
    keymap = data.get("keymap")
    if keymap is not None:
        if not isinstance(keymap, dict):
            settings.problem("keymap must be a table: [keymap] with lines like next = \"ctrl+j\"")
        else:
            for key, keys in keymap.items():
                # Every key between the commas: Textual binds "ctrl+y," or "," to an empty key,
                # and the binding then had no key at all.
                if isinstance(keys, str) and " " not in keys.strip() and all(keys.strip().split(",")):
                    settings.keymap[key] = keys.strip()
                else:
                    settings.problem(f"keymap.{key} must be keys in quotes, e.g. \"ctrl+j\" or \"ctrl+j,f5\" "
                                     f"(not {keys!r}); left as it was")
    unknown = [key for key in data if key not in KNOWN]
    if unknown:
        settings.problem(f"unknown setting {', '.join(unknown)} (known: {', '.join(KNOWN)}); ignored")


def save_theme(settings: Settings, theme: str) -> str | None:
    """Keep `theme` for next time. Returns what went wrong (naming the file), or None."""
    path = settings.path
    if not settings.writable:
        return (f"{printable(str(path))}: the theme {printable(theme)} is not kept for next time, because "
                "this settings file cannot be read (the problem was shown at start); fix or remove it, "
                "then choose the theme again")
    import tomlkit  # the user's comments and layout stay as they wrote them

    try:
        text = tomlio.read_bytes(path).decode("utf-8") if path.exists() else ""
        document = tomlkit.parse(text)
        document["theme"] = theme
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, tomlkit.dumps(document).encode("utf-8"), protected=True)
    except UserFileError as exc:
        return f"the theme is not saved: {exc}"
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.TOMLKitError) as exc:
        return f"{printable(str(path))}: the theme is not saved ({printable(str(exc))})"
    settings.theme = theme
    return None
