"""The command line explains itself: help on every subcommand and argument, completion scripts, --no-color."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT
from wizard.commands.completion import script
from wizard.commands.parser import COMMANDS, SHELLS, SUMMARIES, command_parser, wizard_parser

ESCAPE = re.compile(rb"\x1b|\x9b")
SGR = re.compile(rb"\x1b\[[0-9;]*m")


def run(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "wizard", *args], cwd=cwd, capture_output=True,
                          stdin=subprocess.DEVNULL, env=env, check=False, timeout=120)


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = command_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_command_has_a_module_and_a_parser() -> None:
    assert set(subcommands()) == set(COMMANDS)
    for name, module in COMMANDS.items():
        assert (ROOT / (module.replace(".", "/") + ".py")).is_file(), name


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_subcommand_has_a_description_and_help_on_every_argument(name: str) -> None:
    command = subcommands()[name]
    assert command.description and len(command.description) > 30, f"{name}: no description"
    for action in command._actions:
        what = "/".join(action.option_strings) or action.metavar or action.dest
        assert action.help and action.help != argparse.SUPPRESS, f"{name} {what}: no help"
    listed = command_parser()._subparsers._group_actions[0]._choices_actions  # type: ignore[union-attr]
    assert any(a.dest == name and a.help for a in listed), f"{name}: no one-line help in 'canvas-wizard --help'"


def test_the_wizards_own_arguments_have_help_and_it_lists_every_command() -> None:
    for action in wizard_parser()._actions:
        assert action.help, action.dest
    assert list(SUMMARIES) == list(COMMANDS)
    text = run("--help").stdout.decode()
    for name, summary in SUMMARIES.items():
        assert re.search(rf"^  {name} +{re.escape(summary)}$", text, re.MULTILINE), name


@pytest.mark.parametrize("name", ["score", "export", "completion"])
def test_help_prints_the_description(name: str) -> None:
    done = run(name, "--help")
    assert done.returncode == 0
    assert subcommands()[name].description.split()[0].encode() in done.stdout
    assert b"--no-color" in done.stdout


@pytest.mark.parametrize("shell", SHELLS)
def test_completion_scripts_name_every_command(shell: str) -> None:
    done = run("completion", shell)
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode()
    for name in COMMANDS:
        assert name in text
    checker = shutil.which(shell)
    if checker:  # the shells' own syntax check (bash is always there; zsh and fish when installed)
        path = Path(os.environ.get("TMPDIR", "/tmp")) / f"cw-completion-{os.getpid()}.{shell}"
        path.write_text(text)
        try:
            checked = subprocess.run([checker, "-n", str(path)], capture_output=True, text=True, check=False)
        finally:
            path.unlink()
        assert checked.returncode == 0, checked.stderr


def _bash_complete(words: list[str], cwd: Path) -> list[str]:
    """What bash offers for the last of `words`, with the script sourced as a user would."""
    code = (f"source <({sys.executable} -m wizard completion bash)\n"
            f"COMP_WORDS=({' '.join(repr(w) for w in words)}); COMP_CWORD={len(words) - 1}\n"
            "_shtab_canvas_wizard; printf '%s\\n' \"${COMPREPLY[@]}\"\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(["bash", "-c", code], cwd=cwd, capture_output=True, text=True, env=env, check=False,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return [line for line in done.stdout.splitlines() if line]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completes_commands_options_choices_and_files(tmp_path: Path) -> None:
    (tmp_path / "draft.toml").write_text("")
    (tmp_path / "cohort").mkdir()
    assert set(_bash_complete(["canvas-wizard", "s"], tmp_path)) == {"score", "schema", "serve"}
    first = set(_bash_complete(["canvas-wizard", ""], tmp_path))
    assert set(COMMANDS) | {"draft.toml"} <= first  # a command, or the canvas to open
    assert set(_bash_complete(["canvas-wizard", "d"], tmp_path)) == {"diff", "draft.toml"}
    assert "--json" in _bash_complete(["canvas-wizard", "score", "--"], tmp_path)
    assert "--coach" not in _bash_complete(["canvas-wizard", "score", "--"], tmp_path)
    assert _bash_complete(["canvas-wizard", "score", "dr"], tmp_path) == ["draft.toml"]
    assert set(_bash_complete(["canvas-wizard", "export", "draft.toml", "--format", ""], tmp_path)) == {
        "markdown", "html", "interview", "summary"}
    assert _bash_complete(["canvas-wizard", "completion", "f"], tmp_path) == ["fish"]
    assert "nord" in _bash_complete(["canvas-wizard", "--theme", "n"], tmp_path)
    assert _bash_complete(["canvas-wizard", "report", "c"], tmp_path) == ["cohort"]


def test_the_completion_script_is_made_from_the_parser() -> None:
    assert "--min" in script("zsh") and "--format" in script("fish")


# --no-color ---------------------------------------------------------------------------

FORCED = {**os.environ, "FORCE_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "100"}


@pytest.mark.parametrize("args", [
    ("score", str(EXAMPLES / "draft-bakery.toml")),
    ("diff", str(EXAMPLES / "draft-bakery.toml"), str(EXAMPLES / "facebook.toml")),
    ("report", str(EXAMPLES)),
    ("banks",),
])
def test_no_color_means_no_escape_codes_even_when_colour_is_forced(args: tuple[str, ...]) -> None:
    coloured = run(*args, env=FORCED)
    assert coloured.returncode == 0, coloured.stderr
    assert ESCAPE.search(coloured.stdout), "FORCE_COLOR should colour this output, or the test proves nothing"
    for plain in (run("--no-color", *args, env=FORCED), run(*args, "--no-color", env=FORCED),
                  run(*args, env={**FORCED, "NO_COLOR": "1"})):
        assert plain.returncode == 0, plain.stderr
        assert not ESCAPE.search(plain.stdout + plain.stderr), plain.stdout[:300]
        assert plain.stdout.split() == SGR.sub(b"", coloured.stdout).split()  # the same words, only plain


def test_no_color_in_a_console_forced_to_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from wizard.commands import output

    monkeypatch.delenv("NO_COLOR", raising=False)
    output.set_plain(True)
    try:
        console = output.console()
        console._force_terminal = True
        with console.capture() as captured:
            console.print("[bold red]loud[/] text")
        assert captured.get() == "loud text\n"
    finally:
        output.set_plain(False)


def test_an_empty_no_color_does_not_count(monkeypatch: pytest.MonkeyPatch) -> None:
    from wizard.commands import output

    monkeypatch.setenv("NO_COLOR", "")
    assert not output.plain()
    monkeypatch.setenv("NO_COLOR", "1")
    assert output.plain()


# banks ---------------------------------------------------------------------------------

def test_banks_names_the_source_articles_by_title(capsys: pytest.CaptureFixture[str]) -> None:
    from wizard.commands.cli import main
    from wizard.files.banks import shipped_catalog

    assert main(["--no-color", "banks"]) == 0
    out = capsys.readouterr().out
    titles = {s.title for bank in shipped_catalog().banks for s in bank.sources}
    assert len(titles) >= 5
    for title in titles:
        assert title in out
    assert ".txt" not in out and "seeds/" not in out  # files users do not have


def test_banks_titles_match_the_seed_articles() -> None:
    """Each shipped bank's source title is the title of the seed article it names (when the seeds are here)."""
    from wizard.files.banks import shipped_catalog

    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        seeds = Path("/work/shared/seeds")
    if not seeds.is_dir():
        pytest.skip("the seed articles are not on this machine")
    for bank in shipped_catalog().banks:
        for source in bank.sources:
            head = (seeds / source.seed).read_text(encoding="utf-8")[:2000]
            words = re.findall(r"\w+", source.title.lower())
            assert sum(w in head.lower() for w in words) >= len(words) - 1, (bank.id, source.title)
