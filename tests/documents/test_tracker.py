"""The action tracker: the seed's rows and comments, across every meeting of the committee."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from clerk.documents.model import Table
from clerk.documents.pdf import render_pdf
from clerk.documents.tracker import compose_tracker
from clerk.documents.word import render_docx
from clerk.services.documents import generate_tracker
from clerk.storage import repository as repo
from tests.documents.conftest import TRACKER, DemoFiles
from tests.documents.readback import docx_lines, docx_text, pdf_text
from tests.documents.scenarios import september_meeting

TITLE = "Children and Young People's Overview and Scrutiny Board Action Tracker"
FIRST_ROW = [
    "18/8/21",
    "17",
    "1. the Board to receive six monthly updates exploitation to include:",
    "a. reporting outcomes and challenges arising from the work of the Exploitation Team and "
    "multi-agency partnership; and",
    "b. hidden impacts of Covid-19 and what action has been taken to address this; and",
    "Lead: Democratic Services Team Leader",
    "19/8/21: Added to work programme.",
    "In progress",
]
SECOND_ROW = [
    "18/8/21",
    "17",
    "2. the Democratic Services Team Leader to send a link to all Members to 'It was Hard to "
    "Escape' – The Child Safeguarding Practice Review Panel - It was hard to escape - report "
    "(publishing.service.gov.uk).",
    "Lead: Democratic Services Team Leader",
    # The comment as written, as the seed prints it: its date and status are not said twice
    # (the Status cell is left empty).
    "Complete – emailed 20/8/21",
]
HEADER = ["Date of meeting", "Minute No.", "Action", "Comments", "Status"]


def test_the_demo_tracker_has_the_seeds_rows_and_comments(demo_files: DemoFiles) -> None:
    lines = docx_lines(demo_files.read(f"{TRACKER}.docx"))
    assert lines == [TITLE, *HEADER, *FIRST_ROW, *SECOND_ROW]


def test_word_and_pdf_trackers_say_the_same_thing(demo_files: DemoFiles) -> None:
    with demo_files.database.reading() as conn:
        record, _ = repo.load_record(conn, 1)
    furniture = compose_tracker(record.council, record.committee, [record]).furniture
    word = docx_text(demo_files.read(f"{TRACKER}.docx"))
    assert word == pdf_text(demo_files.read(f"{TRACKER}.pdf"), furniture)


def test_open_only_leaves_out_completed_actions(demo_files: DemoFiles, tmp_path: Path) -> None:
    paths = generate_tracker(
        demo_files.database, "cyp-scrutiny-board", ["docx"], open_only=True, out_dir=tmp_path
    )
    assert paths == [tmp_path / f"{TRACKER}-open.docx"]
    lines = docx_lines(paths[0].read_bytes())
    assert lines == [TITLE, "Open actions only.", *HEADER, *FIRST_ROW]


def test_the_tracker_spans_meetings_and_publishes_no_exempt_action(demo_files: DemoFiles) -> None:
    with demo_files.database.reading() as conn:
        august, _ = repo.load_record(conn, 1)
    september = september_meeting()
    document = compose_tracker(august.council, august.committee, [september, august])
    table = next(b for b in document.blocks if isinstance(b, Table))
    dates = [row[0].blocks[0] for row in table.rows]
    assert [d.text for d in dates] == ["18/8/21", "18/8/21", "20/9/21"]  # type: ignore[union-attr]
    lines = document.text_lines()
    assert "1. the Democratic Services Team Leader to circulate the vision." in lines
    assert "Lead: Democratic Services Team Leader; Due: 1/10/21" in lines
    assert "22/9/21: Circulated to all Members." in lines
    assert not any("sign the contract" in line for line in lines)
    assert (
        "Actions on exempt items (Schedule 12A to the Local Government Act 1972) are not shown."
        in lines
    )
    assert document.landscape
    word, pdf = render_docx(document), render_pdf(document)
    assert docx_text(word) == pdf_text(pdf, document.furniture)


def test_a_committee_without_actions_gets_a_tracker_that_says_so(demo_files: DemoFiles) -> None:
    with demo_files.database.reading() as conn:
        record, _ = repo.load_record(conn, 2)
    assert record.meeting.date == date(2021, 9, 20)
    document = compose_tracker(record.council, record.committee, [record], open_only=True)
    assert document.text_lines() == [TITLE, "Open actions only.", "There are no open actions."]
