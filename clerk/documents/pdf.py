"""The PDF renderer: reportlab platypus, A4, embedded DejaVu fonts, outline, page furniture.

Accessibility and publishing needs: document title, author, subject and language (en-GB) in
the metadata; a bookmark (outline entry) per minute; every font embedded, reportlab's initial
Helvetica included (the template's ``initialFontName``). "Page X of Y" needs the page count,
so the document is laid out twice: once to count, once to print.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from clerk import APP_NAME
from clerk.documents import fonts, model
from clerk.documents.model import Align, Block, CellBlock, Document, Furniture

ALIGNMENTS = {Align.LEFT: TA_LEFT, Align.CENTRE: TA_CENTER, Align.RIGHT: TA_RIGHT}
MARK_SIZE = 8.5
RUNNING_SIZE = 9
LINE = 11  # points between header lines


def _styles(body: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body",
        fontName=body,
        fontSize=11,
        leading=14.5,
        spaceAfter=7,
        bulletFontName=body,
        allowWidows=0,
        allowOrphans=0,
    )
    cell = ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12, spaceAfter=3)
    return {
        "body": base,
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=fonts.bold(),
            fontSize=14,
            leading=18,
            alignment=TA_CENTER,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=fonts.bold(),
            fontSize=11.5,
            leading=15,
            spaceBefore=10,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=fonts.bold(), spaceBefore=6, spaceAfter=4, keepWithNext=1
        ),
        "list0": ParagraphStyle("list0", parent=base, leftIndent=24, bulletIndent=0),
        "list1": ParagraphStyle("list1", parent=base, leftIndent=48, bulletIndent=24),
        "cell": cell,
        "cellhead": ParagraphStyle("cellhead", parent=cell, fontName=fonts.bold()),
        "cell0": ParagraphStyle("cell0", parent=cell, leftIndent=20, bulletIndent=0),
        "cell1": ParagraphStyle("cell1", parent=cell, leftIndent=40, bulletIndent=20),
    }


class BookmarkedHeading(Paragraph):
    """A heading that adds itself to the PDF outline when drawn."""

    def __init__(self, text: str, style: ParagraphStyle, key: str, title: str, level: int) -> None:
        super().__init__(text, style)
        self.key, self.title, self.level = key, title, level

    def draw(self) -> None:
        super().draw()
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


def _text(text: str) -> str:
    """Paragraph markup for plain text: escaped, with its line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def _markup(text: str, bold: bool = False, italic: bool = False, underline: bool = False) -> str:
    body = _text(text)
    if underline:
        body = f"<u>{body}</u>"
    if italic:
        body = f"<i>{body}</i>"
    if bold:
        body = f"<b>{body}</b>"
    return body


#: Where a boxed signature block was drawn: page (from 1) and box (x1, y1, x2, y2) in points.
Mark = tuple[int, float, float, float, float]
SIGNATURE_MARK = "signature"
SIGNATURE_BOX_WIDTH = 95  # mm
INITIALS_BOX = (32, 13)  # mm, width and height


class _Marked(Flowable):
    """A flowable that notes the page and box it is drawn in (for a signature stamp)."""

    def __init__(self, inner: Flowable, name: str, marks: dict[str, Mark]) -> None:
        super().__init__()
        self.inner, self.name, self.marks = inner, name, marks

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)
        x, y = self.canv.absolutePosition(0, 0)
        page = self.canv.getPageNumber()
        self.marks[self.name] = (page, x, y, x + self.width, y + self.height)


class _Renderer:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.styles = _styles(fonts.register_fonts())
        self.bookmarks = 0
        self.marks: dict[str, Mark] = {}

    def style(self, name: str, **changes: Any) -> ParagraphStyle:
        base = self.styles[name]
        if not changes:
            return base
        return ParagraphStyle(f"{name}-{len(changes)}", parent=base, **changes)

    def para(self, block: model.Para, style: str = "body") -> Paragraph:
        changes: dict[str, Any] = {}
        if block.align is not Align.LEFT:
            changes["alignment"] = ALIGNMENTS[block.align]
        if block.keep_with_next:
            changes["keepWithNext"] = 1
        if block.space_before:
            changes["spaceBefore"] = 14
        text = _markup(block.text, block.bold, block.italic, block.underline)
        return Paragraph(text, self.style(style, **changes))

    def numbered(self, block: model.NumberedList, prefix: str = "list") -> list[Flowable]:
        flowables: list[Flowable] = []
        for number, item in enumerate(block.items, start=block.start):
            label = model.list_label(0, number)
            flowables.append(Paragraph(_text(item.text), self.style(f"{prefix}0"), label))
            for sub, child in enumerate(item.children, start=1):
                label = model.list_label(1, sub)
                flowables.append(Paragraph(_text(child.text), self.style(f"{prefix}1"), label))
        if block.keep_with_next and flowables:
            flowables[-1].keepWithNext = 1
        return flowables

    def heading(self, block: model.Heading) -> Paragraph:
        style = {0: "title", 1: "h1"}.get(block.level, "h2")
        if block.bookmark:
            self.bookmarks += 1
            return BookmarkedHeading(
                _text(block.text),
                self.style(style),
                key=f"h{self.bookmarks}",
                title=" ".join(block.text.split()),
                level=max(0, block.level - 1),
            )
        return Paragraph(_text(block.text), self.style(style))

    def cell(self, blocks: tuple[CellBlock, ...]) -> list[Flowable]:
        flowables: list[Flowable] = []
        for block in blocks:
            if isinstance(block, model.Para):
                flowables.append(self.para(block, "cell"))
            else:
                flowables.extend(self.numbered(block, "cell"))
        return flowables

    def table(self, block: model.Table) -> Table:
        geometry = self.document.geometry
        widths = block.widths_mm(geometry.text_width(self.document.landscape))
        header = [Paragraph(_text(c.title), self.style("cellhead")) for c in block.columns]
        rows = [header] + [[self.cell(cell.blocks) for cell in row] for row in block.rows]
        table = Table(
            rows,
            colWidths=[w * mm for w in widths],
            repeatRows=1,
            splitByRow=1,
            splitInRow=1,
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table

    def signature(self, block: model.Signature) -> list[Flowable]:
        signed, title, dated = block.lines
        if block.boxed:
            return [Spacer(1, 14), self.signature_box(signed, title, dated)]
        return [
            Paragraph(_text(signed), self.style("body", spaceBefore=28, keepWithNext=1)),
            Paragraph(_text(title), self.style("body", keepWithNext=1)),
            Paragraph(_text(dated), self.style("body", spaceBefore=10)),
        ]

    def signature_box(self, signed: str, title: str, dated: str) -> Flowable:
        """The signature block as a box to sign in; where it lands is noted in ``marks``."""
        rows = [
            [Paragraph(_text(signed), self.style("body", spaceBefore=18))],
            [Paragraph(_text(title), self.style("body"))],
            [Paragraph(_text(dated), self.style("body", spaceBefore=8))],
        ]
        box = Table(rows, colWidths=[SIGNATURE_BOX_WIDTH * mm], hAlign="LEFT")
        box.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),
                    ("BOX", (0, 0), (-1, -1), 0.75, colors.black),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        return _Marked(box, SIGNATURE_MARK, self.marks)

    def story(self) -> list[Flowable]:
        flowables: list[Flowable] = []
        for block in self.document.blocks:
            flowables.extend(self.flowables(block))
        return flowables

    def flowables(self, block: Block) -> list[Flowable]:
        if isinstance(block, model.Heading):
            return [self.heading(block)]
        if isinstance(block, model.Para):
            return [self.para(block)]
        if isinstance(block, model.NumberedList):
            return self.numbered(block)
        if isinstance(block, model.Table):
            return [self.table(block)]
        if isinstance(block, model.PageBreak):
            return [PageBreak()]
        return self.signature(block)


class _PageFurniture:
    """Draws the markings, the running header (after page 1) and "Page X of Y".

    The footer text of each page is a form XObject drawn where it belongs but defined only when
    the document is saved (``footers``), once the number of pages is known: one layout pass.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self.furniture: Furniture = document.furniture
        self.pages = 0
        self.pagesize: tuple[float, float] = A4

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
        canvas.saveState()
        for marking in self.furniture.markings:
            canvas.setFont(fonts.bold(), MARK_SIZE)
            canvas.drawCentredString(width / 2, y, " ".join(marking.split()))
            y -= LINE
        if running:
            canvas.setFont(fonts.BODY, RUNNING_SIZE)
            left_text = " ".join(self.furniture.running_left.split())
            right_text = " ".join(self.furniture.running_right.split())
            canvas.drawString(left, y, left_text)
            room = right - left - stringWidth(left_text, fonts.BODY, RUNNING_SIZE) - 12
            if stringWidth(right_text, fonts.BODY, RUNNING_SIZE) > room:
                y -= LINE
            canvas.drawRightString(right, y, right_text)
            canvas.setLineWidth(0.5)
            canvas.line(left, y - 4, right, y - 4)
        page = canvas.getPageNumber()
        self.pages, self.pagesize = max(self.pages, page), doc.pagesize
        canvas.doForm(f"PageFooter{page}")
        if self.furniture.initials_box:
            box_width, box_height = INITIALS_BOX[0] * mm, INITIALS_BOX[1] * mm
            bottom = geometry.footer * mm - 4 * mm
            canvas.setLineWidth(0.75)
            canvas.rect(right - box_width, bottom, box_width, box_height)
            canvas.setFont(fonts.BODY, 7)
            canvas.drawString(right - box_width + 2, bottom + box_height - 8, "Initials")
        canvas.restoreState()

    def footers(self, canvas: Canvas) -> None:
        """Define every page's footer form: "Page X of Y", now that Y is known."""
        footer = self.document.geometry.footer * mm
        for page in range(1, self.pages + 1):
            canvas.beginForm(f"PageFooter{page}")
            canvas.setFont(fonts.BODY, RUNNING_SIZE)
            text = self.furniture.page_text(page, self.pages)
            canvas.drawCentredString(self.pagesize[0] / 2, footer, text)
            canvas.endForm()


def _canvas_maker(furniture: _PageFurniture) -> type[Canvas]:
    class FooterCanvas(Canvas):
        def save(self) -> None:
            furniture.footers(self)
            super().save()

    return FooterCanvas


def _build(document: Document) -> tuple[bytes, int, dict[str, Mark]]:
    geometry = document.geometry
    pagesize = landscape(A4) if document.landscape else A4
    top = document.top_margin() * mm
    buffer = BytesIO()
    meta = document.metadata
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=geometry.left * mm,
        rightMargin=geometry.right * mm,
        topMargin=top,
        bottomMargin=geometry.bottom * mm,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        keywords=meta.keywords,
        creator=APP_NAME,
        producer=APP_NAME,
        lang=meta.language,
        initialFontName=fonts.register_fonts(),
        initialFontSize=11,
        initialLeading=14.5,
    )
    frame = Frame(
        geometry.left * mm,
        geometry.bottom * mm,
        pagesize[0] - (geometry.left + geometry.right) * mm,
        pagesize[1] - top - geometry.bottom * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    furniture = _PageFurniture(document)
    doc.addPageTemplates(
        [
            PageTemplate("first", [frame], onPage=furniture.first, autoNextPageTemplate="later"),
            PageTemplate("later", [frame], onPage=furniture.later),
        ]
    )
    renderer = _Renderer(document)
    doc.build(renderer.story(), canvasmaker=_canvas_maker(furniture))
    return buffer.getvalue(), doc.page, renderer.marks


def render_pdf(document: Document) -> bytes:
    """The document as PDF bytes."""
    return render_pdf_marked(document)[0]


def render_pdf_marked(document: Document) -> tuple[bytes, dict[str, Mark]]:
    """The PDF bytes, and where marked blocks (a boxed signature block) were drawn."""
    document = model.sanitised(document)
    data, _pages, marks = _build(document)
    return data, marks
