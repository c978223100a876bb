"""Start the interactive wizard; kept apart so the commands never import Textual."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.files.errors import UserFileError
from wizard.model.safetext import file_name

if TYPE_CHECKING:
    import argparse

    from wizard.core.coach_request import Request
    from wizard.files.first_frame import FirstFrame
    from wizard.model.catalog import Catalog


def first_frame_for(path: Path, banks_dir: Path | None, coach: bool) -> FirstFrame | None:
    """The picture to paint first: a new canvas's first question, or the one stored when
    this canvas was last closed (None when it is out of date or damaged)."""
    from wizard.files import first_frame, locations
    from wizard.tui.screens.preview import new_canvas, readable

    if not path.exists():
        return new_canvas(path, coach)
    frame = first_frame.load(path, first_frame.banks_key(locations.shipped_dir(), banks_dir), coach)
    return frame if frame is not None and readable(frame) else None


NO_TERMINAL = ("canvas-wizard: no terminal to ask the questions in (standard input and error must be one); "
               "run it in a terminal, or use 'canvas-wizard check FILE' or 'score FILE' from scripts")
EXIT_NO_TERMINAL = 2


def has_terminal() -> bool:
    """Whether the wizard has a terminal to run in: Textual reads keys from standard input
    and draws on standard error. `serve` runs it with none, by design, through a driver of
    its own (named in TEXTUAL_DRIVER), and so may anyone who names another driver."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return True
    try:
        return os.isatty(0) and os.isatty(2)
    except OSError:
        return False


def say(message: str, error: bool = False) -> None:
    """The last line: after a closed terminal (SIGHUP) there may be nowhere to print it."""
    with contextlib.suppress(OSError, ValueError):
        print(message, file=sys.stderr if error else sys.stdout, flush=True)


def coach_request(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Request | None:
    """`--minutes` and `--sections` as a coach session's plan; a usage error (exit 2) when
    they come without --coach or say something impossible. The section ids are checked once
    the banks are loaded (`launch`)."""
    found = plan_of(args)
    if isinstance(found, str):
        parser.error(found)
    return found


def plan_of(args: argparse.Namespace) -> Request | str | None:
    """The plan `--minutes` and `--sections` give (None: neither given), or what is wrong with it."""
    from wizard.core.coach_request import MAX_MINUTES, Request

    minutes, sections = args.minutes, args.sections
    if minutes is None and sections is None:
        return None
    if not args.coach:
        given = " and ".join(n for n, v in (("--minutes", minutes), ("--sections", sections)) if v is not None)
        return (f"{given} plan{'s' * (' and ' not in given)} a coach session: add --coach "
                f"(canvas-wizard --coach {'--minutes 45 ' if minutes is None else ''}FILE)")
    if minutes is not None and not 1 <= minutes <= MAX_MINUTES:
        return f"--minutes: a session of 1 to {MAX_MINUTES} minutes, not {minutes}"
    ids = None
    if sections is not None:
        ids = tuple(part.strip() for part in sections.split(",") if part.strip())
        if not ids:
            return ("--sections: name at least one section, e.g. --sections segment_questions,audience "
                    "('canvas-wizard banks' lists them)")
    return Request(minutes, ids)


def checked_sections(request: Request, catalog: Catalog) -> Request | str:
    """The request with its sections as the banks name them, or what is wrong with them."""
    from dataclasses import replace

    from wizard.core import coach_plan

    if request.sections is None:
        return request
    try:
        return replace(request, sections=tuple(coach_plan.resolve(request.sections,
                                                                  coach_plan.section_titles(catalog))))
    except coach_plan.UnknownSections as exc:
        return f"--sections: {exc}"


START_WITHOUT_GC = 3.0
"""Seconds at most that the cyclic garbage collector waits at start-up (see `launch`)."""


def launch(path: Path | None, banks_dir: Path | None = None, coach: bool = False, theme: str | None = None,
           no_color: bool = False, request: Request | None = None) -> int:
    # Loading Textual, pydantic and the wizard makes some 150 collections before the first
    # question (a tenth of the start-up) and frees next to nothing: what is loaded stays.
    # The first question's screen starts the collector again once it is up (after freezing
    # what was loaded, see QuestionScreen._settle_memory); any other first screen, after
    # a few seconds.
    gc.disable()
    timer = threading.Timer(START_WITHOUT_GC, gc.enable)
    timer.daemon = True
    timer.start()
    # The wizard uses no pydantic plugins; looking for them reads every installed package's
    # metadata (20 ms or more at start-up with a hundred packages). A user's own setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if theme is not None:
        from wizard.tui.settings import theme_names, unknown_theme

        if theme not in theme_names():
            print(f"canvas-wizard: error: --theme: {unknown_theme(theme)}", file=sys.stderr)
            return 2
    if no_color:
        os.environ["NO_COLOR"] = "1"  # Textual draws in greys only (https://no-color.org)
    if path is not None and path.exists() and path.is_dir():
        print(f"canvas-wizard: {file_name(path)}: this is a folder; give a canvas file (.toml)", file=sys.stderr)
        return 1
    terminal = has_terminal()
    frame = first_frame_for(path, banks_dir, coach) if path is not None and terminal else None
    catalog: Catalog | None = None
    if frame is None or (request is not None and request.sections is not None):
        # Nothing to paint first, or section ids to check: the banks are needed first.
        from wizard.files.banks import load_catalog

        try:
            catalog = load_catalog(banks_dir)
        except UserFileError as exc:
            print(f"canvas-wizard: {exc}", file=sys.stderr)
            return 1
    if request is not None and catalog is not None:
        checked = checked_sections(request, catalog)
        if isinstance(checked, str):
            print(f"canvas-wizard: error: {checked}", file=sys.stderr)
            return 2
        request = checked
    if not terminal:  # it would wait for keys that never come, drawing into a file or a pipe
        if path is not None and (path.exists() or path.is_symlink()):
            from wizard.files import store

            try:  # what is wrong with the file first, as the wizard's first screen would say
                store.load(path)
            except UserFileError as exc:
                print(f"canvas-wizard: {exc}", file=sys.stderr)
                return 1
        print(NO_TERMINAL, file=sys.stderr)
        return EXIT_NO_TERMINAL
    from wizard.tui import signals
    from wizard.tui.app import WizardApp

    app = WizardApp(path, catalog, coach=coach, frame=frame, banks_dir=banks_dir, theme=theme,
                    coach_request=request)
    message = app.run()
    signals.after_close()
    if app.return_code:
        say(message or "canvas-wizard: stopped with an error", error=True)
        return app.return_code
    if message:
        say(message)
    return 0
