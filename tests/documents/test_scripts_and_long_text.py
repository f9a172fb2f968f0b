"""Text the PDF renderer must not get wrong: right-to-left and joined scripts, characters no
shipped font has, and a paragraph half a million characters long (issue 20).

Each script is checked against what the PDF draws (the glyphs' Unicode, in drawing order)
and what the structure tree gives a screen reader (the paragraph as written).
"""

from __future__ import annotations

import re
import unicodedata
from io import BytesIO

import docx
import pytest
from docx.oxml.ns import qn
from reportlab.platypus.paragraph import Paragraph

from clerk.documents.model import Document, Furniture, Heading, Metadata, Para
from clerk.documents.pdf import render_pdf
from clerk.documents.word import render_docx
from tests.documents.tagged import Element, Tagged, read_tagged

ARABIC = "مرحبا بكم في المجلس"
HEBREW = "שלום עולם"


def _document(*texts: str) -> Document:
    return Document(
        Metadata("Scripts", "Tests", "Torbay Council"),
        Furniture("The Board", "Monday, 20 September 2021"),
        (Heading("Scripts", 0), *(Para(text) for text in texts)),
    )


def _paragraphs(tagged: Tagged) -> list[Element]:
    return tagged.root.all("P")


def _drawn(tagged: Tagged, element: Element) -> str:
    return "".join(tagged.pages[page].marked[mcid] for page, mcid in element.content).strip()


def _fonts(tagged: Tagged, element: Element) -> set[str]:
    return set().union(*(tagged.pages[p].fonts.get(m, set()) for p, m in element.content))


def test_arabic_is_joined_and_drawn_right_to_left_inside_an_english_sentence() -> None:
    sentence = f"Councillor Hassan said {ARABIC} to the Board."
    tagged = read_tagged(render_pdf(_document(sentence)))
    (paragraph,) = _paragraphs(tagged)
    assert paragraph.actual_text == sentence  # what a screen reader reads
    drawn = _drawn(tagged, paragraph)
    assert drawn.startswith("Councillor Hassan said ") and drawn.endswith(" to the Board.")
    arabic = drawn.removeprefix("Councillor Hassan said ").removesuffix(" to the Board.")
    # Joined: contextual forms (initial, medial, final), not the bare letters.
    assert not any("\u0621" <= c <= "\u064a" for c in arabic)
    names = {unicodedata.name(c) for c in arabic if c != " "}
    assert any(name.endswith("INITIAL FORM") for name in names)
    assert any(name.endswith("MEDIAL FORM") for name in names)
    assert any(name.endswith("FINAL FORM") for name in names)
    # Drawn right to left: read backwards, the forms spell the words as written.
    assert unicodedata.normalize("NFKC", arabic[::-1]) == ARABIC
    assert "DejaVuSans" in _fonts(tagged, paragraph)  # Liberation Sans has no Arabic


def test_hebrew_is_drawn_right_to_left_in_the_body_font() -> None:
    tagged = read_tagged(render_pdf(_document(f"The motto {HEBREW} was adopted.")))
    (paragraph,) = _paragraphs(tagged)
    assert _drawn(tagged, paragraph) == f"The motto {HEBREW[::-1]} was adopted."
    assert paragraph.actual_text == f"The motto {HEBREW} was adopted."
    assert _fonts(tagged, paragraph) == {"LiberationSans"}


def test_a_right_to_left_paragraph_over_several_lines_keeps_its_line_order() -> None:
    words = [f"{ARABIC} {n}" for n in range(1, 41)]
    text = " ".join(words)
    tagged = read_tagged(render_pdf(_document(text)))
    (paragraph,) = _paragraphs(tagged)
    assert paragraph.actual_text == text
    # Read top to bottom, each line right to left: the first line drawn holds the first
    # words (numbers falling from right to left), the last line the last.
    numbers = [int(n) for n in re.findall(r"\d+", _drawn(tagged, paragraph))]
    assert sorted(numbers) == list(range(1, 41))
    assert numbers[0] <= 10 and numbers[-1] >= 30
    assert numbers[0] > numbers[1]
    assert paragraph.attributes == {}


def test_word_marks_a_right_to_left_paragraph_and_keeps_the_text_as_written() -> None:
    word = docx.Document(BytesIO(render_docx(_document(ARABIC, f"English then {HEBREW}"))))
    arabic, english = word.paragraphs[1], word.paragraphs[2]
    assert arabic.text == ARABIC and arabic._p.pPr.find(qn("w:bidi")) is not None
    assert english.text == f"English then {HEBREW}"
    assert english._p.pPr is None or english._p.pPr.find(qn("w:bidi")) is None


@pytest.mark.parametrize(
    ("text", "shown", "font"),
    [
        ("Georgian ქართული", "Georgian ქართული", "DejaVuSans"),  # the fallback has it
        ("The sign ∮ stays", "The sign ∮ stays", "DejaVuSans"),
        ("Chinese 議會 name", "Chinese \ufffd\ufffd name", "DejaVuSans"),  # no shipped font
        ("A smile 🙂 here", "A smile \ufffd here", "DejaVuSans"),
    ],
)
def test_a_character_the_font_lacks_falls_back_or_is_replaced_never_lost(
    text: str, shown: str, font: str
) -> None:
    tagged = read_tagged(render_pdf(_document(text)))
    (paragraph,) = _paragraphs(tagged)
    drawn = _drawn(tagged, paragraph)
    assert drawn == shown  # every glyph maps to the character it shows
    assert "\x00" not in drawn and not any("\ue000" <= c <= "\uf8ff" for c in drawn)
    assert paragraph.text == text  # a reader gets what was written
    assert {"LiberationSans", font} >= _fonts(tagged, paragraph)


def test_a_500000_character_paragraph_is_laid_out_in_linear_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each line is broken a bounded number of times, however many pages the paragraph runs
    to (reportlab alone re-breaks the rest of a paragraph at every page: quadratic)."""
    words = [
        "the",
        "committee",
        "considered",
        "the",
        "report",
        "of",
        "the",
        "director",
        "on",
        "children's",
        "services",
    ]
    text = " ".join(words[n % len(words)] for n in range(90_000))[:500_000]
    broken: list[int] = []
    original = Paragraph.breakLines

    def counting(self: Paragraph, width: object) -> object:
        result = original(self, width)
        broken.append(len(result.lines))
        return result

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    tagged = read_tagged(render_pdf(_document(text)))
    lines = max(broken)  # the paragraph broken whole, once
    assert len(tagged.pages) > 100
    # Each line broken about three times (whole, in its piece, at a page break); reportlab
    # alone breaks lines about (pages / 2) times each.
    assert sum(broken) <= 4 * lines, (sum(broken), lines)
    (paragraph,) = _paragraphs(tagged)  # one paragraph to a reader, across every page
    assert len({page for page, _mcid in paragraph.content}) == len(tagged.pages)
    assert " ".join(_drawn(tagged, paragraph).split()) == " ".join(text.split())
