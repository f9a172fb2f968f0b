"""Search every meeting's minutes, resolutions, actions and declarations.

The user's role decides whether confidential (exempt) text is searched: public only unless
``include_confidential``. A hit names the meeting and the item, so the window and the command
can open the meeting there. A query with nothing to search for, or an empty date range, is
answered with a sentence, never an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from clerk.domain.entities import CouncilProfile
from clerk.domain.rules.numbering import format_minute
from clerk.domain.search import MARK_END, MARK_START, EntryKind, Query, SearchFilters, parse_query

# The storage side (SQLAlchemy) loads on the first search: the window's home page, which
# shows the search box, is up before it (see docs/performance.md).
if TYPE_CHECKING:
    from clerk.storage.database import Database
    from clerk.storage.search_query import Hit

#: What a hidden title reads as in a public result (as in the public minutes).
EXEMPT_TITLE = "Exempt Item"
KIND_WORDS: dict[EntryKind, str] = {
    EntryKind.ITEM: "item",
    EntryKind.PARAGRAPH: "minutes",
    EntryKind.RESOLUTION: "resolution",
    EntryKind.ACTION: "action",
    EntryKind.DECLARATION: "declaration",
}


@dataclass(frozen=True)
class Result:
    meeting_id: int
    item_id: int
    #: ``<committee-slug>/<yyyy-mm-dd>``: how people and commands name the meeting.
    meeting: str
    committee: str
    date: date
    #: "Minute 17" or "Item 5".
    where: str
    title: str
    kind: EntryKind
    confidential: bool
    #: The matching passage, with each matched word between ``MARK_START`` and ``MARK_END``.
    snippet: str

    def plain_snippet(self, start: str = "[", end: str = "]") -> str:
        return self.snippet.replace(MARK_START, start).replace(MARK_END, end)

    def as_json(self) -> dict[str, Any]:
        return {
            "meeting_id": self.meeting_id,
            "meeting": self.meeting,
            "committee": self.committee,
            "date": self.date.isoformat(),
            "item_id": self.item_id,
            "where": self.where,
            "title": self.title,
            "kind": self.kind.value,
            "confidential": self.confidential,
            "snippet": self.plain_snippet(),
        }


@dataclass(frozen=True)
class Outcome:
    query: Query
    results: list[Result]
    #: More results exist beyond these.
    more: bool = False
    #: Why nothing was searched, or a note on the results (an index still to build).
    message: str = ""


def search(
    database: Database,
    text: str,
    filters: SearchFilters | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Outcome:
    filters = filters or SearchFilters()
    query = parse_query(text)
    if query.empty:
        return Outcome(query, [], message="Type a word or a phrase to search for.")
    problem = filters.problem()
    if problem is not None:
        return Outcome(query, [], message=problem)
    from clerk.storage import repository as repo
    from clerk.storage.search_query import search as run_search

    note = ensure_index(database)
    with database.reading() as conn:
        council = repo.load_council(conn)
        hits = run_search(conn, query, filters, limit + 1, offset)
    results = [_result(hit, council, filters.include_confidential) for hit in hits[:limit]]
    if not results and not note:
        note = f"Nothing matches {query.describe()}{_scope(filters)}."
    return Outcome(query, results, more=len(hits) > limit, message=note)


def search_each_word(
    database: Database, words: Iterable[str], filters: SearchFilters, limit: int = 1000
) -> list[Result]:
    """What searching each word on its own finds, in one reading: everything of the index a
    reader with these filters could reach word by word (the public outputs' check)."""
    from clerk.storage import repository as repo
    from clerk.storage.search_query import search as run_search

    ensure_index(database)
    results: list[Result] = []
    with database.reading() as conn:
        council = repo.load_council(conn)
        for word in words:
            query = parse_query(word)
            if not query.empty:
                hits = run_search(conn, query, filters, limit)
                results += [_result(h, council, filters.include_confidential) for h in hits]
    return results


def ensure_index(database: Database) -> str:
    """Build the index of a database upgraded from before it, when this Clerk can write."""
    from clerk.storage import search_index

    with database.reading() as conn:
        if search_index.is_built(conn):
            return ""
    if database.read_only:
        return (
            "The search index of this database is not built yet, so some meetings may be "
            "missing: run 'clerk search-index' where the database can be written."
        )
    rebuild_index(database)
    return ""


def rebuild_index(database: Database) -> int:
    """Index every meeting again; returns the number of meetings indexed."""
    from clerk.storage import search_index

    with database.transaction() as conn:
        return search_index.rebuild(conn)


def _scope(filters: SearchFilters) -> str:
    words: list[str] = []
    if filters.committee:
        words.append(f"in {filters.committee}")
    if filters.person:
        words.append(f"concerning {filters.person}")
    if filters.date_from:
        words.append(f"from {filters.date_from.isoformat()}")
    if filters.date_to:
        words.append(f"to {filters.date_to.isoformat()}")
    if not filters.include_confidential:
        words.append("in the public text")
    return " " + " ".join(words) if words else ""


def _result(hit: Hit, council: CouncilProfile | None, confidential: bool) -> Result:
    if hit.minute_number is not None and council is not None:
        label = format_minute(
            council.minute_heading_pattern,
            hit.minute_number,
            hit.date,
            (council.year_start_month, council.year_start_day),
        )
        where = f"Minute {label}"
    else:
        where = f"Item {hit.item_number}"
    hidden = hit.exempt and not hit.title_is_public and not confidential
    return Result(
        meeting_id=hit.meeting_id,
        item_id=hit.item_id,
        meeting=f"{hit.committee_slug}/{hit.date.isoformat()}",
        committee=hit.committee_name,
        date=hit.date,
        where=where,
        title=EXEMPT_TITLE if hidden else hit.item_title,
        kind=hit.kind,
        confidential=hit.confidential,
        snippet=hit.snippet,
    )
