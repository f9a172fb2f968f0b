"""``clerk --demo --screenshot FILE.png``: the demo's September meeting under way, a vote open.

The scene is recorded through the recording service exactly as a clerk would record it
(start, roll call, the item taken, a motion moved and seconded); the window then opens the
meeting where it stands and the vote panel is opened on the motion.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from clerk.domain.actions.attendance import Apologies, OfficerPresent, Present
from clerk.domain.actions.motions import Move
from clerk.domain.actions.proceedings import ConfirmMinutes, OpenItem, StartMeeting
from clerk.domain.rules.motions import substantive_parts
from clerk.services import catalogue
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database

SIZE = (1366, 768)
DEMO_DAY = date(2021, 9, 20)
SCENE_CLOCK = datetime(2021, 9, 20, 10, 42)


def stage_september_vote(database: Database) -> int:
    """Record the 20 September 2021 demo meeting up to a vote on item 7; its meeting id."""
    meeting_id = next(m.id for m in catalogue.meetings(database) if m.meeting.date == DEMO_DAY)
    session = MeetingSession(database, meeting_id, who="demo", clock=lambda: SCENE_CLOCK)
    record = session.record
    items = {i.number: i.id for i in record.agenda()}
    for person in ("bye", "barnby", "mandy-darling", "douglas-dunbar", "mills", "laura-colman"):
        session.apply(Present(person))
    for person in ("tatiana-wilson", "brent-davison", "mike-cook", "jo-morrell"):
        session.apply(Apologies(person))
    for person in ("rachael-williams", "becky-thompson"):
        session.apply(OfficerPresent(person))
    session.apply(StartMeeting(at=time(9, 30)))
    session.apply(OpenItem(items["1"], at=time(9, 30)))
    session.apply(OpenItem(items["2"], at=time(9, 32)))
    session.apply(ConfirmMinutes(items["2"], date(2021, 8, 18)))
    session.apply(OpenItem(items["7"], at=time(10, 15)))
    review = session.record.items[items["7"]]
    session.apply(
        Move(
            item=review.id,
            mover="mills",
            seconder="barnby",
            preamble="That the Board recommends to the Cabinet:",
            parts=review.recommendations[:4],
        )
    )
    motion = max(session.record.motions)
    assert substantive_parts(session.record, session.record.motions[motion])
    return meeting_id


def render(window, path: Path) -> Path:
    """Lay the window out at the council-laptop size, draw it and save the PNG."""
    app = QApplication.instance()
    window.resize(*SIZE)
    window.show()
    for _ in range(3):
        app.processEvents()
    image = window.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise OSError(f"Could not write the screenshot {path}.")
    return path
