"""Every public output of a meeting, in one list: what exempt information must never reach.

The public minutes and the committee's action tracker (every action, and open actions only)
are registered here. Work that publishes something else from a meeting (the agenda pack,
search results) registers its own source with ``@public_output``, so the property tests that
look for exempt text in public outputs (``tests/documents/leaks.py``) check it too without
being told.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from clerk.documents.model import Document
from clerk.storage import repository as repo
from clerk.storage.database import Database


@dataclass(frozen=True)
class PublicOutput:
    """One published output: a composed document (rendered to Word and PDF by the tests), or
    plain text for an output that is not a document (search results, a feed)."""

    name: str
    document: Document | None = None
    text: str = ""

    def all_text(self) -> str:
        """Everything a reader could see: body, running heads, markings, metadata."""
        if self.document is None:
            return self.text
        document = self.document
        meta = document.metadata
        furniture = document.furniture
        return "\n".join(
            [
                *document.text_lines(),
                *furniture.markings,
                furniture.running_left,
                furniture.running_right,
                meta.title,
                meta.subject,
                meta.keywords,
                self.text,
            ]
        )


#: A source of public outputs for a meeting (database, meeting id).
Source = Callable[[Database, int], Iterable[PublicOutput]]
SOURCES: list[Source] = []


def public_output(source: Source) -> Source:
    """Register a source of public outputs (a decorator)."""
    SOURCES.append(source)
    return source


def public_outputs(database: Database, meeting_id: int) -> list[PublicOutput]:
    """Every public output of the meeting, from every registered source."""
    return [output for source in SOURCES for output in source(database, meeting_id)]


@public_output
def public_minutes(database: Database, meeting_id: int) -> Iterable[PublicOutput]:
    from clerk.services.documents import minutes_document  # python-docx, reportlab: lazily

    _record, document = minutes_document(database, meeting_id, confidential=False)
    yield PublicOutput("public minutes", document)


@public_output
def committee_tracker(database: Database, meeting_id: int) -> Iterable[PublicOutput]:
    from clerk.services.documents import tracker_document

    with database.reading() as conn:
        (record,) = repo.load_records(conn, [meeting_id], collections=())
    slug = record.committee.slug
    yield PublicOutput("action tracker", tracker_document(database, slug, open_only=False))
    yield PublicOutput("open actions", tracker_document(database, slug, open_only=True))
