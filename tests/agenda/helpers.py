"""Reading an agenda pack back: each page's text, its stamped number, and the outline."""

from __future__ import annotations

import re
from io import BytesIO

from pypdf import PdfReader

from tests.documents.readback import normalise


def pages(data: bytes) -> list[str]:
    return [normalise(page.extract_text() or "") for page in PdfReader(BytesIO(data)).pages]


def stamped_number(text: str) -> int | None:
    """The page number stamped on the page: drawn last, so the last "Page N" in its text."""
    found = re.findall(r"(?<!\()\bPage (\d+)\b(?!\))", text)
    return int(found[-1]) if found else None


def page_reference(agenda_text: str, number: str, title: str) -> tuple[int, int] | None:
    """The "(Pages X - Y)" or "(Page X)" printed under item ``number``."""
    pattern = re.escape(f"{number}. {title}") + r" \(Pages? (\d+)(?: - (\d+))?\)"
    found = re.search(pattern, agenda_text)
    if not found:
        return None
    first = int(found.group(1))
    return first, int(found.group(2) or first)


def outline(data: bytes) -> list[tuple[int, str, int]]:
    """(depth, title, page from 1) for every bookmark, in order."""
    reader = PdfReader(BytesIO(data))
    out: list[tuple[int, str, int]] = []

    def walk(items: list, depth: int) -> None:
        for entry in items:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                out.append((depth, str(entry.title), reader.get_destination_page_number(entry) + 1))

    walk(reader.outline, 0)
    return out
