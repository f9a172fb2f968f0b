"""The seam of the round trip: what travels back from a laptop, and how it is applied.

Two functions, and one table of kinds:

- ``outgoing(conn, token)`` lists what must travel for a check-out: a ``Parcel`` of
  ``Stream``s, one per journal the laptop wrote to. Today a stream is a meeting's journal
  (the meeting recorded, and the earlier one whose minutes it confirmed), with the files kept
  with the meeting.
- ``apply_parcel(team, parcel, ...)`` applies it to the team's database: every stream's
  unsent entries, in the order they were recorded on the laptop (across streams), each
  through its kind's ``Target`` (for a meeting, the recording service and its rules), then
  the files and the release, all in one transaction.

A new kind of journal (people, memberships, committees, the council profile) joins by adding
a ``StreamKind`` to ``STREAM_KINDS``: how to read its streams on the laptop, how to read the
team's journal of it, and a target that applies one entry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Connection

from clerk.domain.checkout import CheckoutRole, Side
from clerk.domain.journal import JournalEntry
from clerk.domain.timefmt import long_date
from clerk.services.carried import prepare_carried
from clerk.services.recording import (
    MeetingSession,
    Prepared,
    commit_prepared,
    roll_back_prepared,
)
from clerk.storage import checkouts
from clerk.storage import repository as repo
from clerk.storage.database import Database


@dataclass(frozen=True)
class Stream:
    """One journal the laptop wrote to, and where it belongs in the team's database."""

    kind: str
    team_key: int
    local_key: int
    subject: str
    base_seq: int
    journal: tuple[JournalEntry, ...]
    files: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Parcel:
    token: str
    streams: tuple[Stream, ...]


@dataclass(frozen=True)
class Standing:
    """A stream against the team's journal of the same thing."""

    stream: Stream
    team_journal: tuple[JournalEntry, ...]
    #: How many entries, from the first, the two journals share (same number, same hash).
    common: int
    #: Laptop entries already applied in the team's database as new entries (applied
    #: anyway), by their laptop number; the team's entries carry the laptop's hash.
    carried: frozenset[int]

    @property
    def team_only(self) -> tuple[JournalEntry, ...]:
        """The team's entries the laptop never saw (changes made there since the check-out),
        leaving out the laptop's own entries applied there anyway."""
        laptop = {e.hash for e in self.stream.journal}
        return tuple(
            e
            for e in self.team_journal[self.common :]
            if e.script_id not in laptop and e.kind != "apply_anyway"
        )

    @property
    def unsent(self) -> tuple[JournalEntry, ...]:
        """The laptop's entries not yet in the team's database, one way or the other."""
        start = max(self.common, self.stream.base_seq)
        return tuple(e for e in self.stream.journal[start:] if e.seq not in self.carried)


class Target(Protocol):
    """Applies one entry of a stream in memory (committed later with the others)."""

    def prepare(self, entry: JournalEntry, keep_identity: bool) -> Prepared: ...

    def note(self, kind: str, label: str, params: dict[str, Any]) -> Prepared: ...


class StreamKind(Protocol):
    def outgoing(self, conn: Connection, held: checkouts.Held) -> Stream: ...

    def team_journal(self, conn: Connection, stream: Stream) -> list[JournalEntry]: ...

    def target(self, team: Database, stream: Stream, carrying: str) -> Target: ...


# -- meetings -----------------------------------------------------------------------------


class MeetingTarget:
    """A meeting's journal entries, through the recording service on the team's meeting."""

    def __init__(self, team: Database, meeting_id: int, carrying: str) -> None:
        self.session = MeetingSession(team, meeting_id, carrying=carrying)
        #: Laptop entry number -> the entry it became here (an undo names its target so).
        self.seq_map: dict[int, int] = {}

    def prepare(self, entry: JournalEntry, keep_identity: bool) -> Prepared:
        prepared = prepare_carried(self.session, entry, keep_identity, self.seq_map)
        self.seq_map[entry.seq] = prepared.entry.seq
        return prepared

    def note(self, kind: str, label: str, params: dict[str, Any]) -> Prepared:
        return self.session.prepare_note(kind, label, params)


class MeetingStreams:
    def outgoing(self, conn: Connection, held: checkouts.Held) -> Stream:
        record, _version = repo.load_record(conn, held.meeting_id)
        assert held.checkout.team_meeting_id is not None
        return Stream(
            kind="meeting",
            team_key=held.checkout.team_meeting_id,
            local_key=held.meeting_id,
            subject=f"the meeting of {long_date(record.meeting.date)}",
            base_seq=held.checkout.base_seq,
            journal=tuple(repo.load_journal(conn, held.meeting_id)),
            files=checkouts.read_files(conn, held.meeting_id),
        )

    def team_journal(self, conn: Connection, stream: Stream) -> list[JournalEntry]:
        return repo.load_journal(conn, stream.team_key)

    def target(self, team: Database, stream: Stream, carrying: str) -> Target:
        return MeetingTarget(team, stream.team_key, carrying)


#: Every kind of journal that travels. Issue 20's journals of people, memberships, committees
#: and the council profile join here.
STREAM_KINDS: dict[str, StreamKind] = {"meeting": MeetingStreams()}
#: Which check-outs send their journal back (a reference copy is never recorded on).
TRAVELLING = (CheckoutRole.RECORD, CheckoutRole.CONFIRM)


def outgoing(conn: Connection, token: str) -> Parcel:
    """What must travel back for the check-out ``token``: read on the laptop."""
    streams = [
        STREAM_KINDS["meeting"].outgoing(conn, held)
        for held in checkouts.by_token(conn, token, Side.LAPTOP)
        if held.checkout.role in TRAVELLING
    ]
    return Parcel(token, tuple(streams))


def standing(conn: Connection, stream: Stream) -> Standing:
    """How the stream stands against the team's database: read there."""
    team = STREAM_KINDS[stream.kind].team_journal(conn, stream)
    common = 0
    for ours, theirs in zip(stream.journal, team, strict=False):
        if (ours.seq, ours.hash) != (theirs.seq, theirs.hash):
            break
        common += 1
    by_hash = {e.hash: e.seq for e in stream.journal}
    carried = frozenset(
        by_hash[e.script_id]
        for e in team
        if e.script_id in by_hash and e.script_line == by_hash[e.script_id]
    )
    return Standing(stream, tuple(team), common, carried)


def apply_parcel(
    team: Database,
    standings: Sequence[Standing],
    keep_identity: bool,
    carrying: str,
    note: tuple[str, str, dict[str, Any]] | None = None,
    also: Callable[[Connection], None] | None = None,
) -> int:
    """Apply every unsent entry in one transaction with the files and ``also`` (the
    release); returns how many entries were applied. ``note``: a journal entry first, on the
    first stream (the check-in applied anyway). Raises what the first refused entry raised
    (``CarriedMismatch``, ``RuleViolation``), with nothing written."""
    targets = [STREAM_KINDS[s.stream.kind].target(team, s.stream, carrying) for s in standings]
    queue = sorted(
        (entry.recorded_at, index, entry.seq, entry)
        for index, s in enumerate(standings)
        for entry in s.unsent
    )
    prepared: list[Prepared] = []
    try:
        if note is not None and targets:
            prepared.append(targets[0].note(*note))
        for _at, index, _seq, entry in queue:
            prepared.append(targets[index].prepare(entry, keep_identity))
    except BaseException:
        roll_back_prepared(prepared)
        raise

    def finish(conn: Connection) -> None:
        for s in standings:
            checkouts.add_files(conn, s.stream.team_key, s.stream.files, only_new=True)
        if also is not None:
            also(conn)

    if prepared:
        commit_prepared(prepared, also=finish)
    else:
        with team.transaction() as conn:
            finish(conn)
    return len(queue)
