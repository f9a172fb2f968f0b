"""One writer per SQLite file: an operating-system lock held while a Clerk has the file open.

The lock is taken on a small file beside the database (``clerk.sqlite3.lock``) with ``flock``
(``msvcrt.locking`` on Windows). The operating system drops it when the process ends, however
it ends (a crash, a kill, a power cut), so a stale lock never keeps a clerk out. The lock file
records who holds it, for the notice a second Clerk shows.

Locks are per process: a second ``Database`` on the same file in the same process shares the
lock (the same clerk), counted, and the lock is released when the last one lets go.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, ClassVar

from clerk.domain.errors import ClerkError


class DatabaseInUse(ClerkError):
    """Another Clerk is recording in this database, so this one may only read it."""


@dataclass(frozen=True)
class Holder:
    """Who holds a database's writer lock, as the lock file says."""

    pid: int
    host: str
    since: str

    def describe(self) -> str:
        here = socket.gethostname()
        where = "" if self.host == here else f" on {self.host}"
        return f"another Clerk (process {self.pid}{where}, since {self.since})"


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_holder(database: Path) -> Holder | None:
    """Who the lock file names (it may be out of date if nobody holds the lock)."""
    try:
        # Past the first byte: on Windows that byte is the locked region.
        data = json.loads(lock_path(database).read_bytes()[1:].decode("utf-8"))
        return Holder(int(data["pid"]), str(data["host"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class WriterLock:
    """The writer lock on one database file; ``acquire()`` says whether this process has it."""

    _held: ClassVar[dict[Path, tuple[IO[bytes], int]]] = {}
    _guard: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, database: Path) -> None:
        self.database = database
        self.key = lock_path(database)
        self.owned = False

    def acquire(self) -> bool:
        with self._guard:
            held = self._held.get(self.key)
            if held is not None:
                self._held[self.key] = (held[0], held[1] + 1)
                self.owned = True
                return True
            self.key.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self.key, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
            if not _try_lock(handle):
                handle.close()
                return False
            who = {
                "pid": os.getpid(),
                "host": socket.gethostname(),
                "since": datetime.now().strftime("%Y-%m-%d %H:%M"),
            }
            handle.seek(0)
            handle.truncate()
            handle.write(b" " + json.dumps(who).encode("utf-8"))
            handle.flush()
            self._held[self.key] = (handle, 1)
            self.owned = True
            return True

    def release(self) -> None:
        if not self.owned:
            return
        self.owned = False
        with self._guard:
            handle, count = self._held[self.key]
            if count > 1:
                self._held[self.key] = (handle, count - 1)
                return
            del self._held[self.key]
            try:
                _unlock(handle)
            finally:
                handle.close()

    def holder(self) -> Holder | None:
        return read_holder(self.database)
