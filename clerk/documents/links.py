"""Web addresses in minute text, found once for every renderer that makes them links.

"https://www.torbay.gov.uk/..." and "www.torbay.gov.uk/..." become links (Word hyperlinks,
HTML anchors); a full stop, comma or closing bracket after an address ends the sentence, not
the address. Text without a scheme or "www." (as "publishing.service.gov.uk") stays text.
"""

from __future__ import annotations

import re

_ADDRESS = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_TRAILING = ".,;:!?'’”)]}"


def segments(text: str) -> list[tuple[str, str | None]]:
    """``text`` as (text, address) pieces in order; ``address`` is None between links."""
    pieces: list[tuple[str, str | None]] = []
    position = 0
    for match in _ADDRESS.finditer(text):
        shown = match.group(0)
        while shown and shown[-1] in _TRAILING:
            if shown[-1] == ")" and shown.count("(") >= shown.count(")"):
                break  # a bracket that belongs to the address
            shown = shown[:-1]
        if "." not in shown.split("//", 1)[-1]:
            continue
        start, end = match.start(), match.start() + len(shown)
        if start > position:
            pieces.append((text[position:start], None))
        address = shown if "://" in shown else f"https://{shown}"
        pieces.append((shown, address))
        position = end
    if position < len(text):
        pieces.append((text[position:], None))
    return pieces


def has_links(text: str) -> bool:
    return _ADDRESS.search(text) is not None
