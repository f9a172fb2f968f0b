"""The action tracker: actions from meetings held before Clerk keep their origin date and
minute; comments as written, the date and the status not said twice (Word and PDF read back)."""

from __future__ import annotations

from datetime import date, time

import pytest

from clerk.documents.pdf import render_pdf
from clerk.documents.tracker import comment_text, compose_tracker
from clerk.documents.word import render_docx
from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Present
from clerk.domain.actions.proceedings import OpenItem, SetMinuteStart, StartMeeting
from clerk.domain.actions.tracker import AddAction, UpdateAction
from clerk.domain.entities import Comment, Part
from clerk.domain.enums import ActionStatus
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from tests.core.builders import apply, board_record
from tests.documents.readback import docx_lines, docx_text, pdf_text


def _meeting() -> MeetingRecord:
    record = board_record()
    apply(
        record,
        AddItem("1", "Action Tracker"),
        Present("bye"),
        Present("barnby"),
        SetMinuteStart(20),
        StartMeeting(at=time(9, 30)),
        OpenItem(1),
    )
    return record


def test_an_action_from_before_clerk_keeps_its_origin_in_word_and_pdf() -> None:
    record = _meeting()
    apply(
        record,
        AddAction(
            item=1,
            text=Part("to review school transport costs"),
            owner="Director of Children's Services",
            began=date(2021, 7, 27),
            began_minute=9,
        ),
        AddAction(item=1, text=Part("to visit the new youth centre")),
        UpdateAction(1, "Report requested for November.", on=date(2021, 9, 21)),
    )
    document = compose_tracker(record.council, record.committee, [record])
    word, pdf = render_docx(document), render_pdf(document)
    lines = docx_lines(word)
    first = lines.index("27/7/21")
    assert lines[first + 1] == "9"  # the minute of 27 July 2021, not this meeting's 20
    assert "to review school transport costs" in lines[first + 2]
    assert "21/9/21: Report requested for November." in lines[first:]
    second = lines.index("20/9/21")
    assert first < second and lines[second + 1] == "20"
    assert docx_text(word) == pdf_text(pdf, document.furniture)


def test_an_origin_must_be_an_earlier_meeting() -> None:
    record = _meeting()
    with pytest.raises(RuleViolation, match="is not earlier"):
        apply(record, AddAction(item=1, text=Part("x"), began=date(2021, 9, 20)))
    with pytest.raises(RuleViolation, match="Give the date"):
        apply(record, AddAction(item=1, text=Part("x"), began_minute=4))


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Added to work programme.", "19/8/21: Added to work programme."),
        ("Complete – emailed 19/8/21", "Complete – emailed 19/8/21"),
        ("Letter sent on 19 August 2021.", "Letter sent on 19 August 2021."),
    ],
)
def test_a_comment_is_shown_as_written_with_its_date_once(text: str, shown: str) -> None:
    assert comment_text(Comment(date(2021, 8, 19), text)) == shown


def test_the_status_is_not_said_twice() -> None:
    record = _meeting()
    apply(
        record,
        AddAction(item=1, text=Part("to send the link")),
        AddAction(item=1, text=Part("to write to schools")),
        UpdateAction(
            1, "Complete – emailed 21/9/21", status=ActionStatus.COMPLETE, on=date(2021, 9, 21)
        ),
        UpdateAction(2, "Letters drafted.", status=ActionStatus.COMPLETE),
    )
    lines = docx_lines(render_docx(compose_tracker(record.council, record.committee, [record])))
    assert lines.count("Complete") == 1  # the second action's status; the first says it
    assert "Complete – emailed 21/9/21" in lines
