"""What the command line sends to a terminal or a pipe: names shown safely, a closed pipe, no terminal.

File names shown safely, a closed pipe ends quietly, and no terminal is refused clearly.

A file name can hold anything but `/` and NUL: an escape sequence that retitles the
terminal, a bell, a newline, bytes that are not UTF-8. Every line that names a file shows
it as visible symbols, on one line."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.factory import structure
from wizard.files import store

HOSTILE = "esc\x1b]0;PWNED\x07red\nnext\tline"
"""Sets the terminal's title, rings its bell, breaks the line."""
RAW = (b"\x1b", b"\x07", b"PWNED\x07")
SHOWN = "esc␛]0;PWNED␇red␊next␉line"


def run(*args: str | bytes, cwd: Path = ROOT, stdin: int | None = subprocess.DEVNULL,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "wizard", *args], cwd=cwd, capture_output=True, stdin=stdin,
                          env=env, check=False, timeout=120)


def assert_safe(done: subprocess.CompletedProcess[bytes]) -> str:
    both = done.stdout + done.stderr
    for raw in RAW:
        assert raw not in both, both
    assert b"Traceback" not in both, both
    return both.decode("utf-8")


@pytest.fixture
def hostile_canvas(tmp_path: Path) -> Path:
    path = tmp_path / f"{HOSTILE}.toml"
    # An answer no bank asks for: `check` warns about it, naming the file.
    text = (EXAMPLES / "draft-bakery.toml").read_text() + '\n[answers.custom_bank]\nfavourite = "x"\n'
    path.write_text(text)
    return path


def test_check_and_score_show_a_hostile_file_name_safely(hostile_canvas: Path) -> None:
    done = run("check", str(hostile_canvas))
    assert done.returncode == 0, done.stderr
    out = assert_safe(done)
    assert f"{SHOWN}.toml: valid canvas" in out
    assert f"{SHOWN}.toml: warning: answers.custom_bank.favourite" in out
    assert done.stdout.count(b"\n") == 1  # the success line is one line
    done = run("score", str(hostile_canvas), "--min", "90")
    assert done.returncode == 1
    assert f"{SHOWN}.toml: " in assert_safe(done) and "below the minimum of 90%" in done.stderr.decode()


def test_every_other_command_shows_a_hostile_file_name_safely(hostile_canvas: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    folder.mkdir()
    shutil.copy(hostile_canvas, folder / hostile_canvas.name)
    (folder / f"bad {HOSTILE}.toml").write_text("[[[")
    report = assert_safe(run("report", str(folder)))
    assert SHOWN in report and f"bad {SHOWN}.toml: invalid TOML" in report
    assert_safe(run("report", "--json", str(folder)))
    diff = assert_safe(run("diff", str(hostile_canvas), str(hostile_canvas)))
    assert SHOWN in diff.replace("\n", "")  # a long name wraps at the width
    out = tmp_path / f"out {HOSTILE}.md"
    done = run("export", str(hostile_canvas), "--format", "markdown", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert f"out {SHOWN}.md: markdown export written" in assert_safe(done)
    banks = tmp_path / f"banks {HOSTILE}"
    banks.mkdir()
    shutil.copy(ROOT / "question_banks" / "audience.toml", banks / "audience.toml")
    assert SHOWN in assert_safe(run("banks", "check", str(banks)))
    # argparse quotes what it does not understand: a stray file name among them.
    assert_safe(run("check", str(hostile_canvas), f"extra {HOSTILE}"))
    # The wizard itself, given a folder.
    done = run(str(banks))
    assert done.returncode == 1 and SHOWN in assert_safe(done)


def test_a_name_that_is_not_utf8_is_shown_not_a_traceback(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9 \xff.toml"  # latin-1, and a byte no encoding has
    with open(name, "wb") as handle:
        handle.write((EXAMPLES / "draft-bakery.toml").read_bytes())
    done = subprocess.run([sys.executable, "-m", "wizard", "check", name], cwd=ROOT, capture_output=True,
                          stdin=subprocess.DEVNULL, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "caf\\xe9 \\xff.toml: valid canvas" in assert_safe(done)
    assert_safe(subprocess.run([sys.executable, "-m", "wizard", "report", "--json", os.fsencode(tmp_path)],
                               cwd=ROOT, capture_output=True, check=False, timeout=60))


@pytest.mark.parametrize("args", [["schema"], ["report", "--json", "{cohort}"], ["report", "{cohort}"],
                                  ["export", "{canvas}", "--format", "markdown"], ["score", "{draft}", "--all"]])
def test_output_into_a_closed_pipe_ends_quietly(tmp_path: Path, args: list[str]) -> None:
    cohort = tmp_path / "cohort"
    cohort.mkdir()
    for i in range(120):
        shutil.copy(EXAMPLES / "facebook.toml", cohort / f"c{i}.toml")
    names = {"cohort": str(cohort), "canvas": str(EXAMPLES / "facebook.toml"),
             "draft": str(EXAMPLES / "draft-bakery.toml")}
    command = [sys.executable, "-m", "wizard", *(a.format(**names) for a in args)]
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)  # smaller than the output: the writer waits on us
    # Unbuffered, Python drops what a pipe does not take at once instead of raising.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    writer = subprocess.Popen(command, cwd=ROOT, stdout=write_end, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, env=env)
    os.close(write_end)
    assert os.read(read_end, 10)  # `| head -c 10`: then the reader goes away
    os.close(read_end)
    assert writer.stderr is not None
    err = writer.stderr.read().decode()
    assert writer.wait(60) == 141, err  # as a Unix tool killed by SIGPIPE
    assert err == "", err


def test_with_no_terminal_the_wizard_refuses_in_one_line(tmp_path: Path) -> None:
    log = tmp_path / "log"
    with log.open("wb") as out:
        done = subprocess.run([sys.executable, "-m", "wizard", "new.toml"], cwd=tmp_path, stdin=subprocess.DEVNULL,
                              stdout=out, stderr=subprocess.PIPE, check=False, timeout=60,
                              env={k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"})
    assert done.returncode == 2
    err = done.stderr.decode()
    assert err.count("\n") == 1 and "no terminal" in err, err
    assert not (tmp_path / "new.toml").exists()
    assert log.read_bytes() == b""  # no escape codes, no half-drawn screen


def test_with_no_terminal_usage_and_file_problems_come_first(tmp_path: Path) -> None:
    assert run("--no-such-flag", cwd=tmp_path).returncode == 2
    (tmp_path / "folder.toml").mkdir()
    done = run("folder.toml", cwd=tmp_path)
    assert done.returncode == 1 and b"this is a folder" in done.stderr
    (tmp_path / "bad.toml").write_text("[[[")
    done = run("bad.toml", cwd=tmp_path)
    assert done.returncode == 1 and b"invalid TOML" in done.stderr
    store.save(structure(1, 1, 1), tmp_path / "good.toml")
    before = (tmp_path / "good.toml").read_bytes()
    done = run("good.toml", cwd=tmp_path)
    assert done.returncode == 2 and b"no terminal" in done.stderr
    assert (tmp_path / "good.toml").read_bytes() == before
