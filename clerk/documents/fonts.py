"""The TrueType fonts shipped in ``resources/fonts``, registered with reportlab.

Liberation Sans is the body font: metric-compatible with Arial, which the Word house template
names, so the Word and PDF minutes set the same lines. DejaVu Sans is the fallback for the
characters Liberation Sans lacks (Arabic, many symbols); a character neither has is drawn as
U+FFFD, the replacement character (:func:`runs`). Every PDF embeds the subsets it uses, and
nothing falls back to reportlab's standard (unembedded) Helvetica, because the document
template's initial font is the body font too.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from clerk.resources import resource

#: family -> (regular, bold, italic, bold italic) file stems in resources/fonts
FAMILIES: dict[str, tuple[str, str, str, str]] = {
    "LiberationSans": (
        "LiberationSans-Regular",
        "LiberationSans-Bold",
        "LiberationSans-Italic",
        "LiberationSans-BoldItalic",
    ),
    "DejaVuSans": ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"),
}

FAMILY = "LiberationSans"
FALLBACK = "DejaVuSans"
#: The body face: regular Liberation Sans.
BODY = FAMILIES[FAMILY][0]
#: What a character no shipped font has is drawn as (the fallback font has it).
REPLACEMENT = "\ufffd"


@cache
def register_fonts() -> str:
    """Register the body family's faces and both families' mappings (once); return the body
    face's name. The fallback family's faces (DejaVu Sans, twice the body's size to read) are
    registered when a text first needs them (:func:`runs`): a document that never uses them
    is the same, since a PDF embeds only the faces it draws with."""
    for family, faces in FAMILIES.items():
        if family == FAMILY:
            _register_family(family)
        regular, bold, italic, bold_italic = faces
        for is_bold, is_italic, face in (
            (0, 0, regular),
            (1, 0, bold),
            (0, 1, italic),
            (1, 1, bold_italic),
        ):
            addMapping(family, is_bold, is_italic, face)
    return BODY


@cache
def _register_family(family: str) -> None:
    for face in FAMILIES[family]:
        pdfmetrics.registerFont(TTFont(face, str(resource("fonts", f"{face}.ttf"))))


def _family_of(face_name: str) -> str:
    return next(family for family, faces in FAMILIES.items() if face_name in faces)


def face(family: str = FAMILY, bold: bool = False, italic: bool = False) -> str:
    """The face of ``family`` for the given weight and slant."""
    return FAMILIES[family][(1 if bold else 0) + (2 if italic else 0)]


def bold(family: str = FAMILY) -> str:
    return face(family, bold=True)


def italic(family: str = FAMILY) -> str:
    return face(family, italic=True)


@cache
def coverage(face_name: str) -> frozenset[int]:
    """The code points ``face_name`` has a glyph for."""
    register_fonts()
    _register_family(_family_of(face_name))
    font = pdfmetrics.getFont(face_name)
    return frozenset(font.face.charToGlyph)


def runs(text: str, bold: bool = False, italic: bool = False) -> list[tuple[str, str]]:
    """``text`` as (face, text) runs: the body face where it has the glyph, else the fallback,
    else U+FFFD in the fallback face. Line breaks and tabs stay with the run they are in."""
    body = face(FAMILY, bold, italic)
    if text.isascii():
        return [(body, text)] if text else []
    fallback = face(FALLBACK, bold, italic)
    in_body = coverage(body)
    result: list[tuple[str, list[str]]] = []
    for char in text:
        code = ord(char)
        if code in in_body or char in "\n\t":
            name = body
        elif code in coverage(fallback):  # registers the fallback family on first use
            name = fallback
        elif unicodedata.category(char) == "Cf":
            continue  # an invisible format character (a joiner, a direction mark)
        else:
            name, char = fallback, REPLACEMENT
        if result and result[-1][0] == name:
            result[-1][1].append(char)
        else:
            result.append((name, [char]))
    return [(name, "".join(chars)) for name, chars in result]


def drawn_text(text: str) -> str:
    """What the PDF draws for ``text``: characters no shipped font has become U+FFFD."""
    return "".join(chunk for _face, chunk in runs(text))
