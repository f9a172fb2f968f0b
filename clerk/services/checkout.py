"""``clerk checkout``: take a meeting from the team's database to this laptop; and breaking a
check-out on the team's database.

What goes to the laptop: the council profile, every person, the committee with its members,
the meeting (its agenda, everything recorded so far, its journal and the files kept with it),
the earlier meeting whose minutes it is to confirm, and for reference the committee's other
meetings of the municipal year (so minute numbers carry on) and those with open actions (the
tracker). The team's database records the check-out of the meeting, and of the meeting whose
minutes it confirms: by whom, to which machine, when; from then on only the laptop records on
them, until they are brought back (``clerk.services.checkin``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError, OperationalError

from clerk.domain.checkout import Checkout, CheckoutRole, CheckoutState, Side, refusal
from clerk.domain.entities import CouncilProfile, Person
from clerk.domain.enums import MeetingStatus
from clerk.domain.errors import ClerkError
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.numbering import same_municipal_year
from clerk.domain.serial import to_json
from clerk.domain.signoff.confirmation import next_suitable_meeting, open_actions
from clerk.domain.signoff.lifecycle import MinutesStage, lock_reason, stage_of
from clerk.domain.timefmt import long_date
from clerk.services import team as teams
from clerk.services.catalogue import resolve_meeting
from clerk.services.confirmation import facts
from clerk.services.recording import MeetingSession, commit_prepared, current_user
from clerk.storage import checkouts
from clerk.storage import repository as repo
from clerk.storage.database import Database


@dataclass(frozen=True)
class CheckedOut:
    """What ``check_out`` did: the meeting's id on the laptop, and what went with it."""

    meeting_id: int
    reference: str
    team: str
    machine: str
    confirming: tuple[str, ...]
    references: tuple[str, ...]
    resumed: bool


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class _Taken:
    """Read in the team's database, in the transaction that records the check-out."""

    token: str
    resumed: bool
    checkout_at: datetime
    copies: list[tuple[CheckoutRole, int, checkouts.MeetingCopy]]


def _companions(conn: Connection, record: MeetingRecord) -> list[int]:
    """Earlier meetings whose minutes this meeting is the one to confirm, not yet confirmed."""
    meetings = repo.list_meetings(conn, record.committee.slug)
    all_facts = [facts(i, m) for i, _slug, m in meetings]
    found = []
    for meeting_id, _slug, meeting in meetings:
        if meeting.date >= record.meeting.date or meeting.status is not MeetingStatus.CLOSED:
            continue
        suitable = next_suitable_meeting(facts(meeting_id, meeting), all_facts, record.council)
        if suitable is None or suitable.id != record.meeting_id:
            continue
        earlier, _version = repo.load_record(conn, meeting_id)
        if stage_of(earlier) not in (MinutesStage.CONFIRMED, MinutesStage.SIGNED):
            found.append(meeting_id)
    return found


def _references(conn: Connection, record: MeetingRecord, skip: set[int]) -> list[int]:
    """The committee's other meetings of the municipal year, and those with open actions."""
    council = record.council
    meetings = [
        (i, m) for i, _slug, m in repo.list_meetings(conn, record.committee.slug) if i not in skip
    ]
    if not meetings:
        return []
    loaded = repo.load_records(conn, [i for i, _m in meetings], collections=("actions",))
    return [
        meeting_id
        for (meeting_id, meeting), earlier in zip(meetings, loaded, strict=True)
        if same_municipal_year(
            meeting.date, record.meeting.date, council.year_start_month, council.year_start_day
        )
        or open_actions(earlier)
    ]


def _take(
    conn: Connection, meeting_id: int, kept: str, machine: str, who: str, today: date
) -> _Taken:
    record, _version = repo.load_record(conn, meeting_id)
    locked = lock_reason(record)
    if locked is not None:
        raise ClerkError(f"{locked}: there is nothing to record on a laptop.")
    companions = _companions(conn, record)
    token, resumed = uuid.uuid4().hex, False
    at = _now()
    for travelling in [meeting_id, *companions]:
        out = checkouts.out_on(conn, travelling)
        if out is None:
            continue
        if out.machine != machine:
            raise ClerkError(refusal(out, today) or "It is checked out.")
        token, resumed, at = out.token, True, out.checked_out_at  # this laptop, again
    copies: list[tuple[CheckoutRole, int, checkouts.MeetingCopy]] = []
    roles = [(CheckoutRole.RECORD, meeting_id)]
    roles += [(CheckoutRole.CONFIRM, c) for c in companions]
    for role, travelling in roles:
        copy = checkouts.read_copy(conn, travelling)
        copies.append((role, travelling, copy))
        if resumed:
            continue
        tail = copy.journal[-1] if copy.journal else None
        checkouts.add(
            conn,
            travelling,
            Checkout(
                side=Side.TEAM,
                token=token,
                role=role,
                state=CheckoutState.OUT,
                machine=machine,
                who=who,
                checked_out_at=at,
                team=kept,
                team_meeting_id=travelling,
                base_seq=tail.seq if tail else 0,
                base_hash=tail.hash if tail else "",
            ),
        )
        version = repo.meeting_version(conn, travelling)
        if not checkouts.bump_version(conn, travelling, version):
            raise ClerkError("Someone recorded on it just now: try again.")
    skip = {travelling for _role, travelling, _copy in copies}
    for reference in _references(conn, record, skip):
        copies.append((CheckoutRole.REFERENCE, reference, checkouts.read_copy(conn, reference)))
    return _Taken(token, resumed, at, copies)


def check_out(
    laptop: Database,
    meeting: str,
    team_url: str,
    who: str | None = None,
    today: date | None = None,
) -> CheckedOut:
    """Take ``meeting`` (an id or reference in the team's database) to this laptop."""
    who = who or current_user()
    day = today or datetime.now().date()
    machine = teams.machine_name()
    kept = teams.remember(team_url)
    team = teams.open_team(team_url)
    try:
        team_id = resolve_meeting(team, meeting)
        try:
            with team.transaction() as conn:
                taken = _take(conn, team_id, kept, machine, who, day)
                council = repo.load_council(conn)
                persons = repo.load_persons(conn)
        except (IntegrityError, OperationalError) as error:
            with team.reading() as conn:
                out = checkouts.out_on(conn, team_id)
            if out is not None and out.machine != machine:
                raise ClerkError(refusal(out, day) or "It is checked out.") from None
            raise teams.unreachable(kept, type(error).__name__) from None
    finally:
        team.dispose()
    assert council is not None  # load_record refuses a database without one
    local_ids = _write_laptop(laptop, taken, kept, machine, who, council, persons)
    main = taken.copies[0][2].record
    return CheckedOut(
        meeting_id=local_ids[0],
        reference=main.reference,
        team=teams.describe(kept),
        machine=machine,
        confirming=tuple(
            long_date(c.record.meeting.date)
            for role, _i, c in taken.copies
            if role is CheckoutRole.CONFIRM
        ),
        references=tuple(
            long_date(c.record.meeting.date)
            for role, _i, c in taken.copies
            if role is CheckoutRole.REFERENCE
        ),
        resumed=taken.resumed,
    )


def _place(conn: Connection, copy: checkouts.MeetingCopy, kept: str, team_id: int) -> int | None:
    """The local meeting a copy replaces (None: a new one); refuses to replace the laptop's
    own meeting, or a copy still holding entries not brought back."""
    meeting = copy.record.meeting
    try:
        local = repo.find_meeting(conn, meeting.committee, meeting.date)
    except repo.NotFound:
        return None
    held = checkouts.laptop_copy_of(conn, local)
    name = f"the meeting of {long_date(meeting.date)}"
    if held is None or held.checkout.team != kept or held.checkout.team_meeting_id != team_id:
        raise ClerkError(
            f"This laptop's database has its own {name} (meeting {local}), not taken from "
            "the team's database: Clerk will not overwrite it. Export it and remove it first, "
            "or check out to another database (--db)."
        )
    if held.checkout.is_out and held.checkout.role is not CheckoutRole.REFERENCE:
        journal = repo.load_journal(conn, local)
        if len(journal) > held.checkout.base_seq:
            raise ClerkError(
                f"This laptop holds {name} with {len(journal) - held.checkout.base_seq} "
                "entries not yet brought back: bring it back first (clerk checkin), or save "
                "it for the team (clerk checkin --save FILE.json)."
            )
    return local


def _write_laptop(
    laptop: Database,
    taken: _Taken,
    kept: str,
    machine: str,
    who: str,
    council: CouncilProfile,
    persons: dict[str, Person],
) -> list[int]:
    main = taken.copies[0][2].record
    depends = {
        "council": to_json(council),
        "committee": to_json(main.committee),
        "persons": {key: to_json(p) for key, p in persons.items()},
    }
    ids: list[int] = []
    with laptop.transaction() as conn:
        repo.save_council(conn, council)
        for person in persons.values():
            repo.save_person(conn, person)
        repo.save_committee(conn, main.committee)
        for role, team_id, copy in taken.copies:
            reuse = _place(conn, copy, kept, team_id)
            if reuse is not None:
                checkouts.remove_meeting(conn, reuse)
            local = checkouts.write_copy(conn, copy, reuse)
            ids.append(local)
            tail = copy.journal[-1] if copy.journal else None
            checkouts.add(
                conn,
                local,
                Checkout(
                    side=Side.LAPTOP,
                    token=taken.token,
                    role=role,
                    state=CheckoutState.OUT,
                    machine=machine,
                    who=who,
                    checked_out_at=taken.checkout_at,
                    team=kept,
                    team_meeting_id=team_id,
                    base_seq=tail.seq if tail else 0,
                    base_hash=tail.hash if tail else "",
                ),
                depends=depends if role is CheckoutRole.RECORD else None,
            )
    return ids


# -- on the team's database -----------------------------------------------------------------


def break_checkout(team: Database, meeting: str, reason: str, who: str | None = None) -> Checkout:
    """End a check-out on the team's database without the laptop (lost, broken, gone home):
    journaled on the meeting with the reason. The laptop learns of it at check-in."""
    if not reason.strip():
        raise ClerkError("Give the reason for breaking the check-out (--reason).")
    meeting_id = resolve_meeting(team, meeting)
    with team.reading() as conn:
        out = checkouts.out_on(conn, meeting_id)
        rows = checkouts.by_token(conn, out.token, Side.TEAM) if out else []
    if out is None:
        raise ClerkError(f"Meeting {meeting} is not checked out.")
    main = next((h.meeting_id for h in rows if h.checkout.role is CheckoutRole.RECORD), meeting_id)
    who = who or current_user()
    session = MeetingSession(team, main, who=who, carrying=out.token)
    since = f"{out.checked_out_at:%Y-%m-%d %H:%M} UTC"
    label = f"break the check-out to {out.machine} ({out.who}, since {since}): {reason.strip()}"
    params = {"action": "break_checkout", "token": out.token, "reason": reason.strip()}
    note = session.prepare_note("break_checkout", label, params)

    def close(conn: Connection) -> None:
        checkouts.close(conn, out.token, Side.TEAM, CheckoutState.BROKEN, _now(), who, reason)

    commit_prepared([note], also=close)
    return out


def checked_out(database: Database) -> dict[int, Checkout]:
    """Each meeting's check-out here, for the list of meetings."""
    with database.reading() as conn:
        return checkouts.all_current(conn)


def team_address(database: Database) -> str:
    """The team database this laptop last took a meeting from (to offer it again), or ''."""
    found = checked_out(database)
    laptop = [c for c in found.values() if c.side is Side.LAPTOP]
    return max(laptop, key=lambda c: c.checked_out_at).team if laptop else ""
