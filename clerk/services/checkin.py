"""``clerk checkin``: bring a meeting back from this laptop to the team's database.

The laptop's journal entries (``clerk.services.journal_transport``) are applied in the team's
database through the recording service and its rules, in one transaction with the release of
the check-out. When nothing there changed since the check-out, each entry comes out exactly as
it was recorded and is written as it is: the team's hash chain carries on through the laptop's
entries, and the two copies of the meeting are the same. Run again after an interruption, it
finds what the team's database already has (by each entry's number and hash) and does only
the rest.

Conflicts (the check-out broken, the meeting or the people it names changed in the team's
database) are listed in plain words and nothing is changed. Then ``anyway=True`` applies the
laptop's actions again, as new entries, through the rules, on the team's meeting as it now is
(journaled as such), where no conflict forbids it; or ``save_for_team`` writes the laptop's
record as a JSON file for the team and ends the check-out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError

from clerk.domain.checkout import Checkout, CheckoutRole, CheckoutState, Side
from clerk.domain.conflicts import (
    Conflict,
    anyway_allowed,
    check_out_conflicts,
    committee_conflicts,
    council_conflicts,
    different_result,
    journal_conflicts,
    people_conflicts,
)
from clerk.domain.entities import Committee, CouncilProfile, Person
from clerk.domain.errors import ClerkError, one_line
from clerk.domain.serial import from_json
from clerk.fileio import write_text
from clerk.services import record_json
from clerk.services import team as teams
from clerk.services.carried import CarriedMismatch
from clerk.services.journal_transport import Parcel, Standing, apply_parcel, outgoing, standing
from clerk.services.recording import current_user
from clerk.storage import checkouts
from clerk.storage import repository as repo
from clerk.storage.database import Database


class CheckinConflicts(ClerkError):
    """The meeting was not brought back: what stands in the way, each in plain words."""

    def __init__(self, subject: str, conflicts: list[Conflict], tried_anyway: bool = False):
        self.subject = subject
        self.conflicts = conflicts
        self.anyway = anyway_allowed(conflicts) and not tried_anyway
        count = len(conflicts)
        #: What happened, without the commands that offer a way out (the window has buttons).
        self.lead = (
            f"{subject[0].upper()}{subject[1:]} was not brought back: {count} "
            f"conflict{'s' if count != 1 else ''} with the team's database, and nothing was "
            "changed."
        )
        offer = (
            "apply it anyway (clerk checkin --anyway), or save it for the team "
            "(clerk checkin --save FILE.json)"
            if self.anyway
            else "save it for the team (clerk checkin --save FILE.json)"
        )
        super().__init__(
            f"{subject[0].upper()}{subject[1:]} was not brought back: {count} "
            f"conflict{'s' if count != 1 else ''} with the team's database, and nothing was "
            f"changed; {offer}."
        )

    def lines(self) -> list[str]:
        return [str(self), *(f"  - {c.text}" for c in self.conflicts)]


@dataclass(frozen=True)
class BroughtBack:
    subject: str
    team: str
    applied: int
    anyway: bool
    #: It had already been brought back; this run only finished the laptop's side.
    already: bool


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class _Laptop:
    """What the laptop holds for one check-out."""

    record_row: checkouts.Held
    parcel: Parcel
    named: set[str]
    depends: dict[str, Any]


def _read_laptop(laptop: Database, meeting_id: int) -> _Laptop:
    with laptop.reading() as conn:
        held = checkouts.laptop_copy_of(conn, meeting_id)
        if held is None:
            raise ClerkError(
                f"Meeting {meeting_id} was not taken from a team database: there is nothing to "
                "bring back (clerk export writes it to a file)."
            )
        if held.checkout.role is CheckoutRole.REFERENCE:
            raise ClerkError(
                f"Meeting {meeting_id} is a copy for reference: it was never recorded on here, "
                "so there is nothing to bring back."
            )
        rows = checkouts.by_token(conn, held.checkout.token, Side.LAPTOP)
        main = next(h for h in rows if h.checkout.role is CheckoutRole.RECORD)
        parcel = outgoing(conn, held.checkout.token)
        named: set[str] = set()
        for stream in parcel.streams:
            record, _version = repo.load_record(conn, stream.local_key)
            named |= record_json.referenced_people(record)
    return _Laptop(main, parcel, named, main.depends or {})


def _dependency_conflicts(conn: Connection, laptop: _Laptop) -> list[Conflict]:
    depends = laptop.depends
    if not depends:
        return []
    taken_persons = {k: from_json(Person, v) for k, v in depends["persons"].items()}
    taken_committee = from_json(Committee, depends["committee"])
    team_persons = repo.load_persons(conn)
    try:
        team_committee: Committee | None = repo.load_committee(conn, taken_committee.slug)
    except repo.NotFound:
        team_committee = None
    found = people_conflicts(taken_persons, team_persons, laptop.named)
    found += committee_conflicts(taken_committee, team_committee, taken_persons)
    found += council_conflicts(
        from_json(CouncilProfile, depends["council"]), repo.load_council(conn)
    )
    return found


def check_in(
    laptop: Database,
    meeting_id: int,
    anyway: bool = False,
    team_url: str | None = None,
    who: str | None = None,
    today: date | None = None,
) -> BroughtBack:
    """Bring the meeting back (see the module's docstring); ``CheckinConflicts`` when it
    cannot be, ``TeamUnreachable`` when the team's database cannot be reached."""
    who = who or current_user()
    day = today or datetime.now().date()
    held = _read_laptop(laptop, meeting_id)
    ours = held.record_row.checkout
    target = team_url or ours.team
    team = teams.open_team(target)
    try:
        return _bring_back(laptop, team, held, anyway, who, day)
    except OperationalError as error:
        reason = one_line(str(error.orig or error).splitlines()[0])
        raise teams.TeamUnreachable(
            f"The team's database ({teams.describe(target)}) stopped answering ({reason}): run "
            "the check-in again when it can be reached; nothing is applied twice, and this "
            "laptop keeps working."
        ) from None
    finally:
        team.dispose()


def _bring_back(
    laptop: Database, team: Database, held: _Laptop, anyway: bool, who: str, day: date
) -> BroughtBack:
    ours = held.record_row.checkout
    token = ours.token
    main_stream = next(s for s in held.parcel.streams if s.local_key == held.record_row.meeting_id)
    subject = main_stream.subject
    with team.reading() as conn:
        standings = [standing(conn, s) for s in held.parcel.streams]
        rows = checkouts.by_token(conn, token, Side.TEAM)
        team_row = next((h.checkout for h in rows if h.checkout.role is CheckoutRole.RECORD), None)
        elsewhere = _held_elsewhere(conn, held.parcel, token)
        dependencies = _dependency_conflicts(conn, held)
    unsent = sum(len(s.unsent) for s in standings)
    if team_row is not None and team_row.state in _ENDED and not unsent:
        _finish_laptop(laptop, team, held, token, replace=not all(map(_same, standings)))
        return BroughtBack(subject, ours.team, 0, anyway=False, already=True)
    conflicts = check_out_conflicts(team_row, elsewhere, subject, unsent, day)
    for s in standings:
        conflicts += journal_conflicts(s.team_only, s.stream.subject)
    conflicts += dependencies
    if conflicts and not anyway:
        raise CheckinConflicts(subject, conflicts)
    if not conflicts:
        try:
            applied = _apply(team, standings, token, who, [])
        except CarriedMismatch as error:
            entry = _first_unsent(standings)
            conflicts = [different_result(entry, subject, str(error))]
            if not anyway:
                raise CheckinConflicts(subject, conflicts) from None
    if conflicts:
        if not anyway_allowed(conflicts):
            raise CheckinConflicts(subject, conflicts, tried_anyway=True)
        try:
            applied = _apply(team, standings, token, who, conflicts, ours.machine)
        except ClerkError as error:
            raise ClerkError(
                one_line(
                    f"Applying {subject} anyway was refused, and nothing was changed: {error} "
                    "Save the laptop's record for the team instead (clerk checkin --save "
                    "FILE.json)."
                )
            ) from None
    _finish_laptop(laptop, team, held, token, replace=bool(conflicts))
    return BroughtBack(subject, ours.team, applied, anyway=bool(conflicts), already=False)


_ENDED = (CheckoutState.RETURNED, CheckoutState.SAVED, CheckoutState.BROKEN)


def _same(s: Standing) -> bool:
    """The two journals are one: nothing applied anyway, nothing only on one side."""
    return not s.carried and s.common == len(s.team_journal) == len(s.stream.journal)


def _apply(
    team: Database,
    standings: list[Standing],
    token: str,
    who: str,
    conflicts: list[Conflict],
    machine: str = "",
) -> int:
    """Apply the unsent entries and release the check-out, in one transaction: as they were
    recorded (no conflicts), else anyway, after a journal entry that says so."""
    note = None
    if conflicts:
        listed = " ".join(c.text for c in conflicts)
        note = (
            "apply_anyway",
            f"bring back from {machine} despite {len(conflicts)} conflict(s): {listed}",
            {"action": "apply_anyway", "token": token, "conflicts": [c.kind for c in conflicts]},
        )

    def release(conn: Connection) -> None:
        checkouts.close(conn, token, Side.TEAM, CheckoutState.RETURNED, _now(), who)

    return apply_parcel(
        team, standings, keep_identity=not conflicts, carrying=token, note=note, also=release
    )


def _first_unsent(standings: list[Standing]) -> Any:
    return min((e for s in standings for e in s.unsent), key=lambda e: e.recorded_at)


def _held_elsewhere(conn: Connection, parcel: Parcel, token: str) -> Checkout | None:
    for stream in parcel.streams:
        out = checkouts.out_on(conn, stream.team_key)
        if out is not None and out.token != token:
            return out
    return None


def _finish_laptop(
    laptop: Database, team: Database, held: _Laptop, token: str, replace: bool
) -> None:
    """The laptop's side: the check-out is over; its people as the team's are; after an
    apply-anyway, its copies become the team's (so the two agree again)."""
    with team.reading() as conn:
        council = repo.load_council(conn)
        persons = repo.load_persons(conn)
        copies = {s.local_key: checkouts.read_copy(conn, s.team_key) for s in held.parcel.streams}
    with laptop.transaction() as conn:
        rows = checkouts.by_token(conn, token, Side.LAPTOP)
        if council is not None:
            repo.save_council(conn, council)
        for person in persons.values():
            repo.save_person(conn, person)
        if replace:
            for local, copy in copies.items():
                repo.save_committee(conn, copy.record.committee)
                checkouts.remove_meeting(conn, local)
                checkouts.write_copy(conn, copy, local)
                for row in rows:
                    if row.meeting_id == local:
                        checkouts.add(conn, local, row.checkout, row.depends)
        checkouts.close(conn, token, Side.LAPTOP, CheckoutState.RETURNED, _now(), current_user())


# -- saving the laptop's record as a file ---------------------------------------------------


def save_for_team(laptop: Database, meeting_id: int, path: Path) -> tuple[list[Path], str]:
    """Write the laptop's record of the meeting (and of the meeting whose minutes it
    confirmed, beside it) as JSON meeting records, and end the check-out here and, if it can
    be reached, in the team's database. Returns the files and a sentence about the team's."""
    held = _read_laptop(laptop, meeting_id)
    token = held.record_row.checkout.token
    written = []
    for index, stream in enumerate(held.parcel.streams):
        text = record_json.export_meeting(laptop, stream.local_key)
        if index == 0:
            target = path
        else:
            with laptop.reading() as conn:
                record, _version = repo.load_record(conn, stream.local_key)
            target = path.with_name(f"{path.stem}-{record.meeting.date.isoformat()}{path.suffix}")
        written.append(write_text(target, text))
    told = _release_saved(held, token)
    with laptop.transaction() as conn:
        checkouts.close(conn, token, Side.LAPTOP, CheckoutState.SAVED, _now(), current_user())
    return written, told


def _release_saved(held: _Laptop, token: str) -> str:
    where = held.record_row.checkout.team
    try:
        team = teams.open_team(where)
    except teams.TeamUnreachable:
        return (
            f"The team's database ({teams.describe(where)}) could not be reached: the meeting "
            "stays checked out there until an administrator breaks the check-out."
        )
    try:
        with team.transaction() as conn:
            checkouts.close(
                conn,
                token,
                Side.TEAM,
                CheckoutState.SAVED,
                _now(),
                current_user(),
                "saved as a file for the team",
            )
    except OperationalError:
        return (
            f"The team's database ({teams.describe(where)}) stopped answering: the meeting "
            "stays checked out there until an administrator breaks the check-out."
        )
    finally:
        team.dispose()
    return f"The check-out in the team's database ({teams.describe(where)}) has ended."
