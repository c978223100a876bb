"""The one place that knows where canvas-wizard keeps its own files (tests patch this)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

STATE_ENV = "CANVAS_WIZARD_STATE_DIR"
CONFIG_ENV = "CANVAS_WIZARD_CONFIG_DIR"


def state_dir() -> Path:
    """Drafts and the recent-files list: per user, never next to the canvas."""
    override = os.environ.get(STATE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_state_dir  # imported late: only needed once a file is open

    return Path(user_state_dir("canvas-wizard", appauthor=False))


def config_dir() -> Path:
    """The user's settings (the theme, a keymap): kept apart from the state, which is ours."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("canvas-wizard", appauthor=False))


def config_file() -> Path:
    return config_dir() / "config.toml"


def shipped_dir() -> Path:
    """Where the banks that come with canvas-wizard are, installed or in a checkout."""
    import question_banks  # a package of data files only: cheaper than importlib.resources

    return Path(question_banks.__file__).parent


def recent_file() -> Path:
    return state_dir() / "recent.toml"


def _canvas_key(canvas_path: Path) -> str:
    return hashlib.sha256(str(canvas_path.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:24]


def draft_file(canvas_path: Path) -> Path:
    """Uncommitted text for one canvas, keyed by the canvas's absolute path."""
    return state_dir() / "drafts" / f"{_canvas_key(canvas_path)}.toml"


def first_frame_file(canvas_path: Path) -> Path:
    """The picture of the question a canvas opens on (wizard/files/first_frame.py)."""
    return state_dir() / "first-frames" / f"{_canvas_key(canvas_path)}.json"


def write_quietly(path: Path, text: str | bytes) -> OSError | None:
    """Replace one of the wizard's own files (drafts, recent files, the first-frame picture, the banks cache)
    in one step, or leave it as it was: they are conveniences, so a full disk or a read-only
    state folder must never stop the wizard, and the canvas itself is saved elsewhere.
    Returns what went wrong (None once the file is written), for a caller that must say so."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    except OSError as exc:
        return exc
    try:
        try:
            view = memoryview(data)
            while view:  # os.write, not a buffered file: a full disk is seen here, not at close
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:  # nothing half-written is left behind
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return exc
    return None
