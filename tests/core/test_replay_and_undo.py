"""Scripted recording, resumable replay, and undo / redo through the service."""

from __future__ import annotations

import pytest

from clerk.domain.actions.attendance import Apologies, Present
from clerk.domain.errors import RuleViolation
from clerk.domain.journal import verify_chain
from clerk.services.recording import MeetingSession
from clerk.services.replay import ScriptError, parse_script, replay
from clerk.storage import repository as repo
from clerk.storage.database import Database

SCRIPT = "\n".join(
    [
        "# roll call",
        '{"action": "present", "person": "bye"}',
        '{"action": "present", "person": "mills"}',
        '{"action": "start", "at": "09:30"}',
        '{"action": "open_item", "item": 5}',
        '{"action": "undo"}',
        '{"action": "redo"}',
    ]
)


def test_replay_acknowledges_each_committed_action_and_resumes(demo_database: Database) -> None:
    acks: list[tuple[int, str]] = []
    session = MeetingSession(demo_database, 2)
    applied, skipped = replay(session, SCRIPT, on_ack=lambda n, a: acks.append((n, a.label)))
    assert (applied, skipped) == (6, 0)
    assert acks[0] == (2, "mark Councillor Bye present")
    assert acks[-1][1].startswith("Redo: take item 5")
    # Running the same script again applies nothing twice.
    again = MeetingSession(demo_database, 2)
    assert replay(again, SCRIPT) == (0, 6)
    assert again.record.items[5].minute_number == 18


def test_a_refused_line_stops_the_replay_and_keeps_what_came_before(
    demo_database: Database,
) -> None:
    script = [*SCRIPT.splitlines()[:3], '{"action": "present", "person": "loxton"}']
    session = MeetingSession(demo_database, 2)
    with pytest.raises(ScriptError, match=r"line 4: refused: Councillor Loxton is not a member"):
        replay(session, "\n".join(script), source="s.jsonl")
    with demo_database.reading() as conn:
        record, _ = repo.load_record(conn, 2)
    assert sorted(a.person_id for a in record.attendance.values()) == ["bye", "mills"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 1: not valid JSON"),
        ('{"action": "present"}', r"line 1: \$.person: is missing"),
        ('{"action": "teleport"}', "'teleport' is not an action Clerk knows"),
        ('{"action": "vote", "motion": "one", "method": "assent"}', r"\$.motion: must be a whole"),
        ('["present"]', "must be an object"),
    ],
)
def test_bad_script_lines_are_named(line: str, message: str) -> None:
    with pytest.raises(ScriptError, match=message):
        list(parse_script(line))


def test_undo_and_redo_are_journal_entries_that_restore_exactly(demo_database: Database) -> None:
    session = MeetingSession(demo_database, 2)
    session.apply(Present("bye"))
    before = session.record.snapshot()
    session.apply(Apologies("bye"))
    assert session.undo_label() == "record apologies from Councillor Bye"
    undone = session.undo()
    assert undone.label == "Undo: record apologies from Councillor Bye"
    assert session.record.attendance == before["attendance"]
    assert session.redo().label == "Redo: record apologies from Councillor Bye"
    assert session.record.attendance[1].status == "apologies"
    # A fresh session (another process) sees the same state and the same undo history.
    fresh = MeetingSession(demo_database, 2)
    assert fresh.record.attendance == session.record.attendance
    assert fresh.undo_label() == "record apologies from Councillor Bye"
    assert fresh.can_undo and not fresh.can_redo
    fresh.undo()
    fresh.undo()
    assert fresh.record.attendance == {}
    assert fresh.undo_label() is not None  # the agenda items can still be undone
    with demo_database.reading() as conn:
        assert verify_chain(repo.load_journal(conn, 2)) == []


def test_a_new_action_clears_redo_and_nothing_to_undo_is_said(demo_database: Database) -> None:
    session = MeetingSession(demo_database, 2)
    with pytest.raises(RuleViolation, match="nothing to redo"):
        session.redo()
    session.apply(Present("bye"))
    session.undo()
    session.apply(Present("mills"))
    assert not session.can_redo
    while session.can_undo:
        session.undo()
    with pytest.raises(RuleViolation, match="nothing to undo"):
        session.undo()
    assert session.record.items == {}  # back to the meeting as created


def test_lines_added_to_a_script_after_a_replay_are_applied_and_the_rest_skipped(
    demo_database: Database,
) -> None:
    first = MeetingSession(demo_database, 2)
    assert replay(first, SCRIPT) == (6, 0)
    longer = SCRIPT + '\n{"action": "present", "person": "barnby"}'
    again = MeetingSession(demo_database, 2)
    assert replay(again, longer) == (1, 6)
    assert {a.person_id for a in again.record.attendance.values()} == {"bye", "mills", "barnby"}
    # A line edited after it was applied is a new line: applied from there on.
    edited = longer.replace('"person": "mills"', '"person": "douglas-dunbar"')
    with pytest.raises(ScriptError, match="line 4: refused: The meeting has already started"):
        replay(MeetingSession(demo_database, 2), edited)
