"""Writing files atomically: a temporary file in the target folder, then ``os.replace``.

A reader never sees half a file, and a failure (full disk, unwritable folder, a writer that
raises half-way) leaves the previous file, if any, untouched and no partial file behind.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from clerk.domain.errors import ClerkError


class WriteError(ClerkError):
    """A file could not be written; nothing was left half-written."""


def _explain(error: OSError, path: Path) -> str:
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"Cannot write {path}: the disk is full. Nothing was written."
    if error.errno == errno.EROFS:
        return f"Cannot write to {path.parent}: it is on a read-only disk. Nothing was written."
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"Cannot write to {path.parent}: permission denied. Nothing was written."
    if error.errno == errno.ENOENT:
        return f"Cannot write {path}: the folder {path.parent} does not exist."
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
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
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
