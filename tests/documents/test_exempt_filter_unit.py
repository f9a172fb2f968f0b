"""The exempt filter of the minutes and the tracker, on a record made in memory and composed
(not rendered): what the public version says of each exempt thing, and what the confidential
version keeps, line by line (quick enough to run for each mutant of the filter: see
docs/mutation.md). The property test over random meetings, and the Word and PDF read back, are
in tests/documents/test_public_confidential.py."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from typing import cast

import pytest

from clerk.documents.agenda import AgendaOptions, compose_agenda
from clerk.documents.minute_context import EXEMPT_TITLE, MinuteContext, MinutesOptions
from clerk.documents.minutes import CONFIDENTIAL_MARK, DRAFT_MARK, compose_minutes, markings
from clerk.documents.model import Block, Document, Heading, ListItem, NumberedList, Para, Table
from clerk.documents.tracker import compose_tracker, origin_row, tracker_rows
from clerk.domain.entities import (
    ActionItem,
    AgendaItem,
    Attendance,
    Declaration,
    InterestCategory,
    Motion,
    MovementEntry,
    Paragraph,
    Part,
    ProceduralEvent,
    Resolution,
    VoteChoice,
    VoteEvent,
)
from clerk.domain.enums import (
    ActionStatus,
    AttendanceStatus,
    EventKind,
    InterestConduct,
    InterestKind,
    MeetingStatus,
    MotionKind,
    MotionOutcome,
    Movement,
    MoverNaming,
    StandardItem,
    VoteMethod,
    VoteOption,
    VoteResult,
)
from clerk.domain.record import MeetingRecord
from tests.core.builders import board_record

SCHEDULE = "of Part 1 of Schedule 12A to the Local Government Act 1972"
NOT_PUBLISHED = (
    "The detail of this minute is not published: it contains exempt information as defined in "
    f"paragraph 3 {SCHEDULE}."
)
EXCLUDED = (
    "That, under section 100A(4) of the Local Government Act 1972, the press and public be "
    "excluded from the meeting for this item of business on the grounds that it involves the "
    f"likely disclosure of exempt information as defined in paragraph 3 {SCHEDULE}."
)
NON_PECUNIARY = InterestKind.NON_PECUNIARY
JULY = "cyp-scrutiny-board/2021-07-27"


def meeting(declarations_item: bool = True) -> MeetingRecord:
    """A closed meeting: a public item with a paragraph exempt on its own (a correction), an
    exempt item with a secret title and its whole proceedings, an exempt item with a public
    title and summary."""
    record = board_record()
    record.meeting = replace(
        record.meeting, status=MeetingStatus.CLOSED, started_at=time(9, 30), ended_at=time(12)
    )
    for number, person in enumerate(["bye", "barnby", "mandy-darling", "douglas-dunbar"], 1):
        record.attendance[number] = Attendance(number, person, AttendanceStatus.PRESENT)
    record.attendance[5] = Attendance(5, "mills", AttendanceStatus.APOLOGIES)
    items = [AgendaItem(1, "1", "Apologies", 1, StandardItem.APOLOGIES, minute_number=1)]
    if declarations_item:
        items.append(
            AgendaItem(
                2, "2", "Declarations of Interest", 2, StandardItem.DECLARATIONS, minute_number=2
            )
        )
    items += [
        AgendaItem(3, "3", "Budget Monitoring", 3, minute_number=3),
        AgendaItem(
            4, "4", "Sale of the Old Library to Acme", 4, exempt_paragraph=3,
            title_is_public=False, minute_number=4,
        ),
        AgendaItem(
            5, "5", "Staffing Review", 5, exempt_paragraph=1,
            public_summary=" The Board reviewed staffing. ", minute_number=5,
        ),
    ]  # fmt: skip
    record.items.update({item.id: item for item in items})
    record.paragraphs[1] = Paragraph(1, 3, 1, "The Board noted the budget.")
    record.paragraphs[2] = Paragraph(
        2, 3, 2, "Correction: the price was £90,000.", exempt_paragraph=3
    )
    record.paragraphs[3] = Paragraph(3, 4, 1, "The Board agreed the price of £90,000.")
    record.paragraphs[4] = Paragraph(4, 5, 1, "Two posts will go.", exempt_paragraph=1)
    record.declarations[1] = Declaration(
        1, "barnby", 4, NON_PECUNIARY, nature="a neighbour of Acme", dispensation_ref="D/1"
    )
    record.declarations[2] = Declaration(
        2, "douglas-dunbar", 4, NON_PECUNIARY, nature="a trustee", nature_public=True
    )
    record.declarations[3] = Declaration(3, "bye", 3, NON_PECUNIARY, nature="a governor")
    record.declarations[4] = Declaration(
        4, "mandy-darling", 4, NON_PECUNIARY, nature="Acme's landlord", nature_public=False
    )
    record.events[1] = ProceduralEvent(
        1, EventKind.PUBLIC_EXCLUDED, time(10), 4, 3, for_item_id=4, order=1
    )
    record.events[2] = ProceduralEvent(
        2, EventKind.ADJOURNED, time(10, 30), 4, text="to read the valuation", order=2
    )
    record.events[3] = ProceduralEvent(3, EventKind.RESUMED, time(10, 40), 4, order=3)
    record.events[5] = ProceduralEvent(
        5, EventKind.DISPENSATION, None, 4, text="DX-7", for_item_id=4
    )
    record.movements[1] = MovementEntry(1, "douglas-dunbar", Movement.LEFT, time(11), 4, order=7)
    record.motions[1] = Motion(
        1, 4, MotionKind.MOTION, "bye", (Part("to sell the Old Library"),), seconder_id="barnby",
        outcome=MotionOutcome.CARRIED, order=4,
    )  # fmt: skip
    record.votes[1] = VoteEvent(1, 1, VoteMethod.SHOW_OF_HANDS, VoteResult.PASS, 3, 1, order=5)
    record.resolutions[1] = Resolution(1, 4, (Part("to sell the Old Library"),), order=6)
    return record


def lines(record: MeetingRecord, confidential: bool) -> list[str]:
    return compose_minutes(record, MinutesOptions(confidential=confidential)).text_lines()


HEAD = [
    "Minutes of the Children and Young People's Overview and Scrutiny Board",
    "20 September 2021",
    "-: Present :-",
    "Councillor Bye (Chairman)",
    "Councillors Barnby, Mandy Darling and Douglas-Dunbar",
    "(Meeting started at 9.30 am)",
    "1. Apologies",
    "Apologies for absence were received from Councillor Mills.",
]
TAIL = [
    "(Meeting ended at 12.00 pm)",
    "Signed: ..............................",
    "Chairman",
    "Date: ..............................",
]


def test_the_public_minutes_say_of_exempt_business_only_what_is_public() -> None:
    assert lines(meeting(), confidential=False) == [
        *HEAD,
        "2. Declarations of Interest",
        "A dispensation had been granted to all members of the Board to take part in the "
        "discussion and vote on Minute 4.",
        "Councillor Bye declared a non-pecuniary interest in Minute 3 as a governor and "
        "remained in the meeting.",
        "Councillors Barnby and Mandy Darling declared non-pecuniary interests in Minute 4 and "
        "remained in the meeting.",
        "Councillor Douglas-Dunbar declared a non-pecuniary interest in Minute 4 as a trustee "
        "and remained in the meeting.",
        "3. Budget Monitoring",
        "The Board noted the budget.",
        f"4. {EXEMPT_TITLE}",
        NOT_PUBLISHED,
        "Resolved:",
        EXCLUDED,
        "The meeting adjourned at 10.30 am and reconvened at 10.40 am.",
        "Councillor Douglas-Dunbar left the meeting at 11.00 am during consideration of Minute 4.",
        "5. Staffing Review",
        "The Board reviewed staffing.",
        *TAIL,
    ]


def test_the_confidential_minutes_keep_everything_under_its_note() -> None:
    assert lines(meeting(), confidential=True) == [
        *HEAD,
        "2. Declarations of Interest",
        "A dispensation (DX-7) had been granted to all members of the Board to take part in "
        "the discussion and vote on Minute 4.",
        "Councillor Bye declared a non-pecuniary interest in Minute 3 as a governor and "
        "remained in the meeting.",
        "Councillor Barnby declared a non-pecuniary interest in Minute 4 as a neighbour of Acme "
        "and remained in the meeting.",
        "Councillor Douglas-Dunbar declared a non-pecuniary interest in Minute 4 as a trustee "
        "and remained in the meeting.",
        "Councillor Mandy Darling declared a non-pecuniary interest in Minute 4 as Acme's "
        "landlord and remained in the meeting.",
        "3. Budget Monitoring",
        "The Board noted the budget.",
        f"Not for publication: exempt information under paragraph 3 {SCHEDULE}.",
        "Correction: the price was £90,000.",
        "4. Sale of the Old Library to Acme",
        f"Not for publication: exempt information under paragraph 3 {SCHEDULE}.",
        "The Board agreed the price of £90,000.",
        "Resolved:",
        EXCLUDED,
        "The meeting adjourned at 10.30 am (to read the valuation) and reconvened at 10.40 am.",
        "Councillor Bye proposed and Councillor Barnby seconded a motion as follows:",
        "to sell the Old Library",
        "On being put to the vote, the motion was declared carried (For: 3; Against: 1).",
        "Resolved:",
        "to sell the Old Library",
        "Councillor Douglas-Dunbar left the meeting at 11.00 am during consideration of Minute 4.",
        "5. Staffing Review",
        f"Not for publication: exempt information under paragraph 1 {SCHEDULE}.",
        "Public summary: The Board reviewed staffing.",
        "Two posts will go.",
        *TAIL,
    ]


def test_without_a_declarations_item_each_item_minutes_its_own_declarations() -> None:
    record = meeting(declarations_item=False)
    public = lines(record, confidential=False)
    assert public[len(HEAD) :][:8] == [
        "3. Budget Monitoring",
        "Councillor Bye declared a non-pecuniary interest in Minute 3 as a governor and "
        "remained in the meeting.",
        "The Board noted the budget.",
        f"4. {EXEMPT_TITLE}",
        NOT_PUBLISHED,
        "A dispensation had been granted to all members of the Board to take part in the "
        "discussion and vote on Minute 4.",
        "Councillors Barnby and Mandy Darling declared non-pecuniary interests in Minute 4 and "
        "remained in the meeting.",
        "Councillor Douglas-Dunbar declared a non-pecuniary interest in Minute 4 as a trustee "
        "and remained in the meeting.",
    ]
    confidential = lines(record, confidential=True)
    start = confidential.index("4. Sale of the Old Library to Acme")
    assert confidential[start + 1 : start + 7] == [
        f"Not for publication: exempt information under paragraph 3 {SCHEDULE}.",
        "A dispensation (DX-7) had been granted to all members of the Board to take part in "
        "the discussion and vote on Minute 4.",
        "Councillor Barnby declared a non-pecuniary interest in Minute 4 as a neighbour of Acme "
        "and remained in the meeting.",
        "Councillor Douglas-Dunbar declared a non-pecuniary interest in Minute 4 as a trustee "
        "and remained in the meeting.",
        "Councillor Mandy Darling declared a non-pecuniary interest in Minute 4 as Acme's "
        "landlord and remained in the meeting.",
        "The Board agreed the price of £90,000.",
    ]


def test_an_exempt_item_with_a_public_title_keeps_it_and_a_secret_one_is_exempt_item() -> None:
    record = meeting()
    public = MinuteContext(record, MinutesOptions())
    confidential = MinuteContext(record, MinutesOptions(confidential=True))
    secret, titled, open_item = record.items[4], record.items[5], record.items[3]
    assert public.hidden(secret) and public.hidden(titled) and not public.hidden(open_item)
    assert not confidential.hidden(secret) and not confidential.hidden(titled)
    assert public.title(secret) == "Exempt Item"
    assert public.title(titled) == "Staffing Review"
    assert confidential.title(secret) == "Sale of the Old Library to Acme"
    assert public.title(open_item) == "Budget Monitoring"


def test_the_minutes_are_public_and_draft_unless_said_otherwise() -> None:
    assert MinutesOptions() == MinutesOptions(confidential=False, draft=True)


@pytest.mark.parametrize(
    "confidential, draft, expected",
    [
        (False, True, (DRAFT_MARK,)),
        (False, False, ()),
        (
            True,
            True,
            (
                CONFIDENTIAL_MARK,
                f"Exempt information: paragraphs 1 and 3 {SCHEDULE}",
                DRAFT_MARK,
            ),
        ),
        (True, False, (CONFIDENTIAL_MARK, f"Exempt information: paragraphs 1 and 3 {SCHEDULE}")),
    ],
)
def test_every_page_says_which_version_it_is(
    confidential: bool, draft: bool, expected: tuple[str, ...]
) -> None:
    options = MinutesOptions(confidential=confidential, draft=draft)
    assert markings(meeting(), options) == expected
    assert CONFIDENTIAL_MARK == "Confidential: not for publication"
    assert DRAFT_MARK == "Draft: subject to confirmation"


def test_a_confidential_version_of_public_business_names_no_paragraph() -> None:
    record = meeting()
    for item_id in (4, 5):
        record.items[item_id] = replace(record.items[item_id], exempt_paragraph=None)
    record.paragraphs[2] = replace(record.paragraphs[2], exempt_paragraph=None)
    record.paragraphs[4] = replace(record.paragraphs[4], exempt_paragraph=None)
    assert markings(record, MinutesOptions(confidential=True)) == (CONFIDENTIAL_MARK, DRAFT_MARK)


def test_an_exempt_apologies_item_says_nothing_of_who_sent_them() -> None:
    record = meeting()
    record.items[1] = replace(record.items[1], exempt_paragraph=2)
    public = lines(record, confidential=False)
    assert not any("Councillor Mills." in line for line in public)
    assert any("Councillor Mills." in line for line in lines(record, confidential=True))


# The tracker.


def action(id: int, item_id: int, text: str, **fields: object) -> ActionItem:
    return replace(ActionItem(id=id, item_id=item_id, text=Part(text)), **fields)  # type: ignore[arg-type]


def july() -> MeetingRecord:
    record = board_record(day=date(2021, 7, 27))
    record.items[9] = AgendaItem(9, "9", "Play Areas", 9, minute_number=9)
    record.items[8] = AgendaItem(8, "8", "Land Deal", 8, exempt_paragraph=3, minute_number=8)
    record.actions[1] = action(1, 9, "Inspect the swings")
    record.actions[2] = action(2, 8, "Value the land")
    record.actions[3] = action(3, 9, "Publish the survey", status=ActionStatus.COMPLETE)
    return record


def september() -> MeetingRecord:
    record = meeting()
    record.actions[1] = action(1, 4, "Complete the sale to Acme", owner="Head of Estates")
    record.actions[2] = action(2, 3, "Report the outturn", owner="Finance")
    record.actions[3] = action(3, 3, "Chase the buyer", exempt_paragraph=3)
    carried = {"status": ActionStatus.IN_PROGRESS}
    record.actions[4] = action(
        4, 3, "Inspect the swings", carried_from=f"{JULY}#minute-9/action-1", **carried
    )
    # Carried forward from an exempt item: the copy keeps the item's paragraph.
    record.actions[5] = action(
        5, 3, "Value the land", carried_from=f"{JULY}#minute-8/action-2", exempt_paragraph=3
    )
    record.actions[6] = action(6, 3, "Mend the gate", carried_from=f"{JULY}#minute-7/action-9")
    return record


def test_the_tracker_leaves_out_actions_on_exempt_items_and_counts_them() -> None:
    rows, withheld = tracker_rows([september()], open_only=False)
    assert [(row.action.text.text, row.began, row.minute) for row in rows] == [
        ("Mend the gate", date(2021, 7, 27), 7),
        ("Inspect the swings", date(2021, 7, 27), 9),
        ("Report the outturn", date(2021, 9, 20), 3),
    ]
    assert withheld == 3  # on item 4, exempt on its own, carried from an exempt item
    text = compose_tracker(board_record().council, board_record().committee, [september()])
    assert text.text_lines()[-1] == (
        "Actions on exempt items (Schedule 12A to the Local Government Act 1972) are not shown."
    )


def test_a_carried_action_is_shown_once_where_it_began_with_its_latest_copy() -> None:
    first, later = july(), september()
    rows, withheld = tracker_rows([later, first], open_only=False)
    shown = [(row.action.text.text, row.action.status, row.began, row.minute) for row in rows]
    assert shown == [
        ("Mend the gate", ActionStatus.OPEN, date(2021, 7, 27), 7),
        ("Inspect the swings", ActionStatus.IN_PROGRESS, date(2021, 7, 27), 9),
        ("Publish the survey", ActionStatus.COMPLETE, date(2021, 7, 27), 9),
        ("Report the outturn", ActionStatus.OPEN, date(2021, 9, 20), 3),
    ]
    swings = rows[1]
    assert swings.meeting is first and swings.item is first.items[9]
    assert swings.action is later.actions[4] and swings.number == 1
    assert withheld == 3  # the sale, the chase, the land deal (its first copy is superseded)
    rows, withheld = tracker_rows([later, first], open_only=True)
    assert [row.action.text.text for row in rows] == [
        "Mend the gate",
        "Inspect the swings",
        "Report the outturn",
    ]


def test_where_a_carried_action_began_is_found_only_when_its_meeting_and_item_are_there() -> None:
    first = july()
    carried = action(4, 3, "x", carried_from=f"{JULY}#minute-9/action-1")
    assert origin_row([september(), first], carried) == (first, first.items[9], first.actions[1])
    assert origin_row([september()], carried) is None
    assert origin_row([first], replace(carried, carried_from=f"{JULY}#minute-9/action-7")) is None
    other = "cyp-scrutiny-board/2021-07-28#minute-9/action-1"
    assert origin_row([first], replace(carried, carried_from=other)) is None
    assert origin_row([first], replace(carried, carried_from="nonsense")) is None
    del first.items[9]
    assert origin_row([first], carried) is None
    assert origin_row([first], replace(carried, carried_from=f"{JULY}#minute-8/action-2")) == (
        first,
        first.items[8],
        first.actions[2],
    )


# The agenda pack: the public pack withholds Part II reports, the members' pack marks them.


def agenda_record() -> MeetingRecord:
    record = meeting()
    record.items[3] = replace(
        record.items[3],
        purpose="To note the budget.",
        recommendations=(Part("to note"),),
        report_to_follow=True,
    )
    record.items[4] = replace(
        record.items[4],
        purpose="To agree the sale of the Old Library to Acme.",
        recommendations=(Part("to sell for £90,000"),),
        invited_officers=("Head of Estates",),
        report_to_follow=True,
    )
    record.items[5] = replace(
        record.items[5],
        purpose="To review staffing.",
        recommendations=(Part("to delete two posts"), Part("to consult")),
        invited_officers=("HR ", "Finance"),
        urgency_reason="the consultation closes on Friday",
    )
    return record


def agenda_lines(record: MeetingRecord, members: bool) -> list[str]:
    options = AgendaOptions(published=date(2021, 9, 10), members=members)
    found = compose_agenda(record, (), {5: (3, 9)}, options).text_lines()
    start = found.index("3. Budget Monitoring")
    return found[start : found.index("Meeting Attendance")]


BUDGET = [
    "3. Budget Monitoring",
    "(To Follow)",
    "To note the budget.",
    "Recommendation:",
    "1. to note",
]
PART_II = [
    "Part II: Items in respect of which the press and public may be excluded",
    "To consider passing a resolution that the press and public be excluded from the meeting "
    "for the following items of business on the grounds that they involve the likely "
    f"disclosure of exempt information as defined in paragraphs 1 and 3 {SCHEDULE}.",
]


def test_the_public_agenda_says_of_a_part_ii_item_its_public_title_and_summary_alone() -> None:
    assert agenda_lines(agenda_record(), members=False) == [
        *BUDGET,
        *PART_II,
        f"4. {EXEMPT_TITLE}",
        "The report is not for publication: it contains exempt information as defined in "
        f"paragraph 3 {SCHEDULE}.",
        "5. Staffing Review",
        "(Pages 3 - 9)",
        "The Board reviewed staffing.",
        "Reason for urgency: the consultation closes on Friday.",
        "The report is not for publication: it contains exempt information as defined in "
        f"paragraph 1 {SCHEDULE}.",
    ]


def test_the_members_pack_has_the_part_ii_reports_marked_confidential() -> None:
    assert agenda_lines(agenda_record(), members=True) == [
        *BUDGET,
        *PART_II,
        "4. Sale of the Old Library to Acme",
        "(To Follow)",
        "To agree the sale of the Old Library to Acme.",
        "Recommendation:",
        "1. to sell for £90,000",
        "(Note: Head of Estates has been invited for this item.)",
        f"(Confidential: Not for publication: exempt information under paragraph 3 {SCHEDULE}.)",
        "5. Staffing Review",
        "(Pages 3 - 9)",
        "To review staffing.",
        "Recommendations:",
        "1. to delete two posts",
        "2. to consult",
        "(Note: HR and Finance have been invited for this item.)",
        "Reason for urgency: the consultation closes on Friday.",
        f"(Confidential: Not for publication: exempt information under paragraph 1 {SCHEDULE}.)",
    ]


def test_one_part_ii_item_is_introduced_as_one() -> None:
    record = agenda_record()
    record.items[5] = replace(record.items[5], exempt_paragraph=None)
    found = agenda_lines(record, members=False)
    assert found[len(BUDGET) : len(BUDGET) + 3] == [
        PART_II[0],
        "To consider passing a resolution that the press and public be excluded from the meeting "
        "for the following item of business on the grounds that they involve the likely "
        f"disclosure of exempt information as defined in paragraph 3 {SCHEDULE}.",
        f"4. {EXEMPT_TITLE}",
    ]
    assert found[-8:] == [
        "5. Staffing Review",
        "(Pages 3 - 9)",
        "To review staffing.",
        "Recommendations:",
        "1. to delete two posts",
        "2. to consult",
        "(Note: HR and Finance have been invited for this item.)",
        "Reason for urgency: the consultation closes on Friday.",
    ]


# How each block looks, not only what it says: headings, notes in italics, what keeps with the
# next block.


def blocks_under(document: Document, heading: str) -> list[Block]:
    """The blocks from ``heading`` to the next heading of its level or above."""
    blocks = list(document.blocks)
    start = next(
        index
        for index, block in enumerate(blocks)
        if isinstance(block, Heading) and block.text == heading
    )
    level = cast(Heading, blocks[start]).level
    end = next(
        (
            index
            for index in range(start + 1, len(blocks))
            if isinstance(blocks[index], Heading) and cast(Heading, blocks[index]).level <= level
        ),
        len(blocks),
    )
    return blocks[start:end]


def note(paragraph: int) -> str:
    return f"Not for publication: exempt information under paragraph {paragraph} {SCHEDULE}."


def test_the_confidential_minute_of_an_exempt_item_opens_with_its_note_in_italics() -> None:
    document = compose_minutes(meeting(), MinutesOptions(confidential=True))
    assert blocks_under(document, "5. Staffing Review")[:3] == [
        Heading("5. Staffing Review", 1, bookmark=True),
        Para(note(1), italic=True),
        Para("Public summary: The Board reviewed staffing.", italic=True),
    ]
    assert blocks_under(document, "3. Budget Monitoring")[-3:] == [
        Para("The Board noted the budget."),
        Para(note(3), italic=True, keep_with_next=True),
        Para("Correction: the price was £90,000."),
    ]


def test_the_public_minute_of_an_exempt_item_is_its_heading_and_what_may_be_said() -> None:
    document = compose_minutes(meeting(), MinutesOptions())
    assert blocks_under(document, f"4. {EXEMPT_TITLE}")[:2] == [
        Heading(f"4. {EXEMPT_TITLE}", 1, bookmark=True),
        Para(NOT_PUBLISHED),
    ]


def test_the_agenda_items_blocks_in_the_members_pack() -> None:
    options = AgendaOptions(published=date(2021, 9, 10), members=True)
    document = compose_agenda(agenda_record(), (), {5: (3, 9)}, options)
    assert blocks_under(document, "3. Budget Monitoring") == [
        Heading("3. Budget Monitoring", 2, bookmark=True),
        Para("(To Follow)", bold=True, keep_with_next=True),
        Para("To note the budget."),
        Para("Recommendation:", bold=True, keep_with_next=True),
        NumberedList((ListItem("to note"),)),
    ]
    assert blocks_under(document, PART_II[0]) == [
        Heading(PART_II[0], 2),
        Para(PART_II[1], keep_with_next=True),
    ]
    assert blocks_under(document, "5. Staffing Review") == [
        Heading("5. Staffing Review", 2, bookmark=True),
        Para("(Pages 3 - 9)", bold=True, keep_with_next=True),
        Para("To review staffing."),
        Para("Recommendations:", bold=True, keep_with_next=True),
        NumberedList((ListItem("to delete two posts"), ListItem("to consult"))),
        Para("(Note: HR and Finance have been invited for this item.)", italic=True),
        Para("Reason for urgency: the consultation closes on Friday.", italic=True),
        Para(f"(Confidential: {note(1)})", italic=True),
    ]


def test_the_agenda_items_blocks_in_the_public_pack() -> None:
    options = AgendaOptions(published=date(2021, 9, 10))
    document = compose_agenda(agenda_record(), (), {4: (2, 2)}, options)
    assert blocks_under(document, f"4. {EXEMPT_TITLE}") == [
        Heading(f"4. {EXEMPT_TITLE}", 2, bookmark=True),
        Para("(Page 2)", bold=True, keep_with_next=True),
        Para(
            "The report is not for publication: it contains exempt information as defined in "
            f"paragraph 3 {SCHEDULE}.",
            italic=True,
        ),
    ]


# Declarations: grouped by the words shown.


def with_declarations(*declarations: Declaration) -> MeetingRecord:
    record = meeting()
    record.declarations = {d.id: d for d in declarations}
    record.events = {k: e for k, e in record.events.items() if e.kind is not EventKind.DISPENSATION}
    return record


def declaration_lines(record: MeetingRecord, confidential: bool = False) -> list[str]:
    found = lines(record, confidential)
    start = found.index("2. Declarations of Interest") + 1
    return found[start : found.index("3. Budget Monitoring")]


def test_declarations_in_the_same_words_are_one_sentence_whatever_their_full_stop() -> None:
    record = with_declarations(
        Declaration(1, "bye", 3, NON_PECUNIARY, nature="a governor."),
        Declaration(2, "barnby", 3, NON_PECUNIARY, nature=" a governor"),
        Declaration(3, "mills", 3, NON_PECUNIARY, nature="the owner of plot X"),
        Declaration(4, "mandy-darling", 3, NON_PECUNIARY, nature="the owner of plot"),
    )
    assert declaration_lines(record) == [
        "Councillors Bye and Barnby declared non-pecuniary interests in Minute 3 as a governor "
        "and remained in the meeting.",
        "Councillor Mills declared a non-pecuniary interest in Minute 3 as the owner of plot X "
        "and remained in the meeting.",
        "Councillor Mandy Darling declared a non-pecuniary interest in Minute 3 as the owner of "
        "plot and remained in the meeting.",
    ]


def test_dispensations_with_different_references_are_minuted_apart() -> None:
    granted = InterestConduct.DISPENSATION
    record = with_declarations(
        Declaration(
            1, "bye", 3, NON_PECUNIARY, nature="a governor", conduct=granted, dispensation_ref="D/1"
        ),
        Declaration(
            2, "barnby", 3, NON_PECUNIARY, nature="a governor", conduct=granted,
            dispensation_ref="D/2",
        ),
    )  # fmt: skip
    assert declaration_lines(record) == [
        "Councillor Bye declared a non-pecuniary interest in Minute 3 as a governor and, having "
        "been granted a dispensation (D/1), remained in the meeting.",
        "Councillor Barnby declared a non-pecuniary interest in Minute 3 as a governor and, "
        "having been granted a dispensation (D/2), remained in the meeting.",
    ]


def test_a_member_who_spoke_then_left_addressed_the_body() -> None:
    record = with_declarations(
        Declaration(
            1, "bye", 3, InterestKind.DISCLOSABLE_PECUNIARY, nature="a governor",
            conduct=InterestConduct.SPOKE_THEN_LEFT,
        )
    )  # fmt: skip
    assert declaration_lines(record) == [
        "Councillor Bye declared a disclosable pecuniary interest in Minute 3 as a governor, "
        "addressed the Board as a member of the public may, and then left the meeting for that "
        "item."
    ]


def test_the_councils_own_words_for_a_kind_of_interest() -> None:
    record = with_declarations(Declaration(1, "bye", 3, NON_PECUNIARY, nature="a governor"))
    own = InterestCategory("non-pecuniary", "a personal interest", "personal interests")
    record.council = replace(record.council, interest_categories=(own,))
    assert declaration_lines(record) == [
        "Councillor Bye declared a personal interest in Minute 3 as a governor and remained in "
        "the meeting."
    ]


def test_a_dispensation_for_an_item_not_in_the_record_is_left_out() -> None:
    record = meeting()
    record.events[6] = replace(record.events[5], id=6, for_item_id=99)
    record.events[5], record.events[6] = record.events[6], record.events[5]
    record.events[7] = replace(record.events[5], id=7, for_item_id=None)
    assert declaration_lines(record, confidential=True)[0] == (
        "A dispensation (DX-7) had been granted to all members of the Board to take part in the "
        "discussion and vote on Minute 4."
    )


# The proceedings around the filter.


def test_a_motion_agreed_without_dissent_is_one_sentence_with_its_vote() -> None:
    record = meeting()
    record.motions[2] = Motion(
        2, 3, MotionKind.MOTION, "bye", (Part("to note the budget"),), seconder_id="barnby",
        outcome=MotionOutcome.CARRIED, order=11,
    )  # fmt: skip
    record.votes[2] = VoteEvent(2, 2, VoteMethod.ASSENT, VoteResult.PASS, order=12)
    record.resolutions[2] = Resolution(2, 3, (Part("to note the budget"),), motion_id=2, order=13)
    record.council = replace(record.council, movers_named=MoverNaming.ALWAYS)
    found = lines(record, confidential=False)
    start = found.index("3. Budget Monitoring")
    assert found[start + 1 : start + 5] == [
        "The Board noted the budget.",
        "Councillor Bye proposed and Councillor Barnby seconded a motion, which was agreed.",
        "Resolved:",
        "to note the budget",
    ]
    record.council = replace(record.council, movers_named=MoverNaming.WHEN_CONTESTED)
    found = lines(record, confidential=False)
    assert found[start + 1 : start + 4] == [
        "The Board noted the budget.",
        "Resolved:",
        "to note the budget",
    ]


def test_a_recorded_vote_in_the_minutes_lists_the_names_in_a_table() -> None:
    record = meeting()
    record.motions[2] = Motion(
        2, 3, MotionKind.MOTION, "bye", (Part("to note the budget"),), seconder_id="barnby",
        outcome=MotionOutcome.CARRIED, order=11,
    )  # fmt: skip
    choices = tuple(
        VoteChoice(p, VoteOption.YES) for p in ("bye", "barnby", "mandy-darling", "douglas-dunbar")
    )
    record.votes[2] = VoteEvent(
        2, 2, VoteMethod.RECORDED, VoteResult.PASS, 4, choices=choices, order=12
    )
    document = compose_minutes(record, MinutesOptions())
    assert any(isinstance(block, Table) for block in blocks_under(document, "3. Budget Monitoring"))


# The tracker's order.


def test_actions_on_an_item_not_yet_minuted_come_before_the_first_minute() -> None:
    record = meeting()
    record.items[6] = AgendaItem(6, "6", "Any Other Business", 6)  # not taken: no minute
    record.actions = {
        1: action(1, 1, "Chase the apologies"),
        2: action(2, 6, "First of the other business"),
        3: action(3, 6, "Second of the other business"),
    }
    rows, withheld = tracker_rows([record], open_only=False)
    assert [(row.action.text.text, row.minute, row.number) for row in rows] == [
        ("First of the other business", None, 1),
        ("Second of the other business", None, 2),
        ("Chase the apologies", 1, 1),
    ]
    assert withheld == 0


def test_open_actions_only_leaves_out_the_closed_and_keeps_looking() -> None:
    record = meeting()
    record.actions = {
        1: action(1, 3, "Done already", status=ActionStatus.COMPLETE),
        2: action(2, 3, "Still to do"),
        3: action(3, 3, "Closed", status=ActionStatus.CLOSED),
        4: action(4, 3, "Under way", status=ActionStatus.IN_PROGRESS),
    }
    rows, _ = tracker_rows([record], open_only=True)
    assert [row.action.text.text for row in rows] == ["Still to do", "Under way"]


def test_the_apologies_minute_joins_its_sentences() -> None:
    record = meeting()
    record.attendance[6] = Attendance(6, "laura-colman", AttendanceStatus.APOLOGIES)
    record.attendance[7] = Attendance(
        7, "steve-darling", AttendanceStatus.SUBSTITUTE, substitute_for="mills"
    )
    found = lines(record, confidential=False)
    assert found[found.index("1. Apologies") + 1] == (
        "It was reported that the membership of the Board had been amended to include Councillor "
        "Steve Darling instead of Councillor Mills. Apologies for absence were also received "
        "from Laura Colman (Co-opted Member)."
    )


def test_an_exclusion_agreed_as_the_items_last_step_is_one_sentence_with_its_vote() -> None:
    record = meeting()
    record.council = replace(record.council, movers_named=MoverNaming.ALWAYS)
    record.motions[2] = Motion(
        2, 3, MotionKind.MOTION, "bye", seconder_id="barnby", outcome=MotionOutcome.CARRIED,
        excludes_item_id=4, order=20,
    )  # fmt: skip
    record.votes[2] = VoteEvent(2, 2, VoteMethod.ASSENT, VoteResult.PASS, order=21)
    found = lines(record, confidential=False)
    start = found.index("3. Budget Monitoring")
    assert found[start + 1 : start + 4] == [
        "The Board noted the budget.",
        "Councillor Bye proposed and Councillor Barnby seconded a motion that the press and "
        "public be excluded from the meeting for the following item of business (Minute 4), "
        "which was agreed.",
        f"4. {EXEMPT_TITLE}",
    ]
