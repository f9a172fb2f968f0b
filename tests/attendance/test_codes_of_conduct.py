"""The council's code of conduct: its categories with printed wording and consequence, renamed
or added in Set up; a disclosable pecuniary interest withdraws the member whatever its name."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import time

import pytest

from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.documents.pdf import render_pdf
from clerk.documents.word import render_docx
from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Present
from clerk.domain.actions.declarations import Declare
from clerk.domain.actions.proceedings import OpenItem, StartMeeting
from clerk.domain.entities import InterestCategory
from clerk.domain.enums import CodeOfConduct, InterestConduct, InterestKind, StandardItem
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.eligibility import ineligibility_reason
from clerk.domain.rules.interests import categories_text, parse_categories
from clerk.services import record_json
from tests.core.builders import COUNCILLORS, apply, board_record
from tests.documents.readback import docx_lines, docx_text, pdf_text


def _meeting(code: CodeOfConduct, own: tuple[InterestCategory, ...] = ()) -> MeetingRecord:
    record = board_record()
    record.council = replace(record.council, code_of_conduct=code, interest_categories=own)
    apply(
        record,
        AddItem("1", "Declarations of Interest", standard=StandardItem.DECLARATIONS),
        AddItem("2", "Planning Application 21/0042"),
        *(Present(p) for p in COUNCILLORS),
        StartMeeting(at=time(9, 30)),
        OpenItem(1),
    )
    return record


def _minutes(record: MeetingRecord) -> list[str]:
    apply(record, OpenItem(2))
    document = compose_minutes(record, MinutesOptions())
    word, pdf = render_docx(document), render_pdf(document)
    assert docx_text(word) == pdf_text(pdf, document.furniture)
    return docx_lines(word)


def test_the_welsh_model_code_knows_personal_and_prejudicial_interests() -> None:
    record = _meeting(CodeOfConduct.WELSH_MODEL)
    apply(
        record,
        Declare("barnby", 2, category="personal", nature="a neighbour of the applicant"),
        Declare("mills", 2, InterestKind.PERSONAL_PREJUDICIAL, nature="the applicant's brother"),
    )
    prejudicial = record.declarations[2]
    assert prejudicial.conduct is InterestConduct.SPOKE_THEN_LEFT  # the code's consequence
    assert ineligibility_reason(record, "mills", record.items[2]) is not None
    assert ineligibility_reason(record, "barnby", record.items[2]) is None
    with pytest.raises(RuleViolation, match="has no 'disclosable-pecuniary' interest"):
        apply(record, Declare("bye", 2, InterestKind.DISCLOSABLE_PECUNIARY))
    lines = _minutes(record)
    assert (
        "Councillor Barnby declared a personal interest in Minute 2 as a neighbour of the "
        "applicant and remained in the meeting." in lines
    )
    assert (
        "Councillor Mills declared a personal and prejudicial interest in Minute 2 as the "
        "applicant's brother, addressed the Board as a member of the public may, and then left "
        "the meeting for that item." in lines
    )


def test_the_pre_2012_code_and_its_significant_other_interest() -> None:
    record = _meeting(CodeOfConduct.PERSONAL_PREJUDICIAL)
    apply(record, Declare("barnby", 2, category="significant-other"))
    assert record.declarations[1].conduct is InterestConduct.LEFT
    assert (
        "Councillor Barnby declared a significant other interest in Minute 2 and left the "
        "meeting for that item." in _minutes(record)
    )


OWN = (
    InterestCategory(
        "pecuniary",
        "a pecuniary interest",
        "pecuniary interests",
        InterestConduct.LEFT,
        pecuniary=True,
    ),
    InterestCategory("local-business", "a local business interest", "local business interests"),
)


def test_a_renamed_pecuniary_interest_still_withdraws_and_an_added_one_prints_its_words() -> None:
    record = _meeting(CodeOfConduct.LGA_MODEL_2020, OWN)
    apply(
        record,
        Declare("barnby", 2, category="local-business", nature="runs a shop in the street"),
        Declare("mandy-darling", 2, category="local-business", nature="runs a shop in the street"),
    )
    with pytest.raises(RuleViolation, match="must leave for the item unless a dispensation"):
        apply(record, Declare("mills", 2, category="pecuniary", conduct=InterestConduct.STAYED))
    apply(record, Declare("mills", 2, InterestKind.DISCLOSABLE_PECUNIARY, nature="the owner"))
    mills = record.declarations[3]
    assert mills.kind is InterestKind.DISCLOSABLE_PECUNIARY and mills.category == "pecuniary"
    assert ineligibility_reason(record, "mills", record.items[2]) is not None
    assert record.declarations[1].kind is InterestKind.OTHER
    lines = _minutes(record)
    assert (
        "Councillors Barnby and Mandy Darling declared local business interests in Minute 2 as "
        "runs a shop in the street and remained in the meeting." in lines
    )
    assert (
        "Councillor Mills declared a pecuniary interest in Minute 2 as the owner and left the "
        "meeting for that item." in lines
    )


def test_set_up_lines_round_trip_and_refuse_what_makes_no_sense() -> None:
    record = _meeting(CodeOfConduct.LGA_MODEL_2020, OWN)
    text = categories_text(record.council)
    assert text.splitlines()[1] == (
        "local-business | a local business interest | local business interests | stays"
    )
    assert parse_categories(text, CodeOfConduct.LGA_MODEL_2020) == OWN
    unchanged = categories_text(replace(record.council, interest_categories=()))
    assert parse_categories(unchanged, CodeOfConduct.LGA_MODEL_2020) == ()
    with pytest.raises(RuleViolation, match=r"Line 1 .* four parts"):
        parse_categories("personal | a personal interest", CodeOfConduct.WELSH_MODEL)
    with pytest.raises(RuleViolation, match="Line 2: the consequence must be one of"):
        parse_categories(
            "personal | a personal interest | personal interests | stays\n"
            "own | an own interest | own interests | wanders off",
            CodeOfConduct.WELSH_MODEL,
        )


def test_the_record_carries_the_councils_categories() -> None:
    record = _meeting(CodeOfConduct.LGA_MODEL_2020, OWN)
    apply(record, Declare("barnby", 2, category="local-business"))
    data = json.loads(record_json.dumps(record_json.record_to_document(record)))
    back = record_json.document_to_record(record_json.parse_document(data))
    assert back.council.interest_categories == OWN
    assert back.declarations[1].category == "local-business"
