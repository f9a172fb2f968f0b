"""The document speed-ups give what was given before: texts made printable only where they
need it, the fallback font registered when a text first needs it, markup escaped as the
standard library escapes it, and each renderer's library imported when its format is asked."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import fields, is_dataclass, replace
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as sax_escape
from zipfile import ZipFile

import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from bench.harness import python_env
from clerk.documents import word
from clerk.documents.model import (
    Cell,
    Column,
    Document,
    Furniture,
    Heading,
    ListItem,
    Metadata,
    NumberedList,
    Para,
    Signature,
    Table,
    printable,
    sanitised,
)
from clerk.documents.pdf import render_pdf
from clerk.documents.pdf_flowables import BodyFrame, TaggedParagraph, escape
from clerk.documents.word import render_docx
from clerk.services import catalogue
from clerk.services.documents import minutes_document
from clerk.storage.database import open_database
from clerk_support.synthetic import ArchiveSize, MeetingShape, generate_archive

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)


def _every_field_copied(value: Any) -> Any:
    """``sanitised`` as it was: every text, tuple and block copied."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, tuple):
        return tuple(_every_field_copied(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(
            value, **{f.name: _every_field_copied(getattr(value, f.name)) for f in fields(value)}
        )
    return value


def _document(heading: str, body: str, cell: str) -> Document:
    return Document(
        Metadata(title=heading, subject=body, author=cell),
        Furniture(running_left=heading, running_right=body, markings=(cell,)),
        (
            Heading(heading, 1, bookmark=True),
            Para(body, bold=True),
            NumberedList((ListItem(body, (ListItem(cell),)),)),
            Table((Column(heading, 1, 30),), ((Cell((Para(cell),)),),)),
            Signature(heading),
        ),
    )


@settings(max_examples=60, deadline=None)
@given(TEXT, TEXT, TEXT)
def test_a_document_is_made_printable_as_before(heading: str, body: str, cell: str) -> None:
    document = _document(heading, body, cell)
    cleaned = sanitised(document)
    assert cleaned == _every_field_copied(document)
    if cleaned == document:
        assert cleaned is document  # nothing to change: nothing copied


def test_a_document_with_control_characters_is_cleaned() -> None:
    document = _document("Title\x0b two", "Body\x00 text\r\nnext", "plain")
    cleaned = sanitised(document)
    assert cleaned != document and cleaned == _every_field_copied(document)
    assert cleaned.blocks[0] == Heading("Title\n two", 1, bookmark=True)
    assert cleaned.blocks[1] == Para("Body text\nnext", bold=True)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30))
def test_markup_is_escaped_as_the_standard_library_escapes_it(text: str) -> None:
    assert escape(text) == sax_escape(text)
    assert escape(text, {'"': "&quot;"}) == sax_escape(text, {'"': "&quot;"})


#: A fresh process: minutes in plain English, then a paragraph in Arabic; which fonts and
#: libraries were loaded after each.
FALLBACK = """
import sys
from reportlab.pdfbase import pdfmetrics
from clerk.documents.model import Document, Furniture, Metadata, Para
from clerk.services.documents import RENDERERS

def rendered(text):
    document = Document(Metadata("Minutes", "", ""), Furniture("Board", "Minutes"), (Para(text),))
    return RENDERERS["pdf"](document)

def loaded():
    fonts = sorted(n for n in pdfmetrics.getRegisteredFontNames() if "DejaVu" in n)
    libraries = sorted(m for m in ("docx", "arabic_reshaper", "urllib.request") if m in sys.modules)
    return fonts, libraries

english = rendered("The Board noted the report.")
print(loaded(), b"DejaVu" in english)
arabic = rendered("The Board noted the report: \u0645\u062c\u0644\u0633.")
print(loaded(), b"DejaVu" in arabic)
"""


def test_the_fallback_font_and_shaping_load_when_a_text_needs_them() -> None:
    result = subprocess.run(
        [sys.executable, "-c", FALLBACK], env=python_env(), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    english, arabic = result.stdout.splitlines()
    assert english == "([], []) False"
    faces = ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-BoldOblique", "DejaVuSans-Oblique"]
    assert arabic == f"({faces}, ['arabic_reshaper']) True"


def _drawn(data: bytes) -> list[bytes]:
    """Each page's content stream, as drawn."""
    with pikepdf.open(BytesIO(data)) as pdf:
        return [page.obj.Contents.read_bytes() for page in pdf.pages]


def test_a_paragraph_asked_again_at_its_width_draws_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Remembered wraps and the frame's quicker copy: the minutes of a long meeting
    (paragraphs split across pages, kept with the next, lists kept together, tables) draw
    exactly as when every wrap breaks the lines afresh and the frame is deep-copied."""
    database = open_database(str(tmp_path / "archive.sqlite3"))
    try:
        shape = MeetingShape(business_items=14, paragraphs=(3, 5), recorded_votes=0.5)
        generate_archive(database, ArchiveSize(1, 1, 2, shape=shape), seed=6)
        meeting_id = catalogue.meetings(database)[-1].id
        _record, document = minutes_document(database, meeting_id, confidential=False)
    finally:
        database.dispose()
    long = Document(
        document.metadata, document.furniture, (Para("A long minute. " * 2000), *document.blocks)
    )
    remembered = [_drawn(render_pdf(d)) for d in (document, long)]
    monkeypatch.setattr(TaggedParagraph, "wrap", Paragraph.wrap)
    monkeypatch.delattr(BodyFrame, "__deepcopy__")  # the frame deep-copied as reportlab does
    afresh = [_drawn(render_pdf(d)) for d in (document, long)]
    assert len(remembered[0]) > 3
    assert remembered == afresh


def _parts(data: bytes) -> dict[str, bytes]:
    """A Word file's parts, but the one with the time it was made."""
    with ZipFile(BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}


def test_a_paragraph_style_is_the_xml_python_docx_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_database(str(tmp_path / "archive.sqlite3"))
    try:
        shape = MeetingShape(business_items=8, paragraphs=(2, 4), recorded_votes=0.5)
        generate_archive(database, ArchiveSize(1, 1, 2, shape=shape), seed=3)
        meeting_id = catalogue.meetings(database)[-1].id
        _record, document = minutes_document(database, meeting_id, confidential=False)
    finally:
        database.dispose()
    direct = _parts(render_docx(document))
    monkeypatch.setattr(word, "_set_style", lambda p, style_id: setattr(p, "style", style_id))
    assert _parts(render_docx(document)) == direct
    assert b"<w:pPr><w:pStyle " in direct["word/document.xml"]
