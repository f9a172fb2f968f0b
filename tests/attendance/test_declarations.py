"""Declarations as councils minute them: the nature optional, several members in one
sentence, a statement that is not an interest, a dispensation for all members, a disclosable
pecuniary interest declared after voting, and the nature on an exempt item."""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

import pytest

from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.documents.pdf import render_pdf
from clerk.documents.word import render_docx
from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Present
from clerk.domain.actions.declarations import Declare, DispenseAll
from clerk.domain.actions.motions import Move
from clerk.domain.actions.proceedings import OpenItem, StartMeeting
from clerk.domain.actions.votes import Vote
from clerk.domain.entities import Part, VoteChoice
from clerk.domain.enums import (
    EventKind,
    InterestConduct,
    InterestKind,
    StandardItem,
    VoteMethod,
    VoteOption,
)
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.eligibility import ineligibility_reason
from clerk.services import record_json
from clerk.storage import repository as repo
from clerk.storage.database import open_database
from tests.core.builders import COUNCILLORS, apply, board_record
from tests.documents.readback import docx_lines, docx_text, pdf_text

DPI = InterestKind.DISCLOSABLE_PECUNIARY
LANDLORDS = "landlords of homes let to care leavers"
KNEW = (
    "she knew of a person involved, but not as a personal acquaintance, and was able to take "
    "part and vote"
)
TRUSTEE = "a trustee of a charity named in the report"


def _meeting() -> MeetingRecord:
    """Minute 1 Declarations; 2 Care Leavers' Housing; 3 Budget; 4 Care Contract (exempt)."""
    record = board_record()
    apply(
        record,
        AddItem("1", "Declarations of Interest", standard=StandardItem.DECLARATIONS),
        AddItem("2", "Care Leavers' Housing"),
        AddItem("3", "Budget Proposals 2022/23"),
        AddItem("4", "Care Contract", exempt_paragraph=3),
        *(Present(p) for p in COUNCILLORS),
        StartMeeting(at=time(9, 30)),
        OpenItem(1),
    )
    return record


def _vote_on_item_2(record: MeetingRecord) -> None:
    apply(
        record,
        OpenItem(2),
        Move(item=2, mover="barnby", seconder="mills", parts=(Part("to note the report"),)),
        Vote(
            motion=1,
            method=VoteMethod.RECORDED,
            choices=(
                VoteChoice("bye", VoteOption.YES),
                VoteChoice("barnby", VoteOption.YES),
                VoteChoice("mandy-darling", VoteOption.YES),
                VoteChoice("douglas-dunbar", VoteOption.NO),
                VoteChoice("mills", VoteOption.YES),
            ),
        ),
    )


def _lines(record: MeetingRecord, confidential: bool = False) -> list[str]:
    """The minutes once every item has been taken (the declarations were made under item 1)."""
    for item in (2, 3, 4):
        if record.items[item].minute_number is None:
            apply(record, OpenItem(item))
    return compose_minutes(record, MinutesOptions(confidential=confidential)).text_lines()


def test_a_declaration_without_a_nature_prints_without_one() -> None:
    record = _meeting()
    apply(record, Declare("barnby", 2, InterestKind.NON_PECUNIARY))
    assert record.declarations[1].nature == ""
    lines = _lines(record)
    assert (
        "Councillor Barnby declared a non-pecuniary interest in Minute 2 and remained in the "
        "meeting." in lines
    )


def test_several_members_with_the_same_declaration_are_one_sentence_in_word_and_pdf() -> None:
    record = _meeting()
    for person in ("barnby", "mandy-darling", "douglas-dunbar"):
        apply(record, Declare(person, 2, DPI, nature=LANDLORDS))
    apply(record, Declare("mills", 2, DPI, nature="a landlord", conduct=InterestConduct.LEFT))
    _lines(record)
    document = compose_minutes(record, MinutesOptions())
    word, pdf = render_docx(document), render_pdf(document)
    lines = docx_lines(word)
    assert (
        "Councillors Barnby, Mandy Darling and Douglas-Dunbar declared disclosable pecuniary "
        f"interests in Minute 2 as {LANDLORDS} and left the meeting for that item." in lines
    )
    # A different nature is its own sentence.
    assert (
        "Councillor Mills declared a disclosable pecuniary interest in Minute 2 as a landlord "
        "and left the meeting for that item." in lines
    )
    assert docx_text(word) == pdf_text(pdf, document.furniture)


def test_a_statement_is_minuted_as_said_and_is_not_an_interest() -> None:
    record = _meeting()
    apply(record, Declare("mills", 2, InterestKind.STATEMENT, nature=KNEW))
    assert record.declarations[1].conduct is InterestConduct.STAYED
    assert ineligibility_reason(record, "mills", record.items[2]) is None
    assert f"Councillor Mills stated in respect of Minute 2 that {KNEW}." in _lines(record)
    with pytest.raises(RuleViolation, match="statement as it was made"):
        apply(record, Declare("bye", 2, InterestKind.STATEMENT))


def test_a_dispensation_for_all_members_is_one_statement_and_covers_their_interests() -> None:
    record = _meeting()
    apply(record, DispenseAll(item=3, reference="D/2022/1"))
    # A disclosable pecuniary interest in the item no longer withdraws the member.
    apply(record, Declare("bye", 3, DPI, nature="a council tax payer"))
    assert record.declarations[1].conduct is InterestConduct.DISPENSATION
    assert ineligibility_reason(record, "bye", record.items[3]) is None
    lines = _lines(record)
    assert (
        "A dispensation (D/2022/1) had been granted to all members of the Board to take part in "
        "the discussion and vote on Minute 3." in lines
    )
    assert (
        "Councillor Bye declared a disclosable pecuniary interest in Minute 3 as a council tax "
        "payer and, having been granted a dispensation, remained in the meeting." in lines
    )
    with pytest.raises(RuleViolation, match="already recorded"):
        apply(record, DispenseAll(item=3))


def test_no_dispensation_still_withdraws_a_member_with_a_disclosable_pecuniary_interest() -> None:
    record = _meeting()
    with pytest.raises(RuleViolation, match="must leave"):
        apply(record, Declare("bye", 2, DPI, conduct=InterestConduct.STAYED))
    apply(record, Declare("bye", 2, DPI))
    assert ineligibility_reason(record, "bye", record.items[2]) is not None


@pytest.mark.parametrize("strike", [True, False])
def test_a_late_disclosable_pecuniary_interest_asks_whether_the_vote_is_struck(
    strike: bool,
) -> None:
    record = _meeting()
    _vote_on_item_2(record)
    with pytest.raises(RuleViolation, match="already voted on this item"):
        apply(record, Declare("mills", 2, DPI, nature="a landlord"))
    assert not record.declarations  # refused: nothing recorded
    apply(record, Declare("mills", 2, DPI, nature="a landlord", strike_vote=strike))
    declaration = record.declarations[1]
    assert declaration.after_vote and declaration.vote_struck is strike
    vote = record.votes[1]
    mills = next(c for c in vote.choices if c.person_id == "mills")
    assert (mills.option is VoteOption.EXCLUDED) is strike
    assert vote.yes == (3 if strike else 4)
    outcome = "struck from the record" if strike else "allowed to stand"
    lines = _lines(record)
    assert (
        "Councillor Mills declared a disclosable pecuniary interest in Minute 2 as a landlord, "
        "after the vote on the item had been taken, and left the meeting for that item. "
        f"Their vote was {outcome}." in lines
    )


def test_a_declaration_before_any_vote_is_not_late() -> None:
    record = _meeting()
    apply(record, Declare("mills", 2, DPI, nature="a landlord"))
    assert not record.declarations[1].after_vote


@pytest.mark.parametrize("marked", [False, True])
def test_the_nature_on_an_exempt_item_is_public_unless_marked(marked: bool) -> None:
    record = _meeting()
    apply(
        record,
        Declare(
            "douglas-dunbar", 4, InterestKind.NON_PECUNIARY, nature=TRUSTEE, nature_exempt=marked
        ),
        OpenItem(2),
        OpenItem(3),
        OpenItem(4),
    )
    public = " ".join(_lines(record))
    confidential = " ".join(_lines(record, confidential=True))
    assert "Councillor Douglas-Dunbar declared a non-pecuniary interest in Minute 4" in public
    assert (TRUSTEE in public) is not marked
    assert TRUSTEE in confidential


def test_the_record_keeps_the_new_facts_and_an_older_record_keeps_its_meaning(
    tmp_path: Path,
) -> None:
    record = _meeting()
    _vote_on_item_2(record)
    apply(
        record,
        DispenseAll(item=3, reference="D/2022/1"),
        Declare("mills", 2, DPI, strike_vote=True),
        Declare("douglas-dunbar", 4, InterestKind.NON_PECUNIARY, nature=TRUSTEE),
        Declare("barnby", 2, InterestKind.STATEMENT, nature=KNEW),
    )
    _lines(record)
    data = json.loads(record_json.dumps(record_json.record_to_document(record)))
    database = open_database(str(tmp_path / "clerk.sqlite3"))
    meeting_id = record_json.import_document(database, data, source="test.json")
    with database.reading() as conn:
        stored, _ = repo.load_record(conn, meeting_id)
    assert stored.declarations == record.declarations
    assert any(e.kind is EventKind.DISPENSATION for e in stored.events.values())
    assert TRUSTEE in " ".join(_lines(stored))
    # Written before the choice existed: the nature on the exempt item stays out, as it did.
    for entry in data["uk_local_government"]["declarations"]:
        del entry["nature_public"], entry["after_vote"], entry["vote_struck"]
    older = record_json.document_to_record(record_json.parse_document(data))
    assert older.declarations[2].nature_public is None
    assert TRUSTEE not in " ".join(_lines(older))
    assert TRUSTEE in " ".join(_lines(older, confidential=True))
