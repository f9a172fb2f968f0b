"""In-memory meeting records for rule tests: the demo Board, a new meeting, actions applied."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from clerk.domain.actions import Action, Context
from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Present
from clerk.domain.actions.proceedings import OpenItem, StartMeeting
from clerk.domain.entities import Meeting, Part
from clerk.domain.enums import MeetingKind
from clerk.domain.record import MeetingRecord
from clerk.services.demo import load_setup

CTX = Context(now=time(10, 0), today=date(2021, 9, 20))
COUNCILLORS = ["bye", "barnby", "mandy-darling", "douglas-dunbar", "mills"]


def board_record(
    kind: MeetingKind = MeetingKind.ORDINARY, day: date = date(2021, 9, 20)
) -> MeetingRecord:
    """The demo Board's meeting of 20 September 2021 (members: Bye, Barnby, Mandy Darling,
    Douglas-Dunbar, Mills; co-optees Wilson and Colman vote on education items only)."""
    setup = load_setup()
    return MeetingRecord(
        council=setup.council,
        committee=setup.committee,
        persons={p.id: p for p in setup.persons},
        meeting=Meeting(committee=setup.committee.slug, date=day, kind=kind),
        meeting_id=1,
    )


def apply(record: MeetingRecord, *actions: Action) -> list[str]:
    return [action.apply(record, CTX) for action in actions]


def under_way(
    present: list[str] | None = None,
    education: bool = False,
    kind: MeetingKind = MeetingKind.ORDINARY,
) -> MeetingRecord:
    """A started meeting with item 1 (business) open and the given people present."""
    record = board_record(kind)
    apply(
        record,
        AddItem(
            number="5",
            title="Family Friendly Vision",
            education=education,
            recommendations=(Part("to note the report"),),
        ),
    )
    for person in COUNCILLORS if present is None else present:
        apply(record, Present(person))
    apply(record, StartMeeting(at=time(9, 30)), OpenItem(item=1))
    return record


def with_item(record: MeetingRecord, **changes: object) -> MeetingRecord:
    item = record.items[1]
    record.items[1] = replace(item, **changes)  # type: ignore[arg-type]
    return record
