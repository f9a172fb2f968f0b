"""The quirks of real ModernGov answers, undone one small function at a time.

- Elements that hold only whitespace (``<keyposts>\\r\\n   </keyposts>``) mean empty.
- Titles arrive HTML-escaped twice (``Fees &amp;amp; Charges``): one unescape by the XML
  parser, one here.
- Agenda text is Word-generated HTML; Clerk wants plain paragraphs.
- Names carry "Councillor" / "Cllr" (and Mr, Dr...) in front: that is the honorific.
- Dates are dd/mm/yyyy, times "10.00 am".
"""

from __future__ import annotations

import html
import re
from datetime import date, time
from html.parser import HTMLParser

from clerk.domain.errors import ClerkError


class BadValue(ClerkError):
    """A value in an answer that cannot be read (a date, a time)."""

    def __init__(self, value: str, problem: str) -> None:
        super().__init__(f"'{value}' {problem}")
        self.value = value
        self.problem = problem


def clean(text: str | None) -> str:
    """Text as the council meant it: whitespace-only is empty, double escaping undone."""
    if text is None:
        return ""
    value = text.strip()
    for _ in range(3):  # escaped twice by ModernGov (once more by some exports)
        if "&" not in value:
            break
        value = html.unescape(value)
    return " ".join(value.split())


def flag(text: str | None) -> bool:
    """ModernGov's booleans: ``True`` / ``False`` (any case); anything else is false."""
    return clean(text).lower() in ("true", "1", "yes")


_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$")


def parse_date(text: str) -> date:
    """``20/09/2021`` (day first, as ModernGov writes it) to a date."""
    value = clean(text)
    match = _DATE.match(value)
    if match is None:
        raise BadValue(value, "is not a date (dd/mm/yyyy)")
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise BadValue(value, "is not a real date") from None


_TIME = re.compile(r"^(\d{1,2})(?:[.:](\d{2}))?(?::\d{2})?\s*(am|pm|a\.m\.|p\.m\.)?$")


def parse_time(text: str) -> time | None:
    """``10.00 am``, ``2.30 pm``, ``12 noon``, ``14:30`` to a time; empty is None."""
    value = clean(text).lower()
    if not value:
        return None
    if value in ("noon", "12 noon", "12.00 noon", "12:00 noon", "midday"):
        return time(12, 0)
    match = _TIME.match(value)
    if match is None:
        raise BadValue(clean(text), "is not a time (like 10.00 am)")
    hour, minute = int(match[1]), int(match[2] or 0)
    suffix = (match[3] or "").replace(".", "")
    if suffix:
        if not 1 <= hour <= 12:
            raise BadValue(clean(text), "is not a time (like 10.00 am)")
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        raise BadValue(clean(text), "is not a time (like 10.00 am)")
    return time(hour, minute)


def format_date(day: date) -> str:
    """A date as ModernGov's web service takes it (dd/mm/yyyy)."""
    return day.strftime("%d/%m/%Y")


# -- names --------------------------------------------------------------------------------

#: Honorifics in front of names; "Cllr" is written out as "Councillor".
_HONORIFICS = (
    "councillor",
    "cllr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "revd",
    "reverend",
    "canon",
)


def split_honorific(full_name: str) -> tuple[str, str]:
    """``Councillor Nick Bye`` to ``("Councillor", "Nick Bye")``; ``Cllr Dr A Smith`` to
    ``("Councillor Dr", "A Smith")``."""
    words = clean(full_name).split()
    prefix: list[str] = []
    while len(words) > 1 and words[0].lower().rstrip(".") in _HONORIFICS:
        word = words.pop(0).rstrip(".")
        prefix.append("Councillor" if word.lower() in ("cllr", "councillor") else word)
    return " ".join(prefix), " ".join(words)


def is_councillor_title(honorific: str) -> bool:
    return honorific.split()[:1] == ["Councillor"]


# -- agenda text: Word-generated HTML to plain paragraphs --------------------------------

_BLOCKS = {
    "p",
    "div",
    "li",
    "br",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "blockquote",
}
_SKIPPED = {"style", "script", "head", "title", "xml", "o:smarttagtype"}


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.skipping = 0
        self.lists: list[int | None] = []  # a counter per open <ol>, None for <ul>

    def _break(self) -> None:
        text = " ".join("".join(self.current).replace("\xa0", " ").split())
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
            return
        if tag in _BLOCKS:
            self._break()
        if tag == "ol":
            self.lists.append(0)
        elif tag == "ul":
            self.lists.append(None)
        elif tag == "li" and self.lists and self.lists[-1] is not None:
            number = self.lists[-1] + 1
            self.lists[-1] = number
            self.current.append(f"{number}. ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)


def html_paragraphs(markup: str | None) -> list[str]:
    """Agenda text (HTML, perhaps escaped once more) as plain paragraphs, in order."""
    if not markup or not markup.strip():
        return []
    text = markup
    if "<" not in text and "&lt;" in text:
        text = html.unescape(text)  # the HTML itself was escaped twice
    parser = _Paragraphs()
    parser.feed(text)
    parser.close()
    parser._break()
    return [clean(p) for p in parser.paragraphs if clean(p)]


_PAGES = re.compile(r"^\(?\s*(Pages?)\s+(\d+(?:\s*-\s*\d+)?)\s*\)?\s*$", re.IGNORECASE)


def report_pages(paragraphs: list[str]) -> tuple[str, list[str]]:
    """A leading "(Pages 7 - 16)" paragraph taken out as the report pages."""
    if paragraphs:
        match = _PAGES.match(paragraphs[0])
        if match:
            pages = re.sub(r"\s*-\s*", " - ", match[2])
            return pages, paragraphs[1:]
    return "", paragraphs


_PARAGRAPH = re.compile(
    r"\bparagraphs?\s+([1-7])\b(?![\d.])(?:[^.]{0,80}?\bschedule\s*12\s*a\b)?", re.IGNORECASE
)


def exempt_paragraph(*texts: str) -> int | None:
    """The Schedule 12A paragraph a restricted item states (``paragraph 3``), if it says."""
    for text in texts:
        if "12a" in text.lower().replace(" ", "") or "exempt" in text.lower():
            match = _PARAGRAPH.search(text)
            if match:
                return int(match[1])
    return None
