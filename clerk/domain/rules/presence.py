"""Who is in the room, who holds a voting seat, and who has withdrawn for an item."""

from clerk.domain.entities import Declaration
from clerk.domain.enums import AttendanceStatus, Movement, Role
from clerk.domain.record import MeetingRecord

SEATED_STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)


def is_present(record: MeetingRecord, person_id: str) -> bool:
    """Physically present now: marked present (or substituting) and not since departed."""
    entry = record.attendance_of(person_id)
    if entry is None or entry.status not in SEATED_STATUSES:
        return False
    last = None
    for movement in record.movements_of(person_id):
        last = movement
    return last is None or last.movement is Movement.ARRIVED


def seat_role(record: MeetingRecord, person_id: str) -> Role | None:
    """The role the person sits in at this meeting: a substitute takes a member's seat."""
    entry = record.attendance_of(person_id)
    if entry is not None and entry.status is AttendanceStatus.SUBSTITUTE:
        return Role.MEMBER
    membership = record.membership_of(person_id)
    return membership.role if membership is not None else None


def withdrawal(record: MeetingRecord, person_id: str, item_id: int) -> Declaration | None:
    """The declaration under which the person has withdrawn from the item, if any."""
    for declaration in record.declarations.values():
        if (
            declaration.person_id == person_id
            and declaration.item_id == item_id
            and declaration.conduct.withdraws
        ):
            return declaration
    return None


def presiding(record: MeetingRecord) -> str | None:
    """The person presiding: as recorded, else the chair if present, else the vice-chair."""
    if record.meeting.presiding_id is not None:
        return record.meeting.presiding_id
    for role in (Role.CHAIR, Role.VICE_CHAIR):
        for membership in record.memberships_on_day():
            if membership.role is role and is_present(record, membership.person_id):
                return membership.person_id
    return None
