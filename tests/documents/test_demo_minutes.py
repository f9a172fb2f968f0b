"""The demo's minutes of 18 August 2021 say what the seed's minutes say, in Word and PDF alike."""

from __future__ import annotations

import pytest

from clerk.documents.minutes import DRAFT_MARK, MinutesOptions, compose_minutes
from clerk.storage import repository as repo
from tests.documents.conftest import EXEMPT_SUMMARY, EXEMPT_TEXT, MINUTES, SEPTEMBER, DemoFiles
from tests.documents.readback import docx_lines, docx_text, normalise, pdf_pages, pdf_text

COMMITTEE = "Children and Young People's Overview and Scrutiny Board"

#: The seed's minutes, statement by statement (the apologies sentence with the "from" that the
#: printed seed drops).
SEED_STATEMENTS = [
    f"Minutes of the {COMMITTEE}",
    "18 August 2021",
    "-: Present :-",
    "Councillor Bye (Chairman)",
    "Councillors Barnby, Douglas-Dunbar, Loxton and Howgate",
    "Co-opted Member",
    "Laura Colman, Primary Parent Governor Representative",
    "Non-voting Co-opted Member",
    "Brent Davison, Devon and Cornwall Police",
    "(Also in attendance: Councillors Steve Darling)",
    "14. Apologies",
    "It was reported that, in accordance with the wishes of the Liberal Democrat Group, the "
    "membership of the Board had been amended to include Councillor Howgate instead of "
    "Councillor Mandy Darling.",
    "Apologies for absence were also received from Tatiana Wilson (Co-opted Member) and Mike "
    "Cook and Jo Morrell (non-voting Co-opted Members).",
    "Councillor Steve Darling represented Councillor Law as Cabinet Member.",
    "15. Minutes",
    "The Minutes of the meeting of the Board held on 27 July 2021 were confirmed as a correct "
    "record and signed by the Chairman.",
    "16. Corporate Parenting Strategy",
    "Resolved (unanimously):",
    "That the Cabinet be recommended:",
    "1. to approve the Corporate Parenting Strategy;",
    "2. to recommend to Full Council that the Corporate Parenting Strategy become a Policy "
    "Framework document; and",
    "3. that following engagement with children and young people a further updated Corporate "
    "Parenting Strategy be prepared for consideration by Council.",
    "17. Exploitation Update",
    "Resolved (unanimously):",
    "1. the Board to receive six monthly updates exploitation to include:",
    "a. reporting outcomes and challenges arising from the work of the Exploitation Team and "
    "multi-agency partnership; and",
    "b. hidden impacts of Covid-19 and what action has been taken to address this; and",
    "2. the Democratic Services Team Leader to send a link to all Members to 'It was Hard to "
    "Escape' – The Child Safeguarding Practice Review Panel - It was hard to escape - report "
    "(publishing.service.gov.uk).",
    "Chairman",
]


def _in_order(statements: list[str], text: str) -> None:
    position = 0
    for statement in statements:
        found = text.find(normalise(statement), position)
        assert found >= 0, f"missing (in order): {statement!r}"
        position = found + len(normalise(statement))


def _furniture(  # type: ignore[no-untyped-def]
    demo_files: DemoFiles, confidential: bool = False, meeting: int = 1
):
    with demo_files.database.reading() as conn:
        record, _ = repo.load_record(conn, meeting)
    return compose_minutes(record, MinutesOptions(confidential=confidential)).furniture


def test_the_word_minutes_carry_the_seed_statements_in_order(demo_files: DemoFiles) -> None:
    # A line break inside a paragraph (the balanced title's) is not a new paragraph.
    lines = [normalise(line) for line in docx_lines(demo_files.read(f"{MINUTES}.docx"))]
    for statement in SEED_STATEMENTS:
        # Headings, the Present block and list parts are paragraphs of their own; the
        # apologies minute is one paragraph of sentences, as in the seed.
        assert any(
            statement == line or (statement.endswith(".") and statement in line) for line in lines
        ), f"no paragraph reads {statement!r}"
    _in_order(SEED_STATEMENTS, docx_text(demo_files.read(f"{MINUTES}.docx")))


def test_the_pdf_minutes_carry_the_seed_statements_in_order(demo_files: DemoFiles) -> None:
    text = pdf_text(demo_files.read(f"{MINUTES}.pdf"), _furniture(demo_files))
    _in_order(SEED_STATEMENTS, text)


def test_the_signature_block_ends_the_minutes(demo_files: DemoFiles) -> None:
    lines = docx_lines(demo_files.read(f"{MINUTES}.docx"))
    assert lines[-5:] == [
        "2. the Democratic Services Team Leader to send a link to all Members to 'It was Hard "
        "to Escape' – The Child Safeguarding Practice Review Panel - It was hard to escape - "
        "report (publishing.service.gov.uk).",
        "(Meeting ended at 11.40 am)",
        "Signed: ..............................",
        "Chairman",
        "Date: ..............................",
    ]


def test_a_carried_unanimous_unamended_motion_has_no_mover_sentence(demo_files: DemoFiles) -> None:
    text = docx_text(demo_files.read(f"{MINUTES}.docx"))
    assert "proposed" not in text and "seconded" not in text
    assert "No interests were declared." not in text  # the Declarations item was not minuted


@pytest.mark.parametrize(
    ("name", "meeting", "confidential"),
    [(MINUTES, 1, False), (SEPTEMBER, 2, False), (f"{SEPTEMBER}-confidential", 2, True)],
)
def test_word_and_pdf_say_the_same_thing(
    demo_files: DemoFiles, name: str, meeting: int, confidential: bool
) -> None:
    word = docx_text(demo_files.read(f"{name}.docx"))
    furniture = _furniture(demo_files, confidential, meeting)
    pdf = pdf_text(demo_files.read(f"{name}.pdf"), furniture)
    assert word == pdf


def test_every_page_is_marked_draft_and_later_pages_carry_the_running_header(
    demo_files: DemoFiles,
) -> None:
    pages = pdf_pages(demo_files.read(f"{MINUTES}.pdf"))
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        head = page.splitlines()[:4]
        assert DRAFT_MARK in head
        assert f"Page {number} of {len(pages)}" in head
        running = any(COMMITTEE in line and "Wednesday" in line for line in head) or (
            COMMITTEE in head and "Wednesday, 18 August 2021" in head
        )
        assert running == (number > 1), f"page {number}: {head}"


def test_the_confidential_version_says_so_on_every_page_in_two_lines(
    demo_files: DemoFiles,
) -> None:
    pages = pdf_pages(demo_files.read(f"{SEPTEMBER}-confidential.pdf"))
    assert len(pages) >= 2
    exempt = (
        "Exempt information: paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972"
    )
    for number, page in enumerate(pages, start=1):
        head = page.splitlines()
        assert head[0] == "Confidential: not for publication · Draft: subject to confirmation"
        assert head[1] == exempt
        # The third line is the body (page 1) or the running header, never a third marking.
        assert "Draft" not in head[2] and "Confidential" not in head[2], number
    assert EXEMPT_TEXT in " ".join(pages)


def test_the_public_version_of_a_meeting_with_exempt_business_leaves_it_out(
    demo_files: DemoFiles,
) -> None:
    text = " ".join(pdf_pages(demo_files.read(f"{SEPTEMBER}.pdf")))
    assert EXEMPT_TEXT not in text and "Confidential" not in text
    assert EXEMPT_SUMMARY in text
