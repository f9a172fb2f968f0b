"""The PDF's building blocks: paragraphs and tables that tag themselves as they are drawn.

:class:`TaggedParagraph` is a reportlab paragraph that belongs to a structure element (its
``node``), keeps it across page breaks, draws a list label as its own ``Lbl`` sequence, puts
right-to-left lines into visual order, and draws as an artifact when it is drawn a second time
(a table's header row repeated on a later page). :func:`text_paragraph` makes one from plain
text: shaped, with each character in a font that has it. :class:`TaggedTable` draws its
shading and rules as artifacts. A very long paragraph is broken into its lines once and laid
out as consecutive pieces (:func:`pieces`), so the time to lay it out grows with its length,
not with its length times its pages.
"""

from __future__ import annotations

from copy import copy, deepcopy
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Frame, Paragraph, Table
from reportlab.platypus.paragraph import _drawBullet

from clerk.documents import fonts, links, scripts
from clerk.documents.pdf_tags import Node, artifact, tagger_of


def escape(text: str, entities: dict[str, str] | None = None) -> str:
    """``text`` with ``&``, ``<`` and ``>`` (and ``entities``' keys) as markup entities:
    ``xml.sax.saxutils.escape``, which imports ``urllib.request`` (a tenth of a second)."""
    text = text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for key, value in (entities or {}).items():
        text = text.replace(key, value)
    return text


#: Paragraphs longer than this (in characters) are laid out in pieces.
LONG_TEXT = 8000
#: Lines per piece of a long paragraph.
PIECE_LINES = 40


class BodyFrame(Frame):
    """The page's frame, copied faster: reportlab deep-copies the frame each time it measures
    paragraphs kept together (headings kept with what follows, a tenth of the PDF's time);
    its values are numbers and names, which a copy may share, so only the rest is copied
    deeply. The copy is the deep copy's equal."""

    def __deepcopy__(self, memo: dict[int, Any]) -> BodyFrame:
        twin = copy(self)
        for name, value in vars(self).items():
            if not isinstance(value, int | float | str | None):
                setattr(twin, name, deepcopy(value, memo))
        return twin


class TaggedParagraph(Paragraph):
    """A paragraph that tags itself (see the module docstring)."""

    bulletText: Any
    blPara: Any
    node: Node | None = None
    #: A list item's label node (the label itself is the paragraph's bullet text).
    label_node: Node | None = None
    #: The base direction when the text holds right-to-left letters (True: right to left).
    rtl: bool | None = None
    #: Bold and italic: the face of the text, for lines put into visual order.
    face: tuple[bool, bool] = (False, False)
    _drawn = False
    #: The width of the last wrap and what it gave, until the paragraph is drawn.
    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """As reportlab's, which breaks the lines again on every call; a paragraph is asked
        again at the same width (keep-with-next, lists kept together) for about a third of
        all calls. The lines depend on the width only; drawn, or its lines dropped (a split
        that found no room), the next call breaks afresh."""
        wrapped = self._wrapped
        if wrapped is not None and wrapped[0] == availWidth and "blPara" in self.__dict__:
            return wrapped[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size

    def adopt(self, other: TaggedParagraph) -> None:
        """Take ``other``'s tagging (a piece of it, split off)."""
        self.node, self.rtl, self.face = other.node, other.rtl, other.face

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        if len(parts) == 2:
            first, rest = parts
            first.adopt(self)
            first.label_node = self.label_node
            rest.adopt(self)
        return parts

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        self._wrapped = None
        tagger = tagger_of(canvas)
        if tagger is not None and self._drawn:
            # The same paragraph again: a table's header row repeated on a later page.
            with tagger.artifact(canvas, "Pagination"):
                super().drawOn(canvas, x, y, _sW)
            return
        self._drawn = True
        super().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        tagger = tagger_of(self.canv)
        if tagger is None or tagger.in_artifact:
            self._draw_lines()
            return
        bullet = self.bulletText
        if not bullet or self.label_node is None:
            with tagger.marked(self.canv, self.node):
                self._draw_lines()
            return
        style = self.style
        first = self.blPara if self.blPara.kind == 0 else self.blPara.lines[0]
        offsets = list(getattr(self, "_offsets", [0]))
        start = style.firstLineIndent + offsets[0]
        with tagger.marked(self.canv, self.label_node):
            offset = _drawBullet(self.canv, start, self.height - first.fontSize, bullet, style, 0)
        saved = self.__dict__.get("_offsets")
        if offset > start:  # a label wider than its indent pushes the first line on
            self._offsets = [offsets[0] + offset - start, *offsets[1:]]
        self.bulletText = None
        try:
            with tagger.marked(self.canv, self.node):
                self._draw_lines()
        finally:
            self.bulletText = bullet
            if saved is None:
                self.__dict__.pop("_offsets", None)
            else:
                self._offsets = saved

    def _draw_lines(self) -> None:
        if self.rtl is None:
            super().draw()
            return
        laid_out = self.blPara
        self.blPara = self._visual(laid_out)
        try:
            super().draw()
        finally:
            self.blPara = laid_out

    def _visual(self, laid_out: Any) -> Any:
        """The laid-out lines in drawing order (the bidirectional algorithm, line by line)."""
        rtl = bool(self.rtl)
        result = copy(laid_out)
        if laid_out.kind == 0:
            result.lines = [
                (extra, scripts.visual(" ".join(words), rtl).split(" "))
                for extra, words in laid_out.lines
            ]
            return result
        lines = []
        for line in laid_out.lines:
            text = "".join(getattr(f, "text", "") for f in line.words)
            if not scripts.has_rtl(text) or any(hasattr(f, "cbDefn") for f in line.words):
                lines.append(line)
                continue
            template = line.words[0]
            visual = copy(line)
            visual.words = [
                template.clone(text=chunk, fontName=face)
                for face, chunk in fonts.runs(scripts.visual(text, rtl), *self.face)
            ]
            lines.append(visual)
        result.lines = lines
        return result


#: Links look as they do in Word (the house template's Hyperlink style).
LINK_COLOUR = "#0B4F9C"


def _runs_markup(text: str, bold: bool, italic: bool) -> str:
    body = fonts.face(fonts.FAMILY, bold, italic)
    parts = []
    for face, chunk in fonts.runs(text, bold, italic):
        escaped = escape(chunk).replace("\n", "<br/>")
        parts.append(escaped if face == body else f'<font face="{face}">{escaped}</font>')
    return "".join(parts)


def markup(
    text: str,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    linked: bool = True,
) -> str:
    """Paragraph markup for plain text: escaped, each run in a face that has its glyphs, line
    breaks kept, web addresses as links (``linked``)."""
    if linked and links.has_links(text):
        parts = []
        for chunk, address in links.segments(text):
            inner = _runs_markup(chunk, bold, italic)
            if address is None or underline:
                parts.append(inner)
            else:
                href = escape(address, {'"': "&quot;"})
                parts.append(f'<a href="{href}" color="{LINK_COLOUR}"><u>{inner}</u></a>')
        result = "".join(parts)
    else:
        result = _runs_markup(text, bold, italic)
    return f"<u>{result}</u>" if underline else result


def text_paragraph(
    text: str,
    style: ParagraphStyle,
    node: Node | None,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    label: str | None = None,
    label_node: Node | None = None,
    cls: type[TaggedParagraph] = TaggedParagraph,
) -> TaggedParagraph:
    """A tagged paragraph of plain ``text`` in ``style`` (whose font is the body face of the
    given weight and slant). Shaped scripts, right-to-left lines and characters drawn as the
    replacement character give ``node`` the text as written (``/ActualText``)."""
    drawn = scripts.shaped(text)
    rtl = scripts.is_rtl(drawn) if scripts.has_rtl(drawn) else None
    changes: dict[str, Any] = {}
    face = fonts.face(fonts.FAMILY, bold, italic)
    if style.fontName != face:
        changes["fontName"] = face
    if rtl and style.alignment == TA_LEFT:
        changes["alignment"] = TA_RIGHT
    if changes:
        style = ParagraphStyle(f"{style.name}-{face}-{rtl}", parent=style, **changes)
    # Links in a right-to-left paragraph would not follow its reordered lines: left as text.
    paragraph = cls(markup(drawn, bold, italic, underline, linked=rtl is None), style, label)
    paragraph.node, paragraph.label_node = node, label_node
    paragraph.rtl, paragraph.face = rtl, (bold, italic)
    if node is not None and (rtl is not None or drawn != text or fonts.drawn_text(text) != text):
        node.actual_text = text
    return paragraph


def pieces(paragraph: TaggedParagraph, width: float, length: int) -> list[TaggedParagraph]:
    """A long paragraph (``length`` characters) as consecutive pieces of whole lines, which
    read and look as the one paragraph (one structure element) but are laid out one by one."""
    if length <= LONG_TEXT:
        return [paragraph]
    paragraph.wrap(width, 1e9)
    laid_out = paragraph.blPara
    count = len(laid_out.lines)
    if count <= 2 * PIECE_LINES:
        return [paragraph]
    split_lines = paragraph._get_split_blParaFunc()
    style = paragraph.style
    first_style = ParagraphStyle(f"{style.name}-first", parent=style, spaceAfter=0, keepWithNext=0)
    middle = ParagraphStyle(f"{style.name}-piece", parent=first_style, spaceBefore=0)
    middle.firstLineIndent = 0
    last_style = ParagraphStyle(f"{style.name}-last", parent=style, spaceBefore=0)
    last_style.firstLineIndent = 0
    result = []
    for start in range(0, count, PIECE_LINES):
        stop = min(count, start + PIECE_LINES)
        piece_style = first_style if start == 0 else last_style if stop == count else middle
        bullet = paragraph.bulletText if start == 0 else None
        piece = TaggedParagraph(None, piece_style, bullet, frags=split_lines(laid_out, start, stop))
        piece.adopt(paragraph)
        if start == 0:
            piece.label_node = paragraph.label_node
        result.append(piece)
    if hasattr(paragraph, "keepWithNext"):
        result[-1].keepWithNext = paragraph.keepWithNext
    del paragraph.blPara
    return result


class TaggedTable(Table):
    """A table whose shading and rules are artifacts; its cells' paragraphs tag themselves."""

    def _drawBkgrnd(self) -> None:
        with artifact(self.canv):
            super()._drawBkgrnd()

    def _drawLines(self) -> None:
        with artifact(self.canv):
            super()._drawLines()
