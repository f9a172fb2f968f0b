"""The house typography, in points: one table for the Word template and the PDF styles.

Word and PDF set the same font metrics (Arial in Word, Liberation Sans, its metric twin, in
the PDF), sizes, line spacing (Word's "at least" the PDF's leading) and paragraph spacing,
so the two paginate alike.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextStyle:
    size: float
    leading: float
    before: float = 0.0
    after: float = 0.0
    bold: bool = False


BODY = TextStyle(11, 14.5, after=7)
TITLE = TextStyle(14, 18, after=6, bold=True)
HEADING_1 = TextStyle(11.5, 15, before=10, after=6, bold=True)
HEADING_2 = TextStyle(11, 14.5, before=6, after=4, bold=True)
CELL = TextStyle(9.5, 12, after=3)
#: Running header, page label.
FURNITURE = TextStyle(9, 11)
#: The minute-book copy's record fingerprint beside the signature.
ASIDE = TextStyle(7.5, 9.5)

#: Space before a paragraph that asks for room (the Present block's groups).
SPACE_BEFORE = 14
#: One list level's indent: 1 cm.
LIST_INDENT = 28.35
#: Space after a table (before the paragraph that follows it).
TABLE_AFTER = 7
#: Table cell padding: left and right, top and bottom.
CELL_PADDING = (4, 3)
