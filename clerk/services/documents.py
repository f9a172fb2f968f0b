"""Minutes and action trackers as files: load the records, compose, render, write atomically.

Every requested format is rendered before anything is written, and each file is written
through ``clerk.fileio`` (a temporary file in the folder, then a rename), so a reader never
sees half a file and a refused request writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.documents.model import Document
from clerk.documents.pdf import render_pdf
from clerk.documents.tracker import compose_tracker
from clerk.documents.word import render_docx
from clerk.domain.errors import ClerkError
from clerk.domain.record import MeetingRecord
from clerk.domain.signoff.approved import as_approved
from clerk.domain.signoff.lifecycle import MinutesStage, stage_of
from clerk.fileio import WriteError, write_bytes
from clerk.storage import repository as repo
from clerk.storage.database import Database

#: The formats Clerk writes, by file extension.
RENDERERS: dict[str, Callable[[Document], bytes]] = {"docx": render_docx, "pdf": render_pdf}


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
                    f"'{raw.strip()}' is not a format Clerk writes: give docx, pdf or docx,pdf."
                )
            if name not in names:
                names.append(name)
    if not names:
        raise ClerkError("Say which formats to write: docx, pdf or docx,pdf.")
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
    with database.reading() as conn:
        record, _version = repo.load_record(conn, meeting_id)
        later_ids = [
            other_id
            for other_id, _slug, meeting in repo.list_meetings(conn, record.committee.slug)
            if other_id != meeting_id and meeting.date > record.meeting.date
        ]
        # Whether they are still a draft depends only on later meetings' agenda items.
        later = repo.load_records(conn, later_ids, collections=("items",))
    options = MinutesOptions(confidential=confidential, draft=minutes_are_draft(record, later))
    record = as_approved(record)  # approved minutes: names and house style as approved
    return record, compose_minutes(record, options)


def generate_minutes(
    database: Database,
    meeting_id: int,
    formats: Sequence[str],
    confidential: bool,
    out_dir: Path,
) -> list[Path]:
    """Write the minutes of a meeting; returns the paths written, in the order asked."""
    names = parse_formats(formats)
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
    with database.reading() as conn:
        committee = repo.load_committee(conn, committee_slug)
        council = repo.load_council(conn)
        if council is None:
            raise ClerkError("This database has no council profile; import or load the demo first.")
        ids = [meeting_id for meeting_id, _slug, _m in repo.list_meetings(conn, committee_slug)]
        records = repo.load_records(conn, ids, collections=TRACKER_COLLECTIONS)
    return compose_tracker(council, committee, records, open_only=open_only)


def _write(document: Document, names: list[str], out_dir: Path, stem: str) -> list[Path]:
    rendered = [(out_dir / f"{stem}.{name}", RENDERERS[name](document)) for name in names]
    if out_dir.exists() and not out_dir.is_dir():
        raise WriteError(f"Cannot write into {out_dir}: it is a file, not a folder.")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError(f"Cannot create the folder {out_dir}: {error.strerror}.") from None
    return [write_bytes(path, data) for path, data in rendered]
