"""Writing files atomically: a temporary file in the target folder, then ``os.replace``.

A reader never sees half a file, and a failure (full disk, unwritable folder, a writer that
raises half-way) leaves the previous file, if any, untouched and no partial file behind.

A user's files are sacred: Clerk never writes over a database it has open, a file made
read-only, a symbolic link (replacing the link, or writing where it points), or anything that
is not an ordinary file (a folder, a named pipe, a device).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from clerk.domain.errors import ClerkError


class WriteError(ClerkError):
    """A file could not be written; nothing was left half-written."""


#: Files Clerk must never write over: the databases open in this process, with their
#: sidecars (registered by ``clerk.storage``).
#: Open databases and their sidecar files, each with how many times it is open here.
PROTECTED: dict[Path, int] = {}
SIDECARS = ("-wal", "-shm", "-journal", ".lock")
#: How much of the target's name the temporary file's name keeps (a name near the file
#: system's limit must still leave room for the temporary file's).
TEMP_NAME_KEEPS = 40
KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def _with_sidecars(path: Path) -> list[Path]:
    real = Path(os.path.realpath(path))
    return [real, *(real.with_name(real.name + s) for s in SIDECARS)]


def protect(path: Path) -> None:
    """Never write over ``path`` (an open database) or its sidecar files while it is open."""
    for each in _with_sidecars(path):
        PROTECTED[each] = PROTECTED.get(each, 0) + 1


def release(path: Path) -> None:
    """``path`` was closed (once): when nothing here has it open, it may be replaced again
    (a restore, a fresh copy of the demo)."""
    for each in _with_sidecars(path):
        left = PROTECTED.get(each, 0) - 1
        if left > 0:
            PROTECTED[each] = left
        else:
            PROTECTED.pop(each, None)


def check_target(path: Path) -> None:
    """Refuse, in one sentence, a target Clerk must not write over."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise WriteError(_explain(error, path)) from None
    if found is not None and stat.S_ISLNK(found.st_mode):
        raise WriteError(
            f"Cannot write {path}: it is a symbolic link, and Clerk does not write through "
            "links; give the path of the file itself. Nothing was written."
        )
    if Path(os.path.realpath(path)) in PROTECTED:
        raise WriteError(
            f"Cannot write {path}: it is the database Clerk has open (or one of its working "
            "files). Nothing was written."
        )
    if found is None:
        return
    if not stat.S_ISREG(found.st_mode):
        kind = KINDS.get(stat.S_IFMT(found.st_mode), "not an ordinary file")
        raise WriteError(
            f"Cannot write {path}: it is {kind}, and Clerk writes only ordinary files. "
            "Nothing was written."
        )
    if not found.st_mode & stat.S_IWUSR:
        raise WriteError(
            f"Cannot write {path}: the file is read-only, so Clerk will not replace it. "
            "Nothing was written."
        )


def _explain(error: OSError, path: Path) -> str:
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"Cannot write {path}: the disk is full. Nothing was written."
    if error.errno == errno.EROFS:
        return f"Cannot write to {path.parent}: it is on a read-only disk. Nothing was written."
    if error.errno == errno.EPERM and path.exists():
        return (
            f"Cannot write {path}: the system does not let the file be replaced (it may be "
            "marked immutable). Nothing was written."
        )
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"Cannot write to {path.parent}: permission denied. Nothing was written."
    if error.errno == errno.ENOENT:
        return f"Cannot write {path}: the folder {path.parent} does not exist."
    if error.errno == errno.ENAMETOOLONG:
        return (
            f"Cannot write {path.name[:40]}...: the name is longer than the file system allows "
            f"({len(path.name.encode())} bytes). Nothing was written."
        )
    return f"Cannot write {path}: {error.strerror or error}. Nothing was written."


def _mode_for(path: Path) -> int:
    """The permissions the file would have had if written directly: those of the file it
    replaces, else the usual ones for a new file (the temporary file is private)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def atomic_write(path: Path, write: Callable[[Path], None], mode: int | None = None) -> Path:
    """Call ``write(temp_path)``, fsync, then move the result over ``path``. ``mode``: the
    file's permissions (default: those of the file replaced, else the usual ones)."""
    path = Path(path)
    check_target(path)
    prefix = f".{path.name[:TEMP_NAME_KEEPS]}."
    try:
        fd, temp_name = tempfile.mkstemp(prefix=prefix, suffix=".part", dir=path.parent)
    except OSError as error:
        raise WriteError(_explain(error, path)) from None
    os.close(fd)
    temp = Path(temp_name)
    try:
        write(temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(temp, mode if mode is not None else _mode_for(path))
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise WriteError(_explain(error, path)) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path


def write_bytes(path: Path, data: bytes, mode: int | None = None) -> Path:
    def write(temp: Path) -> None:
        temp.write_bytes(data)

    return atomic_write(path, write, mode)


def write_text(path: Path, text: str, mode: int | None = None) -> Path:
    return write_bytes(path, text.encode("utf-8"), mode)
