"""``clerk agenda`` and ``clerk attach-report`` as a user runs them: real processes, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clerk.services.record_json import export_meeting, import_document
from clerk.storage.database import Database
from tests.agenda.helpers import pages
from tests.agenda.pdfs import make_pdf
from tests.conftest import run_clerk


@pytest.fixture
def demo_db(tmp_path: Path) -> str:
    db = str(tmp_path / "demo.sqlite3")
    run_clerk("--db", db, "demo", check=True)
    return db


def test_agenda_writes_the_pack_and_warns_when_late(demo_db: str, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    result = run_clerk(
        "--db", demo_db, "agenda", "cyp-scrutiny-board/2021-09-20", "--published", "2021-09-15",
        "-o", str(out), check=True,
    )  # fmt: skip
    assert result.stdout.split() == [
        str(out / "cyp-scrutiny-board-2021-09-20-agenda.docx"),
        str(out / "cyp-scrutiny-board-2021-09-20-agenda.pdf"),
    ]
    assert result.stderr.startswith("clerk: warning: Published on Wednesday, 15 September 2021")
    assert (
        "Wednesday, 15 September 2021"
        in pages((out / "cyp-scrutiny-board-2021-09-20-agenda.pdf").read_bytes())[0]
    )


def test_attach_report_then_the_pack_carries_it(demo_db: str, tmp_path: Path) -> None:
    report = tmp_path / "pledge.pdf"
    report.write_bytes(make_pdf(2, "PLEDGE"))
    result = run_clerk("--db", demo_db, "attach-report", "2", "5", str(report), check=True)
    assert result.stdout.strip().endswith("attach the report pledge.pdf to item 5")
    run_clerk(
        "--db", demo_db, "agenda", "2", "--format", "pdf", "--published", "2021-09-10",
        "-o", str(tmp_path), check=True,
    )  # fmt: skip
    text = pages((tmp_path / "cyp-scrutiny-board-2021-09-20-agenda.pdf").read_bytes())
    assert any("PLEDGE page 1 of 2" in page for page in text)
    assert "(To Follow)" not in " ".join(text)


def test_a_bad_report_is_one_line_and_exit_1(demo_db: str, tmp_path: Path) -> None:
    report = tmp_path / "agenda.pdf"
    report.write_text("not a pdf", encoding="utf-8")
    result = run_clerk("--db", demo_db, "attach-report", "2", "6", str(report))
    assert result.returncode == 1
    assert result.stderr == "clerk: error: agenda.pdf is not a PDF.\n"


def test_records_keep_their_reports_and_older_records_still_import(
    sqlite_demo: Database, tmp_path: Path
) -> None:
    document = json.loads(export_meeting(sqlite_demo, 2))
    items = {item["number"]: item for item in document["agenda"]}
    assert [r["file_name"] for r in items["6"]["reports"]] == ["family-friendly-vision.pdf"]
    assert items["5"]["report_to_follow"] is True
    # A record written before the agenda pack existed: no agenda wording, no report fields.
    del document["uk_local_government"]["council"]["agenda"]
    del document["organization"]["lists_non_voting_co_optees"]
    for item in document["agenda"]:
        for name in ("reports", "report_to_follow", "urgency_reason"):
            del item[name]
    document["event"]["date"] = "2021-10-18"
    meeting_id = import_document(sqlite_demo, document, source="old.json")
    assert meeting_id > 2
