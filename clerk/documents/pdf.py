"""The PDF renderer: reportlab platypus, A4, embedded fonts, tagged for screen readers.

Accessibility and publishing needs: a tagged PDF (a structure tree of Document, H1-H3, P,
L/LI/Lbl/LBody and Table/TR/TH/TD in reading order, page furniture as artifacts: see
``pdf_tags``), document title, author, subject and language (en-GB) in the metadata and XMP
with the PDF/UA identifier, the title shown as the window title, a bookmark (outline entry)
per minute, every font embedded (Liberation Sans, metric-compatible with the Word template's
Arial, and DejaVu Sans for what it lacks), reportlab's initial Helvetica replaced too (the
template's ``initialFontName``). Numbered parts are kept together with what introduces them.
"""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    PageBreak,
    PageTemplate,
    TableStyle,
)

from clerk import APP_NAME
from clerk.documents import balance, fonts, model, typography
from clerk.documents.model import Align, Block, CellBlock, Document
from clerk.documents.pdf_flowables import (
    BodyFrame,
    TaggedParagraph,
    TaggedTable,
    pieces,
    text_paragraph,
)
from clerk.documents.pdf_furniture import PageFurniture, canvas_maker
from clerk.documents.pdf_tags import Node, Tagger, write_structure

ALIGNMENTS = {Align.LEFT: TA_LEFT, Align.CENTRE: TA_CENTER, Align.RIGHT: TA_RIGHT}


def _text_style(name: str, text: typography.TextStyle, **more: Any) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=fonts.bold() if text.bold else fonts.BODY,
        fontSize=text.size,
        leading=text.leading,
        spaceBefore=text.before,
        spaceAfter=text.after,
        bulletFontName=fonts.BODY,
        bulletFontSize=text.size,
        allowWidows=0,
        allowOrphans=0,
        **more,
    )


def _styles() -> dict[str, ParagraphStyle]:
    fonts.register_fonts()
    indent = typography.LIST_INDENT
    base = _text_style("body", typography.BODY)
    cell = _text_style("cell", typography.CELL)
    return {
        "body": base,
        "title": _text_style("title", typography.TITLE, alignment=TA_CENTER, keepWithNext=1),
        "h1": _text_style("h1", typography.HEADING_1, keepWithNext=1),
        "h2": _text_style("h2", typography.HEADING_2, keepWithNext=1),
        "list0": ParagraphStyle("list0", parent=base, leftIndent=indent, bulletIndent=0),
        "list1": ParagraphStyle("list1", parent=base, leftIndent=2 * indent, bulletIndent=indent),
        "cell": cell,
        "cellhead": ParagraphStyle("cellhead", parent=cell, fontName=fonts.bold()),
        "cell0": ParagraphStyle("cell0", parent=cell, leftIndent=indent, bulletIndent=0),
        "cell1": ParagraphStyle("cell1", parent=cell, leftIndent=2 * indent, bulletIndent=indent),
        "aside": _text_style("aside", typography.ASIDE),
    }


def _is_title(block: Block) -> bool:
    return isinstance(block, model.Heading) and block.level == 0


class BookmarkedHeading(TaggedParagraph):
    """A heading that adds itself to the PDF outline when drawn.

    A heading taller than what is left of the page (or than a page) is split: its first piece
    carries the bookmark, the rest draw as the same heading without one (an outline entry per
    piece would be nameless, and at level 0 would leave the next heading's level unreachable)."""

    key = ""
    title = ""
    level = 0

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)
        for index, part in enumerate(parts):
            if isinstance(part, BookmarkedHeading) and part is not self:
                part.key, part.title = (self.key, self.title) if index == 0 else ("", "")
                part.level = self.level
        return parts

    def draw(self) -> None:
        super().draw()
        if not self.key:
            return
        self.canv.bookmarkHorizontal(self.key, 0, self.height)  # lands on the heading
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


#: Where a boxed signature block was drawn: page (from 1) and box (x1, y1, x2, y2) in points.
Mark = tuple[int, float, float, float, float]
SIGNATURE_MARK = "signature"
SIGNATURE_BOX_WIDTH = 95  # mm
#: Room to sign in, above the "Signed:" line of a boxed signature block (about 20 mm).
SIGNING_SPACE = 56


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
        self.styles = _styles()
        self.bookmarks = 0
        #: Outline levels count from the title when there is one.
        self.outline_base = 0 if any(_is_title(b) for b in document.blocks) else 1
        self.outline_level = -1
        self.heading_depth = 0
        self.marks: dict[str, Mark] = {}
        self.tagger = Tagger()
        self.root = self.tagger.root
        geometry = document.geometry
        self.width = geometry.text_width(document.landscape) * mm

    def style(self, name: str, **changes: Any) -> ParagraphStyle:
        base = self.styles[name]
        if not changes:
            return base
        return ParagraphStyle(f"{name}-{len(changes)}", parent=base, **changes)

    def para(self, block: model.Para, parent: Node, style: str = "body") -> list[Flowable]:
        changes: dict[str, Any] = {}
        if block.align is not Align.LEFT:
            changes["alignment"] = ALIGNMENTS[block.align]
        if block.keep_with_next:
            changes["keepWithNext"] = 1
        if block.space_before:
            changes["spaceBefore"] = typography.SPACE_BEFORE
        paragraph = text_paragraph(
            block.text,
            self.style(style, **changes),
            parent.add("P"),
            block.bold,
            block.italic,
            block.underline,
        )
        if style == "body":
            return list(pieces(paragraph, self.width, len(block.text)))
        return [paragraph]

    def numbered(self, block: model.NumberedList, parent: Node, prefix: str = "list") -> list[Any]:
        """The parts as a list (L, LI, Lbl, LBody), lettered sub-parts a list inside their
        part's body. In the text, a list is kept together (each part with the next)."""
        flowables: list[Any] = []
        top = parent.add("L", List={"ListNumbering": "Decimal"})
        for number, item in enumerate(block.items, start=block.start):
            entry = top.add("LI")
            label, body = entry.add("Lbl"), entry.add("LBody")
            number_label = model.list_label(0, number)
            flowables.extend(self._item(item.text, f"{prefix}0", number_label, label, body))
            if item.children:
                sub = body.add("L", List={"ListNumbering": "LowerAlpha"})
                for index, child in enumerate(item.children, start=1):
                    entry = sub.add("LI")
                    label, inner = entry.add("Lbl"), entry.add("LBody")
                    letter = model.list_label(1, index)
                    flowables.extend(self._item(child.text, f"{prefix}1", letter, label, inner))
        if prefix == "list":
            for flowable in flowables[:-1]:
                flowable.keepWithNext = 1
            if flowables:
                flowables[-1].keepWithNext = int(block.keep_with_next)
        return flowables

    def _item(self, text: str, style: str, label: str, label_node: Node, body: Node) -> list[Any]:
        paragraph = text_paragraph(
            text, self.style(style), body.add("P"), label=label, label_node=label_node
        )
        if style.startswith("list"):
            return list(pieces(paragraph, self.width, len(text)))
        return [paragraph]

    def heading(self, block: model.Heading) -> TaggedParagraph:
        style = {0: "title", 1: "h1"}.get(block.level, "h2")
        # H1 the title, H2 a minute, H3 below: never a level skipped (a front sheet's
        # sub-heading straight after the title is an H2).
        self.heading_depth = min(block.level + 1, self.heading_depth + 1, 3)
        node = self.root.add(f"H{self.heading_depth}")
        text = block.text
        if block.level == 0:
            text = balance.balanced(text, self.width, self.styles["title"].fontSize)
        if not (block.bookmark or block.level == 0):
            return text_paragraph(text, self.style(style), node, bold=True)
        heading = text_paragraph(text, self.style(style), node, bold=True, cls=BookmarkedHeading)
        assert isinstance(heading, BookmarkedHeading)
        self.bookmarks += 1
        heading.key = f"h{self.bookmarks}"
        heading.title = " ".join(block.text.split())
        # The outline follows the headings: the title, the minutes beneath it.
        level = max(0, block.level - self.outline_base)
        heading.level = self.outline_level = min(level, self.outline_level + 1)
        return heading

    def cell(self, blocks: tuple[CellBlock, ...], node: Node) -> list[Flowable]:
        flowables: list[Flowable] = []
        for block in blocks:
            if isinstance(block, model.Para):
                flowables.extend(self.para(block, node, "cell"))
            else:
                flowables.extend(self.numbered(block, node, "cell"))
        return flowables

    def table(self, block: model.Table) -> TaggedTable:
        geometry = self.document.geometry
        widths = block.widths_mm(geometry.text_width(self.document.landscape))
        node = self.root.add("Table")
        header_row = node.add("TR")
        header = []
        for column in block.columns:
            th = header_row.add("TH", Table={"Scope": "Column"})
            header.append(
                text_paragraph(column.title, self.style("cellhead"), th.add("P"), bold=True)
            )
        rows: list[list[Any]] = [header]
        for row in block.rows:
            tr = node.add("TR")
            cells: list[Any] = []
            for index, cell in enumerate(row):
                blocks = cell.blocks
                if block.row_headers and index == 0:
                    kind = tr.add("TH", Table={"Scope": "Row"})
                    # Bold, as Word and the web version show a row's header.
                    blocks = tuple(
                        replace(b, bold=True) if isinstance(b, model.Para) else b for b in blocks
                    )
                else:
                    kind = tr.add("TD")
                cells.append(self.cell(blocks, kind))
            rows.append(cells)
        across, down = typography.CELL_PADDING
        table = TaggedTable(
            rows,
            colWidths=[w * mm for w in widths],
            repeatRows=1,
            splitByRow=1,
            splitInRow=1,
            spaceAfter=typography.TABLE_AFTER,
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), across),
                    ("RIGHTPADDING", (0, 0), (-1, -1), across),
                    ("TOPPADDING", (0, 0), (-1, -1), down),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), down),
                ]
            )
        )
        return table

    def signature(self, block: model.Signature) -> list[Flowable]:
        signed, title, dated = block.lines
        if block.boxed:
            return [self.signature_box(signed, title, dated, block.aside)]
        flowables: list[Flowable] = [
            text_paragraph(
                signed, self.style("body", spaceBefore=28, keepWithNext=1), self.root.add("P")
            ),
            text_paragraph(title, self.style("body", keepWithNext=1), self.root.add("P")),
            text_paragraph(dated, self.style("body", spaceBefore=10), self.root.add("P")),
        ]
        flowables.extend(self.aside(block.aside))
        return flowables

    def aside(self, lines: tuple[str, ...]) -> list[Flowable]:
        return [text_paragraph(line, self.style("aside"), self.root.add("P")) for line in lines]

    def signature_box(
        self, signed: str, title: str, dated: str, aside: tuple[str, ...]
    ) -> Flowable:
        """The signature block as a box with room to sign in, the aside (the minute-book copy's
        record fingerprint) small beside it; where the box lands is noted in ``marks``."""
        lines = (signed, title, dated)
        rows = [[text_paragraph(text, self.style("body"), self.root.add("P"))] for text in lines]
        box = TaggedTable(rows, colWidths=[SIGNATURE_BOX_WIDTH * mm], hAlign="LEFT", spaceBefore=14)
        box.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),
                    ("BOX", (0, 0), (-1, -1), 0.75, colors.black),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (0, 0), SIGNING_SPACE),
                    ("TOPPADDING", (0, 2), (0, 2), 8),
                ]
            )
        )
        marked = _Marked(box, SIGNATURE_MARK, self.marks)
        if not aside:
            return marked
        box.spaceBefore = 0
        beside = self.aside(aside)
        outer = TaggedTable(
            [[marked, beside]],
            colWidths=[SIGNATURE_BOX_WIDTH * mm + 12, self.width - SIGNATURE_BOX_WIDTH * mm - 12],
            hAlign="LEFT",
            spaceBefore=14,
        )
        outer.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (0, 0), 12),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return outer

    def story(self) -> list[Flowable]:
        flowables: list[Flowable] = []
        for block in self.document.blocks:
            flowables.extend(self.flowables(block))
        return flowables

    def flowables(self, block: Block) -> list[Flowable]:
        if isinstance(block, model.Heading):
            return [self.heading(block)]
        if isinstance(block, model.Para):
            return self.para(block, self.root)
        if isinstance(block, model.NumberedList):
            return self.numbered(block, self.root)
        if isinstance(block, model.Table):
            return [self.table(block)]
        if isinstance(block, model.PageBreak):
            return [PageBreak()]
        return self.signature(block)


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
    frame = BodyFrame(
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
    renderer = _Renderer(document)
    # The markings are the document's first paragraphs: read once, before the title.
    markings = [renderer.root.add("P") for _ in document.furniture.marking_lines()]
    furniture = PageFurniture(document, renderer.tagger, markings)
    doc.addPageTemplates(
        [
            PageTemplate("first", [frame], onPage=furniture.first, autoNextPageTemplate="later"),
            PageTemplate("later", [frame], onPage=furniture.later),
        ]
    )
    story = renderer.story()
    doc.build(story, canvasmaker=canvas_maker(furniture, renderer.tagger))
    tagged = write_structure(buffer.getvalue(), renderer.tagger, meta)
    return tagged, doc.page, renderer.marks


def render_pdf(document: Document) -> bytes:
    """The document as PDF bytes."""
    return render_pdf_marked(document)[0]


def render_pdf_marked(document: Document) -> tuple[bytes, dict[str, Mark]]:
    """The PDF bytes, and where marked blocks (a boxed signature block) were drawn."""
    document = model.sanitised(document)
    data, _pages, marks = _build(document)
    return data, marks
