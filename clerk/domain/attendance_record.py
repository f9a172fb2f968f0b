"""How each member attended a meeting, and the tally across many meetings.

``classify`` is the one place a meeting's attendance entries become an outcome for a member:
the attendance report, its documents, the window and the six-month rule all ask it. A member
who sent a substitute counts under apologies (sending a substitute is notice of absence),
whether or not a separate apology was recorded: today recording a substitute replaces the
member's own entry, and a later change may keep both; either way the answer is the same.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from clerk.domain.entities import Attendance
from clerk.domain.enums import AttendanceStatus, MeetingStatus, Movement
from clerk.domain.record import MeetingRecord


class Outcome(StrEnum):
    """How a person was at a meeting."""

    IN_PERSON = "in-person"
    #: Attending by video and present at the meeting (where the law makes it presence).
    PRESENT_REMOTE = "present-remote"
    #: Watching by video as a remote observer: not present.
    REMOTE = "remote"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    #: Not a member of the committee that day, and not there as a substitute.
    NOT_EXPECTED = "not-expected"


@dataclass(frozen=True)
class MeetingOutcome:
    """One person at one meeting."""

    outcome: Outcome
    #: A member of the committee on the meeting's date (so expected to attend).
    expected: bool
    #: Who took this member's seat as a substitute, if anyone.
    substituted_by: str | None = None
    #: Whose seat this person took as a substitute, if anyone.
    substitute_for: str | None = None
    arrived_late: bool = False
    left_early: bool = False

    @property
    def attended_in_person(self) -> bool:
        return self.outcome is Outcome.IN_PERSON

    @property
    def attended(self) -> bool:
        """Present at the meeting: in person, or remotely where that is presence."""
        return self.outcome in ATTENDED


def held(record: MeetingRecord) -> bool:
    """A meeting that has taken place (or is taking place): a scheduled one expects no one yet."""
    return record.meeting.status is not MeetingStatus.SCHEDULED


def expected_members(record: MeetingRecord) -> list[str]:
    """The committee's members on the meeting's date, in membership order."""
    day = record.meeting.date
    seen: list[str] = []
    for membership in record.committee.memberships:
        if membership.active_on(day) and membership.person_id not in seen:
            seen.append(membership.person_id)
    return seen


#: The outcomes that are attendance at the meeting.
ATTENDED = (Outcome.IN_PERSON, Outcome.PRESENT_REMOTE)


def presence(statuses: Collection[AttendanceStatus]) -> Outcome | None:
    """In person (present, or as a substitute member), present remotely, a remote observer,
    or none of these (None)."""
    if AttendanceStatus.PRESENT in statuses or AttendanceStatus.SUBSTITUTE in statuses:
        return Outcome.IN_PERSON
    if AttendanceStatus.PRESENT_REMOTE in statuses:
        return Outcome.PRESENT_REMOTE
    if AttendanceStatus.REMOTE_OBSERVER in statuses:
        return Outcome.REMOTE
    return None


def classify(record: MeetingRecord, person_id: str) -> MeetingOutcome:
    """How ``person_id`` attended this meeting (see the module's note on substitutes)."""
    expected = person_id in expected_members(record)
    own: list[Attendance] = [a for a in record.attendance.values() if a.person_id == person_id]
    statuses = {a.status for a in own}
    substitute_for = next(
        (a.substitute_for for a in own if a.status is AttendanceStatus.SUBSTITUTE), None
    )
    substituted_by = next(
        (
            a.person_id
            for a in sorted(record.attendance.values(), key=lambda a: a.id)
            if a.status is AttendanceStatus.SUBSTITUTE and a.substitute_for == person_id
        ),
        None,
    )
    outcome = presence(statuses) or _not_there(statuses, expected, substituted_by)
    movements = {m.movement for m in record.movements.values() if m.person_id == person_id}
    return MeetingOutcome(
        outcome=outcome,
        expected=expected,
        substituted_by=substituted_by,
        substitute_for=substitute_for,
        arrived_late=Movement.ARRIVED in movements,
        left_early=Movement.LEFT in movements,
    )


def _not_there(
    statuses: Collection[AttendanceStatus], expected: bool, substituted_by: str | None
) -> Outcome:
    if not expected:
        return Outcome.NOT_EXPECTED
    if AttendanceStatus.APOLOGIES in statuses or substituted_by is not None:
        return Outcome.APOLOGIES
    return Outcome.ABSENT


@dataclass
class Tally:
    """One member's attendance across meetings. ``expected`` meetings split exactly into
    in person, remote, apologies and absent; substitute attendance is counted apart.
    ``remote`` counts both kinds of remote attendance; ``present_remote`` those of them that
    were presence at the meeting (a member attending by video in Wales, say)."""

    expected: int = 0
    in_person: int = 0
    remote: int = 0
    present_remote: int = 0
    apologies: int = 0
    absent: int = 0
    substituted: int = 0
    as_substitute: int = 0
    late: int = 0
    left_early: int = 0

    def add(self, result: MeetingOutcome) -> None:
        if result.expected:
            self.expected += 1
            if result.outcome is Outcome.IN_PERSON:
                self.in_person += 1
            elif result.outcome in (Outcome.REMOTE, Outcome.PRESENT_REMOTE):
                self.remote += 1
                self.present_remote += result.outcome is Outcome.PRESENT_REMOTE
            elif result.outcome is Outcome.APOLOGIES:
                self.apologies += 1
            else:
                self.absent += 1
            if result.substituted_by is not None:
                self.substituted += 1
        if result.substitute_for is not None:
            self.as_substitute += 1
        if result.outcome in (Outcome.IN_PERSON, Outcome.PRESENT_REMOTE, Outcome.REMOTE):
            self.late += result.arrived_late
            self.left_early += result.left_early

    @property
    def counted(self) -> bool:
        """Whether the member figures at all (expected somewhere, or came as a substitute)."""
        return self.expected > 0 or self.as_substitute > 0

    @property
    def percentage(self) -> int | None:
        """Meetings attended (in person, or present remotely) as a share of meetings
        expected, rounded; None if none."""
        if self.expected == 0:
            return None
        return round(100 * (self.in_person + self.present_remote) / self.expected)


def tally(records: Iterable[MeetingRecord], person_id: str) -> Tally:
    """``person_id``'s attendance over the held meetings among ``records``."""
    result = Tally()
    for record in records:
        if held(record):
            result.add(classify(record, person_id))
    return result


def people_to_report(records: Iterable[MeetingRecord]) -> list[str]:
    """Everyone expected at, or substituting at, any of the held meetings, in first-seen order."""
    order: list[str] = []
    for record in records:
        if not held(record):
            continue
        for person_id in expected_members(record):
            if person_id not in order:
                order.append(person_id)
        for entry in sorted(record.attendance.values(), key=lambda a: a.id):
            if entry.status is AttendanceStatus.SUBSTITUTE and entry.person_id not in order:
                order.append(entry.person_id)
    return order
