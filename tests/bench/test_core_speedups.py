"""The core changes the benchmarks led to: row mapping worked out once per entity type, and
write statements built once and given their values as parameters. Same rows as before."""

from __future__ import annotations

from datetime import date, time

from clerk.domain.actions.proceedings import AddParagraph, DeleteParagraph, EditParagraph
from clerk.domain.entities import (
    ActionItem,
    AgendaItem,
    Comment,
    Meeting,
    Part,
    VoteChoice,
    VoteEvent,
)
from clerk.domain.enums import (
    ActionStatus,
    MeetingStatus,
    StandardItem,
    VoteMethod,
    VoteOption,
    VoteResult,
)
from clerk.services.recording import MeetingSession
from clerk.storage import repository as repo
from clerk.storage.database import Database
from clerk.storage.mapping import from_values, to_values


def test_entities_map_to_rows_and_back() -> None:
    entities = [
        AgendaItem(3, "5", "Budget", standard=StandardItem.BUSINESS, exempt_paragraph=3,
                   recommendations=(Part("to note;", (Part("a"),)),), started_at=time(9, 30)),
        VoteEvent(1, 2, VoteMethod.RECORDED, VoteResult.PASS, 1, 0, 0,
                  (VoteChoice("bye", VoteOption.YES),)),
        ActionItem(1, 3, Part("do it"), due=date(2021, 9, 1), status=ActionStatus.COMPLETE,
                   comments=(Comment(date(2021, 8, 20), "Complete"),)),
    ]  # fmt: skip
    for entity in entities:
        values = to_values(entity)
        assert from_values(type(entity), values) == entity
    row = to_values(entities[0])
    assert row["standard"] == "business" and row["recommendations"][0]["parts"] == [
        {"text": "a", "parts": []}
    ]
    meeting = Meeting("board", date(2021, 8, 18), status=MeetingStatus.CLOSED)
    assert "committee" not in to_values(meeting, skip=("committee",))
    assert from_values(Meeting, to_values(meeting), committee="board") == meeting


def test_inserts_updates_and_deletes_reach_the_database(sqlite_demo: Database) -> None:
    session = MeetingSession(sqlite_demo, 1)
    session.apply(AddParagraph(item=5, text="First text."))
    added = max(session.record.paragraphs)
    session.apply(EditParagraph(paragraph=added, text="Corrected text."))
    session.apply(AddParagraph(item=5, text="To be removed."))
    session.apply(DeleteParagraph(paragraph=max(session.record.paragraphs)))
    session.undo()  # the removed paragraph comes back: an insert again
    with sqlite_demo.reading() as conn:
        stored, version = repo.load_record(conn, 1)
    assert stored.paragraphs == session.record.paragraphs
    assert stored.paragraphs[added].text == "Corrected text."
    assert stored.paragraphs[max(stored.paragraphs)].text == "To be removed."
    assert version == session.version
