"""Whole-canvas work with Python's cyclic garbage collector paused.

Loading, scoring, checking and saving a large canvas build hundreds of thousands of small
objects and no reference cycles. Each automatic collection meanwhile walks every one of
them for nothing: at 1000 segments that was about a third of the time from load to save.
Reference counting still frees everything at once; only cycles wait for the next
collection after the work is done.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def gc_paused(function: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        # Only the call that paused it turns it back on: nested calls, or another thread
        # in the middle of its own bulk work, leave it to that one.
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return run
