"""Scripted recording: a JSON-lines file of actions applied one by one through the service.

Each committed action is acknowledged before the next is read. A script can be run again on
the same meeting: lines already applied (found in the journal by the script's hash and line
number) are skipped, so a replay killed half-way is always safe to rerun.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from clerk.domain.actions import Action, action_from_json
from clerk.domain.errors import ClerkError, RecordFormatError, RuleViolation, one_line
from clerk.services import file_kinds
from clerk.services.recording import Ack, MeetingSession
from clerk.storage import repository as repo

UNDO, REDO = "undo", "redo"


@dataclass(frozen=True)
class ScriptLine:
    number: int
    action: Action | None  # None for undo/redo
    special: str = ""


class ScriptError(ClerkError):
    """A script line could not be read or was refused; earlier lines stay committed."""


def script_line_ids(text: str) -> dict[int, str]:
    """Each line's identity: a SHA-256 of the script's text up to and including that line.

    The journal keeps it with each action, so a rerun skips exactly the lines already
    applied, even when lines have since been added at the end; a line edited after it was
    applied is a different line, and is applied from there on.
    """
    digest = hashlib.sha256()
    ids: dict[int, str] = {}
    for number, raw in enumerate(script_lines(text), start=1):
        digest.update(raw.encode("utf-8") + b"\n")
        ids[number] = digest.copy().hexdigest()
    return ids


def script_lines(text: str) -> list[str]:
    """The script's lines, split at line feeds only (with a carriage return before one
    dropped): U+2028 and U+2029 are valid inside a JSON string, so they split no line."""
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.removesuffix("\r") for line in lines]


def parse_script(text: str, source: str = "script") -> Iterator[ScriptLine]:
    """Lines of a script, parsed lazily; blank lines and ``#`` comments are skipped."""
    for number, raw in enumerate(script_lines(text), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise ScriptError(
                f"{source} line {number}: not valid JSON (column {error.colno}: {error.msg})."
            ) from None
        if isinstance(data, dict) and data.get("action") in (UNDO, REDO) and len(data) == 1:
            yield ScriptLine(number, None, data["action"])
            continue
        try:
            yield ScriptLine(number, action_from_json(data, "$"))
        except RecordFormatError as error:
            raise ScriptError(f"{source} line {number}: {error}") from None


def read_script(path: Path) -> str:
    file_kinds.require(
        path,
        "a script of actions",
        frozenset({file_kinds.SCRIPT}),
        {file_kinds.MEETING_RECORD: f"import it with 'clerk import {path}'"},
    )
    try:
        return path.read_text(encoding="utf-8-sig")  # a byte-order mark is accepted
    except FileNotFoundError:
        raise ClerkError(f"No script file {path}.") from None
    except UnicodeDecodeError:
        raise ClerkError(f"{path} is not a UTF-8 text file.") from None
    except OSError as error:
        raise ClerkError(f"Cannot read {path}: {error.strerror}.") from None


def replay(
    session: MeetingSession,
    text: str,
    source: str = "script",
    on_ack: Callable[[int, Ack], None] | None = None,
) -> tuple[int, int]:
    """Apply the script; returns (applied, skipped as already applied)."""
    line_ids = script_line_ids(text)
    with session.database.reading() as conn:
        done = repo.last_script_line(conn, session.meeting_id, line_ids)
    applied = skipped = 0
    for line in parse_script(text, source):
        if line.number <= done:
            skipped += 1
            continue
        try:
            if line.special == UNDO:
                ack = session.undo(line_ids[line.number], line.number)
            elif line.special == REDO:
                ack = session.redo(line_ids[line.number], line.number)
            else:
                assert line.action is not None
                ack = session.apply(
                    line.action, script_id=line_ids[line.number], script_line=line.number
                )
        except RuleViolation as error:
            raise ScriptError(one_line(f"{source} line {line.number}: refused: {error}")) from None
        except ClerkError as error:  # the database could not take it: nothing of it was saved
            raise ScriptError(one_line(f"{source} line {line.number}: {error}")) from None
        applied += 1
        if on_ack is not None:
            on_ack(line.number, ack)
    return applied, skipped
