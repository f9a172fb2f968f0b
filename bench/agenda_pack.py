"""The agenda pack: a pack of about 150 pages (ten 12-page reports plus the generated parts:
front sheet, agenda, the minutes being confirmed and the action tracker) built and written as
PDF in a running process. Target: under 2 s.

The meeting is the second of two synthetic meetings of a committee (the first's minutes go in
its pack), with ten business items each given a 12-page report of running text.
"""

from __future__ import annotations

import shutil
from datetime import time, timedelta
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from bench.harness import Outcome, Row, timed
from clerk.domain.actions.agenda import AddItem
from clerk.services import setup
from clerk.services.agenda_pack import generate_agenda_pack
from clerk.services.recording import MeetingSession
from clerk.services.reports import attach_report
from clerk.storage import repository as repo
from clerk.storage.database import Database, open_database
from clerk_support.synthetic import ArchiveSize, MeetingShape, generate_archive

REPORTS, REPORT_PAGES = 10, 12
SIZE = ArchiveSize(
    committees=1,
    years=1,
    meetings_per_year=2,
    shape=MeetingShape(business_items=30, paragraphs=(5, 7), declarations=(1, 3)),
)
QUICK_REPORTS = 2
LINE = (
    "The service has continued to improve over the period of this report, and the figures "
    "below show where progress has been made and where more remains to be done. "
)


def report_pdf(title: str, pages: int) -> bytes:
    """A report of running text: about fifty lines a page, as officers' reports are."""
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for page in range(1, pages + 1):
        text = canvas.beginText(25 * mm, 270 * mm)
        text.setFont("Helvetica-Bold", 13)
        text.textLine(f"{title}: section {page}")
        text.setFont("Helvetica", 10)
        for line in range(48):
            text.textLine(f"{line + 1:2d}. {LINE[: 70 + (line * 7) % 40]}")
        canvas.drawText(text)
        canvas.drawCentredString(105 * mm, 12 * mm, f"{page}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _meeting(workdir: Path, reports: int) -> tuple[Database, int]:
    """A new meeting after the archive's last: standard items, the reports' items, the tracker."""
    path = workdir / "agenda-pack.sqlite3"
    for stale in workdir.glob("agenda-pack.sqlite3*"):
        stale.unlink()
    database = open_database(str(path))
    generate_archive(database, SIZE, seed=13)
    with database.reading() as conn:
        _id, slug, last = repo.list_meetings(conn)[-1]
    meeting_id = setup.create_meeting(
        database, slug, last.date + timedelta(days=28), at=time(10, 0), venue="Council Chamber"
    )
    session = MeetingSession(database, meeting_id)
    files = workdir / "reports"
    files.mkdir(exist_ok=True)
    for index in range(1, reports + 1):
        number = str(4 + index)
        session.apply(
            AddItem(number=number, title=f"Report for decision {index}", purpose="To decide.")
        )
        report = files / f"report-{index}.pdf"
        report.write_bytes(report_pdf(f"Report {index}", REPORT_PAGES))
        attach_report(database, meeting_id, number, report, session=session)
    session.apply(AddItem(number=str(5 + reports), title="Action Tracker"))
    return database, meeting_id


def run(workdir: Path, runs: int, quick: bool = False) -> Outcome:
    outcome = Outcome()
    workdir.mkdir(parents=True, exist_ok=True)
    database, meeting_id = _meeting(workdir, QUICK_REPORTS if quick else REPORTS)
    out = workdir / "pack"
    shutil.rmtree(out, ignore_errors=True)
    written = []

    def once() -> None:
        written.append(generate_agenda_pack(database, meeting_id, ["pdf"], out))

    once()  # warm: imports, fonts
    samples = [timed(once) for _ in range(runs)]
    database.dispose()
    pages = written[-1].pages
    outcome.rows.append(
        Row(f"agenda pack: {pages} pages, PDF (running process)", "s", samples, target="< 2 s")
    )
    outcome.figures["agenda_pack_s"] = Row("", "s", samples).median
    outcome.details["agenda_pack"] = {
        "pages": pages,
        "reports": QUICK_REPORTS if quick else REPORTS,
        "report_pages": REPORT_PAGES,
        "runs": runs,
        "pdf_kb": round(written[-1].paths[0].stat().st_size / 1024, 1),
    }
    return outcome
