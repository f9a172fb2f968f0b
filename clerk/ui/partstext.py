"""Numbered and lettered parts as the clerk types them, and back.

    1. to approve the Corporate Parenting Strategy;
    2. the Board to receive six monthly updates to include:
       a. reporting outcomes; and
       b. hidden impacts of Covid-19.

A line starting "1." or "1)" starts a part; "a.", "a)" or "(a)" starts a lettered sub-part of
the part above; any other line is a part of its own (numbers are given by position, so the
clerk never renumbers by hand). Blank lines are ignored.
"""

from __future__ import annotations

import re

from clerk.domain.entities import Part
from clerk.domain.rules.motions import LETTERS

_NUMBERED = re.compile(r"^\s*\d+\s*[.)]\s*(?P<text>.*)$")
_LETTERED = re.compile(r"^\s*(?:\((?P<a>[a-z])\)|(?P<b>[a-z])[.)])\s+(?P<text>.*)$")


class PartsTextError(ValueError):
    """The text cannot be read as parts; the message says which line."""


def parts_from_text(text: str) -> tuple[Part, ...]:
    parts: list[Part] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        lettered = _LETTERED.match(raw)
        if lettered is not None:
            if not parts:
                raise PartsTextError(
                    f"Line {number}: a lettered sub-part needs a numbered part above it."
                )
            last = parts[-1]
            parts[-1] = Part(last.text, (*last.parts, Part(lettered["text"].strip())))
            continue
        numbered = _NUMBERED.match(raw)
        body = numbered["text"] if numbered is not None else raw
        parts.append(Part(body.strip()))
    return tuple(parts)


def parts_to_text(parts: tuple[Part, ...]) -> str:
    lines: list[str] = []
    for number, part in enumerate(parts, start=1):
        lines.append(f"{number}. {part.text}")
        for letter, sub in zip(LETTERS, part.parts, strict=False):
            lines.append(f"   {letter}. {sub.text}")
    return "\n".join(lines)


def parts_summary(parts: tuple[Part, ...], limit: int = 90) -> str:
    """One line for a table cell: the first part, shortened."""
    if not parts:
        return ""
    text = parts[0].text
    more = f" (+{len(parts) - 1} more)" if len(parts) > 1 else ""
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text + more
