"""Reading ModernGov answers: the quirks undone, and bad input refused in one sentence."""

from __future__ import annotations

from datetime import date, time

import pytest

from clerk.services.moderngov.answers import Committees, Councillors, MeetingList, MgMeeting
from clerk.services.moderngov.reader import ModernGovError, read_answer, read_as
from clerk.services.moderngov.text import (
    clean,
    exempt_paragraph,
    html_paragraphs,
    parse_date,
    parse_time,
    split_honorific,
)
from tests.moderngov.helpers import data


def test_committees_with_their_flags_and_a_title_escaped_twice() -> None:
    answer = read_answer(data("GetCommittees.xml"), "GetCommittees.xml")
    assert isinstance(answer, Committees)
    by_id = {c.id: c for c in answer.committees}
    board = by_id["184"]
    assert board.title == "Children and Young People's Overview and Scrutiny Board"
    assert board.category == "Scrutiny" and not board.expired and not board.deleted
    assert by_id["131"].category == ""  # an element holding only whitespace is empty
    assert by_id["202"].expired and not by_id["202"].deleted
    assert by_id["99"].deleted


def test_a_meeting_in_full() -> None:
    meeting = read_as(data("GetMeeting-11050.xml"), "GetMeeting-11050.xml", MgMeeting)
    assert (meeting.id, meeting.committee_id) == ("11050", "184")
    assert meeting.date == date(2021, 9, 20) and meeting.time == time(9, 30)
    assert meeting.location == "Meadfoot Room - Town Hall"
    assert [i.number for i in meeting.items] == [str(n) for n in range(1, 10)]
    seven = meeting.items[6]
    assert seven.title == (
        "Torbay Children's Services - A Review of Leadership, Management and Governance"
    )
    assert seven.paragraphs[1].startswith("To receive a report on the outcome of the review of ")
    assert "Leadership, Management & Governance" in seven.paragraphs[1]
    five = meeting.items[4]
    assert five.paragraphs == (
        "(To Follow)",
        "1. To review the current arrangements for engaging with children, young people and "
        "their families and how their voices are heard, strategically and operationally.",
        "2. To receive an update on the progress of implementing the Torbay Pledge.",
    )
    nine = meeting.items[8]
    assert nine.restricted and [d.restricted for d in nine.documents] == [True]
    chair = meeting.attendees[0]
    assert (chair.honorific, chair.name, chair.role, chair.party) == (
        "Councillor",
        "Bye",
        "Chairman",
        "",
    )
    cllr = meeting.attendees[3]
    assert (cllr.honorific, cllr.name) == ("Councillor", "Douglas-Dunbar")  # from "Cllr"
    assert meeting.attendees[7].role == "Director of Children's Services"


def test_a_list_of_meetings_and_the_councillors() -> None:
    listed = read_as(data("GetMeetings-184.xml"), "list", MeetingList)
    assert [(m.id, m.cancelled) for m in listed.meetings] == [
        ("11049", False),
        ("11050", False),
        ("11051", True),
        ("11052", False),
    ]
    assert listed.meetings[3].time is None  # whitespace only
    councillors = read_as(data("GetCouncillorsByWard.xml"), "wards", Councillors)
    by_id = {c.id: c for c in councillors.councillors}
    assert by_id["2003"].group == "Liberal Democrat Group"
    assert by_id["2003"].key_posts == ""
    assert (by_id["2001"].honorific, by_id["2001"].name) == ("Councillor", "Bye")  # "Cllr."
    assert by_id["2008"].ward == "Preston"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.00 am", time(10, 0)),
        ("9.30 am", time(9, 30)),
        ("2.00 pm", time(14, 0)),
        ("12.30 pm", time(12, 30)),
        ("12 noon", time(12, 0)),
        ("10am", time(10, 0)),
        ("18:00", time(18, 0)),
        ("  ", None),
    ],
)
def test_times(text: str, expected: time | None) -> None:
    assert parse_time(text) == expected


def test_names_dates_and_paragraphs() -> None:
    assert split_honorific("Cllr Dr Jane Smith") == ("Councillor Dr", "Jane Smith")
    assert split_honorific("Mr Brent Davison") == ("Mr", "Brent Davison")
    assert split_honorific("Councillor") == ("", "Councillor")
    assert parse_date("20/09/2021") == date(2021, 9, 20)
    assert clean("Fees &amp;amp; Charges") == "Fees & Charges"
    assert clean(" \r\n  ") == ""
    assert html_paragraphs("&lt;p&gt;Escaped &amp;amp; twice&lt;/p&gt;") == ["Escaped & twice"]
    assert html_paragraphs("<ol><li>One</li><li>Two</li></ol><p>&nbsp;</p>") == [
        "1. One",
        "2. Two",
    ]
    assert html_paragraphs("<style>p{color:red}</style><p>Kept<br>Next</p>") == ["Kept", "Next"]
    text = "Exempt information under paragraph 3 of Part 1 of Schedule 12A"
    assert exempt_paragraph("Title", text) == 3
    assert exempt_paragraph("Paragraph 9 of something") is None


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<committees><committee><committeeid>1</committeeid><committeetitle>&lol3;</committeetitle>
</committee></committees>"""
EXTERNAL = b"""<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<meeting><meetingid>&x;</meetingid></meeting>"""


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"<committees><committee>", "is not well-formed XML (line 1"),
        (BOMB, "XML bomb"),
        (EXTERNAL, "external entity"),
        (b"<html><body>Service unavailable</body></html>", "its root element is <html>"),
        (b"", "is empty"),
        (
            data("GetMeeting-11050.xml").replace(b"20/09/2021", b"31/02/2021"),
            "meeting 11050 has date '31/02/2021', which is not a real date",
        ),
        (
            data("GetMeeting-11050.xml").replace(b"9.30 am", b"half past nine"),
            "meeting 11050 has time 'half past nine', which is not a time",
        ),
        (
            data("GetMeetings-184.xml").replace(b"<meetingid>11050</meetingid>", b""),
            "a meeting has no meetingid",
        ),
    ],
)
def test_bad_answers_are_one_sentence(body: bytes, words: str) -> None:
    with pytest.raises(ModernGovError) as caught:
        read_answer(body, "answer.xml")
    message = str(caught.value)
    assert words in message, message
    assert message.startswith("answer.xml") and "\n" not in message
    assert message.endswith("nothing imported.")


def test_the_wrong_answer_for_the_question() -> None:
    with pytest.raises(ModernGovError, match="is a GetCommittees answer, not the GetMeeting"):
        read_as(data("GetCommittees.xml"), "GetMeeting 11050", MgMeeting)
