"""What an action changed travels with its acknowledgement, as a few flags a window acts on."""

from __future__ import annotations

from datetime import time

from clerk.domain.actions.attendance import Leave, Present
from clerk.domain.actions.motions import Move
from clerk.domain.actions.paragraphs import AddParagraph
from clerk.domain.actions.proceedings import OpenItem, StartMeeting
from clerk.domain.changes import Touched, touched
from clerk.domain.entities import Part
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database


def test_each_ack_carries_what_its_action_changed(demo_database: Database) -> None:
    session = MeetingSession(demo_database, 2)
    marked = touched(session.apply(Present("bye")).changes)
    assert marked.attendance and not (marked.business or marked.text or marked.items)
    for person in ("barnby", "mills"):
        session.apply(Present(person))
    started = touched(session.apply(StartMeeting(at=time(9, 30))).changes)
    assert started.meeting and not started.attendance
    item = next(i for i in session.record.agenda() if i.number == "6")
    taken = touched(session.apply(OpenItem(item.id)).changes)
    assert taken.items and taken.meeting and item.id in (taken.item_ids or ())
    text = touched(session.apply(AddParagraph(item.id, "The Director spoke.")).changes)
    assert text == Touched(text=True, item_ids=frozenset({item.id}))
    assert not text.about_item(item.id + 1) and text.about_item(item.id)
    moved = touched(
        session.apply(Move(item.id, "mills", (Part("to note."),), seconder="bye")).changes
    )
    assert moved.business and moved.text and not moved.attendance and not moved.actions
    undone = touched(session.undo().changes)  # an undo carries its changes too
    assert undone.business and undone.item_ids == frozenset({item.id})
    left = touched(session.apply(Leave("mills")).changes)  # minuted in the item's steps
    assert left.attendance and left.text and left.about_item(item.id)


def test_everything_is_about_every_item() -> None:
    assert Touched.everything().about_item(42)
    assert not Touched().about_item(42)
