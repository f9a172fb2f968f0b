"""Apologies and substitutes: the apology is kept when a substitute is recorded, and the
council's house style words the two (Word and PDF read back, and the JSON record)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import time
from pathlib import Path

import pytest

from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.documents.pdf import render_pdf
from clerk.documents.word import render_docx
from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Apologies, Present, Substitute
from clerk.domain.actions.proceedings import OpenItem, StartMeeting
from clerk.domain.entities import HouseStyle
from clerk.domain.enums import AttendanceStatus, StandardItem, SubstitutionWording
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.services import record_json
from clerk.storage import repository as repo
from clerk.storage.database import Database, open_database
from tests.core.builders import apply, board_record
from tests.documents.readback import docx_lines, docx_text, pdf_text

LIB_DEM = "Liberal Democrat Group"


def _meeting(style: SubstitutionWording, apology_first: bool = True) -> MeetingRecord:
    record = board_record()
    record.council = replace(record.council, house_style=HouseStyle(substitution=style))
    apply(record, AddItem("1", "Apologies", standard=StandardItem.APOLOGIES))
    substitute = Substitute("howgate", replaces="mandy-darling", group=LIB_DEM)
    order = [Apologies("mandy-darling"), substitute]
    apply(record, *(order if apology_first else order[::-1]))
    apply(record, Apologies("douglas-dunbar"), Present("bye"), Present("barnby"))
    apply(record, StartMeeting(at=time(10, 0)), OpenItem(1))
    return record


@pytest.mark.parametrize("apology_first", [True, False])
def test_the_apology_is_kept_when_a_substitute_is_recorded(apology_first: bool) -> None:
    record = _meeting(SubstitutionWording.MEMBERSHIP_AMENDED, apology_first)
    member = record.attendance_of("mandy-darling")
    assert member is not None and member.status is AttendanceStatus.APOLOGIES
    substitute = record.attendance_of("howgate")
    assert substitute is not None and substitute.status is AttendanceStatus.SUBSTITUTE
    assert substitute.substitute_for == "mandy-darling"


def test_substitutes_must_still_be_eligible() -> None:
    record = _meeting(SubstitutionWording.MEMBERSHIP_AMENDED)
    with pytest.raises(RuleViolation, match="already substituting for Councillor Mandy Darling"):
        apply(record, Substitute("steve-darling", replaces="mandy-darling"))
    with pytest.raises(RuleViolation, match="already a member"):
        apply(record, Substitute("mills", replaces="douglas-dunbar"))
    with pytest.raises(RuleViolation, match="not a councillor"):
        apply(record, Substitute("nancy-meehan", replaces="douglas-dunbar"))
    with pytest.raises(RuleViolation, match="marked present, so cannot be substituted"):
        apply(record, Substitute("steve-darling", replaces="barnby"))
    with pytest.raises(RuleViolation, match="has been substituted"):
        apply(record, Present("mandy-darling"))


EXPECTED = {
    SubstitutionWording.MEMBERSHIP_AMENDED: [
        "It was reported that, in accordance with the wishes of the Liberal Democrat Group, the "
        "membership of the Board had been amended to include Councillor Howgate instead of "
        "Councillor Mandy Darling.",
        "Apologies for absence were also received from Councillor Douglas-Dunbar.",
    ],
    SubstitutionWording.APOLOGIES_SUBSTITUTED_BY: [
        "Apologies for absence were received from Councillors Mandy Darling (substituted by "
        "Councillor Howgate) and Douglas-Dunbar.",
    ],
    SubstitutionWording.ATTENDED_AS_SUBSTITUTE: [
        "Apologies for absence were received from Councillors Mandy Darling and Douglas-Dunbar.",
        "Councillor Howgate attended as a substitute for Councillor Mandy Darling.",
    ],
}


@pytest.mark.parametrize("style", list(SubstitutionWording))
def test_house_style_words_the_substitution_in_word_and_pdf(style: SubstitutionWording) -> None:
    document = compose_minutes(_meeting(style), MinutesOptions())
    word, pdf = render_docx(document), render_pdf(document)
    lines = docx_lines(word)
    start = lines.index("1. Apologies") + 1
    assert lines[start] == " ".join(EXPECTED[style])
    assert docx_text(word) == pdf_text(pdf, document.furniture)
    # The substitute sits with the members in the Present block either way.
    assert "Councillors Barnby and Howgate" in lines


def test_a_substitute_without_a_recorded_apology_is_minuted_without_inventing_one() -> None:
    record = board_record()
    record.council = replace(
        record.council,
        house_style=HouseStyle(substitution=SubstitutionWording.APOLOGIES_SUBSTITUTED_BY),
    )
    apply(
        record,
        AddItem("1", "Apologies", standard=StandardItem.APOLOGIES),
        Substitute("howgate", replaces="mandy-darling"),
        Present("bye"),
        StartMeeting(at=time(10, 0)),
        OpenItem(1),
    )
    lines = compose_minutes(record, MinutesOptions()).text_lines()
    start = lines.index("1. Apologies") + 1
    assert (
        lines[start] == "Councillor Howgate attended as a substitute for Councillor Mandy Darling."
    )
    assert not any("Apologies for absence" in line for line in lines)


@pytest.fixture
def database(tmp_path: Path) -> Database:
    from clerk.services.demo import load_demo

    database = open_database(str(tmp_path / "demo.sqlite3"))
    load_demo(database)
    return database


def test_the_json_record_keeps_both_facts_and_the_house_style() -> None:
    record = _meeting(SubstitutionWording.APOLOGIES_SUBSTITUTED_BY)
    data = json.loads(record_json.dumps(record_json.record_to_document(record)))
    council = data["uk_local_government"]["council"]
    assert council["house_style"]["substitution"] == "apologies-substituted-by"
    statuses = {e["person_id"]: e["status"] for e in data["uk_local_government"]["attendance"]}
    assert statuses["mandy-darling"] == "apologies"
    assert statuses["howgate"] == "substitute"
    # Read back, the record keeps both entries and the style it was written with.
    back = record_json.document_to_record(record_json.parse_document(data))
    assert back.council.house_style.substitution is SubstitutionWording.APOLOGIES_SUBSTITUTED_BY
    member = back.attendance_of("mandy-darling")
    assert member is not None and member.status is AttendanceStatus.APOLOGIES


def test_an_older_record_without_a_house_style_reads_as_torbay(
    database: Database, tmp_path: Path
) -> None:
    data = json.loads(record_json.export_meeting(database, 1))
    del data["uk_local_government"]["council"]["house_style"]
    back = record_json.document_to_record(record_json.parse_document(data))
    assert back.council.house_style == HouseStyle()  # None: the plural, as it printed
    target = open_database(str(tmp_path / "empty.sqlite3"))
    target_id = record_json.import_document(target, data, source="older.json")
    with target.reading() as conn:
        stored, _ = repo.load_record(conn, target_id)
    assert stored.council.house_style.substitution is SubstitutionWording.MEMBERSHIP_AMENDED
