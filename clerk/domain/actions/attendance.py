"""Roll call, substitutes, late arrivals and early departures."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import time

from clerk.domain.actions.base import (
    Action,
    Context,
    name_of,
    register,
    require_in_progress,
    require_not_closed,
    stamp,
)
from clerk.domain.entities import Attendance, MovementEntry
from clerk.domain.enums import AttendanceStatus, Movement, PersonKind
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.presence import SEATED_STATUSES, is_present
from clerk.domain.rules.proceedings import next_order
from clerk.domain.rules.remote import remote_presence_refusal
from clerk.domain.timefmt import long_date


def set_status(
    record: MeetingRecord,
    person_id: str,
    status: AttendanceStatus,
    **details: str | None,
) -> None:
    record.person(person_id)
    entry = record.attendance_of(person_id)
    if entry is None:
        entry = Attendance(record.next_id("attendance"), person_id, status)
    replaced_by = next(
        (a for a in record.attendance.values() if a.substitute_for == person_id), None
    )
    if replaced_by is not None and status in (
        AttendanceStatus.PRESENT,
        AttendanceStatus.PRESENT_REMOTE,
    ):
        raise RuleViolation(
            f"{name_of(record, person_id)} has been substituted by "
            f"{name_of(record, replaced_by.person_id)}; undo the substitution first."
        )
    record.attendance[entry.id] = replace(
        entry,
        status=status,
        substitute_for=details.get("substitute_for"),
        group=details.get("group") or "",
        capacity=details.get("capacity") or "",
        representing=details.get("representing") or "",
    )


def require_member(record: MeetingRecord, person_id: str, marking: str) -> None:
    if record.membership_of(person_id) is None:
        raise RuleViolation(
            f"{name_of(record, person_id)} is not a member of the "
            f"{record.committee.calls_itself} on {long_date(record.meeting.date)}, so cannot be "
            f"marked {marking}; record them as also in attendance, an officer or a substitute."
        )


@dataclass(frozen=True)
class Present(Action):
    """A member present in the room."""

    kind = "present"
    person: str

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "take the roll call")
        require_member(record, self.person, "present")
        set_status(record, self.person, AttendanceStatus.PRESENT)
        return f"mark {name_of(record, self.person)} present"


@dataclass(frozen=True)
class PresentRemote(Action):
    """A member attending by video and present for quorum and voting: in Wales, or in England
    at meetings from 4 April 2020 to 6 May 2021 (the Coronavirus flexibility regulations)."""

    kind = "present_remote"
    person: str

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "take the roll call")
        require_member(record, self.person, "present")
        name = name_of(record, self.person)
        refusal = remote_presence_refusal(record.council, record.meeting.date, name)
        if refusal is not None:
            raise RuleViolation(refusal)
        set_status(record, self.person, AttendanceStatus.PRESENT_REMOTE)
        return f"mark {name} present remotely"


@dataclass(frozen=True)
class Apologies(Action):
    """Apologies for absence from a member."""

    kind = "apologies"
    person: str

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "record apologies")
        require_member(record, self.person, "as sending apologies")
        set_status(record, self.person, AttendanceStatus.APOLOGIES)
        return f"record apologies from {name_of(record, self.person)}"


@dataclass(frozen=True)
class Absent(Action):
    """A member absent without apologies."""

    kind = "absent"
    person: str

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "record an absence")
        require_member(record, self.person, "absent")
        set_status(record, self.person, AttendanceStatus.ABSENT)
        return f"mark {name_of(record, self.person)} absent"


@dataclass(frozen=True)
class Substitute(Action):
    """A councillor sitting in place of a member, at the wish of that member's group."""

    kind = "substitute"
    person: str
    replaces: str
    group: str = ""

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "record a substitution")
        who, whom = name_of(record, self.person), name_of(record, self.replaces)
        membership = record.membership_of(self.replaces)
        if membership is None or not membership.role.is_councillor_seat:
            raise RuleViolation(f"{whom} does not hold a councillor seat on the {_body(record)}.")
        if record.membership_of(self.person) is not None:
            raise RuleViolation(f"{who} is already a member of the {_body(record)}.")
        if record.person(self.person).kind is not PersonKind.COUNCILLOR:
            raise RuleViolation(f"{who} is not a councillor, so cannot be a substitute.")
        own = record.attendance_of(self.person)
        if own is not None and own.substitute_for not in (None, self.replaces):
            raise RuleViolation(
                f"{who} is already substituting for {name_of(record, own.substitute_for)}; "
                "undo that first."
            )
        taken = next(
            (a for a in record.attendance.values() if a.substitute_for == self.replaces), None
        )
        if taken is not None and taken.person_id != self.person:
            raise RuleViolation(
                f"{name_of(record, taken.person_id)} is already substituting for {whom}."
            )
        replaced = record.attendance_of(self.replaces)
        if replaced is not None and replaced.status in (
            AttendanceStatus.PRESENT,
            AttendanceStatus.PRESENT_REMOTE,
        ):
            raise RuleViolation(f"{whom} is marked present, so cannot be substituted.")
        # The member's own apology (or absence) stands: the substitution adds a fact, it does
        # not erase one; house style decides how the minutes put the two together.
        set_status(
            record,
            self.person,
            AttendanceStatus.SUBSTITUTE,
            substitute_for=self.replaces,
            group=self.group or membership.group,
        )
        return f"record {who} substituting for {whom}"


def _body(record: MeetingRecord) -> str:
    return record.committee.calls_itself


@dataclass(frozen=True)
class AlsoAttending(Action):
    """A councillor present but not a member (not voting), perhaps in a capacity."""

    kind = "also_attending"
    person: str
    capacity: str = ""
    representing: str = ""

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "record attendance")
        if record.membership_of(self.person) is not None:
            raise RuleViolation(
                f"{name_of(record, self.person)} is a member of the {_body(record)}: "
                "mark them present instead."
            )
        set_status(
            record,
            self.person,
            AttendanceStatus.ALSO_ATTENDING,
            capacity=self.capacity,
            representing=self.representing,
        )
        return f"record {name_of(record, self.person)} as also in attendance"


@dataclass(frozen=True)
class OfficerPresent(Action):
    """An officer in attendance."""

    kind = "officer"
    person: str

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "record attendance")
        if record.person(self.person).kind is not PersonKind.OFFICER:
            raise RuleViolation(f"{name_of(record, self.person)} is not an officer.")
        set_status(record, self.person, AttendanceStatus.OFFICER)
        return f"record {name_of(record, self.person)} (officer) in attendance"


@dataclass(frozen=True)
class RemoteObserver(Action):
    """Attending remotely: may watch, but is not present for quorum or voting."""

    kind = "remote_observer"
    person: str

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "record attendance")
        set_status(record, self.person, AttendanceStatus.REMOTE_OBSERVER)
        return f"record {name_of(record, self.person)} observing remotely"


def _move(record: MeetingRecord, person: str, movement: Movement, at: time) -> None:
    record.movements[record.next_id("movements")] = MovementEntry(
        id=record.next_id("movements"),
        person_id=person,
        movement=movement,
        at=at,
        item_id=record.meeting.current_item_id,
        order=next_order(record),
    )


@dataclass(frozen=True)
class Arrive(Action):
    """A late arrival, stamped with the time and the item under way."""

    kind = "arrive"
    person: str
    at: time | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "record an arrival")
        name = name_of(record, self.person)
        if is_present(record, self.person):
            raise RuleViolation(f"{name} is already present.")
        entry = record.attendance_of(self.person)
        if entry is None or entry.status not in SEATED_STATUSES:
            require_member(record, self.person, "as arriving")
            set_status(record, self.person, AttendanceStatus.PRESENT)
        at = stamp(self.at, ctx)
        _move(record, self.person, Movement.ARRIVED, at)
        return f"record {name} arriving"


@dataclass(frozen=True)
class Leave(Action):
    """An early departure, stamped with the time and the item under way."""

    kind = "leave"
    person: str
    at: time | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_in_progress(record, "record a departure")
        name = name_of(record, self.person)
        if not is_present(record, self.person):
            raise RuleViolation(f"{name} is not present, so cannot leave.")
        _move(record, self.person, Movement.LEFT, stamp(self.at, ctx))
        return f"record {name} leaving"


for _cls in (
    Present,
    PresentRemote,
    Apologies,
    Absent,
    Substitute,
    AlsoAttending,
    OfficerPresent,
    RemoteObserver,
    Arrive,
    Leave,
):
    register(_cls)
