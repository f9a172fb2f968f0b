"""The register: a hash chain, across the database, of what the meetings' journals do not hold.

Each meeting's journal chains what was recorded at it. The register chains the rest, so that
it too cannot be changed quietly: every meeting created or imported (a meeting deleted with its
journal is then missed), each approval and signing with the journal's head at that moment (a
journal cut back to before the approval is then caught), and every change to the council
profile, a person or a committee with its memberships (a name changed with plain SQL is then
caught), with who made it and when.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from clerk.domain.errors import RecordFormatError
from clerk.domain.journal import GENESIS, JournalEntry
from clerk.domain.serial import from_json

#: What an entry registers. "council", "person" and "committee" hold ``before`` and ``after``
#: (the entity as JSON; ``before`` null when it is new); "meeting" a meeting created or
#: imported; "approve" and "sign" the meeting's journal entry that took the step and its hash.
SETUP_KINDS = ("council", "person", "committee")
MEETING_KINDS = ("meeting", "approve", "sign")


@dataclass(frozen=True)
class RegisterEntry:
    seq: int
    recorded_at: datetime
    who: str
    kind: str
    #: What the entry is about: "council", a person's id, a committee's slug, or a meeting id.
    subject: str
    data: dict[str, Any]
    prev_hash: str = GENESIS
    hash: str = ""

    def content_hash(self) -> str:
        body = {
            "seq": self.seq,
            "recorded_at": self.recorded_at.isoformat(),
            "who": self.who,
            "kind": self.kind,
            "subject": self.subject,
            "data": self.data,
            "prev_hash": self.prev_hash,
        }
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def describe(self) -> str:
        if self.kind in MEETING_KINDS:
            return f"register entry {self.seq} ({self.kind} of meeting {self.subject})"
        return f"register entry {self.seq} ({self.kind} {self.subject})"


def verify_register(entries: list[RegisterEntry]) -> list[str]:
    """Problems found in the register's chain, as sentences; empty when it is intact."""
    problems: list[str] = []
    previous = GENESIS
    for expected_seq, entry in enumerate(entries, start=1):
        if entry.seq != expected_seq:
            problems.append(f"Register entry {expected_seq} is missing (found {entry.seq}).")
        if entry.prev_hash != previous:
            problems.append(f"Register entry {entry.seq} does not follow the entry before it.")
        if entry.content_hash() != entry.hash:
            problems.append(f"Register entry {entry.seq} ({entry.kind}) has been altered.")
        previous = entry.hash
    return problems


def latest_setup(entries: list[RegisterEntry]) -> dict[tuple[str, str], Any]:
    """The council, each person and each committee as the register last recorded them."""
    found: dict[tuple[str, str], Any] = {}
    for entry in entries:
        if entry.kind in SETUP_KINDS:
            found[(entry.kind, entry.subject)] = entry.data.get("after")
    return found


@dataclass(frozen=True)
class RegisteredMeeting:
    meeting_id: int
    reference: str


def registered_meetings(entries: list[RegisterEntry]) -> dict[int, RegisteredMeeting]:
    found: dict[int, RegisteredMeeting] = {}
    for entry in entries:
        if entry.kind == "meeting":
            meeting_id = int(entry.subject)
            found[meeting_id] = RegisteredMeeting(meeting_id, str(entry.data.get("reference")))
    return found


@dataclass(frozen=True)
class PinnedStep:
    """An approval or a signing as the register holds it: the journal entry that took it."""

    register_seq: int
    kind: str
    meeting_id: int
    journal_seq: int
    journal_hash: str


def pinned_steps(entries: list[RegisterEntry], meeting_id: int) -> Iterator[PinnedStep]:
    for entry in entries:
        if entry.kind in ("approve", "sign") and entry.subject == str(meeting_id):
            yield PinnedStep(
                entry.seq,
                entry.kind,
                meeting_id,
                int(entry.data.get("journal_seq", 0)),
                str(entry.data.get("journal_hash", "")),
            )


def meeting_problems(
    meeting_id: int, reference: str, registered: list[RegisterEntry], journal: list[JournalEntry]
) -> list[str]:
    """What the register says of one meeting, against its journal: it was registered, its
    journal still begins where it began, and its approval and signing are still there."""
    problems: list[str] = []
    created = [e for e in registered if e.kind == "meeting" and e.subject == str(meeting_id)]
    if not created:
        problems.append(
            f"Meeting {meeting_id} ({reference}) is not in the register: it was added behind "
            "Clerk's back."
        )
    else:
        first = str(created[-1].data.get("journal_hash", ""))
        if first and (not journal or journal[0].hash != first):
            problems.append(
                f"The journal of meeting {meeting_id} no longer begins with the entry the "
                "register recorded when the meeting was created: it has been rewritten."
            )
    by_seq = {entry.seq: entry for entry in journal}
    last = journal[-1].seq if journal else 0
    for pin in pinned_steps(registered, meeting_id):
        what = "approval" if pin.kind == "approve" else "signing"
        entry = by_seq.get(pin.journal_seq)
        if entry is None:
            problems.append(
                f"The register records the {what} of these minutes as journal entry "
                f"{pin.journal_seq}, but the journal ends at entry {last}: entries have been "
                "deleted, undoing the step."
                if pin.journal_seq > last
                else f"The register records the {what} of these minutes as journal entry "
                f"{pin.journal_seq}, which is missing from the journal."
            )
        elif entry.hash != pin.journal_hash:
            problems.append(
                f"The register records the {what} of these minutes as journal entry "
                f"{pin.journal_seq} with hash {pin.journal_hash[:12]}, but that entry's hash is "
                f"now {entry.hash[:12]}: the journal has been rewritten."
            )
    return problems


def setup_problems(entries: list[RegisterEntry], current: dict[tuple[str, str], Any]) -> list[str]:
    """The council, people and committees in the database against the register's last word
    on each (``current``: (kind, subject) -> entity)."""
    problems: list[str] = []
    registered = latest_setup(entries)
    nouns = {"council": "The council profile", "person": "Person", "committee": "Committee"}
    for key in sorted(registered.keys() | current.keys()):
        kind, subject = key
        noun = nouns[kind] if kind == "council" else f"{nouns[kind]} '{subject}'"
        data = registered.get(key)
        have = current.get(key)
        if have is None and data is not None:
            problems.append(f"{noun} is in the register but not in the database: it was deleted.")
            continue
        if data is None:
            problems.append(f"{noun} is not in the register: it was added behind Clerk's back.")
            continue
        try:
            expected = from_json(type(have), data)
        except RecordFormatError as error:
            problems.append(f"{noun}: the register's record of it cannot be read ({error}).")
            continue
        if expected != have:
            differences = "; ".join(differences_between(have, expected)) or "it differs"
            problems.append(
                f"{noun} differs from the register ({differences}): it was changed behind "
                "Clerk's back."
            )
    return problems


def differences_between(have: Any, expected: Any) -> list[str]:
    found = []
    for f in dataclasses.fields(have):
        a, b = getattr(have, f.name), getattr(expected, f.name)
        if a != b:
            found.append(f"{f.name} is {_short(a)} in the database, {_short(b)} in the register")
    return found


def _short(value: Any) -> str:
    text = repr(value) if isinstance(value, str | int | bool) or value is None else "changed"
    return text if len(text) <= 60 else text[:57] + "...'"


def meetings_problems(entries: list[RegisterEntry], meetings: dict[int, str]) -> list[str]:
    """Meetings in the register and in the database (``meetings``: id -> reference)."""
    problems: list[str] = []
    registered = registered_meetings(entries)
    for meeting_id in sorted(registered.keys() - meetings.keys()):
        problems.append(
            f"Meeting {meeting_id} ({registered[meeting_id].reference}) is in the register but "
            "not in the database: it was deleted, with its journal."
        )
    for meeting_id in sorted(meetings.keys() - registered.keys()):
        problems.append(
            f"Meeting {meeting_id} ({meetings[meeting_id]}) is not in the register: it was "
            "added behind Clerk's back."
        )
    return problems
