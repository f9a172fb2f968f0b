"""House style per council in the minutes (Word and PDF read back): titles, minute numbers
with the municipal year and a committee prefix, "Also in attendance" for one, the start time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.documents.pdf import render_pdf
from clerk.documents.word import render_docx
from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import AlsoAttending, Present
from clerk.domain.actions.proceedings import OpenItem, SetMinuteStart, StartMeeting
from clerk.domain.entities import HouseStyle
from clerk.domain.enums import StartTimePlacement
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.numbering import format_minute
from tests.core.builders import apply, board_record
from tests.documents.readback import docx_lines, docx_text, pdf_text


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 2, 14), "DEV12/23"),  # February 2024: the 2023/24 municipal year
        (date(2024, 5, 1), "DEV12/24"),  # its first day
        (date(2024, 4, 30), "DEV12/23"),
    ],
)
def test_minute_numbers_carry_the_municipal_year_and_the_committee_prefix(
    day: date, expected: str
) -> None:
    assert format_minute("{prefix}{n}/{myy}", 12, day, (5, 1), "DEV") == expected


def _meeting(style: HouseStyle) -> MeetingRecord:
    record = board_record(day=date(2022, 2, 14))
    record.council = replace(
        record.council,
        house_style=style,
        minute_heading_pattern="{prefix}{n}/{myy}",
        signatory_title="Chairwoman",
    )
    record.committee = replace(record.committee, minute_prefix="CYP", signatory_title="")
    apply(
        record,
        AddItem("1", "Family Friendly Vision"),
        Present("bye"),
        Present("mills"),
        Present("barnby"),
        AlsoAttending("steve-darling"),
        SetMinuteStart(12),
        StartMeeting(at=time(9, 30)),
        OpenItem(1),
    )
    return record


def _lines(record: MeetingRecord) -> list[str]:
    document = compose_minutes(record, MinutesOptions())
    word, pdf = render_docx(document), render_pdf(document)
    assert docx_text(word) == pdf_text(pdf, document.furniture)
    return docx_lines(word)


def test_a_councils_titles_numbering_and_start_time_in_word_and_pdf() -> None:
    style = HouseStyle(
        vice_chair_title="Vice-Chairman",
        start_time=StartTimePlacement.WITH_DATE,
        also_plural_for_one=False,
    )
    lines = _lines(_meeting(style))
    assert "14 February 2022 at 9.30 am" in lines
    assert not any(line.startswith("(Meeting started") for line in lines)
    assert "Councillor Bye (Chairwoman)" in lines
    assert "Councillor Mills (Vice-Chairman)" in lines
    assert "(Also in attendance: Councillor Steve Darling)" in lines  # singular for one
    assert "CYP12/21. Family Friendly Vision" in lines


@pytest.mark.parametrize("plural", [True, None])  # None: a profile from before the choice
def test_torbays_choices_stay_available(plural: bool | None) -> None:
    style = HouseStyle(also_plural_for_one=plural, start_time=StartTimePlacement.AFTER_PRESENT)
    lines = _lines(_meeting(style))
    assert "(Also in attendance: Councillors Steve Darling)" in lines
    assert "(Meeting started at 9.30 am)" in lines
    assert "14 February 2022" in lines


def test_the_start_time_can_be_left_out() -> None:
    style = HouseStyle(start_time=StartTimePlacement.NOT_PRINTED, also_plural_for_one=False)
    lines = _lines(_meeting(style))
    assert not any("9.30 am" in line for line in lines)
