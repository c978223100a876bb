"""The lock file beside a canvas (`.NAME.lock`), so two wizards never edit one file at once.

It holds who has the canvas open: process id, host, user, start time, and (on Linux) the
boot and the process's start tick, which tell a live holder from a recycled process id.
A lock is stale, and quietly taken over, when its process is gone on this host, when the
host has rebooted since, or when it has not been refreshed (every save refreshes it) for
MAX_AGE. A lock file that is odd (a pipe, a device, a symlink, too big to be a lock, or
unreadable) is never read in full, broken or waited on: it counts as held by someone
unknown, so the user is asked, and told which file to delete if no wizard has the canvas.
The canvas itself is never locked or touched by this.
"""

from __future__ import annotations

import atexit
import contextlib
import getpass
import os
import socket
import time
import tomllib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import tomli_w

from wizard.files.sidefile import OddFile, read_capped

MAX_AGE = timedelta(hours=12)
_MAX_LOCK_BYTES = 4096


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    user: str
    started: datetime
    token: str = ""
    boot: str = ""
    ticks: int = 0
    odd: str = ""
    """Why the lock file could not be read as a lock ("" when it could): its holder is unknown."""

    @classmethod
    def unknown(cls, why: str) -> Holder:
        return cls(0, "", "", datetime.now(UTC).replace(microsecond=0), odd=why)

    def describe(self) -> str:
        if self.odd:
            return f"someone unknown ({self.odd})"
        since = self.started.astimezone().strftime("%Y-%m-%d %H:%M")
        return f"{self.user or 'someone'} (process {self.pid} on {self.host or 'an unknown host'}, since {since})"


def lock_path(canvas: Path) -> Path:
    """`.NAME.lock` beside the real file, so every symlink to one canvas shares one lock."""
    target = Path(os.path.realpath(canvas))
    return target.with_name(f".{target.name}.lock")


class CanvasLock:
    def __init__(self, canvas: Path) -> None:
        self.canvas = canvas
        self.path = lock_path(canvas)
        self.me = _me()
        self.held = False

    def acquire(self) -> Holder | None:
        """Take the lock; None once it is ours, else the live holder who has it.

        A folder where no lock can be made (read-only, no permission) gives None without
        a lock: saving there will fail on its own with a clear message.
        """
        for _ in range(5):
            try:
                self._create()
            except FileExistsError:
                pass
            except OSError:
                return None
            else:
                self.held = True
                atexit.register(self.release)
                return None
            raw, holder, odd = self._read()
            if odd:
                return Holder.unknown(odd)
            if raw is None:
                continue  # removed between our attempts: try again
            if holder is not None and not _stale(holder, self._age()):
                return holder
            if holder is None and self._age() < timedelta(seconds=10):
                return Holder.unknown("its lock file is being written right now")
            self._break(raw)
        # Five rounds and the lock was never ours: someone keeps taking it. Never carry on
        # as if it were ours.
        _, holder, odd = self._read()
        return holder or Holder.unknown(odd or f"its lock file {self._name()} keeps changing")

    def holder(self) -> Holder | None:
        """Who the lock names; None when there is no lock (or it cannot be made sense of)."""
        _, holder, odd = self._read()
        return Holder.unknown(odd) if odd else holder

    def refresh(self) -> None:
        """Mark the lock as in use now, so a long session never looks abandoned."""
        if self.held:
            with contextlib.suppress(OSError):
                os.utime(self.path)

    def release(self) -> None:
        """Remove the lock if it is still ours (it may have been taken over as stale)."""
        if not self.held:
            return
        self.held = False
        atexit.unregister(self.release)
        _, holder, _odd = self._read()
        if holder is not None and holder.token == self.me.token:
            with contextlib.suppress(OSError):
                os.unlink(self.path)

    # -- the file ------------------------------------------------------------------
    def _create(self) -> None:
        # Written in full under a private name, then linked into place: link() fails if
        # the lock exists, and nobody ever sees a half-written lock file.
        data = _encode(self.me)
        tmp = self.path.with_name(f"{self.path.name}.{self.me.token[:8]}.tmp")
        with open(tmp, "wb") as handle:
            handle.write(data)
        try:
            os.link(tmp, self.path)
        except FileExistsError:
            raise
        except OSError:  # no hard links here: exclusive create instead
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

    def _read(self) -> tuple[bytes | None, Holder | None, str]:
        """The lock's bytes (None: no lock), who they name (None: damaged), and why the lock
        file is odd ("" when it is not). Never blocks, never reads more than a lock holds."""
        try:
            raw = read_capped(self.path, _MAX_LOCK_BYTES)
        except FileNotFoundError:
            return None, None, ""
        except OddFile as exc:
            return None, None, (f"its lock file {self._name()} is {exc}: if no other wizard has this canvas "
                                "open, delete that file")
        return raw, _decode(raw), ""

    def _name(self) -> str:
        from wizard.model.safetext import file_name  # only for a message about an odd lock

        return file_name(self.path)

    def _age(self) -> timedelta:
        try:
            return timedelta(seconds=max(0.0, time.time() - os.lstat(self.path).st_mtime))
        except OSError:
            return timedelta(0)

    def _break(self, seen: bytes) -> None:
        # Move the stale lock aside under a private name; if what moved is not what we
        # judged stale (someone took the lock meanwhile), put it back.
        aside = self.path.with_name(f"{self.path.name}.{self.me.token[:8]}.stale")
        try:
            os.rename(self.path, aside)
        except OSError:
            return
        try:
            moved: bytes | None = read_capped(aside, _MAX_LOCK_BYTES)
        except (OSError, OddFile):
            moved = None
        try:
            if moved != seen:
                with contextlib.suppress(OSError):
                    os.link(aside, self.path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(aside)


def _stale(holder: Holder, age: timedelta) -> bool:
    if age > MAX_AGE:
        return True
    if holder.host != socket.gethostname():
        return False  # another machine's process cannot be checked from here
    boot = _boot_id()
    if holder.boot and boot and holder.boot != boot:
        return True  # this machine has restarted since
    if not _alive(holder.pid):
        return True
    ticks = _start_ticks(holder.pid)
    return bool(holder.ticks and ticks and holder.ticks != ticks)  # the pid was reused


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process, alive
    except OSError:
        return False
    return True


def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


def _start_ticks(pid: int) -> int:
    # Field 22 of /proc/PID/stat, counted after the command name (which may hold spaces).
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
        return int(text.rsplit(")", 1)[1].split()[19])
    except (OSError, IndexError, ValueError):
        return 0


def _me() -> Holder:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    pid = os.getpid()
    return Holder(pid, socket.gethostname(), user, datetime.now(UTC).replace(microsecond=0),
                  uuid.uuid4().hex, _boot_id(), _start_ticks(pid))


def _encode(holder: Holder) -> bytes:
    data = {"pid": holder.pid, "host": holder.host, "user": holder.user, "started": holder.started,
            "token": holder.token, "boot": holder.boot, "ticks": holder.ticks}
    return ("# canvas-wizard has this canvas open; remove this file only if it has not.\n"
            + tomli_w.dumps(data)).encode("utf-8")


def _decode(raw: bytes) -> Holder | None:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
        started = data["started"]
        if not isinstance(started, datetime):
            return None
        return Holder(int(data["pid"]), str(data["host"]), str(data["user"]), started,
                      str(data.get("token", "")), str(data.get("boot", "")), int(data.get("ticks", 0)))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
