"""The house template for Word output: ``resources/templates/house-template.docx``.

Built from python-docx's default document so that it can be rebuilt at any time::

    python -m clerk.documents.house_template [PATH]

It supplies what the Word renderer relies on: A4 with the house margins; Arial with British
English as the proofing language (the PDF embeds Liberation Sans, Arial's metric twin, so the
two paginate alike); the styles Title, Heading 1, Heading 2 (with outline levels, so Word's
navigation pane lists the minutes), Body Text, List Number (numbered parts 1., 2. with
lettered sub-parts a., b.), Table Text and Table List Number, Header, Footer and Hyperlink.
A council can restyle the file in Word; the renderer only looks styles up by name and the
numbering by its name ``ClerkParts``.

The file is clean: only the styles Clerk uses, no preview thumbnail, no leftover parts of
python-docx's default document, and application properties that say Clerk made it.
"""

from __future__ import annotations

import sys
from io import BytesIO
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle

from clerk import APP_NAME
from clerk.documents import typography
from clerk.documents.model import GEOMETRY

TEMPLATE = ("templates", "house-template.docx")
FONT = "Arial"
LANGUAGE = "en-GB"
NUMBERING_NAME = "ClerkParts"
NUMBERING_ID = 90
#: Twentieths of a point: the hanging indent of one list level (1 cm).
LIST_INDENT = round(typography.LIST_INDENT * 20)


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
    text: typography.TextStyle,
    keep_with_next: bool = False,
    centre: bool = False,
) -> None:
    _reset(style)
    style.font.name = FONT
    style.font.size = Pt(text.size)
    style.font.bold = text.bold
    fmt = style.paragraph_format
    fmt.space_before = Pt(text.before)
    fmt.space_after = Pt(text.after)
    # At least the PDF's leading: Word then sets the lines the PDF sets.
    fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    fmt.line_spacing = Pt(text.leading)
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


def _list_style(style: ParagraphStyle, text: typography.TextStyle) -> None:
    _set(style, text)
    ppr = style.element.get_or_add_pPr()
    ppr.insert(
        0,
        parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="{NUMBERING_ID}"/></w:numPr>'),
    )


#: The styles the Word renderer uses (with the defaults Word expects); the rest are dropped.
STYLES = (
    "Normal",
    "Default Paragraph Font",
    "Normal Table",
    "No List",
    "Body Text",
    "Title",
    "Heading 1",
    "Heading 2",
    "List Number",
    "Table Text",
    "Table List Number",
    "Table Grid",
    "Header",
    "Footer",
    "Hyperlink",
)
#: The Hyperlink character style's colour: blue with 7:1 contrast on white.
LINK_COLOUR = "0B4F9C"

APP_PROPERTIES = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
    f'docPropsVTypes"><Application>{APP_NAME}</Application><DocSecurity>0</DocSecurity>'
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)

#: The one font the styles name, with its metric twin (what the PDF embeds) as its alternate.
FONT_TABLE = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    f'<w:fonts {nsdecls("w")}><w:font w:name="{FONT}"><w:altName w:val="Liberation Sans"/>'
    '<w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/>'
    '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>'
)


def _hyperlink_style(document: docx.document.Document) -> None:
    style = document.styles.add_style("Hyperlink", 2)  # a character style
    style.element.append(
        parse_xml(
            f'<w:rPr {nsdecls("w")}><w:color w:val="{LINK_COLOUR}"/><w:u w:val="single"/></w:rPr>'
        )
    )
    style.unhide_when_used = True


def _prune_styles(document: docx.document.Document) -> None:
    """Keep only :data:`STYLES` (and no latent-style list): Word's style pane then shows the
    house styles, nothing else."""
    styles = document.styles.element
    kept: set[str] = set()
    for style in list(document.styles):
        if style.name in STYLES:
            kept.add(style.style_id)
        else:
            styles.remove(style.element)
    for element in styles.findall(qn("w:style")):
        for tag in ("w:link", "w:basedOn", "w:next"):
            ref = element.find(qn(tag))
            if ref is not None and ref.get(qn("w:val")) not in kept:
                element.remove(ref)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)


def _clean_package(document: docx.document.Document) -> None:
    """No thumbnail, no Word 2010 duplicate styles, no empty custom XML; Clerk's own
    application properties; no request to save a preview picture."""
    package = document.part.package
    for rels in (package.rels, document.part.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in ("thumbnail", "stylesWithEffects", "customXml"):
                del rels[rid]
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = APP_PROPERTIES.encode("utf-8")
        elif str(part.partname) == "/word/fontTable.xml":
            part._blob = FONT_TABLE.encode("utf-8")
    settings = document.settings.element
    for tag in ("w:savePreviewPicture", "w:rsids", "w:attachedTemplate"):
        for child in settings.findall(qn(tag)):
            settings.remove(child)
    for child in settings.findall(qn("w:themeFontLang")):
        child.set(qn("w:val"), LANGUAGE)


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
    _set(styles["Normal"], typography.BODY)
    _set(styles["Body Text"], typography.BODY)
    styles["Body Text"].base_style = styles["Normal"]
    _set(styles["Title"], typography.TITLE, keep_with_next=True, centre=True)
    _set(styles["Heading 1"], typography.HEADING_1, keep_with_next=True)
    _outline(styles["Heading 1"], 0)
    _set(styles["Heading 2"], typography.HEADING_2, keep_with_next=True)
    _outline(styles["Heading 2"], 1)
    _numbering(document)
    _list_style(styles["List Number"], typography.BODY)
    table_text = styles.add_style("Table Text", 1)
    table_text.base_style = styles["Normal"]
    _set(table_text, typography.CELL)
    table_list = styles.add_style("Table List Number", 1)
    table_list.base_style = styles["List Number"]
    _list_style(table_list, typography.CELL)
    _set(styles["Header"], typography.FURNITURE)
    _set(styles["Footer"], typography.FURNITURE)
    _hyperlink_style(document)
    _prune_styles(document)
    _clean_package(document)
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
