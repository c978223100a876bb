"""A Ctrl+C that reaches a wizard which has just closed by itself ends it quietly, as `serve`'s does.

At `serve`, Ctrl+C reaches every visitor's wizard; one whose visitor had just left was
past its event loop, and Python's KeyboardInterrupt landed while it waited for Textual's
input thread, printing a traceback into the server's output. `launch` runs the real
wizard's end here, with an app that closes at once and leaves a thread still finishing
(as Textual's input thread is) that sends the signals.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

ENDING = textwrap.dedent("""
    import os, signal, sys, threading, time
    import wizard.tui.app
    from wizard.commands import launch

    def finishing(times):
        for _ in range(times):
            time.sleep(0.3)
            os.kill(os.getpid(), signal.SIGINT)
        time.sleep(float(sys.argv[2]))

    class ClosedAtOnce:  # the wizard, closed: every answer saved, its threads still ending
        return_code = 0
        def __init__(self, *args, **kwargs): pass
        def run(self):
            threading.Thread(target=finishing, args=(int(sys.argv[1]),)).start()
            return "canvas-wizard: closed"

    wizard.tui.app.WizardApp = ClosedAtOnce
    launch.has_terminal = lambda: True
    sys.exit(launch.launch(None))
""")


def ending(signals: int, then: float) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.monotonic()
    run = subprocess.run([sys.executable, "-c", ENDING, str(signals), str(then)], capture_output=True,
                         text=True, timeout=120)
    return run, time.monotonic() - start


def test_one_ctrl_c_while_the_closed_wizard_ends_is_let_pass() -> None:
    run, _ = ending(1, 0.5)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr and "KeyboardInterrupt" not in run.stderr, run.stderr
    assert "canvas-wizard: closed" in run.stdout + run.stderr  # its last word still said


def test_a_second_ctrl_c_ends_it_at_once() -> None:
    run, took = ending(2, 60)  # something still running for a minute: the second Ctrl+C does not wait
    assert run.returncode == 130, run.stderr
    assert took < 30
    assert "Traceback" not in run.stderr, run.stderr
