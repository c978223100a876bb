"""Random sequences through the installed program in a real terminal (tmux): real bursts
(`send-keys -l`), bracketed pastes, bytes that are not UTF-8, commits, quits, `kill -9` at
random moments and typing from the first moment of each start, checked against the model
of tests/typing_model.py (issue 11, the systematic part; the Pilot run covers far more)."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from tests.factory import structure
from tests.terminal import PROGRAM, Terminal
from tests.test_e2e_keys import env, paste, wizard_pid
from tests.typing_model import Model
from wizard.core.session import Step
from wizard.files import store
from wizard.files.banks import shipped_catalog
from wizard.files.drafts import Drafts
from wizard.model.bank import Kind

pytestmark = pytest.mark.e2e
SEQUENCES = 5
KEEPS = {Kind.TEXT, Kind.LONG_TEXT, Kind.LIST}


class Driver:
    def __init__(self, terminal: Terminal, path: Path, model: Model, rng: random.Random, state: Path) -> None:
        self.terminal, self.path, self.model, self.rng, self.state = terminal, path, model, rng, state
        self.catalog = shipped_catalog()

    def send(self, *args: str) -> None:
        self.terminal.tmux("send-keys", "-t", self.terminal.name, *args)

    def here(self) -> str | None:
        """The step the wizard shows: it writes it to its drafts on every move (once what was
        sent before has been handled: the screen and that position hold still)."""
        deadline, before = time.monotonic() + 10, None
        while time.monotonic() < deadline:
            now = (self.terminal.screen(), Drafts(self.path).position)
            if now == before:
                break
            before = now
            time.sleep(0.2)
        return Drafts(self.path).position or None

    def keeps(self, ref: str) -> bool:
        step = Step.from_ref(ref)
        if step.is_structure:
            return True
        entry = self.catalog.get(step.key)
        return entry is not None and entry.question.kind in KEEPS

    def token(self) -> str | None:
        ref = self.here()
        return None if ref is None else self.model.type_at(ref, self.keeps(ref))

    def act(self) -> list[str]:
        """Do one random thing; the tokens it typed."""
        rng = self.rng
        choice = rng.choice(["burst", "burst", "keys", "paste", "bytes", "commit", "commit"])
        if choice == "commit":
            self.send(rng.choice(["C-n", "C-n", "Enter", "C-b", "C-g"]))
            return []
        token = self.token()
        if token is None:
            return []
        if choice == "burst":
            self.send("-l", " " + token)
            if rng.random() < 0.5:
                self.send(rng.choice(["Enter", "C-n"]))
        elif choice == "keys":
            for character in " " + token:
                self.send("-l", character)
                time.sleep(0.03)
        elif choice == "paste":
            paste(self.terminal, rng.choice(["\x1b[1m", "\x07", ""]) + " " + token[:3] + "\x1b" + token[3:])
        else:
            cut = rng.randrange(1, len(token))
            self.send("-l", " " + token[:cut])
            self.send("-H", *rng.choice(["e9", "ff", "ed a0 bd"]).split())
            self.send("-l", token[cut:])
        return [token]

    def start(self, typing: bool) -> None:
        self.terminal.start(f"{PROGRAM} {self.path.name}", self.path.parent, env(self.state))
        if typing:  # at 20 characters a second from the moment it starts, an Enter at the end
            target = self.opening()
            token = self.model.type_at(target, self.keeps(target))
            for character in " " + token:
                self.send("-l", character)
                time.sleep(0.05)
        self.wait_live()

    def opening(self) -> str:
        from tests.test_typing_model import opening_step

        return opening_step(self.path, self.catalog).ref

    def wait_live(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.here() is not None and "^n" in self.terminal.screen():
                return
            time.sleep(0.1)
        raise AssertionError(f"the wizard never came up:\n{self.terminal.screen()}")

    def seen(self) -> str:
        shown = self.terminal.screen()
        assert "Traceback" not in shown, shown
        return shown


def run_sequence(terminal: Terminal, tmp_path: Path, state: Path, seed: int) -> None:
    rng = random.Random(seed)
    model = Model(rng)
    path = tmp_path / f"seq-{seed}.toml"
    if rng.random() < 0.5:
        store.save(structure(1, 1, 1), path)
    driver = Driver(terminal, path, model, rng, state)
    history = []
    for _ in range(rng.randint(2, 3)):
        typing = rng.random() < 0.5
        model.log.append(f"start{' typing at once' if typing else ''}")
        driver.start(typing)
        last: list[str] = []
        for _ in range(rng.randint(3, 7)):
            where = driver.here()
            last = driver.act()
            model.log.append(f"  at {where}: {last}")
            time.sleep(0.4)
            driver.seen()
        end = rng.choice(["quit", "kill", "kill after Enter"])
        if end == "quit":
            terminal.keys("C-q")
            terminal.wait_for("Saved")
        else:
            pid = wizard_pid(terminal)
            if end == "kill after Enter":  # the answer sent, the save not yet written
                token = driver.token()
                if token is not None:
                    driver.send("-l", " " + token)
                    time.sleep(0.4)
                    driver.send("Enter")
                    time.sleep(rng.uniform(0.01, 0.06))
            else:  # killed while the keys of the last thing done may still be on their way
                model.may_go.update(last)
                time.sleep(rng.uniform(0, 0.08))
            os.kill(pid, signal.SIGKILL)
            time.sleep(0.3)
        terminal.stop()
        history.append(end)
        model.log.append(end)
        model.check(path, f"seed {seed}, after {' then '.join(history)}")


@pytest.mark.parametrize("seed", range(SEQUENCES))
def test_random_typing_in_a_real_terminal_lands_where_it_was_typed(terminal: Terminal, tmp_path: Path,
                                                                   isolated_state: Path, seed: int) -> None:
    run_sequence(terminal, tmp_path, isolated_state, seed)
