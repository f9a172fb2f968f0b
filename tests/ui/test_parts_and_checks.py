"""The parts notation the editors use, and ``MeetingSession.check`` (added for live validation)."""

from __future__ import annotations

import pytest

from clerk.domain.actions.attendance import Present
from clerk.domain.actions.motions import Vote
from clerk.domain.entities import Part
from clerk.domain.enums import VoteMethod
from clerk.services.recording import MeetingSession
from clerk.storage import repository as repo
from clerk.ui.partstext import PartsTextError, parts_from_text, parts_summary, parts_to_text
from clerk.ui.screenshot import stage_september_vote


def test_numbered_and_lettered_parts_round_trip():
    parts = (
        Part("the Board to receive updates to include:", (Part("outcomes; and"), Part("impacts."))),
        Part("a link to be sent."),
    )
    text = parts_to_text(parts)
    assert text == (
        "1. the Board to receive updates to include:\n   a. outcomes; and\n   b. impacts.\n"
        "2. a link to be sent."
    )
    assert parts_from_text(text) == parts


def test_unnumbered_lines_are_parts_and_numbers_are_by_position():
    assert parts_from_text("That the report be noted.\n\n7) and acted on\n(a) soon") == (
        Part("That the report be noted."),
        Part("and acted on", (Part("soon"),)),
    )
    assert parts_summary(parts_from_text("one\ntwo")) == "one (+1 more)"


def test_a_sub_part_needs_a_part_above_it():
    with pytest.raises(PartsTextError, match="Line 1: a lettered sub-part needs a numbered part"):
        parts_from_text("a. orphan")


def test_check_says_why_without_changing_anything(sqlite_demo):
    session = MeetingSession(sqlite_demo, stage_september_vote(sqlite_demo))
    before = session.record.snapshot()
    version = session.version
    vote = Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=6)
    assert session.check(vote) == (
        "6 for + 0 against + 0 abstaining = 6, but only 5 members present are eligible to vote."
    )
    assert session.check(Vote(motion=1, method=VoteMethod.SHOW_OF_HANDS, yes=5)) is None
    assert session.record.snapshot() == before
    with sqlite_demo.reading() as conn:
        assert repo.meeting_version(conn, session.meeting_id) == version
    assert session.record.votes == {}
    assert session.check(Present("nobody")) == "No person with id 'nobody' in this record."
