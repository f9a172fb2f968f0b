"""Reading generated files back as a reader would: Word with python-docx, PDF with pypdf.

Word list numbers are not text in the file (Word draws them from the numbering definitions),
so ``docx_lines`` works them out from each paragraph's list and level, as Word does.
"""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from clerk.documents.model import Furniture

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def normalise(text: str) -> str:
    return " ".join(text.split())


def _starts(document: docx.document.Document) -> dict[str, dict[str, int]]:
    starts: dict[str, dict[str, int]] = {}
    for num in document.part.numbering_part.element.findall(qn("w:num")):
        levels = starts.setdefault(num.get(qn("w:numId")), {})
        for override in num.findall(qn("w:lvlOverride")):
            start = override.find(qn("w:startOverride"))
            if start is not None:
                levels[override.get(qn("w:ilvl"))] = int(start.get(qn("w:val")))
    return starts


def docx_lines(data: bytes) -> list[str]:
    """The body's paragraphs (tables cell by cell) with their list labels, in order."""
    document = docx.Document(BytesIO(data))
    starts = _starts(document)
    counters: dict[str, dict[str, int]] = {}

    def text(paragraph: Paragraph) -> str:
        ppr = paragraph._p.pPr
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if numpr is None:
            return paragraph.text
        num_id = numpr.find(qn("w:numId")).get(qn("w:val"))
        ilvl = numpr.find(qn("w:ilvl"))
        level = ilvl.get(qn("w:val")) if ilvl is not None else "0"
        count = counters.setdefault(num_id, {})
        if level in count:
            count[level] += 1
        else:
            count[level] = starts.get(num_id, {}).get(level, 1)
        if level == "0":
            count.pop("1", None)
            return f"{count[level]}. {paragraph.text}"
        return f"{LETTERS[count[level] - 1]}. {paragraph.text}"

    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(text(Paragraph(child, document)))
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                for cell in row.cells:
                    lines.extend(text(p) for p in cell.paragraphs)
    return [line for line in lines if line.strip()]


def docx_text(data: bytes) -> str:
    return normalise(" ".join(docx_lines(data)))


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages]


def _is_furniture(line: str, furniture: Furniture, first_page: bool) -> bool:
    line = normalise(line)
    known = set(furniture.marking_lines())
    if not first_page:
        left, right = furniture.running_left, furniture.running_right
        known |= {left, right, f"{left} {right}"}
    return (
        line in {normalise(k) for k in known} or re.fullmatch(r"Page \d+ of \d+", line) is not None
    )


def pdf_body_pages(data: bytes, furniture: Furniture) -> list[str]:
    """Each page's text without its furniture (markings, running header, page number), which
    reportlab draws before the page's body."""
    pages = []
    for index, text in enumerate(pdf_pages(data)):
        lines = text.splitlines()
        while lines and (not lines[0].strip() or _is_furniture(lines[0], furniture, index == 0)):
            lines.pop(0)
        pages.append("\n".join(lines))
    return pages


def pdf_text(data: bytes, furniture: Furniture) -> str:
    return normalise(" ".join(pdf_body_pages(data, furniture)))


def html_lines(data: bytes) -> list[str]:
    """The web version's main text, block by block, with list labels as the browser draws
    them (from each list's start and type); the markings and table captions left out."""
    import lxml.html

    main = lxml.html.fromstring(data).find("body/main")
    lines: list[str] = []

    def label(number: int, lettered: bool) -> str:
        if not lettered:
            return f"{number}."
        letters = ""
        while number > 0:
            number, remainder = divmod(number - 1, 26)
            letters = LETTERS[remainder] + letters
        return f"{letters}."

    def walk(element: lxml.html.HtmlElement) -> None:
        for child in element:
            if child.tag in ("h1", "h2", "h3", "p", "th", "td") and not child.xpath(".//p|.//ol"):
                if child.get("class") != "marking":
                    lines.append(child.text_content())
            elif child.tag == "ol":
                number, lettered = int(child.get("start", "1")), child.get("type") == "a"
                for item in child.findall("li"):
                    own = item.xpath("./text() | ./*[not(self::ol)]//text()")
                    lines.append(f"{label(number, lettered)} {''.join(own)}")
                    walk(item)
                    number += 1
            elif child.tag != "caption":
                walk(child)

    walk(main)
    return [line for line in lines if line.strip()]


def outline_titles(outline: list[Any]) -> list[str]:
    """Every bookmark's title, nested ones too (pypdf's ``reader.outline``)."""
    return [t for e in outline for t in (outline_titles(e) if isinstance(e, list) else [e.title])]
