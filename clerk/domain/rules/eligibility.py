"""Who may vote on an item, and why someone may not."""

from clerk.domain.entities import AgendaItem
from clerk.domain.enums import AttendanceStatus, InterestKind, Role
from clerk.domain.names import display_name
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.presence import (
    SEATED_STATUSES,
    is_present,
    non_participation,
    seat_role,
)


def ineligibility_reason(record: MeetingRecord, person_id: str, item: AgendaItem) -> str | None:
    """None when the person may vote on the item; otherwise the reason, as a sentence."""
    person = record.person(person_id)
    name = display_name(person)
    body = record.committee.calls_itself
    role = seat_role(record, person_id)
    entry = record.attendance_of(person_id)
    if role is None:
        if entry is not None and entry.status is AttendanceStatus.ALSO_ATTENDING:
            return f"{name} is in attendance but is not a member of the {body}."
        return f"{name} is not a voting member of the {body}."
    if role is Role.CO_OPTED_NON_VOTING:
        return f"{name} is a non-voting co-opted member."
    if role is Role.CO_OPTED_EDUCATION and not item.education:
        return f"{name} votes on education items only, and this item is not one."
    if entry is not None and entry.status is AttendanceStatus.REMOTE_OBSERVER:
        return f"{name} is attending remotely and may not vote."
    if not is_present(record, person_id):
        return f"{name} is not present."
    declaration = non_participation(record, person_id, item.id)
    if declaration is not None:
        interest = (
            "a disclosable pecuniary interest"
            if declaration.kind is InterestKind.DISCLOSABLE_PECUNIARY
            else "an interest"
        )
        if declaration.conduct.withdraws:
            return f"{name} declared {interest} in this item and has withdrawn."
        return (
            f"{name} declared {interest} in this item and takes no part in the debate or vote "
            "on it."
        )
    return None


def eligible_voters(record: MeetingRecord, item: AgendaItem) -> list[str]:
    """Everyone who may vote on the item now, in attendance order."""
    ordered = sorted(record.attendance.values(), key=lambda entry: entry.id)
    return [
        entry.person_id
        for entry in ordered
        if ineligibility_reason(record, entry.person_id, item) is None
    ]


def could_have_voted(record: MeetingRecord, item: AgendaItem) -> list[str]:
    """Everyone who could have voted on the item at some moment of it: a voting seat for it,
    in the room (present or substituting), not withdrawn from it (nor taking no part in it)
    under an interest. Arrivals
    and departures are not weighed (the moment of a vote is not recorded with it): the most
    votes a count on the item can hold."""
    found = []
    for entry in sorted(record.attendance.values(), key=lambda e: e.id):
        role = seat_role(record, entry.person_id)
        if role is None or role is Role.CO_OPTED_NON_VOTING:
            continue
        if role is Role.CO_OPTED_EDUCATION and not item.education:
            continue
        if entry.status not in SEATED_STATUSES:
            continue
        if non_participation(record, entry.person_id, item.id) is None:
            found.append(entry.person_id)
    return found
