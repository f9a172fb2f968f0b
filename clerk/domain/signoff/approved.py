"""The minutes as approved: names, roles, committee and house style frozen at approval.

A councillor's name, a committee's name or signatory, the council's minute numbering and
wording may all change after the minutes of a meeting are approved; the approved and signed
minutes must not follow them. Approval records an ``ApprovedContext`` in the meeting's record
(and so in its journal); the documents of approved minutes are made from ``as_approved``.
"""

from __future__ import annotations

from dataclasses import replace

from clerk.domain.entities import ApprovedContext
from clerk.domain.record import MeetingRecord


def freeze(record: MeetingRecord, also: tuple[str, ...] = ()) -> ApprovedContext:
    """The context to keep: the council, the committee and everyone the record names."""
    wanted = record.referenced_people() | set(also)
    persons = tuple(record.persons[p] for p in sorted(wanted) if p in record.persons)
    return ApprovedContext(
        id=record.next_id("approved_as"),
        council=record.council,
        committee=record.committee,
        persons=persons,
    )


def approved_context(record: MeetingRecord) -> ApprovedContext | None:
    if not record.approved_as:
        return None
    return record.approved_as[max(record.approved_as)]


def as_approved(record: MeetingRecord) -> MeetingRecord:
    """The record with the council, committee and people as they were at approval (itself
    when the minutes are not approved, or were approved before Clerk kept the context)."""
    context = approved_context(record)
    if context is None:
        return record
    persons = dict(record.persons)
    persons.update({p.id: p for p in context.persons})
    return replace(record, council=context.council, committee=context.committee, persons=persons)
