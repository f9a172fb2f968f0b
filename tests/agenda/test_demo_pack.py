"""The demo's meeting of 20 September 2021: its agenda pack carries the seed's front sheet and
agenda, the August minutes and the tracker, with page references that are the real pages.
Read back from the PDF (pypdf) and the Word file (python-docx)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from clerk.services.agenda_pack import generate_agenda_pack
from clerk.services.demo import load_demo
from clerk.storage.database import open_database
from tests.agenda.helpers import outline, page_reference, pages, stamped_number
from tests.documents.readback import docx_text, normalise
from tests.documents.tagged import read_tagged
from tests.documents.test_tagged_pdf import _outloud

BOARD = "Children and Young People's Overview and Scrutiny Board"
STEM = "cyp-scrutiny-board-2021-09-20-agenda"
REPORTS = ["family-friendly-vision.pdf", "leadership-management-governance-review.pdf"]


@dataclass
class DemoPack:
    pdf: bytes
    docx: bytes
    pages: list[str]
    agenda: str  # the front sheet and agenda pages, as one text
    check_late: bool


@pytest.fixture(scope="module")
def demo_pack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoPack]:
    folder = tmp_path_factory.mktemp("pack")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLERK_HOME", str(folder / "home"))
        database = open_database(str(folder / "demo.sqlite3"))
        load_demo(database)
        written = generate_agenda_pack(
            database, 2, ["docx,pdf"], folder, published=date(2021, 9, 10)
        )
        database.dispose()
    pdf = (folder / f"{STEM}.pdf").read_bytes()
    text = pages(pdf)
    end = next(i for i, page in enumerate(text) if "Agenda Item" in page)
    yield DemoPack(
        pdf, (folder / f"{STEM}.docx").read_bytes(), text, " ".join(text[:end]), written.check.late
    )


FRONT_SHEET = [
    "Friday, 10 September 2021",
    BOARD.upper(),
    f"A meeting of {BOARD} will be held on",
    "Monday, 20 September 2021",
    "commencing at 9.30 am",
    "The meeting will be held in the Meadfoot Room - Town Hall",
    "Members of the Board",
    "Councillor Bye (Chairman)",
    "Councillor Barnby",
    "Councillor Mandy Darling",
    "Councillor Douglas-Dunbar",
    "Councillor Mills (Vice-Chair)",
    "Co-opted Members of the Board",
    "Tatiana Wilson, Church of England Diocesan Representative",
    "Laura Colman, Primary Parent Governor Representative",
    "Together Torbay will thrive",
    "Governance Support, Town Hall, Castle Circus, Torquay, TQ1 3DR",
    "Email: governance.support@torbay.gov.uk - www.torbay.gov.uk",
]
AGENDA = [
    f"{BOARD.upper()} AGENDA",
    "1. Apologies",
    "To receive apologies for absence, including notifications of any changes to the "
    "membership of the Board.",
    "To confirm as a correct record the Minutes of the meeting of the Children and Young "
    "People's Overview and Scrutiny Board held on 18 August 2021.",
    "3. Declarations of Interest",
    "a) To receive declarations of non pecuniary interests in respect of items on this agenda",
    "b) To receive declarations of disclosable pecuniary interests in respect of items on this "
    "agenda",
    "4. Urgent Items",
    "To consider any other items that the Chairman decides are urgent.",
    "5. Engagement and participation of children and young people and their families - "
    "including Torbay Pledge (To Follow)",
    "(Note: Rachael Williams, Assistant Director of Education, Learning and Skills and Becky "
    "Thompson, Head of Regulated Services have been invited for this item.)",
    "To receive an update on the proposals to create a family friendly vision for Torbay.",
    "To receive a report on the outcome of the review of Leadership, Management and "
    "Governance and to consider the resulting recommendations.",
    "(Note: Stephen Hart, Independent Chair, Torbay Children's Service Improvement Board has "
    "been invited for this item.)",
    "To receive an update on the implementation of the actions of the Board and consider any "
    "further actions required (as set out in the submitted action tracker).",
]


def test_the_front_sheet_and_agenda_say_what_the_seed_says(demo_pack: DemoPack) -> None:
    front = demo_pack.pages[0]
    for line in FRONT_SHEET:
        assert normalise(line) in front, line
    for line in AGENDA:
        assert normalise(line) in demo_pack.agenda, line
    assert not demo_pack.check_late  # published on the seed's day: five clear days


def test_the_word_file_carries_the_same_front_sheet_and_agenda(demo_pack: DemoPack) -> None:
    text = docx_text(demo_pack.docx)
    for line in FRONT_SHEET + AGENDA:
        assert normalise(line) in text, line
    assert "Minutes of the Children" not in text  # Word is the front sheet and agenda only


ITEMS = {
    "2": ("Minutes", "Minutes of the Children and Young People's Overview and Scrutiny Board"),
    "6": ("Family Friendly Vision", "Towards a Family Friendly Torbay"),
    "7": (
        "Torbay Children's Services - A Review of Leadership, Management and Governance",
        "A Review of Leadership, Management and Governance",
    ),
    "8": (f"{BOARD} Action Tracker", f"{BOARD} Action Tracker"),
}


def test_page_references_are_the_real_pages_of_the_pack(demo_pack: DemoPack) -> None:
    numbered = [stamped_number(text) for text in demo_pack.pages]
    assert numbered == list(range(1, len(demo_pack.pages) + 1))  # numbered right through
    spans = {}
    for number, (title, first_words) in ITEMS.items():
        span = page_reference(demo_pack.agenda, number, title)
        assert span is not None, f"no page reference for item {number}"
        first, last = span
        assert f"Agenda Item {number}" in demo_pack.pages[first - 1]
        assert normalise(first_words) in demo_pack.pages[first - 1]
        if last < len(demo_pack.pages):
            assert "Agenda Item" in demo_pack.pages[last]  # the next item starts after it
        spans[number] = span
    assert spans["8"][1] == len(demo_pack.pages)  # the tracker is last
    assert [spans[n][0] for n in "2678"] == sorted(spans[n][0] for n in "2678")


def test_the_august_minutes_and_the_tracker_are_appended(demo_pack: DemoPack) -> None:
    minutes = " ".join(demo_pack.pages[page - 1] for page in range(*_span(demo_pack, "2")))
    assert "Draft: subject to confirmation" in minutes
    assert "Councillor Bye (Chairman)" in minutes
    assert "16. Corporate Parenting Strategy" in minutes
    assert "17. Exploitation Update" in minutes
    tracker = demo_pack.pages[-1]
    assert "Date of meeting" in tracker and "Minute No." in tracker
    assert "18/8/21" in tracker and "Added to work programme." in tracker


def _span(pack: DemoPack, number: str) -> tuple[int, int]:
    title = ITEMS[number][0]
    span = page_reference(pack.agenda, number, title)
    assert span is not None
    return span[0], span[1] + 1


def test_every_item_has_a_bookmark_at_its_documents(demo_pack: DemoPack) -> None:
    marks = outline(demo_pack.pdf)
    top = {title: page for depth, title, page in marks if depth == 0}
    assert top["Front sheet"] == 1
    assert top[f"{BOARD.upper()} AGENDA"] == 2
    for number, (title, _words) in ITEMS.items():
        assert top[f"{number}. {title}"] == _span(demo_pack, number)[0]
    in_agenda = {title for depth, title, _page in marks if depth == 1}
    assert {"1. Apologies", "3. Declarations of Interest", "4. Urgent Items"} <= in_agenda
    # the minutes' own bookmarks, nested under their item
    assert (1, "16. Corporate Parenting Strategy") in {(d, t) for d, t, _p in marks}


def test_the_pack_is_one_tagged_pdf_keeping_each_documents_structure(demo_pack: DemoPack) -> None:
    """Made in one step: the pack is a tagged PDF (MarkInfo, StructTreeRoot, PDF/UA XMP), the
    front sheet and agenda, the minutes and the tracker each a Part of its structure in pack
    order, an untagged report file a Part titled with its name and a P for each page (not
    silent), every page's text real content or an artifact (the stamped page numbers and
    "Agenda Item" labels are artifacts), and the parent tree numbered through the pack."""
    tagged = read_tagged(demo_pack.pdf)
    pdf = tagged.pdf
    assert pdf.Root.MarkInfo.Marked is True
    assert str(pdf.Root.Lang) == "en-GB" and pdf.Root.ViewerPreferences.DisplayDocTitle is True
    with pdf.open_metadata() as xmp:
        assert xmp["pdfuaid:part"] == "1"
        assert xmp["dc:title"] == str(pdf.docinfo.Title)
    assert tagged.root.role == "Document"
    parts = tagged.root.kids
    assert [part.role for part in parts] == ["Part"] * 5
    names = [str(p.get("/T", "")) for p in pdf.Root.StructTreeRoot.K.K]
    assert names == ["", "", *REPORTS, ""]
    titles = [part.all("H1")[0].text if part.all("H1") else "" for part in parts]
    assert titles[0].startswith(BOARD.upper())
    assert titles[1:] == [f"Minutes of the {BOARD}", "", "", f"{BOARD} Action Tracker"]
    (table,) = parts[4].all("Table")
    assert [cell.role for cell in table.kids[0].kids] == ["TH"] * 5
    for report in parts[2:4]:
        assert [kid.role for kid in report.kids] == ["P", "P"]
        assert all(kid.text for kid in report.kids)
    # Reading order is page order: each part's content on its own pages, in turn.
    starts = [min(page for e in part.walk() for page, _m in e.content) for part in parts]
    assert starts == sorted(starts) and starts[0] == 0
    referenced = sorted(ref for e in tagged.root.walk() for ref in e.content)
    assert referenced == sorted((i, m) for i, page in enumerate(tagged.pages) for m in page.order)
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    for index, page in enumerate(tagged.pages):
        assert page.untagged == [], f"page {index + 1}: drawn outside marked content"
        assert pdf.pages[index].obj.StructParents == index
        assert int(nums[2 * index]) == index and len(nums[2 * index + 1]) == len(page.order)
        stamps = normalise(" ".join(page.artifacts))
        assert f"Page {index + 1}" in stamps
        assert f"Page {index + 1}" not in normalise(" ".join(page.marked.values()))
    assert "Agenda Item 2" in " ".join(tagged.pages[starts[1]].artifacts)


@pytest.mark.skipif(_outloud() is None, reason="the PDF/UA checker (outloud) is not installed")
def test_a_pdf_ua_checker_finds_nothing_in_the_pack(demo_pack: DemoPack, tmp_path: Path) -> None:
    path = tmp_path / f"{STEM}.pdf"
    path.write_bytes(demo_pack.pdf)
    report = tmp_path / "outloud.json"
    command = [str(_outloud()), str(path), "--json", str(report), "--fail-on", "warning"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    (checked,) = json.loads(report.read_text())["results"]
    assert checked["findings"] == [] and checked["verdict"] == "pass"
    assert result.returncode == 0, result.stdout
