"""Whatever a clerk types (pasted Word line breaks, control characters, markup-like text,
any script) renders in both formats without error."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clerk.documents.model import (
    Cell,
    Column,
    Document,
    Furniture,
    Heading,
    ListItem,
    Metadata,
    NumberedList,
    Para,
    Signature,
    Table,
    printable,
)
from clerk.documents.pdf import render_pdf
from clerk.documents.word import render_docx
from tests.documents.readback import docx_lines, normalise

TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)


def test_printable_keeps_line_breaks_and_drops_what_word_cannot_hold() -> None:
    assert printable("a\x0bb\r\nc\x00d\x07e\tf") == "a\nb\ncde\tf"


@settings(max_examples=10, deadline=None)
@given(TEXT, TEXT, TEXT)
def test_any_text_renders_in_word_and_pdf(heading: str, body: str, cell: str) -> None:
    document = Document(
        Metadata(title=heading, subject=body, author=cell),
        Furniture(running_left=heading, running_right=body, markings=(cell,)),
        (
            Heading(heading, 1, bookmark=True),
            Para(body, bold=True),
            NumberedList((ListItem(body, (ListItem(cell),)),)),
            Table((Column(heading, 1, 30),), ((Cell((Para(cell),)),),)),
            Signature(heading),
        ),
    )
    assert render_pdf(document).startswith(b"%PDF")
    lines = docx_lines(render_docx(document))
    assert normalise(printable(body)) in normalise(" ".join(lines))
