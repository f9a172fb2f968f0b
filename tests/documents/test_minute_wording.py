"""What the minutes say about each kind of business, in the clerk's words, in Word and PDF."""

from __future__ import annotations

from datetime import time
from io import BytesIO

import docx
import lxml.html
import pytest
from docx.oxml.ns import qn

from clerk.documents.html import render_html
from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.documents.model import Document
from clerk.documents.pdf import render_pdf
from clerk.documents.word import render_docx
from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Arrive, Present
from clerk.domain.actions.proceedings import CloseMeeting, OpenItem, StartMeeting
from clerk.domain.enums import StandardItem
from clerk.services.minute_preview import item_preview
from tests.core.builders import apply, board_record
from tests.documents.readback import docx_lines, docx_text, pdf_pages, pdf_text
from tests.documents.scenarios import (
    EXEMPT_NATURE,
    EXEMPT_PARAGRAPH,
    EXEMPT_REASON,
    EXEMPT_SUMMARY,
    september_meeting,
)
from tests.documents.tagged import read_tagged

#: Minuted where it was passed, at the end of Minute 4, referring forward to Minute 5.
EXCLUSION = (
    "That, under section 100A(4) of the Local Government Act 1972, the press and public be "
    "excluded from the meeting for the following item of business (Minute 5) on the grounds "
    "that it involves the likely disclosure of exempt information as defined in paragraph 3 of "
    "Part 1 of Schedule 12A to the Local Government Act 1972."
)

BOTH = [
    "1. Apologies",
    "Apologies for absence were received from Tatiana Wilson (Co-opted Member) and Brent "
    "Davison (non-voting Co-opted Member).",
    "3. Declarations of Interest",
    "Councillor Mills declared a disclosable pecuniary interest in Minute 4 as a director of a "
    "bidding firm and left the meeting for that item.",
    "Councillor Bye declared a disclosable pecuniary interest in Minute 6 (a sensitive "
    "interest, whose nature is not recorded) and, having been granted a dispensation "
    "(D/2021/4), remained in the meeting.",
    "Councillor Barnby proposed and Councillor Douglas-Dunbar seconded a motion as follows:",
    "Councillor Mandy Darling proposed and Councillor Bye seconded an amendment to add the "
    "following to the motion:",
    "On being put to the vote, the amendment was declared carried (For: 3; Against: 1).",
    "On being put to a recorded vote, the substantive motion was declared carried:",
    # The recorded vote's table, cell by cell: its header row, then a row for each way voted.
    *("Vote", "Members", "Number"),
    *("For", "Councillors Bye, Barnby and Mandy Darling", "3"),
    *("Against", "Councillor Douglas-Dunbar", "1"),
    *("Abstain", "none", "0"),
    "Resolved:",
    "2. to consult young people on it; and",
    "3. to report progress to the Board in March 2022.",
    EXCLUSION,
    "The press and public were readmitted to the meeting at 11.40 am.",
    "Councillor Barnby left the meeting at 11.05 am during consideration of Minute 5.",
    "Councillor Mills proposed and Councillor Douglas-Dunbar seconded a motion as follows:",
    "On being put to the vote, the motion was declared lost (For: 1; Against: 3).",
    "(Meeting started at 9.30 am)",
    "(Meeting ended at 12.40 pm)",
]

PUBLIC_ONLY = [
    "5. Exempt Item",
    EXEMPT_SUMMARY,
    "Councillor Douglas-Dunbar declared a non-pecuniary interest in Minute 5 and remained in "
    "the meeting.",
    "The meeting adjourned at 11.10 am and reconvened at 11.20 am.",
]

CONFIDENTIAL_ONLY = [
    "5. Residential Care Contract",
    EXEMPT_PARAGRAPH,
    f"Public summary: {EXEMPT_SUMMARY}",
    f"Councillor Douglas-Dunbar declared a non-pecuniary interest in Minute 5 as {EXEMPT_NATURE} "
    "and remained in the meeting.",
    "Councillor Bye proposed and Councillor Mandy Darling seconded a motion.",
    "On being put to the vote, there was an equality of votes (For: 2; Against: 2).",
    "There being an equality of votes, the Chairman used their casting vote for the motion, "
    "which was declared carried.",
    "to award the contract.",
    f"The meeting adjourned at 11.10 am ({EXEMPT_REASON}) and reconvened at 11.20 am.",
]


def _document(confidential: bool) -> Document:
    return compose_minutes(september_meeting(), MinutesOptions(confidential=confidential))


@pytest.fixture(scope="module")
def rendered() -> dict[bool, tuple[Document, bytes, bytes]]:
    result = {}
    for confidential in (False, True):
        document = _document(confidential)
        result[confidential] = (document, render_docx(document), render_pdf(document))
    return result


@pytest.mark.parametrize("confidential", [False, True])
def test_each_kind_of_business_is_minuted_in_the_clerks_words(
    rendered: dict[bool, tuple[Document, bytes, bytes]], confidential: bool
) -> None:
    _document, word, _pdf = rendered[confidential]
    lines = docx_lines(word)
    expected = BOTH + (CONFIDENTIAL_ONLY if confidential else PUBLIC_ONLY)
    for statement in expected:
        assert statement in lines, f"no paragraph reads {statement!r}"
    hidden = PUBLIC_ONLY[:1] + PUBLIC_ONLY[2:] if confidential else CONFIDENTIAL_ONLY
    for statement in hidden:
        assert statement not in lines


@pytest.mark.parametrize("confidential", [False, True])
def test_word_and_pdf_say_the_same_thing(
    rendered: dict[bool, tuple[Document, bytes, bytes]], confidential: bool
) -> None:
    document, word, pdf = rendered[confidential]
    assert docx_text(word) == pdf_text(pdf, document.furniture)


def test_the_confidential_version_names_the_schedule_12a_paragraph_on_every_page(
    rendered: dict[bool, tuple[Document, bytes, bytes]],
) -> None:
    document, _word, _pdf = rendered[True]
    assert document.furniture.markings == (
        "Confidential: not for publication",
        "Exempt information: paragraph 3 of Part 1 of Schedule 12A to the Local Government Act "
        "1972",
        "Draft: subject to confirmation",
    )
    assert "Confidential: not for publication" not in rendered[False][0].furniture.markings


def test_a_minuted_declarations_item_with_none_says_so() -> None:
    record = board_record()
    apply(
        record,
        AddItem("1", "Declarations of Interest", standard=StandardItem.DECLARATIONS),
        AddItem("2", "Family Friendly Vision"),
        Present("bye"),
        Present("barnby"),
        StartMeeting(at=time(9, 30)),
        OpenItem(1),
        OpenItem(2),
        Arrive("mills", at=time(9, 50)),
        CloseMeeting(at=time(10, 15)),
    )
    lines = compose_minutes(record, MinutesOptions()).text_lines()
    assert lines[lines.index("1. Declarations of Interest") + 1] == "No interests were declared."
    assert (
        "Councillor Mills arrived at the meeting at 9.50 am during consideration of Minute 2."
        in lines
    )
    assert "Councillor Bye (Chairman)" in lines
    assert "Councillor Mills (Vice-Chair)" in lines


@pytest.mark.parametrize("confidential", [False, True])
def test_the_signature_block_is_on_the_page_of_the_text_before_it(
    rendered: dict[bool, tuple[Document, bytes, bytes]], confidential: bool
) -> None:
    last = pdf_pages(rendered[confidential][2])[-1]
    for line in (
        "On being put to the vote, the motion was declared lost",
        "(Meeting ended at 12.40 pm)",
        "Signed:",
        "Chairman",
        "Date:",
    ):
        assert line in last


VOTE_ROWS = [
    ["For", "Councillors Bye, Barnby and Mandy Darling", "3"],
    ["Against", "Councillor Douglas-Dunbar", "1"],
    ["Abstain", "none", "0"],
]


def test_a_recorded_vote_is_a_table_with_header_cells_in_word_pdf_and_html(
    rendered: dict[bool, tuple[Document, bytes, bytes]],
) -> None:
    """The names of a recorded vote: a data table whose header row repeats on a new page in
    Word, which a screen reader reads as Table/TR/TH/TD in the PDF, and a <table> with
    column and row headers in the web version."""
    document, word, pdf = rendered[False]
    caption = "Recorded vote on the substantive motion"
    # Word: the header row marked to repeat, the table titled.
    tables = docx.Document(BytesIO(word)).tables
    (table,) = [t for t in tables if t._tbl.tblPr.find(qn("w:tblCaption")) is not None]
    assert table._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) == caption
    header, *rows = table.rows
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows)
    assert [c.text for c in header.cells] == ["Vote", "Members", "Number"]
    assert [[c.text for c in row.cells] for row in rows] == VOTE_ROWS
    assert all(run.bold for row in rows for run in row.cells[0].paragraphs[0].runs)
    # PDF: the structure, column headers and row headers.
    tagged = read_tagged(pdf)
    (vote,) = [t for t in tagged.root.all("Table") if t.kids[0].kids[0].text == "Vote"]
    head, *body = vote.kids
    assert [c.role for c in head.kids] == ["TH"] * 3
    assert {c.attributes["Scope"] for c in head.kids} == {"Column"}
    assert [[c.role for c in row.kids] for row in body] == [["TH", "TD", "TD"]] * 3
    assert {row.kids[0].attributes["Scope"] for row in body} == {"Row"}
    assert [[c.text for c in row.kids] for row in body] == VOTE_ROWS
    # It follows the sentence that introduces it, and the resolution follows it.
    leaves = tagged.leaves()
    start = leaves.index(
        "On being put to a recorded vote, the substantive motion was declared carried:"
    )
    assert leaves[start + 1 : start + 14] == [
        "Vote",
        "Members",
        "Number",
        *VOTE_ROWS[0],
        *VOTE_ROWS[1],
        *VOTE_ROWS[2],
        "Resolved:",
    ]
    # HTML: caption, column headers in the head, each row's own header.
    page = lxml.html.fromstring(render_html(document))
    (html_table,) = [t for t in page.iter("table") if t.findtext("caption") == caption]
    assert [(th.get("scope"), th.text_content()) for th in html_table.find("thead").iter("th")] == [
        ("col", "Vote"),
        ("col", "Members"),
        ("col", "Number"),
    ]
    body_rows = html_table.find("tbody").findall("tr")
    assert [[c.tag for c in tr] for tr in body_rows] == [["th", "td", "td"]] * 3
    assert {tr[0].get("scope") for tr in body_rows} == {"row"}
    assert [[c.text_content() for c in tr] for tr in body_rows] == VOTE_ROWS


def test_the_windows_preview_keeps_a_recorded_vote_on_one_line() -> None:
    """The minute-text tab shows each step's words: a recorded vote's names as the house
    style's line, not the table's cells one under another."""
    record = september_meeting()
    item = next(i for i in record.items.values() if i.number == "4")
    (recorded,) = [p for p in item_preview(record, item.id) if "recorded vote" in p.text]
    assert recorded.text.splitlines() == [
        "On being put to a recorded vote, the substantive motion was declared carried:",
        "For: Councillors Bye, Barnby and Mandy Darling (3); "
        "Against: Councillor Douglas-Dunbar (1)",
    ]
