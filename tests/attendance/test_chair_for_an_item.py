"""The chair for one item: the Vice-Chair takes the chair while the Chair is out under an
interest, holds that item's casting vote, and the Chair resumes; the Present list still shows
the Chair as Chair, and the meeting-wide change of chair is minuted as before."""

from __future__ import annotations

from datetime import time

import pytest

from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.documents.pdf import render_pdf
from clerk.documents.word import render_docx
from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Present
from clerk.domain.actions.declarations import Declare
from clerk.domain.actions.motions import Move
from clerk.domain.actions.proceedings import OpenItem, ResumeChair, SetPresiding, StartMeeting
from clerk.domain.actions.votes import Vote
from clerk.domain.entities import Part
from clerk.domain.enums import InterestKind, VoteMethod, VoteOption
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.presence import presiding
from tests.core.builders import apply, board_record
from tests.documents.readback import docx_lines, docx_text, pdf_text


def _meeting() -> MeetingRecord:
    record = board_record()
    apply(
        record,
        AddItem("1", "Nursery Provision"),
        AddItem("2", "Youth Services"),
        *(Present(p) for p in ("bye", "barnby", "mandy-darling", "douglas-dunbar", "mills")),
        StartMeeting(at=time(9, 30)),
        OpenItem(1),
        Declare("bye", 1, InterestKind.DISCLOSABLE_PECUNIARY, nature="owns a nursery"),
        SetPresiding("mills", for_item=True),
        Move(item=1, mover="barnby", seconder="douglas-dunbar", parts=(Part("to agree"),)),
    )
    return record


def test_the_vice_chair_presides_over_the_item_and_holds_its_casting_vote() -> None:
    record = _meeting()
    assert presiding(record, 1) == "mills"
    assert presiding(record) == "bye"  # the meeting's chair is unchanged
    with pytest.raises(RuleViolation, match="Only Councillor Mills, presiding"):
        apply(
            record,
            Vote(
                1,
                VoteMethod.SHOW_OF_HANDS,
                yes=2,
                no=2,
                casting_by="bye",
                casting_option=VoteOption.YES,
            ),
        )
    apply(
        record,
        Vote(
            1,
            VoteMethod.SHOW_OF_HANDS,
            yes=2,
            no=2,
            casting_by="mills",
            casting_option=VoteOption.YES,
        ),
        OpenItem(2),
    )
    assert presiding(record, 2) == "bye"  # the next item: the Chair again
    document = compose_minutes(record, MinutesOptions())
    word, pdf = render_docx(document), render_pdf(document)
    lines = docx_lines(word)
    assert "Councillor Bye (Chairman)" in lines  # the Present list keeps the Chair as Chair
    taken = lines.index("The Vice-Chair, Councillor Mills, took the chair for this item.")
    assert lines.index("1. Nursery Provision") < taken < lines.index("2. Youth Services")
    assert (
        "There being an equality of votes, Councillor Mills, presiding, used their casting vote "
        "for the motion, which was declared carried." in lines
    )
    assert docx_text(word) == pdf_text(pdf, document.furniture)


def test_the_chair_resumes_during_the_item() -> None:
    record = board_record()
    apply(
        record,
        AddItem("1", "Nursery Provision"),
        *(Present(p) for p in ("bye", "barnby", "mandy-darling", "mills")),
        StartMeeting(at=time(9, 30)),
        OpenItem(1),
        SetPresiding("mills", for_item=True),
    )
    assert presiding(record, 1) == "mills"
    apply(record, ResumeChair())
    assert presiding(record, 1) == "bye"
    with pytest.raises(RuleViolation, match="No one else has taken the chair"):
        apply(record, ResumeChair())
    lines = compose_minutes(record, MinutesOptions()).text_lines()
    assert "The Chairman, Councillor Bye, resumed the chair." in lines


def test_the_chair_for_an_item_must_be_able_to_preside_over_it() -> None:
    record = board_record()
    apply(
        record,
        AddItem("1", "Nursery Provision"),
        *(Present(p) for p in ("bye", "barnby", "mills")),
        StartMeeting(at=time(9, 30)),
        OpenItem(1),
        Declare("mills", 1, InterestKind.DISCLOSABLE_PECUNIARY),
    )
    with pytest.raises(RuleViolation, match="cannot preside over this item"):
        apply(record, SetPresiding("mills", for_item=True))
    with pytest.raises(RuleViolation, match="cannot preside over this item"):
        apply(record, SetPresiding("steve-darling", for_item=True))


def test_the_meeting_wide_change_of_chair_is_minuted_as_before() -> None:
    record = board_record()
    apply(
        record,
        AddItem("1", "Nursery Provision"),
        *(Present(p) for p in ("barnby", "mandy-darling", "mills")),
        SetPresiding("barnby"),
        StartMeeting(at=time(9, 30)),
        OpenItem(1),
    )
    assert presiding(record, 1) == "barnby"
    lines = compose_minutes(record, MinutesOptions()).text_lines()
    assert "Councillor Barnby (In the Chair)" in lines
