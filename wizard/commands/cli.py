"""The `canvas-wizard` command: parse arguments and hand over to a command or the wizard."""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import sys
from collections.abc import Sequence

from wizard.commands.parser import COMMANDS, command_parser, first_positional, wizard_parser

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE if hasattr(signal, "SIGPIPE") else 1
"""What a Unix tool killed by SIGPIPE ends with (`yes | head`)."""


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
    if first_positional(args_list) in COMMANDS:
        return _command(args_list)
    parser = wizard_parser()
    args = parser.parse_args(args_list)
    from wizard.commands.launch import coach_request, launch

    request = coach_request(parser, args)
    return launch(args.file, banks_dir=args.banks, coach=args.coach, theme=args.theme, no_color=args.no_color,
                  request=request)


def _command(args_list: list[str]) -> int:
    from wizard.commands import output
    from wizard.files.errors import UserFileError

    parser = command_parser()
    args = parser.parse_args(args_list)
    output.set_plain(args.no_color)
    if args.command == "score" and args.min is not None and not 0 <= args.min <= 100:
        parser.error("--min takes a percentage from 0 to 100")
    if args.command == "banks" and args.action == "check" and args.dir is None:
        parser.error("'banks check' needs the folder to check: banks check DIR")
    module = importlib.import_module(COMMANDS[args.command])
    try:
        code: int = module.run(args)
    except UserFileError as exc:
        return output.fail(str(exc))
    return code


if __name__ == "__main__":
    raise SystemExit(main())
