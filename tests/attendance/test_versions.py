"""Issue 12's wording in every version of the minutes: the confidential version and the
minute-book copy (a PDF) say what the public minutes say of apologies and substitutes, the
chair for an item and grouped declarations, read back from the files; the exempt item's
declaration reaches the public minutes only as the clerk allowed."""

from __future__ import annotations

from datetime import time

from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.documents.pdf import render_pdf
from clerk.documents.word import render_docx
from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Apologies, Present, Substitute
from clerk.domain.actions.declarations import Declare
from clerk.domain.actions.proceedings import OpenItem, ResumeChair, SetPresiding, StartMeeting
from clerk.domain.enums import InterestKind, StandardItem
from clerk.services.minute_book import minute_book_document
from tests.core.builders import apply, board_record
from tests.documents.readback import docx_text, normalise, pdf_text

SUBSTITUTION = (
    "the membership of the Board had been amended to include Councillor Howgate instead of "
    "Councillor Mandy Darling"
)
TOOK_CHAIR = "The Vice-Chair, Councillor Mills, took the chair for this item."
GROUPED = "Councillors Barnby and Douglas-Dunbar declared non-pecuniary interests"
EXEMPT_NATURE = "a relative of the family concerned"


def _record():
    record = board_record()
    apply(
        record,
        AddItem("1", "Apologies", standard=StandardItem.APOLOGIES),
        AddItem("2", "Nursery Provision"),
        AddItem("3", "A Child's Placement", exempt_paragraph=1),
        Apologies("mandy-darling"),
        Substitute("howgate", replaces="mandy-darling"),
        *(Present(p) for p in ("bye", "barnby", "douglas-dunbar", "mills")),
        StartMeeting(at=time(9, 30)),
        OpenItem(1),
        OpenItem(2),
        Declare("barnby", 2, InterestKind.NON_PECUNIARY, nature="school governors"),
        Declare("douglas-dunbar", 2, InterestKind.NON_PECUNIARY, nature="school governors"),
        Declare("bye", 2, InterestKind.DISCLOSABLE_PECUNIARY, nature="owns a nursery"),
        SetPresiding("mills", for_item=True),
        ResumeChair(),
        OpenItem(3),
        Declare("mills", 3, InterestKind.NON_PECUNIARY, nature=EXEMPT_NATURE, nature_exempt=True),
    )
    return record


def _texts(document) -> tuple[str, str]:
    return normalise(docx_text(render_docx(document))), normalise(
        pdf_text(render_pdf(document), document.furniture)
    )


def test_the_confidential_version_and_the_minute_book_copy_say_it_as_the_public_minutes_do():
    record = _record()
    public = _texts(compose_minutes(record, MinutesOptions()))
    confidential = _texts(compose_minutes(record, MinutesOptions(confidential=True)))
    copy = minute_book_document(record, first_page=1)  # printed: a PDF only
    book = normalise(pdf_text(render_pdf(copy), copy.furniture))
    for text in (*public, *confidential, book):
        for sentence in (SUBSTITUTION, TOOK_CHAIR, GROUPED):
            assert sentence in text
    for text in (*confidential, book):  # the minute book holds the exempt minute too
        assert EXEMPT_NATURE in text
    assert all(EXEMPT_NATURE not in text for text in public)
