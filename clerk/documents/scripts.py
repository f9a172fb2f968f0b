"""Right-to-left and joined scripts in the PDF: shaping and the bidirectional algorithm.

Word and browsers shape and reorder text themselves; a PDF holds glyphs where they are
drawn. So before a paragraph is laid out, Arabic letters become their joined (contextual)
presentation forms (``arabic-reshaper``), which keeps every word's width right for line
breaking; after the lines are broken, each line is put into visual order by the Unicode
bidirectional algorithm (``python-bidi``). The PDF's structure tree carries the text in its
logical order (``/ActualText``), so what a screen reader reads is what the clerk wrote.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from bidi import get_base_level, get_display

if TYPE_CHECKING:
    from arabic_reshaper import ArabicReshaper

#: Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, ... and their
#: presentation forms).
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff]")


@cache
def _reshaper() -> ArabicReshaper:
    # Imported when Arabic is first met: arabic-reshaper loads fontTools (a tenth of a second).
    from arabic_reshaper import ArabicReshaper

    # Keep the vowel marks (harakat): they are part of what was written.
    return ArabicReshaper(configuration={"delete_harakat": False})


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (and so needs reordering per line)."""
    return _RTL.search(text) is not None


def shaped(text: str) -> str:
    """``text`` with Arabic letters in their joined forms (logical order kept)."""
    if _ARABIC.search(text) is None:
        return text
    return "\n".join(_reshaper().reshape(line) for line in text.split("\n"))


def is_rtl(text: str) -> bool:
    """Whether a paragraph of ``text`` reads right to left (its first strong letter does)."""
    return has_rtl(text) and get_base_level(text) == 1


def visual(line: str, rtl: bool) -> str:
    """One laid-out line in the order it is drawn, left to right."""
    if not has_rtl(line):
        return line
    return str(get_display(line, base_dir="R" if rtl else "L"))
