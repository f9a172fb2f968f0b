"""Minutes confirmed as they stand on a motion proposed and seconded (Bodorgan, 2021): one
sentence naming the proposer and seconder, as the house style names movers; a contested one
minuted as any motion is, the confirmation after it. Read back from Word and PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.documents.pdf import render_pdf
from clerk.documents.word import render_docx
from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.motions import Move, Resolve, Vote
from clerk.domain.actions.proceedings import ConfirmMinutes, OpenItem
from clerk.domain.entities import Part
from clerk.domain.enums import MoverNaming, StandardItem, VoteMethod
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.business import carried_unresolved
from tests.core.builders import apply, under_way
from tests.documents.readback import docx_lines, docx_text, pdf_text

HELD = "the Minutes of the meeting of the Board held on 20 August 2021"
AUGUST = date(2021, 8, 20)
WORDS = (Part("That the minutes of the meeting held on 20 August 2021 be confirmed."),)


def confirmed(
    naming: MoverNaming, vote: Vote, *, confirm: bool = True
) -> tuple[MeetingRecord, list[str]]:
    record = under_way()
    record.council = replace(record.council, movers_named=naming)
    apply(record, AddItem("2", "Minutes", standard=StandardItem.MINUTES), OpenItem(2))
    apply(record, Move(2, "mills", WORDS, seconder="barnby"), vote)
    if confirm:
        apply(record, ConfirmMinutes(2, AUGUST, confirmed_on=1))
    document = compose_minutes(record, MinutesOptions())
    word, pdf = render_docx(document), render_pdf(document)
    assert docx_text(word) == pdf_text(pdf, document.furniture)
    lines = docx_lines(word)
    return record, lines[lines.index("2. Minutes") + 1 :]


def test_carried_without_dissent_it_is_one_sentence_naming_proposer_and_seconder() -> None:
    record, minute = confirmed(MoverNaming.ALWAYS, Vote(1, VoteMethod.ASSENT))
    assert minute[0] == (
        f"On the proposal of Councillor Mills, seconded by Councillor Barnby, {HELD} were "
        "confirmed as a correct record and signed by the Chairman."
    )
    assert not any("motion" in line or "subject to" in line for line in minute)
    assert record.motions[1].confirms_minutes
    assert record.items[2].confirms_meeting == "2021-08-20"
    assert carried_unresolved(record, 2) == []  # the confirmation resolves it
    with pytest.raises(RuleViolation, match="minuted with the confirmation"):
        apply(record, Resolve(2, motion=1))


def test_unanimously_on_a_show_of_hands() -> None:
    _, minute = confirmed(MoverNaming.ALWAYS, Vote(1, VoteMethod.SHOW_OF_HANDS, yes=5))
    assert minute[0] == (
        f"On the proposal of Councillor Mills, seconded by Councillor Barnby, {HELD} were "
        "unanimously confirmed as a correct record and signed by the Chairman."
    )


def test_a_council_naming_movers_only_when_contested_prints_the_plain_confirmation() -> None:
    _, minute = confirmed(MoverNaming.WHEN_CONTESTED, Vote(1, VoteMethod.ASSENT))
    assert minute[0] == (
        "The Minutes of the meeting of the Board held on 20 August 2021 were confirmed as a "
        "correct record and signed by the Chairman."
    )
    assert not any("Mills" in line or "motion" in line for line in minute)


def test_a_contested_confirmation_minutes_the_motion_and_its_vote_first() -> None:
    _, minute = confirmed(
        MoverNaming.WHEN_CONTESTED, Vote(1, VoteMethod.SHOW_OF_HANDS, yes=3, no=2)
    )
    assert minute[:4] == [
        "Councillor Mills proposed and Councillor Barnby seconded a motion as follows:",
        "That the minutes of the meeting held on 20 August 2021 be confirmed.",
        "On being put to the vote, the motion was declared carried (For: 3; Against: 2).",
        "The Minutes of the meeting of the Board held on 20 August 2021 were confirmed as a "
        "correct record and signed by the Chairman.",
    ]


def test_a_confirmation_on_a_motion_is_refused_with_an_amendment_or_when_not_carried() -> None:
    record = under_way()
    apply(record, AddItem("2", "Minutes", standard=StandardItem.MINUTES), OpenItem(2))
    apply(record, Move(2, "mills", WORDS, seconder="barnby"))
    with pytest.raises(RuleViolation, match=r"^Motion 1 was not carried, so the minutes cannot"):
        apply(record, ConfirmMinutes(2, AUGUST, confirmed_on=1))
    apply(record, Vote(1, VoteMethod.ASSENT))
    with pytest.raises(RuleViolation, match="confirms the minutes as they stand"):
        apply(record, ConfirmMinutes(2, AUGUST, confirmed_on=1, amendment="Minute 3: typo."))
    with pytest.raises(RuleViolation, match="confirms the minutes as they stand"):
        apply(record, ConfirmMinutes(2, AUGUST, confirmed_on=1, motion=1))
    apply(record, Resolve(2, motion=1))
    with pytest.raises(RuleViolation, match="already recorded as resolved"):
        apply(record, ConfirmMinutes(2, AUGUST, confirmed_on=1))
    assert not record.motions[1].confirms_minutes
