"""`canvas-wizard completion bash|zsh|fish`: a shell completion script, generated from the parser by shtab."""

from __future__ import annotations

import argparse

import shtab

from wizard.commands.parser import DIRECTORY, FILE, command_parser, wizard_parser


def completion_parser() -> argparse.ArgumentParser:
    """One parser for the whole command line: the commands, and at the top the wizard's own
    options and its FILE (argparse parses these apart, see cli.py; a shell completes both)."""
    from wizard.tui.settings import theme_names

    themes = theme_names()
    parser = command_parser(themes)
    for action in wizard_parser(themes)._actions:
        if action.option_strings and not set(action.option_strings) & set(parser._option_string_actions):
            parser._add_action(action)
    _hint(parser)
    return parser


def _hint(parser: argparse.ArgumentParser) -> None:
    """shtab's completion hint on each argument that names a file or a folder, in every subcommand."""
    hints = {FILE: shtab.FILE, DIRECTORY: shtab.DIRECTORY}
    for action in parser._actions:
        kind = getattr(action, "completes", None)
        if kind is not None:
            action.complete = hints[kind]  # type: ignore[attr-defined]
        if isinstance(action, argparse._SubParsersAction):
            for sub in set(action.choices.values()):
                _hint(sub)


ROOT_FILES = "_shtab_canvas_wizard_pos_0_COMPGEN=_shtab_compgen_files\n"
"""The first word is a command or the canvas to open. argparse cannot say both (shtab
reads the command words from the subparsers, and a completion hint on them makes it
forget they are commands), so bash is told to offer files there too."""


def script(shell: str) -> str:
    text: str = shtab.complete(completion_parser(), shell=shell)
    if shell == "bash":
        anchor = "_shtab_canvas_wizard_pos_0_nargs="
        text = text.replace(anchor, ROOT_FILES + anchor, 1)
    return text


def run(args: argparse.Namespace) -> int:
    print(script(args.shell))
    return 0
