"""Minutes with an exempt item, approved, and the next meeting ready to confirm them.

Every exempt word carries ``SECRET`` (the paragraph, the action, its owner and comment), so a
test can look for it in every public output. The meeting of 18 October 2021 (A) has a public
item and an exempt one (paragraph 3 of Schedule 12A: a provider's finances), each with a
paragraph and an open action; its minutes are approved. The meeting of 15 November 2021 (B)
is under way at its Minutes item, with an action tracker item to carry the actions to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Present
from clerk.domain.actions.proceedings import (
    AddParagraph,
    CloseMeeting,
    ExcludePublic,
    OpenItem,
    ReadmitPublic,
    StartMeeting,
)
from clerk.domain.actions.tracker import AddAction, UpdateAction
from clerk.domain.entities import Part
from clerk.services import setup, signoff
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database
from tests.signoff.helpers import BOARD, under_way

SECRET = "QZSECRET"
PRESENT = ("bye", "barnby", "douglas-dunbar", "mills")
EXEMPT_TEXT = f"The Board considered the {SECRET} provider's finances in detail."
PUBLIC_TEXT = "The Board welcomed the annual report on fostering."


@dataclass(frozen=True)
class Scenario:
    october: int
    november: int
    exempt_paragraph: int  # the paragraph id of the exempt minute's text
    public_paragraph: int
    exempt_minute: str  # "19/10/21"-style reference of the exempt minute


def record_october(database: Database) -> Scenario:
    october = setup.create_meeting(database, BOARD, date(2021, 10, 18), at=time(9, 30))
    session = MeetingSession(database, october)
    session.apply(AddItem(number="5", title="Fostering Annual Report"))
    session.apply(AddItem(number="6", title="Residential Placements Contract", exempt_paragraph=3))
    for person in PRESENT:
        session.apply(Present(person))
    session.apply(StartMeeting(at=time(9, 30)))
    items = {item.number: item.id for item in session.record.agenda()}
    session.apply(OpenItem(item=items["1"], at=time(9, 30)))
    session.apply(OpenItem(item=items["5"], at=time(9, 35)))
    session.apply(AddParagraph(item=items["5"], text=PUBLIC_TEXT))
    session.apply(
        AddAction(item=items["5"], text=Part("Circulate the fostering report."), owner="Clerk")
    )
    session.apply(OpenItem(item=items["6"], at=time(10, 0)))
    session.apply(ExcludePublic(item=items["6"], paragraph=3, at=time(10, 0)))
    session.apply(AddParagraph(item=items["6"], text=EXEMPT_TEXT))
    session.apply(
        AddAction(
            item=items["6"],
            text=Part(f"Renegotiate the {SECRET} contract."),
            owner=f"Director {SECRET}",
        )
    )
    exempt_action = max(session.record.actions)
    session.apply(UpdateAction(action_id=exempt_action, comment=f"Met the {SECRET} provider."))
    session.apply(ReadmitPublic(at=time(10, 30)))
    session.apply(CloseMeeting(at=time(10, 40)))
    record = session.record
    exempt_paragraph = next(p.id for p in record.paragraphs.values() if p.text == EXEMPT_TEXT)
    public_paragraph = next(p.id for p in record.paragraphs.values() if p.text == PUBLIC_TEXT)
    minute = record.items[items["6"]].minute_number
    signoff.circulate(database, october, on=date(2021, 10, 19))
    signoff.approve(database, october, on=date(2021, 10, 25))
    november = setup.create_meeting(database, BOARD, date(2021, 11, 15), at=time(9, 30))
    MeetingSession(database, november).apply(AddItem(number="5", title="Action Tracker"))
    under_way(database, november, present=PRESENT)
    return Scenario(october, november, exempt_paragraph, public_paragraph, f"{minute}/10/21")
