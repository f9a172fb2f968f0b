"""Search across meetings: what of a record is searchable, at what level, and the query.

``item_entries`` and ``entity_entries`` decide what each agenda item, minute paragraph,
resolution, action and declaration adds to the search index and whether it is confidential,
by the same exempt rule as the public minutes: everything recorded under an exempt item (one
with a Schedule 12A paragraph) is confidential; what the public minutes print of it (a public
title, the public summary, the bare fact of a declaration) is public. A sensitive interest's
nature is never searchable.

``parse_query`` turns what the user typed into words and phrases. It never fails: quotes
that do not pair up, operators and punctuation are read as plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from clerk.domain.entities import (
    ActionItem,
    AgendaItem,
    Declaration,
    Paragraph,
    Part,
    Resolution,
)

#: Around each matched word in a passage (characters no minute text holds).
MARK_START = "\x02"
MARK_END = "\x03"


class EntryKind(StrEnum):
    """What a search result is: the words name it in results and in the index."""

    ITEM = "item"
    PARAGRAPH = "minute"
    RESOLUTION = "resolution"
    ACTION = "action"
    DECLARATION = "declaration"


#: The collections whose entities are searchable, and the kind of entry each makes.
SEARCHED_COLLECTIONS: dict[str, EntryKind] = {
    "paragraphs": EntryKind.PARAGRAPH,
    "resolutions": EntryKind.RESOLUTION,
    "actions": EntryKind.ACTION,
    "declarations": EntryKind.DECLARATION,
}


@dataclass(frozen=True)
class Entry:
    """One searchable text: an entity of a meeting (or an item's title, entity 0)."""

    kind: EntryKind
    entity_id: int
    item_id: int
    confidential: bool
    text: str
    #: People the entry concerns (a declaration's member, an action's owner if a person).
    persons: tuple[str, ...] = ()


def parts_text(parts: tuple[Part, ...]) -> str:
    words: list[str] = []
    for part in parts:
        words.append(part.text)
        words.append(parts_text(part.parts))
    return " ".join(w for w in words if w)


def item_entries(item: AgendaItem) -> list[Entry]:
    """The item's title and, for an exempt item, its public summary."""
    entries = [
        Entry(EntryKind.ITEM, 0, item.id, item.exempt and not item.title_is_public, item.title)
    ]
    if item.exempt and item.public_summary.strip():
        entries.append(Entry(EntryKind.ITEM, -1, item.id, False, item.public_summary.strip()))
    return entries


def entity_entries(kind: EntryKind, entity: object, exempt: bool) -> list[Entry]:
    """What one searchable entity adds to the index (``exempt``: whether the item it is
    under is exempt, ``AgendaItem.exempt``; a paragraph or an action may be exempt on its own,
    as ``clerk.domain.exempt`` says)."""
    if isinstance(entity, Paragraph):
        own = entity.exempt_paragraph is not None  # exempt on its own: a confirmed correction
        return [Entry(kind, entity.id, entity.item_id, exempt or own, entity.text)]
    if isinstance(entity, Resolution):
        text = " ".join(t for t in (entity.preamble, parts_text(entity.parts)) if t)
        return [Entry(kind, entity.id, entity.item_id, exempt, text)]
    if isinstance(entity, ActionItem):
        comments = " ".join(c.text for c in entity.comments)
        text = " ".join(t for t in (parts_text((entity.text,)), entity.owner, comments) if t)
        own = entity.exempt_paragraph is not None  # carried from an exempt item, say
        return [Entry(kind, entity.id, entity.item_id, exempt or own, text)]
    if isinstance(entity, Declaration):
        return _declaration_entries(kind, entity, exempt)
    raise TypeError(f"not a searchable entity: {type(entity).__name__}")


def _declaration_entries(kind: EntryKind, declaration: Declaration, exempt: bool) -> list[Entry]:
    """The fact of a declaration is public; its nature is searchable only where the minutes
    print it (never for a sensitive interest; only confidentially under an exempt item when
    the clerk marked it as revealing exempt information, ``domain.exempt``)."""
    words = declaration.kind.value.replace("-", " ") + " interest"
    persons = (declaration.person_id,)
    nature = "" if declaration.sensitive else declaration.nature.strip()
    reference = declaration.dispensation_ref.strip()
    detail = " ".join(t for t in (nature, reference) if t)
    if not exempt or declaration.nature_public is True:
        text = f"{words} {detail}".strip()
        return [Entry(kind, declaration.id, declaration.item_id, False, text, persons)]
    entries = [Entry(kind, declaration.id, declaration.item_id, False, words, persons)]
    if detail:
        # The same entity, confidential: a negative id keeps it apart from the public entry.
        entries.append(Entry(kind, -declaration.id, declaration.item_id, True, detail, persons))
    return entries


# -- the query ------------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Query:
    """Words and quoted phrases, all of which a result must contain."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.words and not self.phrases

    def describe(self) -> str:
        shown = [*self.words, *(f'"{" ".join(p)}"' for p in self.phrases)]
        return " ".join(shown)


def parse_query(text: str) -> Query:
    """Words, and phrases in double quotes; anything else is punctuation between words.

    A quote without its pair is ignored, so ``"budget gap`` searches ``budget gap`` as words.
    A one-word phrase is a word.
    """
    normalised = text.replace("\u201c", '"').replace("\u201d", '"')
    pieces = normalised.split('"')
    if len(pieces) % 2 == 0:  # an odd number of quotes: the last one has no pair
        pieces[-2:] = [pieces[-2] + " " + pieces[-1]]
    words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    for index, piece in enumerate(pieces):
        found = tuple(w.lower() for w in _WORD.findall(piece))
        if index % 2 == 1 and len(found) > 1:
            if found not in phrases:
                phrases.append(found)
        else:
            words.extend(w for w in found if w not in words)
    return Query(tuple(words), tuple(phrases))


@dataclass(frozen=True)
class SearchFilters:
    committee: str | None = None
    person: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    include_confidential: bool = False
    kinds: tuple[EntryKind, ...] = field(default_factory=tuple)

    def problem(self) -> str | None:
        """Why these filters can match nothing, in a sentence (an empty date range)."""
        if self.date_from and self.date_to and self.date_from > self.date_to:
            return (
                f"The date range is empty: {self.date_from.isoformat()} is after "
                f"{self.date_to.isoformat()}."
            )
        return None
