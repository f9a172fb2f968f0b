"""The neutral document model: what the pages say, not how they look.

The composers (``minutes``, ``tracker``) build a :class:`Document`; the renderers (``word``,
``pdf``, ``html``) turn the same value into a .docx, a tagged .pdf and a web page, so they
always say the same thing.
Text is plain (no markup); emphasis is a property of the block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, is_dataclass, replace
from enum import StrEnum
from functools import cache
from typing import Any

LETTERS = "abcdefghijklmnopqrstuvwxyz"


class Align(StrEnum):
    LEFT = "left"
    CENTRE = "centre"
    RIGHT = "right"


@dataclass(frozen=True)
class Heading:
    """Level 0 is the document title, 1 a minute heading, 2 a sub-heading.

    ``bookmark`` headings become PDF outline entries (Word navigates by heading style)."""

    text: str
    level: int = 1
    bookmark: bool = False


@dataclass(frozen=True)
class Para:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    align: Align = Align.LEFT
    keep_with_next: bool = False
    #: Extra space before the paragraph (a signature line needs room to sign).
    space_before: bool = False


@dataclass(frozen=True)
class ListItem:
    text: str
    children: tuple[ListItem, ...] = ()


@dataclass(frozen=True)
class NumberedList:
    """Numbered parts (1., 2., ...) with lettered sub-parts (a., b., ...)."""

    items: tuple[ListItem, ...]
    start: int = 1
    keep_with_next: bool = False


def list_label(level: int, number: int) -> str:
    """ "3." at level 0, "c." at level 1 (then "aa." after "z.")."""
    if level == 0:
        return f"{number}."
    letters = ""
    value = number
    while value > 0:
        value, remainder = divmod(value - 1, len(LETTERS))
        letters = LETTERS[remainder] + letters
    return f"{letters}."


CellBlock = Para | NumberedList


@dataclass(frozen=True)
class Cell:
    blocks: tuple[CellBlock, ...] = ()


@dataclass(frozen=True)
class Column:
    title: str
    #: Share of the spare width, and the narrowest the column can usefully be.
    weight: float
    min_mm: float


@dataclass(frozen=True)
class Table:
    """A data table: a header row of column titles, then the rows. ``row_headers`` makes each
    row's first cell the header of its row (a name in a recorded vote, say)."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    row_headers: bool = False
    #: What the table is, for a screen reader (the web version's caption, Word's table title);
    #: empty: the document's title.
    caption: str = ""

    @property
    def min_width_mm(self) -> float:
        return sum(c.min_mm for c in self.columns)

    def widths_mm(self, available: float) -> list[float]:
        """Column widths filling ``available``: minimums first, the rest shared by weight."""
        spare = max(0.0, available - self.min_width_mm)
        total = sum(c.weight for c in self.columns) or 1.0
        return [c.min_mm + spare * c.weight / total for c in self.columns]


@dataclass(frozen=True)
class Signature:
    """The signature block: a line to sign on, the signatory's title and a date line.

    Sign-off fills it in: ``signed`` and ``dated`` replace the dotted lines (a digital
    signature names its signer), ``boxed`` draws it as a box to sign in (the minute-book copy),
    and the PDF renderer reports where a boxed block was drawn (``render_pdf_marked``).
    ``aside`` is printed small beside the block (the minute-book copy's record fingerprint, so
    that paper and database can be compared).
    """

    title: str
    signed: str = ""
    dated: str = ""
    boxed: bool = False
    aside: tuple[str, ...] = ()

    @property
    def lines(self) -> tuple[str, str, str]:
        return (
            self.signed or "Signed: ..............................",
            self.title,
            self.dated or "Date: ..............................",
        )


@dataclass(frozen=True)
class PageBreak:
    """What follows starts on a new page (the agenda after the front sheet)."""


Block = Heading | Para | NumberedList | Table | Signature | PageBreak


@dataclass(frozen=True)
class Furniture:
    """What every page carries besides the text.

    ``markings`` ("Draft: subject to confirmation", "Confidential: ...") are on every page;
    the running header (``running_left`` and ``running_right``) on pages after the first;
    the page label ("Page 2 of 3") in the footer of every page."""

    running_left: str
    running_right: str
    markings: tuple[str, ...] = ()
    page_label: str = "Page {page} of {pages}"
    #: The minute-book page of the first page (``{book}`` in the label counts from it).
    first_page: int = 1
    #: A box for the signatory's initials at the foot of every page (the minute-book copy).
    initials_box: bool = False

    def marking_lines(self) -> tuple[str, ...]:
        """The markings as printed at the head of a page: two lines at most, so a confidential
        draft's header stays two lines (a third marking and any after it join the first line:
        "Confidential: not for publication · Draft: subject to confirmation")."""
        if len(self.markings) <= 2:
            return self.markings
        first, second, *rest = self.markings
        return (" · ".join((first, *rest)), second)

    def page_text(self, page: int, pages: int) -> str:
        return self.page_label.format(page=page, pages=pages, book=self.first_page + page - 1)


@dataclass(frozen=True)
class Metadata:
    title: str
    subject: str
    author: str
    language: str = "en-GB"
    keywords: str = ""


@dataclass(frozen=True)
class Geometry:
    """A4 with the house margins, in millimetres; landscape swaps width and height."""

    width: float = 210.0
    height: float = 297.0
    left: float = 25.0
    right: float = 25.0
    top: float = 22.0
    bottom: float = 22.0
    header: float = 10.0
    footer: float = 10.0

    def page(self, landscape: bool) -> tuple[float, float]:
        return (self.height, self.width) if landscape else (self.width, self.height)

    def text_width(self, landscape: bool) -> float:
        return self.page(landscape)[0] - self.left - self.right


GEOMETRY = Geometry()


@dataclass(frozen=True)
class Document:
    metadata: Metadata
    furniture: Furniture
    blocks: tuple[Block, ...]
    landscape: bool = False
    geometry: Geometry = GEOMETRY

    def top_margin(self) -> float:
        """Room at the top, in millimetres, for the markings and the running header (about
        4 mm a line from the header edge) with a gap before the text."""
        lines = len(self.furniture.marking_lines()) + 1
        return max(self.geometry.top, self.geometry.header + lines * 4.0 + 8.0)

    def text_lines(self) -> list[str]:
        """Every line of body text with list labels, in reading order (tests and previews)."""
        lines: list[str] = []
        for block in self.blocks:
            lines.extend(block_lines(block))
        return lines


def block_lines(block: Block | CellBlock) -> list[str]:
    if isinstance(block, PageBreak):
        return []
    if isinstance(block, Heading | Para):
        return [block.text]
    if isinstance(block, Signature):
        return [*block.lines, *block.aside]
    if isinstance(block, NumberedList):
        lines: list[str] = []
        for index, item in enumerate(block.items, start=block.start):
            lines.append(f"{list_label(0, index)} {item.text}")
            for sub, child in enumerate(item.children, start=1):
                lines.append(f"{list_label(1, sub)} {child.text}")
        return lines
    lines = [column.title for column in block.columns]
    for row in block.rows:
        for cell in row:
            for cell_block in cell.blocks:
                lines.extend(block_lines(cell_block))
    return lines


_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def printable(text: str) -> str:
    """Text both renderers can carry: line breaks (Word's vertical tab included) become
    newlines, other control characters (which Word files cannot hold) are dropped."""
    return _UNPRINTABLE.sub("", _LINE_BREAKS.sub("\n", text))


def _clean(value: Any) -> Any:
    """``value`` with its texts printable; the same object when nothing in it changes (most
    documents: a copy of every block would be half the time of writing them)."""
    if isinstance(value, str):
        return value if _NOT_PLAIN.search(value) is None else printable(value)
    if isinstance(value, tuple):
        cleaned = tuple(_clean(v) for v in value)
        return value if all(a is b for a, b in zip(cleaned, value, strict=True)) else cleaned
    if is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for name in _field_names(type(value)):
            before = getattr(value, name)
            after = _clean(before)
            if after is not before:
                changes[name] = after
        return replace(value, **changes) if changes else value
    return value


_NOT_PLAIN = re.compile(f"{_LINE_BREAKS.pattern}|{_UNPRINTABLE.pattern}")


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def sanitised(document: Document) -> Document:
    """The document with every text made printable (see :func:`printable`)."""
    cleaned: Document = _clean(document)
    return cleaned
