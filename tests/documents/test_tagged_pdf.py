"""Every PDF Clerk writes is tagged: read back as a screen reader reads it (pikepdf).

The demo's minutes (public, and confidential with a Part II item), its action tracker and the
minute-book copy: the catalogue says tagged PDF/UA in en-GB; every run of text on every page is
real content in the structure tree or an artifact; headings, lists and table cells are where
they should be; and the structure read in order says what the document says, in its order.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pikepdf
import pytest

from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.documents.model import (
    Cell,
    Document,
    Furniture,
    Heading,
    Metadata,
    Para,
    Table,
)
from clerk.documents.pdf import render_pdf
from clerk.documents.pdf_tagged_merge import merge_tagged
from clerk.documents.tracker import COLUMNS
from clerk.services import minute_book, signoff
from clerk.services.demo import load_demo
from clerk.services.documents import minutes_are_draft
from clerk.storage import repository as repo
from clerk.storage.database import open_database
from tests.documents.conftest import MINUTES, SEPTEMBER, TRACKER, DemoFiles
from tests.documents.readback import normalise
from tests.documents.tagged import Tagged, read_tagged

COMMITTEE = "Children and Young People's Overview and Scrutiny Board"
PDFS = [f"{MINUTES}.pdf", f"{SEPTEMBER}.pdf", f"{SEPTEMBER}-confidential.pdf", f"{TRACKER}.pdf"]


@pytest.fixture(scope="module")
def minute_book_pdf(demo_files: DemoFiles) -> bytes:
    """The minute-book copy of the August minutes, approved on a demo database of its own."""
    folder = demo_files.folder / "book"
    folder.mkdir(exist_ok=True)
    database = open_database(str(folder / "book.sqlite3"))
    try:
        load_demo(database)
        signoff.circulate(database, 1)
        signoff.approve(database, 1)
        return minute_book.minute_book_copy(database, 1).pdf
    finally:
        database.dispose()


def _all(demo_files: DemoFiles, minute_book_pdf: bytes) -> dict[str, bytes]:
    files = {name: demo_files.read(name) for name in PDFS}
    files["minute-book.pdf"] = minute_book_pdf
    return files


def _document(demo_files: DemoFiles, meeting: int, confidential: bool = False) -> Document:
    with demo_files.database.reading() as conn:
        record, _ = repo.load_record(conn, meeting)
        later = [
            repo.load_record(conn, other)[0]
            for other, _slug, m in repo.list_meetings(conn)
            if m.date > record.meeting.date
        ]
    draft = minutes_are_draft(record, later)
    return compose_minutes(record, MinutesOptions(confidential=confidential, draft=draft))


@pytest.mark.parametrize("name", [*PDFS, "minute-book.pdf"])
def test_the_catalogue_declares_a_tagged_pdf_ua_document_in_british_english(
    demo_files: DemoFiles, minute_book_pdf: bytes, name: str
) -> None:
    data = _all(demo_files, minute_book_pdf)[name]
    with pikepdf.open(BytesIO(data)) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "en-GB"
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert root.StructTreeRoot.Type == "/StructTreeRoot"
        assert root.StructTreeRoot.K.S == "/Document"
        with pdf.open_metadata() as xmp:
            assert xmp["pdfuaid:part"] == "1"
            assert xmp["dc:title"] == str(pdf.docinfo.Title)
            assert xmp["dc:creator"] == ["Torbay Council"]
        for index, page in enumerate(pdf.pages):
            assert page.obj.StructParents == index
            assert page.obj.Tabs == "/S"


@pytest.mark.parametrize("name", [*PDFS, "minute-book.pdf"])
def test_every_font_is_embedded_and_maps_to_unicode(
    demo_files: DemoFiles, minute_book_pdf: bytes, name: str
) -> None:
    subsets: dict[str, tuple[int, int]] = {}
    with pikepdf.open(BytesIO(_all(demo_files, minute_book_pdf)[name])) as pdf:
        for page in pdf.pages:
            forms = [x.get("/Resources", {}) for x in page.Resources.get("/XObject", {}).values()]
            for resources in (page.Resources, *forms):
                for font in resources.get("/Font", {}).values():
                    assert "/ToUnicode" in font, font.BaseFont
                    assert "/FontFile2" in font.FontDescriptor, font.BaseFont
                    tag = str(font.BaseFont)[1:7]
                    assert subsets.setdefault(tag, font.objgen) == font.objgen, "a tag twice"


@pytest.mark.parametrize("name", [*PDFS, "minute-book.pdf"])
def test_every_run_of_text_is_tagged_content_or_an_artifact(
    demo_files: DemoFiles, minute_book_pdf: bytes, name: str
) -> None:
    tagged = read_tagged(_all(demo_files, minute_book_pdf)[name])
    referenced = [ref for e in tagged.root.walk() for ref in e.content]
    assert len(referenced) == len(set(referenced)), "a marked sequence in two elements"
    parent_tree = tagged.pdf.Root.StructTreeRoot.ParentTree.Nums
    for index, page in enumerate(tagged.pages):
        assert page.untagged == [], f"page {index + 1}: drawn outside marked content"
        assert page.order == sorted(page.order) == list(range(len(page.order)))
        assert sorted(m for p, m in referenced if p == index) == page.order
        assert int(parent_tree[2 * index]) == index
        assert len(parent_tree[2 * index + 1]) == len(page.order)
        for mcid, text in page.marked.items():
            assert text.strip(), f"page {index + 1}, MCID {mcid} is empty"


def _reading(tagged: Tagged) -> str:
    return normalise(" ".join(tagged.leaves()))


@pytest.mark.parametrize(
    ("name", "meeting", "confidential"),
    [(MINUTES, 1, False), (SEPTEMBER, 2, False), (f"{SEPTEMBER}-confidential", 2, True)],
)
def test_the_structure_reads_the_minutes_in_their_order(
    demo_files: DemoFiles, name: str, meeting: int, confidential: bool
) -> None:
    document = _document(demo_files, meeting, confidential)
    tagged = read_tagged(demo_files.read(f"{name}.pdf"))
    expected = [*document.furniture.marking_lines(), *document.text_lines()]
    assert _reading(tagged) == normalise(" ".join(expected))


def test_the_tracker_reads_as_a_table_with_column_headers(demo_files: DemoFiles) -> None:
    tagged = read_tagged(demo_files.read(f"{TRACKER}.pdf"))
    (heading,) = tagged.root.all("H1")
    assert heading.text == f"{COMMITTEE} Action Tracker"
    (table,) = tagged.root.all("Table")
    header, *rows = table.kids
    assert [kid.role for kid in table.kids] == ["TR"] * (1 + len(rows))
    assert [cell.role for cell in header.kids] == ["TH"] * len(COLUMNS)
    assert [cell.attributes for cell in header.kids] == [{"O": "Table", "Scope": "Column"}] * 5
    assert [cell.text for cell in header.kids] == [c.title for c in COLUMNS]
    assert len(rows) == 2
    for row in rows:
        assert [cell.role for cell in row.kids] == ["TD"] * len(COLUMNS)
    first = rows[0].kids
    assert [first[0].text, first[1].text, first[4].text] == ["18/8/21", "17", "In progress"]
    (action,) = first[2].all("L")[:1]
    assert action.attributes == {"O": "List", "ListNumbering": "Decimal"}
    assert first[3].text == "19/8/21: Added to work programme."


def test_headings_and_numbered_parts_are_tagged_as_such(demo_files: DemoFiles) -> None:
    tagged = read_tagged(demo_files.read(f"{MINUTES}.pdf"))
    assert [h.text for h in tagged.root.all("H1")] == [f"Minutes of the {COMMITTEE}"]
    assert [h.text for h in tagged.root.all("H2")] == [
        "14. Apologies",
        "15. Minutes",
        "16. Corporate Parenting Strategy",
        "17. Exploitation Update",
    ]
    top_lists = [kid for kid in tagged.root.kids if kid.role == "L"]
    assert len(top_lists) == 2
    parts, exploitation = top_lists
    assert [[k.role for k in item.kids] for item in parts.kids] == [["Lbl", "LBody"]] * 3
    assert [item.kids[0].text for item in parts.kids] == ["1.", "2.", "3."]
    assert parts.kids[0].kids[1].text == "to approve the Corporate Parenting Strategy;"
    (lettered,) = exploitation.kids[0].kids[1].all("L")
    assert lettered.attributes == {"O": "List", "ListNumbering": "LowerAlpha"}
    assert [item.kids[0].text for item in lettered.kids] == ["a.", "b."]
    # The resolution's heading line stays a paragraph before its list.
    roles = [kid.role for kid in tagged.root.kids]
    assert roles[roles.index("L") - 2 : roles.index("L")] == ["P", "P"]


def test_furniture_is_an_artifact_and_the_markings_are_read_once(demo_files: DemoFiles) -> None:
    tagged = read_tagged(demo_files.read(f"{SEPTEMBER}-confidential.pdf"))
    leaves = tagged.leaves()
    assert leaves[:2] == [
        "Confidential: not for publication · Draft: subject to confirmation",
        "Exempt information: paragraph 3 of Part 1 of Schedule 12A to the Local Government "
        "Act 1972",
    ]
    assert sum("Confidential" in leaf for leaf in leaves) == 1
    assert len(tagged.pages) >= 2
    for number, page in enumerate(tagged.pages, start=1):
        furniture = normalise(" ".join(page.artifacts))
        assert f"Page {number} of {len(tagged.pages)}" in furniture
        if number > 1:
            assert "Confidential: not for publication" in furniture
            assert COMMITTEE in furniture and "Monday, 20 September 2021" in furniture
        assert all("Page " not in text for text in page.marked.values())


def test_a_table_header_repeated_on_a_later_page_is_an_artifact() -> None:
    rows = tuple(
        tuple(Cell((Para(f"row {n} cell {c}"),)) for c in range(len(COLUMNS))) for n in range(80)
    )
    document = Document(
        Metadata("A long tracker", "Tests", "Torbay Council"),
        Furniture("The Board", "Action Tracker"),
        (Heading("A long tracker", 0), Table(COLUMNS, rows)),
        landscape=True,
    )
    tagged = read_tagged(render_pdf(document))
    assert len(tagged.pages) >= 3
    (table,) = tagged.root.all("Table")
    header = table.kids[0]
    for cell in header.kids:  # each header cell read once, on the first page
        (paragraph,) = cell.kids
        assert [page for page, _mcid in paragraph.content] == [0]
    assert len(table.kids) == 81
    for page in tagged.pages[1:]:
        assert "Date of meeting" in normalise(" ".join(page.artifacts))
        assert "Date of meeting" not in normalise(" ".join(page.marked.values()))
    cells = [cell.text for row in table.kids[1:] for cell in row.kids]
    assert cells == [f"row {n} cell {c}" for n in range(80) for c in range(len(COLUMNS))]


def test_the_minute_book_copy_reads_its_fingerprint_once_beside_the_signature(
    demo_files: DemoFiles, minute_book_pdf: bytes
) -> None:
    tagged = read_tagged(minute_book_pdf)
    leaves = tagged.leaves()
    assert leaves[-5:-2] == ["Signed: ..............................", "Chairman", leaves[-3]]
    assert leaves[-2] == "Record fingerprint"
    assert re.fullmatch(r"[0-9A-F]{4}(-[0-9A-F]{4}){3}", leaves[-1])  # 3F2A-9C1B-77DE-0A45
    for number, page in enumerate(tagged.pages, start=1):
        assert f"Minute book page {number}" in " ".join(page.artifacts)


def _outloud() -> str | None:
    return shutil.which("outloud") or shutil.which("outloud", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(_outloud() is None, reason="the PDF/UA checker (outloud) is not installed")
def test_a_pdf_ua_checker_finds_nothing(
    demo_files: DemoFiles, minute_book_pdf: bytes, tmp_path: Path
) -> None:
    """outloud checks PDF/UA-1 (the Matterhorn Protocol's machine-checkable conditions) and
    what a validator cannot: untagged text, grids no table announces, reading order."""
    paths = []
    for name, data in _all(demo_files, minute_book_pdf).items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(str(path))
    report = tmp_path / "outloud.json"
    command = [str(_outloud()), *paths, "--json", str(report), "--fail-on", "warning"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    results = json.loads(report.read_text())["results"]
    findings = {r["path"]: r["findings"] for r in results}
    assert all(not ids for ids in findings.values()), findings
    assert [r["verdict"] for r in results] == ["pass"] * len(paths)
    assert result.returncode == 0, result.stdout


def test_merged_parts_stay_tagged_in_order(demo_files: DemoFiles) -> None:
    """The agenda pack's way: tagged parts merged into one tagged document."""
    minutes, tracker = demo_files.read(f"{MINUTES}.pdf"), demo_files.read(f"{TRACKER}.pdf")
    merged = merge_tagged([minutes, tracker], Metadata("Agenda pack", COMMITTEE, "Torbay Council"))
    tagged = read_tagged(merged)
    parts = [read_tagged(minutes), read_tagged(tracker)]
    assert [kid.role for kid in tagged.root.kids] == ["Part", "Part"]
    assert tagged.leaves() == parts[0].leaves() + parts[1].leaves()
    assert len(tagged.pages) == sum(len(p.pages) for p in parts)
    for index, page in enumerate(tagged.pages):
        assert page.untagged == []
        assert page.order == list(range(len(page.order)))
        assert tagged.pdf.pages[index].obj.StructParents == index
    referenced = sorted(ref for e in tagged.root.walk() for ref in e.content)
    assert referenced == sorted((i, m) for i, page in enumerate(tagged.pages) for m in page.order)
    assert tagged.pdf.Root.MarkInfo.Marked is True and str(tagged.pdf.Root.Lang) == "en-GB"
    with tagged.pdf.open_metadata() as xmp:
        assert xmp["pdfuaid:part"] == "1" and xmp["dc:title"] == "Agenda pack"
    with tagged.pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
        assert titles == [f"Minutes of the {COMMITTEE}", f"{COMMITTEE} Action Tracker"]
        assert len(outline.root[0].children) == 4


def test_a_heading_taller_than_a_page_builds_with_one_bookmark() -> None:
    """An item title longer than a page is split over pages: the PDF builds (a nameless
    bookmark per piece once made the next heading's outline level unreachable), the outline
    has one entry per heading at its level, and the heading reads once, whole."""
    title = "5. " + " ".join(f"word{n}" for n in range(1500))
    document = Document(
        Metadata("An agenda", "Tests", "Torbay Council"),
        Furniture("The Board", "Agenda"),
        (
            Heading("Agenda", 0),
            Heading("The meeting", 1, bookmark=True),
            Heading(title, 2, bookmark=True),
            Heading("6. Next item", 2, bookmark=True),
            Para("The next item's text."),
        ),
    )
    tagged = read_tagged(render_pdf(document))
    assert len(tagged.pages) >= 3
    with tagged.pdf.open_outline() as outline:
        (top,) = outline.root
        assert top.title == "Agenda"
        (meeting,) = top.children
        assert meeting.title == "The meeting"
        assert [item.title for item in meeting.children] == [title, "6. Next item"]
        assert all(not item.children for item in meeting.children)
    (long_heading, _next) = tagged.root.all("H3")
    assert long_heading.text == title
    pages = sorted({page for page, _mcid in long_heading.content})
    assert pages == list(range(len(pages))) and len(pages) >= 3  # one element over the pages
    assert tagged.leaves() == [
        "Agenda",
        "The meeting",
        title,
        "6. Next item",
        "The next item's text.",
    ]
    for page in tagged.pages:
        assert page.untagged == []
