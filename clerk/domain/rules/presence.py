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


def can_preside(record: MeetingRecord, person_id: str, item_id: int | None = None) -> bool:
    """A councillor in a seat of the body, in the room, not withdrawn from the item."""
    role = seat_role(record, person_id)
    if role is None or not role.is_councillor_seat or not is_present(record, person_id):
        return False
    return item_id is None or withdrawal(record, person_id, item_id) is None


def presiding(record: MeetingRecord, item_id: int | None = None) -> str | None:
    """Who presides (over the item): as recorded, else the chair, else the vice-chair.

    Only someone who can preside counts: a chair who has left, or withdrawn from the item
    under an interest, does not preside over it (and has no casting vote on it).
    """
    candidates = [record.meeting.presiding_id] if record.meeting.presiding_id else []
    for role in (Role.CHAIR, Role.VICE_CHAIR):
        candidates += [m.person_id for m in record.memberships_on_day() if m.role is role]
    for person_id in candidates:
        if can_preside(record, person_id, item_id):
            return person_id
    return None
