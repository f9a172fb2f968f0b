"""Every public output of a meeting, in one list: what exempt information must never reach.

Registered here: the public minutes; the committee's action tracker (every action, and open
actions only); the public agenda pack (``clerk agenda`` without ``--members``: its agenda and
the whole PDF with the minutes, tracker and reports it carries); public search results (every
word of the meeting's searchable text, searched without ``--confidential``); the open data
export (``clerk export-ocd``); and the committee's calendar (``clerk calendar``). Work that
publishes something else from a meeting registers its source here with ``@public_output``, so
the property tests that look for exempt text in public outputs (``tests/documents/leaks.py``)
check it too without being told.
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
    #: A PDF published as it is (the agenda pack): the tests read its text back.
    pdf: bytes = b""

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


@public_output
def public_agenda_pack(database: Database, meeting_id: int) -> Iterable[PublicOutput]:
    from clerk.services.agenda_pack import PackOptions, build_pack

    with database.reading() as conn:
        record, _version = repo.load_record(conn, meeting_id)
    if not record.items:
        return  # no agenda, no pack (the command says so)
    pack = build_pack(database, meeting_id, PackOptions(published=record.meeting.date))
    yield PublicOutput("public agenda pack", pack.agenda, pdf=pack.pdf)


@public_output
def public_search_results(database: Database, meeting_id: int) -> Iterable[PublicOutput]:
    """What a search without ``--confidential`` finds of the meeting, searching each word of
    everything the meeting's index holds (confidential entries too: they must not be found)."""
    from clerk.domain.search import SearchFilters, parse_query
    from clerk.services.search import ensure_index, search_each_word
    from clerk.storage.search_index import meeting_bodies

    ensure_index(database)
    with database.reading() as conn:
        (record,) = repo.load_records(conn, [meeting_id], collections=())
        bodies = meeting_bodies(conn, meeting_id)
    words = sorted({w for body in bodies for w in parse_query(body).words})
    day = record.meeting.date
    filters = SearchFilters(committee=record.committee.slug, date_from=day, date_to=day)
    found = [
        f"{result.where} {result.title}: {result.plain_snippet()}"
        for result in search_each_word(database, words, filters)
        if result.meeting_id == meeting_id
    ]
    yield PublicOutput("public search results", text="\n".join(found))


@public_output
def open_data_export(database: Database, meeting_id: int) -> Iterable[PublicOutput]:
    from clerk.services.open_data import export_open_data

    with database.reading() as conn:
        (record,) = repo.load_records(conn, [meeting_id], collections=())
    day = record.meeting.date
    text = export_open_data(database, [record.committee.slug], day, day, "https://example.org")
    yield PublicOutput("open data (export-ocd)", text=text)


@public_output
def public_calendar(database: Database, meeting_id: int) -> Iterable[PublicOutput]:
    from clerk.services.calendar_ics import committee_calendar as calendar

    with database.reading() as conn:
        (record,) = repo.load_records(conn, [meeting_id], collections=())
    data = calendar(database, record.committee.slug, "https://example.org")
    # Unfolded (RFC 5545 folds long lines), so a word is never split across lines.
    text = data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")
    yield PublicOutput("calendar (iCalendar)", text=text)
