"""Attaching reports: a bad file is refused in one sentence naming it, and nothing is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from clerk.domain.actions.reports import DetachReport
from clerk.domain.errors import ClerkError
from clerk.services.recording import MeetingSession
from clerk.services.reports import REPORT, attach_report
from clerk.storage import attachments
from clerk.storage.database import Database
from clerk.storage.models import AttachmentRow, JournalRow
from tests.agenda.pdfs import damaged, encrypted, make_pdf

SEPTEMBER = 2  # the demo's meeting of 20 September 2021


def _counts(database: Database) -> tuple[int, int]:
    with database.reading() as conn:
        files = conn.execute(select(func.count()).select_from(AttachmentRow)).scalar_one()
        journal = conn.execute(select(func.count()).select_from(JournalRow)).scalar_one()
    return files, journal


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("notes.pdf", b"Minutes of a meeting, typed as plain text.", "is not a PDF"),
        ("locked.pdf", encrypted(make_pdf(2)), "is encrypted"),
        ("owner-only.pdf", encrypted(make_pdf(2), user=""), "is encrypted"),
        ("cut.pdf", damaged(make_pdf(3)), "is damaged"),
        ("empty.pdf", b"", "is empty"),
    ],
)
def test_a_bad_report_is_refused_in_one_sentence_and_nothing_is_kept(
    sqlite_demo: Database, tmp_path: Path, name: str, data: bytes, says: str
) -> None:
    before = _counts(sqlite_demo)
    path = _write(tmp_path, name, data)
    with pytest.raises(ClerkError) as refused:
        attach_report(sqlite_demo, SEPTEMBER, "6", path)
    message = str(refused.value)
    assert message.startswith(name) and says in message and "\n" not in message
    assert _counts(sqlite_demo) == before


def test_a_report_larger_than_the_limit_is_refused(sqlite_demo: Database, tmp_path: Path) -> None:
    before = _counts(sqlite_demo)
    path = _write(tmp_path, "big.pdf", make_pdf(40))
    with pytest.raises(ClerkError, match=r"^big.pdf is too large to attach"):
        attach_report(sqlite_demo, SEPTEMBER, "6", path, limit=2048)
    assert _counts(sqlite_demo) == before


def test_a_word_report_without_a_converter_is_refused(
    sqlite_demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    path = _write(tmp_path, "report.docx", b"PK\x03\x04 not really")
    with pytest.raises(ClerkError, match=r"^report.docx is a word-processor document .*Office"):
        attach_report(sqlite_demo, SEPTEMBER, "6", path)


def test_an_unknown_item_or_file_is_named(sqlite_demo: Database, tmp_path: Path) -> None:
    path = _write(tmp_path, "r.pdf", make_pdf(1))
    with pytest.raises(ClerkError, match="has no agenda item 12"):
        attach_report(sqlite_demo, SEPTEMBER, "12", path)
    with pytest.raises(ClerkError, match="There is no file"):
        attach_report(sqlite_demo, SEPTEMBER, "6", tmp_path / "missing.pdf")


def test_a_closed_meeting_takes_no_report(sqlite_demo: Database, tmp_path: Path) -> None:
    path = _write(tmp_path, "late.pdf", make_pdf(1))
    with pytest.raises(ClerkError, match="closed"):
        attach_report(sqlite_demo, 1, "5", path)


def test_attaching_keeps_the_file_and_journals_it_and_undo_takes_it_off(
    sqlite_demo: Database, tmp_path: Path
) -> None:
    data = make_pdf(3, "Pledge report")
    path = _write(tmp_path, "pledge.pdf", data)
    ack = attach_report(sqlite_demo, SEPTEMBER, "5", path)
    assert ack.label == "attach the report pledge.pdf to item 5"
    session = MeetingSession(sqlite_demo, SEPTEMBER)
    item = next(i for i in session.record.items.values() if i.number == "5")
    (report,) = item.reports
    assert (report.file_name, report.pages) == ("pledge.pdf", 3)
    assert not item.report_to_follow  # the "(To Follow)" mark goes
    with sqlite_demo.reading() as conn:
        assert attachments.find(conn, SEPTEMBER, REPORT, report.sha256) == data
    with pytest.raises(ClerkError, match="already has this report"):
        attach_report(sqlite_demo, SEPTEMBER, "5", path)
    session.undo()
    assert next(i for i in session.record.items.values() if i.number == "5").reports == ()
    session.redo()
    session.apply(DetachReport(item=item.id, sha256=report.sha256))
    assert next(i for i in session.record.items.values() if i.number == "5").reports == ()
