"""A recorded vote with members excluded from voting and not voting, each with a reason,
recorded through the session and read back from the Word and PDF minutes (issue 11): the rows
"Excluded from voting" and "Did not vote" of the vote's table carry the names, the reasons and
the counts."""

from __future__ import annotations

from datetime import time
from io import BytesIO
from pathlib import Path

import docx

from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Present
from clerk.domain.actions.motions import Move, Vote
from clerk.domain.actions.proceedings import OpenItem, StartMeeting
from clerk.domain.entities import Part, VoteChoice
from clerk.domain.enums import VoteMethod, VoteOption
from clerk.services import catalogue
from clerk.services.documents import generate_minutes
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database
from tests.documents.tagged import read_tagged

SEPTEMBER = "cyp-scrutiny-board/2021-09-20"
ROWS = [
    ["For", "Councillors Bye and Barnby", "2"],
    ["Against", "none", "0"],
    ["Abstain", "none", "0"],
    ["Excluded from voting", "Councillor Mandy Darling (under Standing Order 12)", "1"],
    ["Did not vote", "Councillor Douglas-Dunbar (having declared an interest)", "1"],
]


def test_excluded_and_not_voting_rows_in_the_word_and_pdf_minutes(
    demo_database: Database, tmp_path: Path
) -> None:
    meeting_id = catalogue.resolve_meeting(demo_database, SEPTEMBER)
    session = MeetingSession(demo_database, meeting_id)
    for person in ("bye", "barnby", "mandy-darling", "douglas-dunbar"):
        session.apply(Present(person))
    session.apply(StartMeeting(at=time(9, 30)))
    session.apply(AddItem(number="9", title="School Transport Policy"))
    item = max(session.record.items)
    session.apply(OpenItem(item=item))
    session.apply(Move(item, "barnby", (Part("to approve the policy"),), seconder="bye"))
    motion = max(session.record.motions)
    choices = (
        VoteChoice("bye", VoteOption.YES),
        VoteChoice("barnby", VoteOption.YES),
        VoteChoice("mandy-darling", VoteOption.EXCLUDED, "under Standing Order 12"),
        VoteChoice("douglas-dunbar", VoteOption.NOT_VOTING, "having declared an interest"),
    )
    session.apply(Vote(motion, VoteMethod.RECORDED, choices=choices))
    paths = generate_minutes(demo_database, meeting_id, ["docx", "pdf"], False, tmp_path)
    word = next(p for p in paths if p.suffix == ".docx").read_bytes()
    pdf = next(p for p in paths if p.suffix == ".pdf").read_bytes()
    (table,) = [t for t in docx.Document(BytesIO(word)).tables if t.rows[0].cells[0].text == "Vote"]
    assert [[c.text for c in row.cells] for row in table.rows[1:]] == ROWS
    (vote,) = [t for t in read_tagged(pdf).root.all("Table") if t.kids[0].kids[0].text == "Vote"]
    assert [[c.text for c in row.kids] for row in vote.kids[1:]] == ROWS
