"""Reports attached to agenda items: checked, kept in the database, recorded in the journal.

A report is refused, with one sentence naming the file and nothing stored, when it is not a
PDF, is encrypted, is damaged or is larger than the limit. A Word (or OpenDocument, RTF)
report is converted to PDF when LibreOffice is installed, and refused otherwise. The file is
kept in the database (so the pack can be rebuilt with no network and no file share) in the
same transaction as the ``attach_report`` action that records its name, SHA-256 and pages.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from clerk.domain.actions.reports import AttachReport
from clerk.domain.entities import AgendaItem
from clerk.domain.errors import ClerkError
from clerk.domain.record import MeetingRecord
from clerk.domain.timefmt import long_date
from clerk.services.recording import Ack, MeetingSession, apply_together
from clerk.storage import attachments
from clerk.storage.database import Database

#: What a report is kept as (``attachments.purpose``).
REPORT = "agenda-report"
#: The largest report accepted, in bytes.
MAX_REPORT_BYTES = 50 * 1024 * 1024
CONVERTIBLE = (".docx", ".doc", ".odt", ".rtf")
CONVERT_TIMEOUT_S = 180


@dataclass(frozen=True)
class CheckedReport:
    file_name: str
    content: bytes
    sha256: str
    pages: int


def converter() -> str | None:
    """LibreOffice's command, when it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _convert(path: Path) -> bytes:
    program = converter()
    if program is None:
        raise ClerkError(
            f"{path.name} is a word-processor document and this computer has no converter "
            "(LibreOffice): save it as PDF and attach the PDF."
        )
    with tempfile.TemporaryDirectory(prefix="clerk-convert-") as folder:
        try:
            subprocess.run(
                [
                    program,
                    f"-env:UserInstallation=file://{folder}/profile",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    folder,
                    str(path),
                ],
                capture_output=True,
                timeout=CONVERT_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            raise ClerkError(f"{path.name} could not be converted to PDF.") from None
        converted = Path(folder) / f"{path.stem}.pdf"
        if not converted.is_file():
            raise ClerkError(f"{path.name} could not be converted to PDF.")
        return converted.read_bytes()


def check_report(path: Path, limit: int = MAX_REPORT_BYTES) -> CheckedReport:
    """Read and check a report file; a ``ClerkError`` in one sentence naming it, if refused."""
    from clerk.documents.pdf_merge import BadPdf, inspect_pdf  # pikepdf: only when used

    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ClerkError(f"There is no file {path}.") from None
    except OSError as error:
        raise ClerkError(f"Cannot read {path}: {error.strerror}.") from None
    if path.is_dir():
        raise ClerkError(f"{path} is a folder, not a report file.")
    if size > limit:
        raise ClerkError(
            f"{path.name} is too large to attach ({size / 1048576:.1f} MB; at most "
            f"{limit / 1048576:.0f} MB): reduce it (fewer or smaller images) and try again."
        )
    name = path.name
    if path.suffix.lower() in CONVERTIBLE:
        content = _convert(path)
        name = f"{path.stem}.pdf"
    else:
        try:
            content = path.read_bytes()
        except OSError as error:
            raise ClerkError(f"Cannot read {path}: {error.strerror}.") from None
    if not content:
        raise ClerkError(f"{path.name} is empty, not a PDF.")
    try:
        facts = inspect_pdf(content)
    except BadPdf as error:
        raise ClerkError(f"{path.name} {error}.") from None
    return CheckedReport(name, content, hashlib.sha256(content).hexdigest(), facts.pages)


def find_item(record: MeetingRecord, number: str) -> AgendaItem:
    """The agenda item numbered ``number`` ("6"), as the agenda prints it."""
    wanted = number.strip().rstrip(".")
    for item in record.agenda():
        if item.number == wanted:
            return item
    numbers = ", ".join(i.number for i in record.agenda()) or "none"
    raise ClerkError(
        f"The meeting of {long_date(record.meeting.date)} has no agenda item {wanted} "
        f"(its items: {numbers})."
    )


def attach_report(
    database: Database,
    meeting_id: int,
    item_number: str,
    path: Path,
    who: str | None = None,
    limit: int = MAX_REPORT_BYTES,
    session: MeetingSession | None = None,
) -> Ack:
    """Check the file, then attach it to the item: the action and the file in one transaction."""
    session = session or MeetingSession(database, meeting_id, who=who)
    item = find_item(session.record, item_number)
    report = check_report(path, limit)
    action = AttachReport(
        item=item.id, file_name=report.file_name, sha256=report.sha256, pages=report.pages
    )

    def keep(conn: Connection) -> None:
        if attachments.find(conn, meeting_id, REPORT, report.sha256) is None:
            attachments.add(conn, meeting_id, REPORT, report.file_name, report.content, session.who)

    return apply_together([(session, action)], also=keep)[0]


def report_content(conn: Connection, meeting_id: int, sha256: str) -> bytes | None:
    return attachments.find(conn, meeting_id, REPORT, sha256)
