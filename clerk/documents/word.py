"""The Word renderer: python-docx on the house template.

Headings are real heading styles (navigable and accessible), numbered parts are real Word
lists (each list restarts at its own first number, lettered sub-parts beneath) kept together
with what introduces them, the first page has its own header (different first page), later
pages carry the running header, and every footer says "Page X of Y" with PAGE and NUMPAGES
fields. Web addresses are hyperlinks; a long title breaks where the PDF's does (balanced);
there are no empty paragraphs for spacing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from clerk import APP_NAME
from clerk.documents import balance, links, model, scripts, typography
from clerk.documents.house_template import NUMBERING_NAME, TEMPLATE
from clerk.documents.model import Align, Block, CellBlock, Document
from clerk.resources import resource

ALIGNMENTS = {
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    Align.CENTRE: WD_ALIGN_PARAGRAPH.CENTER,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
}
HEADING_STYLES = {0: "Title", 1: "Heading 1", 2: "Heading 2"}


def _field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A complex field (PAGE, NUMPAGES) that Word and LibreOffice update on display."""
    for kind in ("begin", None, "separate", "text", "end"):
        run = paragraph.add_run()
        if kind == "text":
            run.text = placeholder
        elif kind is None:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {instruction} "
            run._r.append(code)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _add_run(paragraph: Paragraph, text: str) -> Run:
    """``paragraph.add_run(text)``, without python-docx's character-by-character pass when the
    text has no tab or line break for it to convert (the same XML, much sooner)."""
    if "\t" in text or "\n" in text or "\r" in text:
        return paragraph.add_run(text)
    run = paragraph.add_run()
    if text:
        run._r.add_t(text)
    return run


def _set_style(p: Any, style_id: str | None) -> None:
    """``p.style = style_id``. A new, empty paragraph's properties are just the style: written
    directly, for python-docx looks for each of the forty elements that may follow, twice
    (a quarter of the time of writing the minutes, for the same XML)."""
    if style_id is not None and len(p) == 0:
        properties = OxmlElement("w:pPr")
        properties.append(OxmlElement("w:pStyle", {qn("w:val"): style_id}))
        p.insert(0, properties)
    else:
        p.style = style_id


#: What follows w:bidi in a paragraph's properties (the schema's order).
_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip


def _hyperlink(paragraph: Paragraph, text: str, address: str) -> Run:
    """A hyperlink to ``address`` showing ``text``, in the template's Hyperlink style."""
    rid = paragraph.part.relate_to(address, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    run = Run(OxmlElement("w:r"), paragraph)
    link.append(run._r)
    run._r.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:rStyle w:val="Hyperlink"/></w:rPr>'))
    if text:
        run._r.add_t(text)
    return run


def _add_text(
    paragraph: Paragraph,
    text: str,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> list[Run]:
    """``text`` as runs of ``paragraph``, web addresses as hyperlinks; only the formatting
    that is set is written (assigning None still adds an empty run-properties element)."""
    if not links.has_links(text):
        pieces: list[tuple[str, str | None]] = [(text, None)]
    else:
        pieces = links.segments(text)
    runs = []
    for piece, address in pieces:
        run = (
            _add_run(paragraph, piece) if address is None else _hyperlink(paragraph, piece, address)
        )
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        if underline:
            run.underline = True
        runs.append(run)
    if scripts.is_rtl(text):  # a right-to-left paragraph (Word shapes and reorders itself)
        paragraph._p.get_or_add_pPr().insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
    return runs


class _Numbering:
    """One Word list per numbered block, each restarting at its own first number."""

    def __init__(self, document: Any) -> None:
        self.element = document.part.numbering_part.element
        abstract = next(
            (
                a
                for a in self.element.findall(qn("w:abstractNum"))
                if a.find(qn("w:name")) is not None
                and a.find(qn("w:name")).get(qn("w:val")) == NUMBERING_NAME
            ),
            None,
        )
        if abstract is None:
            raise ValueError(f"The house template has no '{NUMBERING_NAME}' list numbering.")
        self.abstract_id = abstract.get(qn("w:abstractNumId"))
        used = [int(n.get(qn("w:numId"))) for n in self.element.findall(qn("w:num"))]
        self.next_id = max(used, default=0) + 1

    def new_list(self, start: int) -> int:
        num_id = self.next_id
        self.next_id += 1
        self.element.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{self.abstract_id}"/>'
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride>'
                "</w:num>"
            )
        )
        return num_id


def _number(paragraph: Paragraph, num_id: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


class _Renderer:
    def __init__(self, document: Document) -> None:
        self.model = model.sanitised(document)
        self.doc = docx.Document(str(resource(*TEMPLATE)))
        self.numbering = _Numbering(self.doc)
        self.style_ids: dict[str, str | None] = {}
        #: The last block was a table: the next paragraph keeps a gap from it.
        self.after_table = False
        #: The next paragraph starts a new page (a PageBreak block came before it).
        self.break_next = False

    def render(self) -> bytes:
        self.page_setup()
        self.properties()
        self.furniture()
        for block in self.model.blocks:
            self.block(block)
        buffer = BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    # -- the page -----------------------------------------------------------------------

    def page_setup(self) -> None:
        section = self.doc.sections[0]
        width, height = self.model.geometry.page(self.model.landscape)
        section.orientation = WD_ORIENT.LANDSCAPE if self.model.landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.top_margin = Mm(self.model.top_margin())

    def properties(self) -> None:
        meta = self.model.metadata
        core = self.doc.core_properties
        core.title = meta.title
        core.subject = meta.subject
        core.author = meta.author
        core.keywords = meta.keywords
        core.language = meta.language
        core.last_modified_by = APP_NAME
        now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
        core.created = core.modified = now
        core.revision = 1

    def furniture(self) -> None:
        furniture = self.model.furniture
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        text_width = Mm(self.model.geometry.text_width(self.model.landscape))
        for header, running in ((section.first_page_header, False), (section.header, True)):
            header.is_linked_to_previous = False
            first = header.paragraphs[0]
            paragraphs = [first]
            markings = furniture.marking_lines()
            for _ in range(len(markings) + (1 if running else 0) - 1):
                paragraphs.append(header.add_paragraph())
            for paragraph, marking in zip(paragraphs, markings, strict=False):
                paragraph.style = self.doc.styles["Header"]
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.add_run(marking).bold = True
            if running:
                line = paragraphs[-1]
                line.style = self.doc.styles["Header"]
                stops = line.paragraph_format.tab_stops
                stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
                line.add_run(f"{furniture.running_left}\t{furniture.running_right}")
                line.paragraph_format.space_after = Pt(6)
                self._bottom_border(line)
        for footer in (section.first_page_footer, section.footer):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            paragraph.style = self.doc.styles["Footer"]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            before, rest = furniture.page_label.split("{page}", 1)
            middle, after = rest.split("{pages}", 1)
            paragraph.add_run(before)
            _field(paragraph, "PAGE", "1")
            paragraph.add_run(middle)
            _field(paragraph, "NUMPAGES", "1")
            if after:
                paragraph.add_run(after)

    @staticmethod
    def _bottom_border(paragraph: Paragraph) -> None:
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(
            parse_xml(
                f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="4" w:space="1" '
                'w:color="000000"/></w:pBdr>'
            )
        )

    # -- the body -----------------------------------------------------------------------

    def style(self, paragraph: Paragraph, name: str) -> Paragraph:
        """Give the paragraph a style, looked up by name once per document.

        ``paragraph.style = name`` (and ``add_paragraph(text, style=name)``) searches every
        style of the template on each call; minutes have hundreds of paragraphs. The style id
        is what python-docx would set (None for the default paragraph style).
        """
        if name not in self.style_ids:
            self.style_ids[name] = self.doc.part.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)
        _set_style(paragraph._p, self.style_ids[name])
        return paragraph

    def add(self, text: str = "", style: str = "Body Text") -> Paragraph:
        paragraph = self.style(self.doc.add_paragraph(), style)
        if self.after_table:
            paragraph.paragraph_format.space_before = Pt(typography.TABLE_AFTER)
            self.after_table = False
        if self.break_next:
            paragraph.paragraph_format.page_break_before = True
            self.break_next = False
        if text:
            _add_text(paragraph, text)
        return paragraph

    def block(self, block: Block) -> None:
        if isinstance(block, model.Heading):
            text = block.text
            if block.level == 0:
                width = self.model.geometry.text_width(self.model.landscape) * 72 / 25.4
                text = balance.balanced(text, width, typography.TITLE.size)
            self.add(text, HEADING_STYLES.get(block.level, "Heading 2"))
        elif isinstance(block, model.Para):
            self.para(self.add(), block)
        elif isinstance(block, model.NumberedList):
            self.numbered(self.add, block, "List Number")
        elif isinstance(block, model.Table):
            self.table(block)
        elif isinstance(block, model.PageBreak):
            self.break_next = True
        else:
            self.signature(block)

    def para(self, paragraph: Paragraph, block: model.Para) -> None:
        _add_text(paragraph, block.text, block.bold, block.italic, block.underline)
        if block.align is not Align.LEFT:
            paragraph.alignment = ALIGNMENTS[block.align]
        if block.keep_with_next:
            paragraph.paragraph_format.keep_with_next = True
        if block.space_before:
            paragraph.paragraph_format.space_before = Pt(typography.SPACE_BEFORE)

    def numbered(self, add: Any, block: model.NumberedList, style: str) -> None:
        num_id = self.numbering.new_list(block.start)
        paragraphs: list[Paragraph] = []
        for item in block.items:
            paragraph = add(item.text, style)
            _number(paragraph, num_id, 0)
            paragraphs.append(paragraph)
            for child in item.children:
                sub = add(child.text, style)
                _number(sub, num_id, 1)
                paragraphs.append(sub)
        if style == "List Number":
            # Numbered parts stay together, and with what introduces them.
            for paragraph in paragraphs:
                paragraph.paragraph_format.keep_together = True
            for paragraph in paragraphs[:-1]:
                paragraph.paragraph_format.keep_with_next = True
        if block.keep_with_next and paragraphs:
            paragraphs[-1].paragraph_format.keep_with_next = True

    def table(self, block: model.Table) -> None:
        widths = block.widths_mm(self.model.geometry.text_width(self.model.landscape))
        table = self.doc.add_table(rows=1 + len(block.rows), cols=len(block.columns))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        across, down = (round(p * 20) for p in typography.CELL_PADDING)
        margins = "".join(
            f'<w:{side} w:w="{width}" w:type="dxa"/>'
            for side, width in (
                ("top", down),
                ("left", across),
                ("bottom", down),
                ("right", across),
            )
        )
        table._tbl.tblPr.insert_element_before(
            parse_xml(f"<w:tblCellMar {nsdecls('w')}>{margins}</w:tblCellMar>"),
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
        )
        if block.caption:  # the table's title, read out by a screen reader
            caption = OxmlElement("w:tblCaption")
            caption.set(qn("w:val"), block.caption)
            table._tbl.tblPr.append(caption)
        for index, width in enumerate(widths):
            table.columns[index].width = Mm(width)
            for cell in table.columns[index].cells:
                cell.width = Mm(width)
        header = table.rows[0]
        header._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
        for cell, column in zip(header.cells, block.columns, strict=True):
            paragraph = self.style(cell.paragraphs[0], "Table Text")
            paragraph.add_run(column.title).bold = True
            cell._tc.get_or_add_tcPr().append(
                parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="E6E6E6"/>')
            )
        for row, cells in zip(table.rows[1:], block.rows, strict=True):
            for index, (cell, content) in enumerate(zip(row.cells, cells, strict=True)):
                self.cell(cell, content.blocks)
                if block.row_headers and index == 0:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
        self.after_table = True

    def cell(self, cell: _Cell, blocks: tuple[CellBlock, ...]) -> None:
        first: list[Paragraph] = [cell.paragraphs[0]]

        def add(text: str = "", style: str = "Table Text") -> Paragraph:
            if first:
                paragraph = self.style(first.pop(), style)
            else:
                paragraph = self.style(cell.add_paragraph(), style)
            if text:
                _add_text(paragraph, text)
            return paragraph

        for block in blocks:
            if isinstance(block, model.Para):
                self.para(add(), block)
            else:
                self.numbered(add, block, "Table List Number")
        if first:
            self.style(first[0], "Table Text")

    def signature(self, block: model.Signature) -> None:
        signed, title, dated = block.lines
        aside = bool(block.aside)
        for text, before, keep in ((signed, 28, True), (title, 0, True), (dated, 10, aside)):
            paragraph = self.add(text)
            paragraph.paragraph_format.space_before = Pt(before)
            paragraph.paragraph_format.keep_with_next = keep
            paragraph.paragraph_format.keep_together = True
        for index, line in enumerate(block.aside):
            paragraph = self.add(line)
            paragraph.paragraph_format.space_before = Pt(6 if index == 0 else 0)
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.keep_with_next = index < len(block.aside) - 1
            for run in paragraph.runs:
                run.font.size = Pt(typography.ASIDE.size)


def render_docx(document: Document) -> bytes:
    """The document as .docx bytes, on the house template."""
    return _Renderer(document).render()
