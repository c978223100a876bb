"""The command line's grammar: the wizard's options, each subcommand with its description and argument help."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from wizard import __version__

COMMANDS = {
    "score": "wizard.commands.score",
    "check": "wizard.commands.check",
    "banks": "wizard.commands.banks",
    "schema": "wizard.commands.schema",
    "export": "wizard.commands.export",
    "diff": "wizard.commands.diff",
    "report": "wizard.commands.report",
    "serve": "wizard.commands.serve",
    "completion": "wizard.commands.completion",
}
"""Each subcommand's module (with its `run(args)`), imported only when it runs."""

SUMMARIES = {
    "score": "completeness score and what is missing",
    "check": "exit 0 for a valid canvas, 1 with the reason otherwise",
    "banks": "list the question banks; 'banks check DIR' validates a folder",
    "schema": "print the JSON Schema of canvas files",
    "export": "a persona document, a one-page picture or an interview guide",
    "diff": "what changed between two drafts, answer by answer",
    "report": "a coach's view over a folder of canvases",
    "serve": "the wizard in a browser on localhost (for remote sessions)",
    "completion": "print a shell completion script (bash, zsh or fish)",
}
"""Each command's one line, in `canvas-wizard --help` and in its own help."""

SHELLS = ("bash", "zsh", "fish")
OPTIONS_WITH_VALUES = ("--banks", "--theme", "--minutes", "--sections")
"""Options of the wizard whose value is a separate word (never the command word)."""

# What a shell should offer for an argument: wizard/commands/completion.py turns these into
# shtab's hints, so that building the parser never imports shtab.
FILE, DIRECTORY = "file", "directory"


class Parser(argparse.ArgumentParser):
    """argparse, but an argument it quotes in an error (an unknown option, a stray file
    name) cannot drive the terminal: its control characters are shown as symbols."""

    def error(self, message: str) -> NoReturn:
        from wizard.model.safetext import file_name

        super().error(file_name(message))


def _complete(action: argparse.Action, kind: str) -> argparse.Action:
    action.completes = kind  # type: ignore[attr-defined]
    return action


def _file(parser: argparse.ArgumentParser, *names: str, metavar: str, help: str, **kw: Any) -> None:
    _complete(parser.add_argument(*names, type=Path, metavar=metavar, help=help, **kw), FILE)


def _plan(parser: argparse.ArgumentParser) -> None:
    """A coach session's plan on the command line (the wizard's and serve's)."""
    parser.add_argument("--minutes", type=int, metavar="N",
                        help="with --coach: the session is N minutes (with no --sections: every section still "
                        "open); without it the wizard asks")
    parser.add_argument("--sections", metavar="IDS",
                        help="with --coach: the sections the session covers, by id, comma-separated "
                        "(e.g. segment_questions,audience; 'canvas-wizard banks' lists them)")


def _banks(parser: argparse.ArgumentParser) -> None:
    _complete(parser.add_argument("--banks", type=Path, metavar="DIR",
                                  help="a folder of extra question banks (a bank with a shipped bank's id "
                                  "replaces it)"), DIRECTORY)


def _no_color(parser: argparse.ArgumentParser, default: Any = False) -> None:
    parser.add_argument("--no-color", action="store_true", default=default,
                        help="no colours or other escape codes in the output (as NO_COLOR=1 does)")


def _theme(parser: argparse.ArgumentParser, themes: Sequence[str] | None) -> None:
    # Theme names come from Textual: listed (for completion) only when the caller has them,
    # so that parsing a command line never imports Textual.
    parser.add_argument("--theme", metavar="NAME", choices=themes,
                        help="the colour theme for this run only (the one chosen in the palette is kept "
                        "in the settings file; 'textual-light' and 'textual-dark' are the plainest)")


def wizard_parser(themes: Sequence[str] | None = None) -> Parser:
    commands = "\n".join(f"  {name:<11} {summary}" for name, summary in SUMMARIES.items())
    parser = Parser(
        prog="canvas-wizard",
        description="A guided wizard for working out who your customers are.\n\n"
        "With FILE: resume it, or start a new canvas there if it does not exist. Without: the\n"
        "welcome screen (a new canvas, a file, or a recent one).",
        epilog=f"commands (canvas-wizard COMMAND --help for each):\n{commands}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _file(parser, "file", metavar="FILE", help="the canvas file (.toml) to resume or to start", nargs="?")
    parser.add_argument("--coach", action="store_true",
                        help="coach mode: plan and run a session with the founder (notes, probes, time left)")
    _plan(parser)
    parser.add_argument("--version", action="version", version=f"canvas-wizard {__version__}",
                        help="print the version and exit")
    _banks(parser)
    _theme(parser, themes)
    _no_color(parser)
    return parser


def command_parser(themes: Sequence[str] | None = None) -> Parser:
    parser = Parser(prog="canvas-wizard", description="The commands that work on canvas files without the wizard.")
    parser.add_argument("--version", action="version", version=f"canvas-wizard {__version__}",
                        help="print the version and exit")
    _no_color(parser)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser, metavar="COMMAND",
                                help="what to do (each has its own --help)")

    def add(name: str, description: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=SUMMARIES[name], description=description)
        # SUPPRESS: an option given before the command word is not reset by the command's default.
        _no_color(command, default=argparse.SUPPRESS)
        return command

    score = add("score",
                "The completeness score per section and segment, what is missing (most valuable first) "
                "and the quality checks. Exit 1 when FILE is not a valid canvas or scores below --min.")
    _file(score, "file", metavar="FILE", help="the canvas file (.toml) to score")
    score.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    score.add_argument("--min", type=int, metavar="PCT", help="exit 1 when the overall score is below PCT (0-100)")
    score.add_argument("--all", action="store_true", help="list everything missing, not only the top ten")
    _banks(score)

    check = add("check",
                "Whether FILE is a valid canvas: exit 0 with its score, or exit 1 with one line naming "
                "the file and the problem. Answers to questions no bank knows are warned about, not refused.")
    _file(check, "file", metavar="FILE", help="the canvas file (.toml) to check")
    _banks(check)

    banks = add("banks",
                "The question banks the wizard asks, with their question counts and the articles they "
                "are built from. 'banks check DIR' validates a folder of your own banks.")
    banks.add_argument("action", nargs="?", choices=["check"], help="'check': validate the banks in DIR")
    _complete(banks.add_argument("dir", nargs="?", type=Path, metavar="DIR",
                                 help="the folder of banks to check (with 'check')"), DIRECTORY)
    _banks(banks)

    schema = add("schema",
                 "The JSON Schema of canvas files, for editors that validate and complete TOML (such as "
                 "taplo): each bank's questions with their prompts, choices and ranges (with --banks, yours too).")
    _banks(schema)

    export = add("export",
                 "Render FILE for sharing, to standard output or to OUT: the founder's copy, or the "
                 "coach's with --coach. OUT is never replaced without --force, and never when it is FILE itself.")
    _file(export, "file", metavar="FILE", help="the canvas file (.toml) to export")
    export.add_argument("--format", required=True, choices=["markdown", "html", "interview", "summary"],
                        help="markdown: the persona document; html: the picture, an overview page and one "
                        "A4 landscape page per segment; interview: the interview kit per segment; summary: the "
                        "last coach session (what it covered and changed, the homework, what is still open)")
    export.add_argument("--coach", "--private", action="store_true",
                        help="the coach's copy: add the coach's private notes and the quality checks (left out "
                        "by default: the founder's copy never holds a private note)")
    export.add_argument("--with-names", action="store_true",
                        help="name the people interviewed (their name and who they are) beside their quotes, "
                        "and add the interview notes; left out by default, the quotes stay")
    _file(export, "-o", "--output", metavar="OUT", help="write here instead of standard output")
    export.add_argument("--force", action="store_true", help="replace OUT if it already exists")
    _banks(export)

    diff = add("diff",
               "What changed from OLD to NEW, answer by answer, and the score before and after. Exit 0 "
               "when both are valid canvases, changed or not; 1 when either cannot be read.")
    _file(diff, "old", metavar="OLD", help="the earlier draft (.toml)")
    _file(diff, "new", metavar="NEW", help="the later draft (.toml)")
    diff.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    _banks(diff)

    report = add("report",
                 "Every *.toml directly in DIR, weakest score first: weakest section, segments, open "
                 "required questions and quality checks. Files that are not valid canvases are listed and "
                 "counted; the exit code is still 0. Exit 1 when DIR is missing, not a folder or has no "
                 "*.toml file.")
    _complete(report.add_argument("dir", type=Path, metavar="DIR", help="the folder of canvases (*.toml)"),
              DIRECTORY)
    report.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    report.add_argument("--fresh", action="store_true",
                        help="read every canvas again, not the rows kept from the last report over DIR")
    _banks(report)

    serve = add("serve",
                "Serve the wizard to a browser at http://HOST:PORT; each browser tab runs its own wizard "
                "on FILE. For a remote session, forward the port (ssh -L 8000:localhost:8000). Ctrl+C stops it.")
    _file(serve, "file", metavar="FILE",
          help="the canvas file (.toml) each browser tab opens (default: the welcome screen)",
          nargs="?")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    serve.add_argument("--host", default="localhost",
                       help="interface to listen on (default localhost; any other lets others in)")
    serve.add_argument("--coach", action="store_true",
                       help="coach mode: plan and run a session with the founder (notes, probes, time left)")
    _plan(serve)
    _theme(serve, themes)
    _banks(serve)

    completion = add("completion",
                     "Print a script that completes canvas-wizard's commands, options and files in your "
                     "shell. bash: canvas-wizard completion bash > ~/.local/share/bash-completion/completions/"
                     "canvas-wizard; zsh: canvas-wizard completion zsh > a folder on $fpath, named "
                     "_canvas-wizard; fish: canvas-wizard completion fish > "
                     "~/.config/fish/completions/canvas-wizard.fish.")
    completion.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    return parser


def first_positional(args: Sequence[str]) -> str | None:
    """The command word, if any: `--banks banks` names a folder, not the `banks` command."""
    values = iter(args)
    for arg in values:
        if arg in OPTIONS_WITH_VALUES:
            next(values, None)
        elif arg == "--":
            return None
        elif not arg.startswith("-"):
            return arg
    return None
