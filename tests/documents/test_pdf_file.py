"""The PDF as a publisher needs it: fonts embedded, metadata, language, bookmarks, A4."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.documents.conftest import MINUTES, SEPTEMBER, TRACKER, DemoFiles

PDFS = [f"{MINUTES}.pdf", f"{SEPTEMBER}-confidential.pdf", f"{TRACKER}.pdf"]


def _fonts(reader: PdfReader) -> dict[str, object]:
    found: dict[str, object] = {}
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            found[str(font["/BaseFont"])] = font
    return found


@pytest.mark.parametrize("name", PDFS)
def test_every_font_is_embedded_liberation_sans(demo_files: DemoFiles, name: str) -> None:
    """The body font is Liberation Sans (Arial's metric twin, as the Word template names
    Arial), embedded; the demo needs no fallback font."""
    fonts = _fonts(PdfReader(BytesIO(demo_files.read(name))))
    faces = {base.split("+")[-1] for base in fonts}
    assert {"LiberationSans", "LiberationSans-Bold"} <= faces
    assert faces <= {"LiberationSans", "LiberationSans-Bold", "LiberationSans-Italic"}
    for base, font in fonts.items():
        descriptor = font["/FontDescriptor"].get_object()  # type: ignore[index]
        assert "/FontFile2" in descriptor, f"{base} is not embedded"


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("name", PDFS)
def test_pdffonts_reports_every_font_embedded(demo_files: DemoFiles, name: str) -> None:
    output = subprocess.run(
        ["pdffonts", str(demo_files.folder / name)], capture_output=True, text=True, check=True
    ).stdout
    rows = output.splitlines()[2:]
    assert rows
    for row in rows:
        assert "Helvetica" not in row
        assert row.split()[-5] == "yes", row  # the "emb" column


def test_the_metadata_title_author_subject_and_language(demo_files: DemoFiles) -> None:
    reader = PdfReader(BytesIO(demo_files.read(f"{MINUTES}.pdf")))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == (
        "Minutes of the Children and Young People's Overview and Scrutiny Board, 18 August 2021"
    )
    assert meta.author == "Torbay Council"
    assert meta.subject == "Children and Young People's Overview and Scrutiny Board"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    for page in reader.pages:
        assert [round(float(v)) for v in page.mediabox[2:]] == [595, 842]  # A4 portrait


def test_the_bookmarks_follow_the_headings_each_on_its_page(demo_files: DemoFiles) -> None:
    """The title, and beneath it a bookmark for every minute (landing on its heading)."""
    reader = PdfReader(BytesIO(demo_files.read(f"{MINUTES}.pdf")))
    title, minutes = reader.outline
    assert title.title == "Minutes of the Children and Young People's Overview and Scrutiny Board"
    entries = [(e.title, reader.get_destination_page_number(e)) for e in minutes]
    assert [title for title, _page in entries] == [
        "14. Apologies",
        "15. Minutes",
        "16. Corporate Parenting Strategy",
        "17. Exploitation Update",
    ]
    for heading, page in entries:
        assert heading in reader.pages[page].extract_text()
    assert {e["/Type"] for e in minutes} == {"/XYZ"}  # at the heading, not the page's top
    tracker = PdfReader(BytesIO(demo_files.read(f"{TRACKER}.pdf")))
    assert [e.title for e in tracker.outline] == [
        "Children and Young People's Overview and Scrutiny Board Action Tracker"
    ]


def test_the_tracker_is_landscape_with_its_title(demo_files: DemoFiles, tmp_path: Path) -> None:
    reader = PdfReader(BytesIO(demo_files.read(f"{TRACKER}.pdf")))
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [842, 595]
    assert reader.metadata is not None
    assert reader.metadata.title == (
        "Children and Young People's Overview and Scrutiny Board Action Tracker"
    )
