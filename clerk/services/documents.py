"""Minutes and action trackers as files: load the records, compose, render, write atomically.

Word, PDF and the web version (HTML: the public minutes and the tracker, for the council's
website; never the confidential minutes).

Every requested format is rendered before anything is written, and each file is written
through ``clerk.fileio`` (a temporary file in the folder, then a rename), so a reader never
sees half a file and a refused request writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.documents.model import Document
from clerk.documents.tracker import compose_tracker
from clerk.domain.entities import Meeting
from clerk.domain.errors import ClerkError
from clerk.domain.exempt import has_exempt_business
from clerk.domain.record import MeetingRecord
from clerk.domain.signoff.approved import as_approved
from clerk.domain.signoff.lifecycle import MinutesStage, stage_of
from clerk.domain.timefmt import long_date
from clerk.fileio import WriteError, write_bytes
from clerk.storage import record_read
from clerk.storage.database import Database

# Each renderer's library is imported when that format is first asked for: a PDF alone
# does not pay for python-docx, nor minutes without a web version for the HTML renderer.


def render_docx(document: Document) -> bytes:
    from clerk.documents.word import render_docx

    return render_docx(document)


def render_pdf(document: Document) -> bytes:
    from clerk.documents.pdf import render_pdf

    return render_pdf(document)


def render_html(document: Document) -> bytes:
    from clerk.documents.html import render_html

    return render_html(document)


#: The formats Clerk writes, by file extension.
RENDERERS: dict[str, Callable[[Document], bytes]] = {
    "docx": render_docx,
    "pdf": render_pdf,
    "html": render_html,
}
#: The formats written for publishing only (never the confidential minutes).
PUBLIC_ONLY = ("html",)
FORMATS_HELP = "docx, pdf, html or a list such as docx,pdf"


def parse_formats(formats: Sequence[str]) -> list[str]:
    """ "docx", "pdf" or "docx,pdf" (any case, in any number of entries), without repeats."""
    names: list[str] = []
    for entry in formats:
        for raw in entry.split(","):
            name = raw.strip().lower().lstrip(".")
            if not name:
                continue
            if name not in RENDERERS:
                raise ClerkError(
                    f"'{raw.strip()}' is not a format Clerk writes: give {FORMATS_HELP}."
                )
            if name not in names:
                names.append(name)
    if not names:
        raise ClerkError(f"Say which formats to write: {FORMATS_HELP}.")
    return names


def minutes_are_draft(record: MeetingRecord, later: Sequence[MeetingRecord]) -> bool:
    """Whether the minutes still carry "Draft: subject to confirmation".

    The one place this is decided: a draft until confirmed as a correct record. The minutes'
    sign-off says so once the confirming meeting's resolution is recorded (``clerk confirm``);
    a record without that step (imported, say) is confirmed when a later meeting's Minutes
    item names this meeting's date, as ``confirm_minutes`` records.
    """
    if stage_of(record).reached(MinutesStage.CONFIRMED):
        return False
    day = record.meeting.date.isoformat()
    return not any(item.confirms_meeting == day for other in later for item in other.items.values())


def minutes_document(
    database: Database, meeting_id: int, confidential: bool
) -> tuple[MeetingRecord, Document]:
    """The minutes of a meeting composed (public, or confidential), not yet rendered."""
    record, later = _minutes_records(database, meeting_id)
    if confidential and not has_exempt_business(record):
        raise ClerkError(
            f"The meeting of {long_date(record.meeting.date)} had no exempt business, so its "
            "minutes have no confidential version: write the public minutes."
        )
    options = MinutesOptions(confidential=confidential, draft=minutes_are_draft(record, later))
    record = as_approved(record)  # approved minutes: names and house style as approved
    return record, compose_minutes(record, options)


def _minutes_records(
    database: Database, meeting_id: int
) -> tuple[MeetingRecord, list[MeetingRecord]]:
    """The meeting's record and its committee's later meetings' agenda items (whether the
    minutes are still a draft depends only on those). An SQLite file is read with the
    standard library (``record_read``): ``clerk minutes`` never loads SQLAlchemy."""
    with record_read.reading(database) as conn:
        if conn is not None:
            record = record_read.load_record(conn, meeting_id)
            later_ids = _later(
                meeting_id, record, record_read.meetings_of(conn, record.committee.slug)
            )
            return record, record_read.load_records(conn, later_ids, collections=("items",))
    from clerk.storage import repository as repo

    with database.reading() as reading:
        record, _version = repo.load_record(reading, meeting_id)
        later_ids = _later(meeting_id, record, repo.list_meetings(reading, record.committee.slug))
        return record, repo.load_records(reading, later_ids, collections=("items",))


def _later(
    meeting_id: int, record: MeetingRecord, meetings: Sequence[tuple[int, str, Meeting]]
) -> list[int]:
    return [
        other_id
        for other_id, _slug, meeting in meetings
        if other_id != meeting_id and meeting.date > record.meeting.date
    ]


def generate_minutes(
    database: Database,
    meeting_id: int,
    formats: Sequence[str],
    confidential: bool,
    out_dir: Path,
) -> list[Path]:
    """Write the minutes of a meeting; returns the paths written, in the order asked."""
    names = parse_formats(formats)
    if confidential and any(name in PUBLIC_ONLY for name in names):
        raise ClerkError(
            "The web version (html) is for publishing, so Clerk writes it of the public "
            "minutes only: leave out --confidential or html."
        )
    record, document = minutes_document(database, meeting_id, confidential)
    stem = f"{record.committee.slug}-{record.meeting.date.isoformat()}-minutes"
    if confidential:
        stem += "-confidential"
    return _write(document, names, Path(out_dir), stem)


def generate_tracker(
    database: Database,
    committee_slug: str,
    formats: Sequence[str],
    open_only: bool,
    out_dir: Path,
) -> list[Path]:
    """Write the committee's action tracker (every meeting's actions); returns the paths."""
    names = parse_formats(formats)
    document = tracker_document(database, committee_slug, open_only)
    stem = f"{committee_slug}-action-tracker" + ("-open" if open_only else "")
    return _write(document, names, Path(out_dir), stem)


#: What the tracker composer reads of each meeting record (besides the meeting itself).
TRACKER_COLLECTIONS = ("items", "actions", "resolutions")


def tracker_document(database: Database, committee_slug: str, open_only: bool) -> Document:
    """The committee's action tracker across all its meetings, composed, not yet rendered.

    The meetings are loaded together, and only the collections the tracker reads: a
    committee with twenty years of meetings builds its tracker in well under a second.
    """
    from clerk.storage import repository as repo

    with database.reading() as conn:
        committee = repo.load_committee(conn, committee_slug)
        council = repo.load_council(conn)
        if council is None:
            raise ClerkError("This database has no council profile; import or load the demo first.")
        ids = [meeting_id for meeting_id, _slug, _m in repo.list_meetings(conn, committee_slug)]
        records = repo.load_records(conn, ids, collections=TRACKER_COLLECTIONS)
    return compose_tracker(council, committee, records, open_only=open_only)


def write_documents(
    document: Document,
    names: list[str],
    out_dir: Path,
    stem: str,
    extra: dict[str, bytes],
    order: list[str],
) -> list[Path]:
    """Render ``document`` in ``names`` and write it with ``extra`` files (extension -> bytes,
    a CSV say) as ``stem.<ext>``, in ``order``; nothing is written unless all rendered."""
    rendered = {name: RENDERERS[name](document) for name in names} | extra
    return write_files([(f"{stem}.{n}", rendered[n]) for n in order], out_dir)


def _write(document: Document, names: list[str], out_dir: Path, stem: str) -> list[Path]:
    rendered = [(f"{stem}.{name}", RENDERERS[name](document)) for name in names]
    return write_files(rendered, out_dir)


def write_files(rendered: Sequence[tuple[str, bytes]], out_dir: Path) -> list[Path]:
    """Write files already rendered (name, bytes) into ``out_dir``, each atomically."""
    if out_dir.exists() and not out_dir.is_dir():
        raise WriteError(f"Cannot write into {out_dir}: it is a file, not a folder.")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError(f"Cannot create the folder {out_dir}: {error.strerror}.") from None
    return [write_bytes(out_dir / name, data) for name, data in rendered]
