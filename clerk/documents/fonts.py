"""The TrueType fonts shipped in ``resources/fonts`` (DejaVu), registered with reportlab.

Every PDF embeds the subset of these it uses; nothing falls back to reportlab's standard
(unembedded) Helvetica, because the document template's initial font is DejaVu too.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from clerk.resources import resource

#: family -> (regular, bold, italic, bold italic) file stems in resources/fonts
FAMILIES: dict[str, tuple[str, str, str, str]] = {
    "DejaVuSans": ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"),
    "DejaVuSerif": (
        "DejaVuSerif",
        "DejaVuSerif-Bold",
        "DejaVuSerif-Italic",
        "DejaVuSerif-BoldItalic",
    ),
}

BODY = "DejaVuSans"


@cache
def register_fonts() -> str:
    """Register every shipped face (once) and return the body font's name."""
    for family, faces in FAMILIES.items():
        for face in faces:
            pdfmetrics.registerFont(TTFont(face, str(resource("fonts", f"{face}.ttf"))))
        regular, bold, italic, bold_italic = faces
        for is_bold, is_italic, face in (
            (0, 0, regular),
            (1, 0, bold),
            (0, 1, italic),
            (1, 1, bold_italic),
        ):
            addMapping(family, is_bold, is_italic, face)
    return BODY


def bold(family: str = BODY) -> str:
    return FAMILIES[family][1]


def italic(family: str = BODY) -> str:
    return FAMILIES[family][2]
