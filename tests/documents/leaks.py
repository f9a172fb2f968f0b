"""Looking for exempt text in every public output of a meeting (a helper for any test).

``public_outputs`` (``clerk.services.public_outputs``) lists what a meeting publishes; work
that adds a public output registers it there and these checks cover it. ``leaks`` returns the
exempt markers found, composed or (``render=True``) also in the Word and PDF files read back:
every XML part of the .docx, and the PDF's text, bookmarks and metadata. A PDF published as
it is (the agenda pack) is always read back.
"""

from __future__ import annotations

import re
from io import BytesIO
from zipfile import ZipFile

from pypdf import PdfReader

from clerk.documents.pdf import render_pdf
from clerk.documents.word import render_docx
from clerk.services.public_outputs import PublicOutput, public_outputs
from clerk.storage.database import Database
from tests.documents.readback import outline_titles, pdf_text


def docx_everything(data: bytes) -> str:
    """Every XML part of a .docx: body, headers, footers, properties."""
    archive = ZipFile(BytesIO(data))
    return "".join(
        archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml")
    )


def rendered_text(output: PublicOutput) -> str:
    """The output as Word and PDF, everything a reader or a program could read from them."""
    if output.document is None:
        return output.text
    document = output.document
    pdf = render_pdf(document)
    reader = PdfReader(BytesIO(pdf))
    outline = outline_titles(reader.outline)
    meta = reader.metadata or {}
    return " ".join(
        [
            docx_everything(render_docx(document)),
            pdf_text(pdf, document.furniture),
            *outline,
            *map(str, meta.values()),
        ]
    )


def published_pdf_text(data: bytes) -> str:
    """Every page's text, the bookmarks and the metadata of a PDF."""
    reader = PdfReader(BytesIO(data))
    pages = [page.extract_text() for page in reader.pages]
    meta = reader.metadata or {}
    return " ".join([*pages, *outline_titles(reader.outline), *map(str, meta.values())])


def leaks(
    database: Database, meeting_id: int, marker: re.Pattern[str], render: bool = False
) -> dict[str, list[str]]:
    """The markers found in each public output of the meeting (empty when none leaked)."""
    found: dict[str, list[str]] = {}
    for output in public_outputs(database, meeting_id):
        hits = marker.findall(output.all_text())
        if output.pdf:  # a PDF published as it is (the agenda pack): its text and metadata
            hits += marker.findall(published_pdf_text(output.pdf))
        if render:
            hits += marker.findall(rendered_text(output))
        if hits:
            found[output.name] = hits
    return found
