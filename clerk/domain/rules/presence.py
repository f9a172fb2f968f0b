"""Who is in the room, who holds a voting seat, and who has withdrawn (or takes no part) for an
item."""

from collections.abc import Callable

from clerk.domain.entities import Declaration
from clerk.domain.enums import AttendanceStatus, EventKind, InterestConduct, Movement, Role
from clerk.domain.record import MeetingRecord

#: Present at the meeting: in the room, substituting, or attending remotely where the law
#: makes that presence (a remote observer is not present).
SEATED_STATUSES = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.SUBSTITUTE,
    AttendanceStatus.PRESENT_REMOTE,
)


def is_present(record: MeetingRecord, person_id: str) -> bool:
    """Present now: marked present (in the room or remotely, or substituting) and not since
    departed."""
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


def _declared(
    record: MeetingRecord, person_id: str, item_id: int, conduct: Callable[[InterestConduct], bool]
) -> Declaration | None:
    for declaration in record.declarations.values():
        if (
            declaration.person_id == person_id
            and declaration.item_id == item_id
            and conduct(declaration.conduct)
        ):
            return declaration
    return None


def withdrawal(record: MeetingRecord, person_id: str, item_id: int) -> Declaration | None:
    """The declaration under which the person has withdrawn from the item, if any."""
    return _declared(record, person_id, item_id, lambda conduct: conduct.withdraws)


def non_participation(record: MeetingRecord, person_id: str, item_id: int) -> Declaration | None:
    """The declaration under which the person takes no part in the item's debate or vote: a
    withdrawal, or an interest declared by a member who stayed in the room but took no part
    (who still counts as present for the quorum)."""
    return _declared(record, person_id, item_id, lambda conduct: conduct.takes_no_part)


def can_preside(record: MeetingRecord, person_id: str, item_id: int | None = None) -> bool:
    """A councillor in a seat of the body, in the room, taking part in the item (not withdrawn
    from it, nor staying but taking no part under an interest)."""
    role = seat_role(record, person_id)
    if role is None or not role.is_councillor_seat or not is_present(record, person_id):
        return False
    return item_id is None or non_participation(record, person_id, item_id) is None


def item_presiding(record: MeetingRecord, item_id: int) -> str | None:
    """Who took the chair for this item only (the Chair having left under an interest, say),
    unless the meeting's chair has since resumed it during the item."""
    taken = [
        e
        for e in record.events.values()
        if e.kind is EventKind.PRESIDING and e.for_item_id == item_id and e.person_id
    ]
    if not taken:
        return None
    last = max(taken, key=lambda e: (e.order, e.id))
    resumed = any(
        e.kind is EventKind.CHAIR_RESUMED
        and e.for_item_id == item_id
        and (e.order, e.id) > (last.order, last.id)
        for e in record.events.values()
    )
    return None if resumed else last.person_id


def presiding(record: MeetingRecord, item_id: int | None = None) -> str | None:
    """Who presides (over the item): whoever took the chair for that item, else as recorded
    for the meeting, else the chair, else the vice-chair. The window, the casting vote and
    the minutes all ask here.

    Only someone who can preside counts: a chair who has left, or withdrawn from the item
    under an interest (or stayed but takes no part in it), does not preside over it (and has
    no casting vote on it).
    """
    for_item = item_presiding(record, item_id) if item_id is not None else None
    if for_item is not None and can_preside(record, for_item, item_id):
        return for_item
    candidates = [record.meeting.presiding_id] if record.meeting.presiding_id else []
    for role in (Role.CHAIR, Role.VICE_CHAIR):
        candidates += [m.person_id for m in record.memberships_on_day() if m.role is role]
    for person_id in candidates:
        if can_preside(record, person_id, item_id):
            return person_id
    return None
