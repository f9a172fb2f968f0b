"""Building blocks for the sign-off tests: meetings under way, approved minutes, certificates."""

from __future__ import annotations

from datetime import date, time

from clerk.domain.actions.attendance import Present
from clerk.domain.actions.proceedings import OpenItem, StartMeeting
from clerk.domain.enums import MeetingKind
from clerk.services import setup, signoff
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database
from clerk_support.certificates import Pki, make_pki

AUGUST = 1  # the demo's 18 August 2021 meeting, recorded in full and closed
SEPTEMBER = 2  # the demo's 20 September 2021 meeting: the agenda only
BOARD = "cyp-scrutiny-board"

#: The script that opens the 20 September meeting and takes items 1 and 2 (Minutes).
OPEN_SEPTEMBER = (
    '{"action": "present", "person": "bye"}\n'
    '{"action": "present", "person": "barnby"}\n'
    '{"action": "present", "person": "douglas-dunbar"}\n'
    '{"action": "present", "person": "mills"}\n'
    '{"action": "start", "at": "09:30"}\n'
    '{"action": "open_item", "item": 1, "at": "09:30"}\n'
    '{"action": "open_item", "item": 2, "at": "09:32"}\n'
)


def under_way(
    database: Database,
    meeting_id: int,
    present: tuple[str, ...] = ("bye", "barnby", "douglas-dunbar", "mills"),
) -> MeetingSession:
    """Start a meeting with a quorum present and take its Apologies and Minutes items."""
    session = MeetingSession(database, meeting_id)
    for person in present:
        session.apply(Present(person))
    session.apply(StartMeeting(at=time(9, 30)))
    items = session.record.agenda()
    session.apply(OpenItem(item=items[0].id, at=time(9, 30)))
    session.apply(OpenItem(item=items[1].id, at=time(9, 32)))
    return session


def approved(database: Database, meeting_id: int = AUGUST) -> None:
    signoff.circulate(database, meeting_id, on=date(2021, 8, 19))
    signoff.approve(database, meeting_id, on=date(2021, 8, 23))


def confirmed(database: Database) -> None:
    approved(database)
    under_way(database, SEPTEMBER)
    signoff.confirm(database, AUGUST, SEPTEMBER)


def extra_meeting(database: Database, day: date, kind: MeetingKind = MeetingKind.ORDINARY) -> int:
    return setup.create_meeting(database, BOARD, day, at=time(9, 30), kind=kind)


# -- certificates -----------------------------------------------------------------------------


__all__ = ["Pki", "make_pki"]
