"""The house template for Word output: ``resources/templates/house-template.docx``.

Built from python-docx's default document so that it can be rebuilt at any time::

    python -m clerk.documents.house_template [PATH]

It supplies what the Word renderer relies on: A4 with the house margins; Arial (metric
twins everywhere: Liberation Sans, Arimo) with British English as the proofing language; the
styles Title, Heading 1, Heading 2 (with outline levels, so Word's navigation pane lists
the minutes), Body Text, List Number (numbered parts 1., 2. with lettered sub-parts a., b.),
Table Text and Table List Number, Header and Footer. A council can restyle the file in Word;
the renderer only looks styles up by name and the numbering by its name ``ClerkParts``.
"""

from __future__ import annotations

import sys
from io import BytesIO
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle

from clerk.documents.model import GEOMETRY

TEMPLATE = ("templates", "house-template.docx")
FONT = "Arial"
LANGUAGE = "en-GB"
NUMBERING_NAME = "ClerkParts"
NUMBERING_ID = 90
#: Twentieths of a point: the hanging indent of one list level (1 cm).
LIST_INDENT = 567


def _reset(style: ParagraphStyle) -> None:
    """Drop the default template's theme fonts, colours, borders and spacing."""
    element = style.element
    for tag in ("w:pPr", "w:rPr"):
        for child in element.findall(qn(tag)):
            element.remove(child)


def _outline(style: ParagraphStyle, level: int) -> None:
    ppr = style.element.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{level}"/>'))


def _set(
    style: ParagraphStyle,
    size: float,
    bold: bool = False,
    before: float = 0,
    after: float = 0,
    keep_with_next: bool = False,
    centre: bool = False,
) -> None:
    _reset(style)
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.keep_with_next = keep_with_next
    fmt.widow_control = True
    if centre:
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _defaults(document: docx.document.Document) -> None:
    """Arial and en-GB for every run unless a style says otherwise."""
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(rpr):
        if child.tag in (qn("w:rFonts"), qn("w:lang")):
            rpr.remove(child)
    rpr.insert(
        0,
        parse_xml(
            f'<w:rFonts {nsdecls("w")} w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" '
            f'w:eastAsia="{FONT}"/>'
        ),
    )
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}"/>'))


def _numbering(document: docx.document.Document) -> None:
    """An abstract list "ClerkParts": level 0 "1.", level 1 "a.", with hanging indents."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="%{level + 1}."/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{LIST_INDENT * (level + 1)}" w:hanging="{LIST_INDENT}"/></w:pPr>'
        "</w:lvl>"
        for level, fmt in ((0, "decimal"), (1, "lowerLetter"))
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{NUMBERING_ID}">'
        f'<w:multiLevelType w:val="multilevel"/><w:name w:val="{NUMBERING_NAME}"/>{levels}'
        "</w:abstractNum>"
    )
    existing = numbering.findall(qn("w:abstractNum"))
    if existing:
        existing[-1].addnext(abstract)
    else:
        numbering.insert(0, abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{NUMBERING_ID}">'
            f'<w:abstractNumId w:val="{NUMBERING_ID}"/></w:num>'
        )
    )


def _list_style(style: ParagraphStyle, size: float, after: float) -> None:
    _set(style, size, after=after)
    ppr = style.element.get_or_add_pPr()
    ppr.insert(
        0,
        parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="{NUMBERING_ID}"/></w:numPr>'),
    )


def build_template() -> bytes:
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    section = document.sections[0]
    g = GEOMETRY
    section.page_width, section.page_height = Mm(g.width), Mm(g.height)
    section.left_margin, section.right_margin = Mm(g.left), Mm(g.right)
    section.top_margin, section.bottom_margin = Mm(g.top), Mm(g.bottom)
    section.header_distance, section.footer_distance = Mm(g.header), Mm(g.footer)
    _defaults(document)
    styles = document.styles
    _set(styles["Normal"], 11, after=7)
    _set(styles["Body Text"], 11, after=7)
    styles["Body Text"].base_style = styles["Normal"]
    _set(styles["Title"], 14, bold=True, after=6, keep_with_next=True, centre=True)
    _set(styles["Heading 1"], 11.5, bold=True, before=12, after=6, keep_with_next=True)
    _outline(styles["Heading 1"], 0)
    _set(styles["Heading 2"], 11, bold=True, before=8, after=4, keep_with_next=True)
    _outline(styles["Heading 2"], 1)
    _numbering(document)
    _list_style(styles["List Number"], 11, after=7)
    table_text = styles.add_style("Table Text", 1)
    table_text.base_style = styles["Normal"]
    _set(table_text, 9.5, after=3)
    table_list = styles.add_style("Table List Number", 1)
    table_list.base_style = styles["List Number"]
    _list_style(table_list, 9.5, after=3)
    _set(styles["Header"], 9)
    _set(styles["Footer"], 9)
    core = document.core_properties
    core.title = core.subject = core.author = core.keywords = core.comments = ""
    core.category = ""
    core.language = LANGUAGE
    core.last_modified_by = "Clerk"
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    from clerk.fileio import write_bytes
    from clerk.resources import resources_dir

    path = Path(argv[0]) if argv else resources_dir().joinpath(*TEMPLATE)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(path, build_template())
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
