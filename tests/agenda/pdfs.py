"""Small PDF files for the tests: made with reportlab, spoilt with pikepdf."""

from __future__ import annotations

from io import BytesIO

import pikepdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas


def make_pdf(pages: int, text: str = "Report") -> bytes:
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for page in range(1, pages + 1):
        canvas.drawString(72, 760, f"{text} page {page} of {pages}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def encrypted(data: bytes, user: str = "secret") -> bytes:
    with pikepdf.open(BytesIO(data)) as pdf:
        out = BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(owner="owner", user=user))
        return out.getvalue()


def damaged(data: bytes) -> bytes:
    """The file cut short: its cross-reference table and trailer are gone."""
    return data[: len(data) - 40]
