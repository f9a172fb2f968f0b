"""The agenda pack: front sheet and agenda, then each item's documents, pages numbered through.

The documents appended, in agenda order: the draft minutes of the meetings being confirmed
(the Minutes item), the committee's action tracker (the item whose title says so) and the
reports attached to items. The agenda's "(Pages X - Y)" are the real pages of the pack as
assembled: the agenda is laid out, its length counted, and laid out again until the page
references no longer move it. The public pack leaves out Part II reports; the members' pack
has them, marked confidential on every page. Word carries the front sheet and agenda (to
edit), the PDF the whole pack.

The law's clock (five clear days, s.100B LGA 1972) is checked against the day of publication;
a late pack is still produced, with a warning.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import Connection

from clerk.documents.agenda import AgendaOptions, agenda_items, compose_agenda
from clerk.documents.minutes import MinutesOptions, compose_minutes, exempt_paragraphs
from clerk.documents.model import Document
from clerk.documents.pdf import render_pdf
from clerk.documents.pdf_merge import Part, assemble, page_count
from clerk.documents.tracker import compose_tracker
from clerk.documents.word import render_docx
from clerk.domain.entities import AgendaItem
from clerk.domain.enums import StandardItem
from clerk.domain.errors import ClerkError
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.numbering import same_municipal_year
from clerk.domain.signoff.confirmation import action_tracker_item, minutes_due_at
from clerk.domain.signoff.lifecycle import MinutesStage, stage_of
from clerk.domain.timefmt import long_date
from clerk.services.confirmation import facts
from clerk.services.documents import (
    TRACKER_COLLECTIONS,
    minutes_are_draft,
    parse_formats,
    write_files,
)
from clerk.services.publication import PublicationCheck, publication_check
from clerk.services.reports import report_content
from clerk.storage import repository as repo
from clerk.storage.database import Database

#: Reports progress: (steps done, steps in all, what is being done).
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class PackOptions:
    published: date
    members: bool = False
    supplementary: bool = False


@dataclass(frozen=True)
class Pack:
    """The pack built, not yet written: the agenda document, the whole PDF, its pages."""

    record: MeetingRecord
    agenda: Document
    pdf: bytes
    pages: int
    item_pages: dict[int, tuple[int, int]]
    check: PublicationCheck


@dataclass(frozen=True)
class _ItemPart:
    item: AgendaItem
    title: str
    data: bytes
    pages: int


def _no_footer(document: Document) -> Document:
    """The document without its own page numbers: the pack numbers every page itself."""
    return replace(document, furniture=replace(document.furniture, page_label=""))


def _kept(data: bytes) -> Callable[[], bytes]:
    """Work that has nothing to render: a report file as kept."""
    return lambda: data


class _Builder:
    def __init__(
        self, database: Database, meeting_id: int, options: PackOptions, progress: Progress
    ) -> None:
        self.database = database
        self.meeting_id = meeting_id
        self.options = options
        self.progress = progress

    def build(self) -> Pack:
        with self.database.reading() as conn:
            record, _version = repo.load_record(conn, self.meeting_id)
            if not record.items:
                raise ClerkError(
                    f"The meeting of {long_date(record.meeting.date)} has no agenda: add its "
                    "items (Edit the agenda) before making the pack."
                )
            items = agenda_items(record, self.options.supplementary)
            if not items:
                raise ClerkError(
                    f"The meeting of {long_date(record.meeting.date)} has no item added late "
                    "(with a reason for urgency), so there is no supplementary agenda to make."
                )
            minutes, confirms = self.minutes_due(conn, record)
            sources = self.sources(conn, record, items, minutes)
        steps = len(sources) + 3
        self.progress(0, steps, "Composing the minutes, the tracker and the reports")
        parts: list[_ItemPart] = []
        for index, (item, title, make) in enumerate(sources, start=1):
            data = make()
            parts.append(_ItemPart(item, title, data, page_count(data)))
            self.progress(index, steps, f"Item {item.number}: {title}")
        agenda, front = self.lay_out_agenda(record, confirms, parts)
        self.progress(len(sources) + 1, steps, "Numbering the pages and joining the pack")
        pdf = assemble(
            self.pack_parts(record, front, parts),
            title=agenda.metadata.title,
            metadata={"Author": agenda.metadata.author, "Subject": agenda.metadata.subject},
        )
        self.progress(len(sources) + 2, steps, "Assembled")
        return Pack(
            record=record,
            agenda=agenda,
            pdf=pdf,
            pages=page_count(pdf),
            item_pages=self.item_pages,
            check=publication_check(record.meeting.date, self.options.published),
        )

    # -- what goes in -------------------------------------------------------------------

    def minutes_due(
        self, conn: Connection, record: MeetingRecord
    ) -> tuple[list[MeetingRecord], list[date]]:
        """The meetings whose minutes this meeting confirms, fully loaded, and their dates."""
        slug = record.committee.slug
        listed = repo.list_meetings(conn, slug)
        others = repo.load_records(
            conn, [i for i, _s, _m in listed if i != self.meeting_id], ("items", "signoff")
        )
        self.later = {
            o.meeting_id: [x for x in others if x.meeting.date > o.meeting.date] for o in others
        }
        confirmed = {
            other.meeting_id
            for other in others
            if stage_of(other).reached(MinutesStage.CONFIRMED)
            or not minutes_are_draft(other, self.later[other.meeting_id])
        }
        here = facts(self.meeting_id, record.meeting)
        meetings = [facts(i, m) if i != self.meeting_id else here for i, _s, m in listed]
        due = {m.id for m in minutes_due_at(here, meetings, record.council, confirmed)}
        recorded = {
            item.confirms_meeting for item in record.items.values() if item.confirms_meeting
        }
        due |= {o.meeting_id for o in others if o.meeting.date.isoformat() in recorded}
        ordered = sorted((o for o in others if o.meeting_id in due), key=lambda o: o.meeting.date)
        full = repo.load_records(conn, [o.meeting_id for o in ordered])
        dates = {o.meeting.date for o in ordered} | {date.fromisoformat(d) for d in recorded}
        return full, sorted(dates)

    def sources(
        self,
        conn: Connection,
        record: MeetingRecord,
        items: Sequence[AgendaItem],
        minutes: list[MeetingRecord],
    ) -> list[tuple[AgendaItem, str, Callable[[], bytes]]]:
        """Each item's documents in agenda order, as work to render them (off the reading)."""
        tracker = action_tracker_item(record)
        out: list[tuple[AgendaItem, str, Callable[[], bytes]]] = []
        for item in items:
            if item.standard is StandardItem.MINUTES:
                for confirmed in minutes:
                    title = f"Minutes of {long_date(confirmed.meeting.date)}"
                    out.append((item, title, self.minutes_work(confirmed)))
            if tracker is not None and item.id == tracker.id:
                out.append((item, "Action Tracker", self.tracker_work(conn, record)))
            if item.exempt and not self.options.members:
                continue  # the public pack: Part II reports are not published
            for report in item.reports:
                content = report_content(conn, self.meeting_id, report.sha256)
                if content is None:
                    raise ClerkError(
                        f"The report {report.file_name} on item {item.number} is not in this "
                        "database (the meeting was imported without it): attach it again."
                    )
                out.append((item, report.file_name, _kept(content)))
        return out

    def minutes_work(self, confirmed: MeetingRecord) -> Callable[[], bytes]:
        confidential = self.options.members and bool(exempt_paragraphs(confirmed))
        draft = minutes_are_draft(confirmed, self.later[confirmed.meeting_id])
        options = MinutesOptions(confidential=confidential, draft=draft)
        document = compose_minutes(confirmed, options)
        return lambda: render_pdf(_no_footer(document))

    def tracker_work(self, conn: Connection, record: MeetingRecord) -> Callable[[], bytes]:
        """The tracker as the meeting will see it: the actions of the committee's earlier
        meetings this municipal year, and any still open from before."""
        council = record.council
        earlier = [
            i
            for i, _s, m in repo.list_meetings(conn, record.committee.slug)
            if m.date < record.meeting.date
        ]
        records = repo.load_records(conn, earlier, TRACKER_COLLECTIONS)
        for other in records:
            if not same_municipal_year(
                other.meeting.date,
                record.meeting.date,
                council.year_start_month,
                council.year_start_day,
            ):
                other.actions = {k: a for k, a in other.actions.items() if a.status.is_open}
        document = compose_tracker(council, record.committee, records)
        return lambda: render_pdf(_no_footer(document))

    # -- the agenda and its page references ---------------------------------------------

    def lay_out_agenda(
        self, record: MeetingRecord, confirms: list[date], parts: list[_ItemPart]
    ) -> tuple[Document, bytes]:
        """Lay the agenda out until its length and its page references agree."""
        options = AgendaOptions(
            published=self.options.published,
            members=self.options.members,
            supplementary=self.options.supplementary,
        )
        length = 2
        for _attempt in range(6):
            self.item_pages = self.pages_after(length, parts)
            document = compose_agenda(record, confirms, self.item_pages, options)
            if self.options.members:
                meta = replace(document.metadata, title=f"{document.metadata.title} (members)")
                document = replace(document, metadata=meta)
            front = render_pdf(_no_footer(document))
            counted = page_count(front)
            if counted == length:
                return document, front
            length = counted
        raise ClerkError("The agenda's page references would not settle; please report this.")

    @staticmethod
    def pages_after(length: int, parts: list[_ItemPart]) -> dict[int, tuple[int, int]]:
        pages: dict[int, tuple[int, int]] = {}
        cursor = length + 1
        for part in parts:
            first, last = pages.get(part.item.id, (cursor, cursor - 1))
            pages[part.item.id] = (first, last + part.pages)
            cursor += part.pages
        return pages

    def pack_parts(self, record: MeetingRecord, front: bytes, parts: list[_ItemPart]) -> list[Part]:
        out = [Part(front, "Agenda", lead=("Front sheet",))]
        seen: set[int] = set()
        for part in parts:
            item = part.item
            hidden = item.exempt and not item.title_is_public and not self.options.members
            group = f"{item.number}. {'Exempt Item' if hidden else item.title}"
            marking = ""
            if item.exempt_paragraph is not None:
                marking = (
                    "Confidential: not for publication (Schedule 12A to the Local Government "
                    f"Act 1972, paragraph {item.exempt_paragraph})"
                )
            label = "" if item.id in seen else f"Agenda Item {item.number}"
            seen.add(item.id)
            out.append(Part(part.data, part.title, group, label, marking))
        return out


def build_pack(
    database: Database,
    meeting_id: int,
    options: PackOptions,
    progress: Progress = lambda _done, _total, _what: None,
) -> Pack:
    """The pack of a meeting, built in memory (nothing written)."""
    return _Builder(database, meeting_id, options, progress).build()


@dataclass(frozen=True)
class PackFiles:
    paths: list[Path]
    pages: int
    check: PublicationCheck


def pack_stem(record: MeetingRecord, options: PackOptions) -> str:
    stem = f"{record.committee.slug}-{record.meeting.date.isoformat()}-agenda"
    if options.supplementary:
        stem += "-supplementary"
    if options.members:
        stem += "-members"
    return stem


def generate_agenda_pack(
    database: Database,
    meeting_id: int,
    formats: Sequence[str],
    out_dir: Path,
    members: bool = False,
    supplementary: bool = False,
    published: date | None = None,
    progress: Progress = lambda _done, _total, _what: None,
) -> PackFiles:
    """Write the pack: Word (front sheet and agenda) and PDF (the whole pack), as asked."""
    names = parse_formats(formats)
    options = PackOptions(
        published=published or date.today(), members=members, supplementary=supplementary
    )
    pack = build_pack(database, meeting_id, options, progress)
    rendered = {"pdf": pack.pdf, "docx": render_docx(pack.agenda) if "docx" in names else b""}
    stem = pack_stem(pack.record, options)
    paths = write_files([(f"{stem}.{name}", rendered[name]) for name in names], Path(out_dir))
    return PackFiles(paths=paths, pages=pack.pages, check=pack.check)
