"""What a file is, in a few words: so a command given the wrong kind of file says so.

Each command that reads a file the clerk names (a meeting record, a script of actions, a
backup, a scanned copy, a certificate) checks it is that kind of file before reading it, and
otherwise refuses in one sentence that names what it was given ("minutes.pdf is a PDF, not a
meeting record"). Recognising a file reads its first bytes only and changes nothing.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

from clerk.domain.errors import ClerkError
from clerk.storage.integrity import FileKind, UnreadableDatabase, identify

FOLDER = "a folder"
EMPTY = "an empty file"
CLERK_DATABASE = "a Clerk database"
SQLITE = "another program's SQLite database"
PDF = "a PDF"
WORD = "a Word document"
MEETING_RECORD = "a Clerk meeting record"
SCRIPT = "a script of actions (JSON lines)"
CERTIFICATE = "a certificate (PEM)"
#: How far into a file the kind is looked for.
SNIFF_BYTES = 65_536

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0", "an old-style Office document"),
    (b"{\\rtf", "an RTF document"),
)


class WrongKindOfFile(ClerkError):
    """The clerk named a file of another kind than the command reads."""


def what_is(path: Path) -> str | None:
    """A few words for what ``path`` is, when Clerk recognises it; None when it does not
    (or there is nothing there)."""
    try:
        info = path.stat()
    except OSError:
        return None
    if stat.S_ISDIR(info.st_mode):
        return FOLDER
    if not stat.S_ISREG(info.st_mode):
        return None
    if info.st_size == 0:
        return EMPTY
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return None
    if head.startswith(b"SQLite format 3\x00"):
        try:
            return CLERK_DATABASE if identify(path) is FileKind.CLERK else SQLITE
        except UnreadableDatabase:
            return SQLITE
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith(b"PK\x03\x04"):
        return WORD if b"word/" in head else "a ZIP archive"
    return _text_kind(head)


def _text_kind(head: bytes) -> str | None:
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    stripped = text.lstrip()
    if stripped.startswith("-----BEGIN CERTIFICATE-----"):
        return CERTIFICATE
    if stripped.startswith("{") and '"clerk-meeting-record"' in text[:4096]:
        return MEETING_RECORD
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            first = json.loads(line)
        except ValueError:
            return None
        return SCRIPT if isinstance(first, dict) and "action" in first else None
    return None


def require(path: Path, wanted: str, accepted: frozenset[str], hints: dict[str, str]) -> None:
    """Refuse ``path`` in one sentence when it is plainly not of an ``accepted`` kind. A file
    Clerk does not recognise, or a missing one, is left for the reader to judge and name.

    ``wanted`` names the kind the command reads ("a meeting record"); ``hints`` says, for a
    kind, what to do with it instead (the command that takes it).
    """
    kind = what_is(path)
    if kind is None or kind in accepted:
        return
    hint = hints.get(kind)
    raise WrongKindOfFile(f"{path} is {kind}, not {wanted}{': ' + hint if hint else ''}.")
