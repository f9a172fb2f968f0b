"""What every PDF page carries besides the text: markings, running header, page label.

The markings ("Confidential: not for publication", "Draft: subject to confirmation") are read
once, as the first paragraphs of the document (tagged on page 1); on later pages they are
artifacts like the running header (after page 1), the page label and the initials box. The
page label's text is a form XObject drawn where it belongs but defined only when the document
is saved (:meth:`PageFurniture.footers`), once the number of pages is known: one layout pass.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFString
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate

from clerk.documents import fonts, scripts
from clerk.documents.model import Document, Furniture
from clerk.documents.pdf_tags import Node, Tagger

MARK_SIZE = 8.5
RUNNING_SIZE = 9
LINE = 11  # points between header lines
INITIALS_BOX = (32, 13)  # mm, width and height


def line_runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """One line of furniture as (face, text) runs in drawing order."""
    line = " ".join(text.split())
    drawn = scripts.shaped(line)
    if scripts.has_rtl(drawn):
        drawn = scripts.visual(drawn, scripts.is_rtl(drawn))
    return fonts.runs(drawn, bold=bold)


def runs_width(runs: list[tuple[str, str]], size: float) -> float:
    return sum(stringWidth(chunk, face, size) for face, chunk in runs)


def draw_runs(
    canvas: Canvas, x: float, y: float, runs: list[tuple[str, str]], size: float, anchor: str
) -> None:
    """Draw ``runs`` starting (``anchor`` "left"), centred on or ending (``"right"``) at x."""
    width = runs_width(runs, size)
    x -= {"left": 0.0, "centre": width / 2, "right": width}[anchor]
    for face, chunk in runs:
        canvas.setFont(face, size)
        canvas.drawString(x, y, chunk)
        x += stringWidth(chunk, face, size)


class PageFurniture:
    """Draws each page's furniture; ``marking_nodes`` tag the markings on the first page."""

    def __init__(self, document: Document, tagger: Tagger, marking_nodes: list[Node]) -> None:
        self.document = document
        self.furniture: Furniture = document.furniture
        self.tagger = tagger
        self.marking_nodes = marking_nodes
        self.pages = 0
        self.pagesize: tuple[float, float] = (0.0, 0.0)

    def first(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.showOutline()
        self.draw(canvas, doc, running=False)

    def later(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.draw(canvas, doc, running=True)

    def draw(self, canvas: Canvas, doc: BaseDocTemplate, running: bool) -> None:
        geometry = self.document.geometry
        width, height = doc.pagesize
        left, right = geometry.left * mm, width - geometry.right * mm
        y = height - geometry.header * mm - MARK_SIZE
        tagger = self.tagger
        canvas.saveState()
        for index, marking in enumerate(self.furniture.marking_lines()):
            runs = line_runs(marking, bold=True)
            if running:
                with tagger.artifact(canvas, "Pagination", "Header"):
                    draw_runs(canvas, width / 2, y, runs, MARK_SIZE, "centre")
            else:
                with tagger.marked(canvas, self.marking_nodes[index]):
                    draw_runs(canvas, width / 2, y, runs, MARK_SIZE, "centre")
            y -= LINE
        if running:
            with tagger.artifact(canvas, "Pagination", "Header"):
                self.running_header(canvas, left, right, y)
        page = canvas.getPageNumber()
        self.pages, self.pagesize = max(self.pages, page), doc.pagesize
        with tagger.artifact(canvas, "Pagination", "Footer"):
            canvas.doForm(f"PageFooter{page}")
            if self.furniture.initials_box:
                self.initials_box(canvas, right)
        canvas.restoreState()

    def running_header(self, canvas: Canvas, left: float, right: float, y: float) -> None:
        """Committee name on the left, the date on the right (on the next line when the two
        would meet), and a rule beneath."""
        left_runs = line_runs(self.furniture.running_left)
        right_runs = line_runs(self.furniture.running_right)
        draw_runs(canvas, left, y, left_runs, RUNNING_SIZE, "left")
        room = right - left - runs_width(left_runs, RUNNING_SIZE) - 12
        if runs_width(right_runs, RUNNING_SIZE) > room:
            y -= LINE
        draw_runs(canvas, right, y, right_runs, RUNNING_SIZE, "right")
        canvas.setLineWidth(0.5)
        canvas.line(left, y - 4, right, y - 4)

    def initials_box(self, canvas: Canvas, right: float) -> None:
        box_width, box_height = INITIALS_BOX[0] * mm, INITIALS_BOX[1] * mm
        bottom = self.document.geometry.footer * mm - 4 * mm
        canvas.setLineWidth(0.75)
        canvas.rect(right - box_width, bottom, box_width, box_height)
        canvas.setFont(fonts.BODY, 7)
        canvas.drawString(right - box_width + 2, bottom + box_height - 8, "Initials")

    def footers(self, canvas: Canvas) -> None:
        """Define every page's footer form: the page label, now that the page count is known."""
        footer = self.document.geometry.footer * mm
        for page in range(1, self.pages + 1):
            canvas.beginForm(f"PageFooter{page}")
            runs = line_runs(self.furniture.page_text(page, self.pages))
            draw_runs(canvas, self.pagesize[0] / 2, footer, runs, RUNNING_SIZE, "centre")
            canvas.endForm()


def canvas_maker(furniture: PageFurniture, tagger: Tagger) -> type[Canvas]:
    """A canvas that carries the tagger and defines the footers when it saves."""

    class TaggedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self.tagger = tagger

        def save(self) -> None:
            furniture.footers(self)
            super().save()

        def linkURL(self, url: str, rect: Any, *args: Any, **kwargs: Any) -> None:
            """A link, described for readers, printed, and owned by a Link element."""
            kwargs.setdefault("Contents", PDFString(url))
            kwargs.setdefault("F", 4)
            super().linkURL(url, rect, *args, **kwargs)
            tagger.link(self, url)

    return TaggedCanvas
