"""The `canvas-wizard` command: parse arguments and hand over to a command or the wizard."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from wizard import __version__

COMMANDS = ("score", "check", "banks", "schema", "export", "diff", "report", "serve")

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE if hasattr(signal, "SIGPIPE") else 1
"""What a Unix tool killed by SIGPIPE ends with (`yes | head`)."""


class Parser(argparse.ArgumentParser):
    """argparse, but an argument it quotes in an error (an unknown option, a stray file
    name) cannot drive the terminal: its control characters are shown as symbols."""

    def error(self, message: str) -> NoReturn:
        from wizard.model.safetext import file_name

        super().error(file_name(message))


def _add_banks_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--banks", type=Path, metavar="DIR",
                        help="a folder of extra question banks (same id replaces a shipped bank)")


def wizard_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="canvas-wizard",
        description="A guided wizard for working out who your customers are. "
        f"Commands: {', '.join(COMMANDS)} (see 'canvas-wizard COMMAND --help').",
        epilog="With FILE: resume it, or start a new canvas there if it does not exist.",
    )
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help="the canvas file (.toml)")
    parser.add_argument("--coach", action="store_true", help="coach mode: facilitator notes and probes")
    parser.add_argument("--version", action="version", version=f"canvas-wizard {__version__}")
    _add_banks_option(parser)
    return parser


def command_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="canvas-wizard")
    parser.add_argument("--version", action="version", version=f"canvas-wizard {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    score = sub.add_parser("score", help="completeness score and what is missing")
    score.add_argument("file", type=Path, metavar="FILE")
    score.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    score.add_argument("--min", type=int, metavar="PCT", help="exit 1 when the overall score is below PCT")
    score.add_argument("--all", action="store_true", help="list everything missing, not only the top")
    _add_banks_option(score)

    check = sub.add_parser("check", help="exit 0 for a valid canvas, 1 with the reason otherwise")
    check.add_argument("file", type=Path, metavar="FILE")
    _add_banks_option(check)

    banks = sub.add_parser("banks", help="list the question banks; 'banks check DIR' validates a folder")
    banks.add_argument("action", nargs="?", choices=["check"], help="validate a folder of banks")
    banks.add_argument("dir", nargs="?", type=Path, metavar="DIR")
    _add_banks_option(banks)

    schema = sub.add_parser("schema", help="print the JSON Schema of canvas files")
    _add_banks_option(schema)

    export = sub.add_parser("export", help="a persona document, a one-page picture or an interview guide")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--format", required=True, choices=["markdown", "html", "interview"],
                        help="markdown: the persona document; html: the picture, an overview page and one "
                        "A4 landscape page per segment; interview: the interview kit per segment")
    export.add_argument("--coach", action="store_true",
                        help="the coach's copy: add the coach's notes and the quality checks (left out by default)")
    export.add_argument("-o", "--output", type=Path, metavar="OUT", help="write here instead of standard output")
    export.add_argument("--force", action="store_true", help="replace OUT if it already exists")
    _add_banks_option(export)

    diff = sub.add_parser("diff", help="what changed between two drafts, answer by answer",
                          description="What changed from OLD to NEW, answer by answer, and the score "
                          "before and after. Exit 0 when both are valid canvases, changed or not; "
                          "1 when either cannot be read.")
    diff.add_argument("old", type=Path, metavar="OLD")
    diff.add_argument("new", type=Path, metavar="NEW")
    diff.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    _add_banks_option(diff)

    report = sub.add_parser("report", help="a coach's view over a folder of canvases",
                            description="Every *.toml directly in DIR, weakest score first: weakest "
                            "section, segments, open required questions and quality checks. Files that "
                            "are not valid canvases are listed and counted; the exit code is still 0. "
                            "Exit 1 when DIR is missing, not a folder or has no *.toml file.")
    report.add_argument("dir", type=Path, metavar="DIR")
    report.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    _add_banks_option(report)

    serve = sub.add_parser("serve", help="the wizard in a browser on localhost (for remote sessions)")
    serve.add_argument("file", nargs="?", type=Path, metavar="FILE")
    serve.add_argument("--port", type=int, default=8000, help="port on localhost (default 8000)")
    serve.add_argument("--host", default="localhost", help="interface to listen on (default localhost)")
    serve.add_argument("--coach", action="store_true", help="coach mode")
    _add_banks_option(serve)
    return parser


def _first_positional(args: list[str]) -> str | None:
    """The command word, if any: `--banks banks` names a folder, not the `banks` command."""
    values = iter(args)
    for arg in values:
        if arg == "--banks":
            next(values, None)
        elif not arg.startswith("-"):
            return arg
    return None


def main(argv: Sequence[str] | None = None) -> int:
    # A name that is not UTF-8 or a terminal that is not must never end in a traceback.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        code = _main(argv)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as any Unix tool does. Python would
        # still try to flush stdout as it exits, so stdout goes to /dev/null first.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    return code


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if _first_positional(args_list) in COMMANDS:
        args = command_parser().parse_args(args_list)
        from wizard.commands import basic as commands

        if args.command == "score" and args.min is not None and not 0 <= args.min <= 100:
            command_parser().error("--min takes a percentage from 0 to 100")
        if args.command == "banks" and args.action == "check" and args.dir is None:
            command_parser().error("'banks check' needs the folder to check: banks check DIR")
        return commands.run(args)
    args = wizard_parser().parse_args(args_list)
    from wizard.commands.launch import launch

    return launch(args.file, banks_dir=args.banks, coach=args.coach)


if __name__ == "__main__":
    raise SystemExit(main())
