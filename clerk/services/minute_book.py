"""The minutes as they are signed: the minute-book copy for wet ink, the PDF for a digital
signature.

Both are the full minutes (with any exempt business, marked confidential) without the draft
mark, ending in a boxed signature block with room to sign. The minute-book copy is numbered on
from the committee's earlier signed minutes of the municipal year (Local Government Act 1972,
Schedule 12, paragraph 41: loose-leaf minute pages are numbered consecutively and initialled):
"Minute book page 12" in every footer, a box for the chair's initials on every page, and the
minutes' fingerprint (the journal's head when they were approved) printed once, small and
labelled, beside the signature, which ties the paper to the record it was printed from.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import Connection

from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.documents.model import Document, Signature
from clerk.domain.enums import SigningMode, SignoffStepKind
from clerk.domain.errors import ClerkError
from clerk.domain.exempt import has_exempt_business
from clerk.domain.fingerprint import minutes_fingerprint
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.numbering import municipal_year_start
from clerk.domain.signoff.approved import as_approved
from clerk.domain.signoff.lifecycle import (
    MinutesStage,
    latest,
    minutes_name,
    require_stage,
    signatory_title,
)
from clerk.domain.timefmt import long_date
from clerk.fileio import write_bytes
from clerk.storage import repository as repo
from clerk.storage.database import Database

PAGE_LABEL = "Minute book page {book}"
FINGERPRINT_LABEL = "Record fingerprint"


def final_document(record: MeetingRecord, signature: Signature) -> Document:
    """The minutes as signed: everything minuted, no draft mark, ``signature`` at the end,
    with the names, committee and house style as they were when the minutes were approved."""
    record = as_approved(record)
    options = MinutesOptions(confidential=has_exempt_business(record), draft=False)
    document = compose_minutes(record, options)
    if not document.blocks or not isinstance(document.blocks[-1], Signature):
        raise ClerkError("The minutes do not end with a signature block; they cannot be signed.")
    return replace(document, blocks=(*document.blocks[:-1], signature))


@dataclass(frozen=True)
class MinuteBook:
    """Where these minutes start in the minute book, and what the numbering rests on."""

    first_page: int
    #: Earlier meetings of the municipal year not yet signed: their pages are not counted.
    unsigned: tuple[str, ...] = ()


def minute_book_start(conn: Connection, record: MeetingRecord) -> MinuteBook:
    """The first page: one after the last page signed at the committee's earlier meetings of
    the municipal year (page 1 at the year's first meeting)."""
    council = record.council
    start = municipal_year_start(
        record.meeting.date, council.year_start_month, council.year_start_day
    )
    last = 0
    unsigned = []
    for meeting_id, _slug, meeting in repo.list_meetings(conn, record.committee.slug):
        if not start <= meeting.date < record.meeting.date:
            continue
        earlier, _version = repo.load_record(conn, meeting_id)
        signed = latest(earlier, SignoffStepKind.SIGNED)
        if signed is not None and signed.last_page is not None:
            last = max(last, signed.last_page)
        elif signed is None:
            unsigned.append(long_date(meeting.date))
    return MinuteBook(last + 1, tuple(unsigned))


def minute_book_document(record: MeetingRecord, first_page: int) -> Document:
    """The copy for the minute book, carrying the minutes' fingerprint (the journal's head at
    approval, ``clerk.domain.fingerprint``): the paper then names the record it came from."""
    record = as_approved(record)
    title = signatory_title(record)
    signature = Signature(title, boxed=True, aside=(FINGERPRINT_LABEL, minutes_fingerprint(record)))
    document = final_document(record, signature)
    furniture = replace(
        document.furniture,
        page_label=PAGE_LABEL,
        first_page=first_page,
        initials_box=True,
    )
    return replace(document, furniture=furniture)


def count_pages(pdf: bytes) -> int:
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf))
    return int(reader.root["/Pages"]["/Count"])


@dataclass(frozen=True)
class Printed:
    path: Path | None
    pdf: bytes
    first_page: int
    last_page: int
    unsigned: tuple[str, ...]
    #: The minutes' fingerprint, printed on the copy (``clerk audit --fingerprint`` checks it).
    fingerprint: str = ""

    def lines(self) -> list[str]:
        where = f"{self.path}: " if self.path else ""
        out = [f"{where}minute-book pages {self.first_page} to {self.last_page}."]
        if self.fingerprint:
            out.append(
                f"Fingerprint {self.fingerprint}: printed on the copy; 'clerk audit MEETING "
                "--fingerprint CODE' checks the record against it."
            )
        if self.unsigned:
            out.append(
                "Note: earlier minutes of this municipal year are not signed yet, so their pages "
                f"are not counted: {', '.join(self.unsigned)}."
            )
        return out


def minute_book_copy(database: Database, meeting_id: int) -> Printed:
    """The minute-book copy, in memory: approved minutes only, for councils signing in ink."""
    with database.reading() as conn:
        record, _version = repo.load_record(conn, meeting_id)
        book = minute_book_start(conn, record)
    if record.council.signing_mode is not SigningMode.WET_INK:
        raise ClerkError(
            f"{record.council.name} signs minutes digitally (its profile): there is no "
            "minute-book copy to print; sign with 'clerk sign MEETING --p12 ...'."
        )
    require_stage(
        record,
        (MinutesStage.APPROVED, MinutesStage.CONFIRMED, MinutesStage.SIGNED),
        f"print the minute-book copy of {minutes_name(record)}",
    )
    # reportlab is imported when a PDF is made: the window imports this module at start.
    from clerk.documents.pdf import render_pdf

    pdf = render_pdf(minute_book_document(record, book.first_page))
    last = book.first_page + count_pages(pdf) - 1
    return Printed(None, pdf, book.first_page, last, book.unsigned, minutes_fingerprint(record))


def print_minute_book(database: Database, meeting_id: int, out: Path) -> Printed:
    """Write the print-ready minute-book copy (PDF) for the chair to initial and sign."""
    printed = minute_book_copy(database, meeting_id)
    path = write_bytes(out, printed.pdf)
    return replace(printed, path=path)
