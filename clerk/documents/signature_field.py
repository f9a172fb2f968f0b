"""Where the chair's digital signature goes on the signed minutes, and how its stamp is drawn.

The signed minutes carry a visible signature beside the boxed signature block (``Signature``
with ``boxed=True``): from just right of the block to the right margin, as tall as the block, on
the page the block was drawn on. The stamp (the signature's appearance) is a one-page PDF the
size of that field, its lines in the documents' embedded font (Liberation Sans), not an
unembedded standard font.

reportlab is imported only when a PDF is drawn: ``clerk verify`` needs only ``SignatureField``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from clerk.documents.model import Document

POINTS_PER_MM = 72 / 25.4
#: Points between the signature block and the signature field, and kept clear of the margin.
GAP = 12
MARGIN_CLEARANCE = 2
#: The stamp's type: size, leading and inset, in points.
STAMP_FONT_SIZE = 8.0
STAMP_LEADING = 2.5
STAMP_INSET_X = 6
STAMP_INSET_TOP = 5


@dataclass(frozen=True)
class SignatureField:
    """Where the visible signature goes: page index from 0 (-1: the last page) and its box
    (x1, y1, x2, y2) in points from the page's lower left corner."""

    page: int = -1
    box: tuple[int, int, int, int] = (300, 60, 550, 120)

    @property
    def width(self) -> int:
        return self.box[2] - self.box[0]

    @property
    def height(self) -> int:
        return self.box[3] - self.box[1]


def render_for_signing(document: Document) -> tuple[bytes, SignatureField]:
    """The document as PDF bytes, and the field beside its boxed signature block."""
    from clerk.documents.pdf import SIGNATURE_MARK, render_pdf_marked

    pdf, marks = render_pdf_marked(document)
    if SIGNATURE_MARK not in marks:
        raise ValueError("The document has no boxed signature block to sign beside.")
    page, _x1, y1, x2, y2 = marks[SIGNATURE_MARK]
    geometry = document.geometry
    right = (geometry.page(document.landscape)[0] - geometry.right) * POINTS_PER_MM
    box = (int(x2) + GAP, int(y1), int(right) - MARGIN_CLEARANCE, int(y2))
    return pdf, SignatureField(page - 1, box)


def draw_stamp(lines: Sequence[str], field: SignatureField, path: Path) -> Path:
    """A one-page PDF the size of ``field`` with ``lines`` drawn top down (the second bold:
    the signer's name), written to ``path``."""
    from reportlab.pdfgen.canvas import Canvas

    from clerk.documents import fonts

    body = fonts.register_fonts()
    width, height = field.width, field.height
    canvas = Canvas(str(path), pagesize=(width, height), initialFontName=body)
    y = height - STAMP_INSET_TOP - STAMP_FONT_SIZE
    for index, line in enumerate(lines):
        canvas.setFont(fonts.bold() if index == 1 else body, STAMP_FONT_SIZE)
        canvas.drawString(STAMP_INSET_X, y, line)
        y -= STAMP_FONT_SIZE + STAMP_LEADING
    canvas.showPage()
    canvas.save()
    return path
