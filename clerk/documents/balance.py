"""Balanced titles: a title too long for one line is broken into lines of about equal length
("Minutes of the Children and Young People's / Overview and Scrutiny Board"), not a full line
and a stray word. Measured in the PDF's body font, which is metric-compatible with Word's, so
the Word title breaks at the same words.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from clerk.documents import fonts

#: Room kept at the end of each line, so that rounding never makes Word wrap a line again.
SLACK = 0.97


def _lines(words: list[str], limit: float, measure: list[float], space: float) -> list[list[str]]:
    lines: list[list[str]] = []
    width = 0.0
    for word, size in zip(words, measure, strict=True):
        if lines and width + space + size <= limit:
            lines[-1].append(word)
            width += space + size
        else:
            lines.append([word])
            width = size
    return lines


def balanced(text: str, width: float, size: float, bold: bool = True) -> str:
    """``text`` with newlines where a balanced title breaks, ``width`` in points (the text as
    it is when it fits on one line, or holds line breaks already)."""
    face = fonts.face(fonts.FAMILY, bold=bold)
    fonts.register_fonts()
    limit = width * SLACK
    words = text.split()
    if "\n" in text or len(words) < 2 or stringWidth(text, face, size) <= limit:
        return text
    measure = [stringWidth(w, face, size) for w in words]
    space = stringWidth(" ", face, size)
    count = len(_lines(words, limit, measure, space))
    low, high = max(measure), limit
    for _ in range(30):  # the narrowest limit that still needs no more lines
        middle = (low + high) / 2
        if len(_lines(words, middle, measure, space)) <= count:
            high = middle
        else:
            low = middle
    return "\n".join(" ".join(line) for line in _lines(words, high, measure, space))
