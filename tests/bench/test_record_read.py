"""Meeting records read with the standard library (``clerk minutes`` without SQLAlchemy) are
the repository's, entity for entity; and ``clerk minutes`` writes the same minutes with
SQLAlchemy made impossible to import."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from bench.harness import python_env
from clerk.domain.record import COLLECTIONS
from clerk.services import catalogue, documents, setup, signoff
from clerk.storage import record_read
from clerk.storage import repository as repo
from clerk.storage.database import Database, open_database
from clerk.storage.models import COLLECTION_TABLES
from clerk.storage.setup_store import load_committee
from clerk_support.synthetic import ArchiveSize, MeetingShape, generate_archive
from tests.documents.readback import docx_lines, pdf_pages
from tests.signoff.helpers import confirmed

#: ``clerk`` with SQLAlchemy and Alembic made impossible to import.
BLOCKED = (
    "import sys, importlib.abc\n"
    "class Block(importlib.abc.MetaPathFinder):\n"
    "    def find_spec(self, name, path, target=None):\n"
    "        if name.split('.')[0] in ('sqlalchemy', 'alembic'):\n"
    "            raise ImportError(f'{name} was imported')\n"
    "sys.meta_path.insert(0, Block())\n"
    "from clerk.cli.main import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


BOARD_AUGUST = "cyp-scrutiny-board/2021-08-18"


def test_the_tables_are_the_models() -> None:
    tables = {name: model.__tablename__ for name, model in COLLECTION_TABLES.items()}
    assert tables == record_read.TABLES


def assert_same_as_the_repository(database: Database) -> set[str]:
    """Every record read both ways; returns the collections that held anything."""
    with database.reading() as conn:
        listed = repo.list_meetings(conn)
        ids = [i for i, _slug, _m in listed][::-1]
        expected = [repo.load_record(conn, i)[0] for i in ids]
        items_only = repo.load_records(conn, ids[:3], collections=("items",))
    with record_read.reading(database) as conn:
        assert conn is not None
        assert record_read.load_records(conn, ids) == expected
        assert [record_read.load_record(conn, i) for i in ids] == expected
        assert record_read.load_records(conn, ids[:3], collections=("items",)) == items_only
        for slug in {s for _i, s, _m in listed}:
            assert record_read.meetings_of(conn, slug) == [m for m in listed if m[1] == slug]
        with pytest.raises(repo.NotFound, match="No meeting 9999"):
            record_read.load_records(conn, [ids[0], 9999])
        with pytest.raises(KeyError, match="not collections"):
            record_read.load_records(conn, ids, collections=("agenda",))
    return {name for record in expected for name in COLLECTIONS if record.collection(name)}


def test_the_demo_reads_as_the_repository_reads_it(sqlite_demo: Database) -> None:
    confirmed(sqlite_demo)  # approved and confirmed: sign-off steps and the approved context
    held = assert_same_as_the_repository(sqlite_demo)
    assert {"signoff", "approved_as"} <= held


def test_every_committee_setting_reads_as_the_repository_reads_it(sqlite_demo: Database) -> None:
    # The demo leaves the committee's optional settings empty: set them, so a column that one
    # reader forgets (the minute prefix once was) makes the records differ.
    with sqlite_demo.reading() as conn:
        board = load_committee(conn, "cyp-scrutiny-board")
    setup.save_committee(
        sqlite_demo, replace(board, minute_prefix="CYP", moderngov_id="142", calls_itself="Panel")
    )
    assert_same_as_the_repository(sqlite_demo)
    with record_read.reading(sqlite_demo) as conn:
        assert conn is not None
        assert record_read.load_record(conn, 1).committee.minute_prefix == "CYP"


def test_an_archive_reads_as_the_repository_reads_it(tmp_path: Path) -> None:
    database = open_database(str(tmp_path / "archive.sqlite3"))
    try:
        shape = MeetingShape(business_items=8, recorded_votes=0.5, declarations=(1, 3), exempt=1.0)
        size = ArchiveSize(committees=2, years=1, meetings_per_year=3, shape=shape)
        generate_archive(database, size, seed=5)
        held = assert_same_as_the_repository(database)
        assert held >= set(COLLECTIONS) - {"signoff", "approved_as"}
    finally:
        database.dispose()


def test_a_meeting_is_found_in_the_file_as_the_repository_finds_it(sqlite_demo: Database) -> None:
    summary = catalogue.meetings(sqlite_demo)[0]
    assert catalogue.resolve_meeting(sqlite_demo, str(summary.id)) == summary.id
    assert catalogue.resolve_meeting(sqlite_demo, summary.reference) == summary.id
    for wrong in ("9999", "99999999999", f"{summary.committee}/2001-01-01", "2021-02-30"):
        with pytest.raises(Exception, match=r"No meeting|not a real date|not a meeting"):
            catalogue.resolve_meeting(sqlite_demo, wrong)


def test_clerk_minutes_writes_the_same_minutes_without_sqlalchemy(
    sqlite_demo: Database, tmp_path: Path
) -> None:
    signoff.circulate(sqlite_demo, 1, on=date(2021, 8, 19))
    expected = documents.generate_minutes(
        sqlite_demo, 1, ["docx", "pdf", "html"], confidential=False, out_dir=tmp_path / "in"
    )
    path = sqlite_demo.path
    assert path is not None
    sqlite_demo.dispose()
    out = tmp_path / "cli"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            BLOCKED,
            "--db",
            str(path),
            "minutes",
            BOARD_AUGUST,
            "--format",
            "docx,pdf,html",
            "-o",
            str(out),
        ],
        env=python_env(CLERK_HOME=str(tmp_path / "home")),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    made = {p.suffix: (p.read_bytes(), (out / p.name).read_bytes()) for p in expected}
    in_process, whole = made[".docx"]
    assert docx_lines(whole) == docx_lines(in_process)
    in_process, whole = made[".pdf"]
    assert pdf_pages(whole) == pdf_pages(in_process)
    assert made[".html"][0] == made[".html"][1]
