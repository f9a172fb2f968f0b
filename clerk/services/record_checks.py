"""Is a meeting, and the whole database, what the journals and the register say?

``meeting_findings``: the meeting's journal chain, its record rebuilt from the journal, its
sign-off pins, and what the register holds of it (created here, approved and signed at these
journal entries). ``database_problems``: the register's own chain, every meeting registered and
still there, and the council profile, people and committees as the register last recorded them.
Both read inside one snapshot (``Database.reading``), so a colleague recording at the same
moment is never mistaken for tampering.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Connection

from clerk.domain import register as registry
from clerk.domain.journal import JournalEntry
from clerk.domain.record import MeetingRecord
from clerk.domain.signoff import integrity
from clerk.storage import register, seals
from clerk.storage import repository as repo
from clerk.storage.seals import SealCheck


def meeting_findings(
    conn: Connection, meeting_id: int, record: MeetingRecord, entries: list[JournalEntry]
) -> integrity.Findings:
    findings = integrity.examine(entries, record)
    registered = register.load_for_meeting(conn, meeting_id)
    problems = registry.meeting_problems(meeting_id, record.reference, registered, entries)
    sealed = repo.load_journal_seals(conn, meeting_id)
    hashes = [(f"Journal entry {e.seq}", e.hash, sealed.get(e.seq, "")) for e in entries]
    return replace(
        findings,
        register=tuple(problems),
        seals=tuple(seal_problems(hashes, strict=conn.dialect.name == "sqlite")),
    )


def seal_problems(entries: list[tuple[str, str, str]], strict: bool) -> list[str]:
    """Seals under this installation's key (``clerk.storage.seals``): (name, hash, seal) each.

    A seal of this key that does not verify is a change made without the key. ``strict`` (an
    SQLite file, which only this installation writes): an entry after a sealed one that lacks
    this key's seal was added or rewritten without the key. On a shared database a colleague's
    Clerk writes entries with its own key, or none, so there those are not counted.
    """
    key = seals.installation_key()
    if key is None:
        return []
    problems: list[str] = []
    sealing = False
    unsealed: list[str] = []
    for name, entry_hash, seal in entries:
        check = key.check(entry_hash, seal)
        if check is SealCheck.BROKEN:
            problems.append(
                f"{name} carries this installation's seal, but the seal does not verify: the "
                "entry was changed by someone without the record key."
            )
        elif check is SealCheck.GOOD:
            sealing = True
        elif sealing and strict:
            unsealed.append(name)
    if unsealed:
        problems.append(
            f"{unsealed[0]}{' and later ones' if len(unsealed) > 1 else ''} ({len(unsealed)} in "
            "all) carry no seal of this installation, though entries before them do: added or "
            "rewritten by someone without the record key."
        )
    return problems


def current_setup(conn: Connection) -> dict[tuple[str, str], Any]:
    """The council profile, every person and every committee in the database now."""
    found: dict[tuple[str, str], Any] = {}
    council = repo.load_council(conn)
    if council is not None:
        found[("council", "council")] = council
    for person_id, person in repo.load_persons(conn).items():
        found[("person", person_id)] = person
    for committee in repo.list_committees(conn):
        found[("committee", committee.slug)] = committee
    return found


def database_problems(conn: Connection) -> list[str]:
    """The register's chain, the meetings it lists, and the set-up it last recorded."""
    entries = register.load(conn)
    problems = [f"Register: {line}" for line in registry.verify_register(entries)]
    meetings = {
        meeting_id: f"{slug}/{meeting.date.isoformat()}"
        for meeting_id, slug, meeting in repo.list_meetings(conn)
    }
    problems += registry.meetings_problems(entries, meetings)
    problems += registry.setup_problems(entries, current_setup(conn))
    sealed = register.load_seals(conn)
    problems += seal_problems(
        [(f"Register entry {e.seq}", e.hash, sealed.get(e.seq, "")) for e in entries],
        strict=conn.dialect.name == "sqlite",
    )
    return problems
