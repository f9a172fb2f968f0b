"""The window's first screen, read with the least work, says what the repository says; and
the window is up with the list of meetings before SQLAlchemy is loaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.harness import python_env
from clerk.domain.actions.proceedings import OpenItem, StartMeeting
from clerk.services import catalogue
from clerk.services.demo import demo_template
from clerk.services.recording import MeetingSession
from clerk.storage import overview
from clerk.storage import repository as repo
from clerk.storage.database import Database, open_database
from clerk_support.synthetic import ArchiveSize, generate_archive

#: ``clerk`` with SQLAlchemy and Alembic made impossible to import.
BLOCKED = (
    "import sys, importlib.abc\n"
    "class Block(importlib.abc.MetaPathFinder):\n"
    "    def find_spec(self, name, path, target=None):\n"
    "        if name.split('.')[0] in ('sqlalchemy', 'alembic'):\n"
    "            raise ImportError(f'{name} was imported before the window was up')\n"
    "sys.meta_path.insert(0, Block())\n"
    "from clerk.cli.main import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


def assert_same_as_the_repository(database: Database) -> None:
    with database.reading() as conn:
        committees = repo.list_committees(conn)
        meetings = repo.list_meetings(conn)
        one = repo.list_meetings(conn, committees[0].slug)
    assert overview.committee_lines(database) == [
        overview.CommitteeLine(c.slug, c.name, len(c.memberships)) for c in committees
    ]
    assert overview.meeting_lines(database) == meetings
    assert overview.meeting_lines(database, committees[0].slug) == one
    assert overview.meeting_lines(database, "no-such-committee") == []


def test_the_first_screen_reads_the_demo_as_the_repository_does(demo_database: Database) -> None:
    # A meeting under way has its times, presiding member and current item set.
    session = MeetingSession(demo_database, 2)
    session.apply(StartMeeting(at=None))
    session.apply(OpenItem(min(session.record.items), at=None))
    assert_same_as_the_repository(demo_database)


def test_the_first_screen_reads_an_archive_as_the_repository_does(tmp_path: Path) -> None:
    database = open_database(str(tmp_path / "archive.sqlite3"))
    try:
        generate_archive(database, ArchiveSize(committees=3, years=2, meetings_per_year=3), seed=5)
        assert_same_as_the_repository(database)
        assert len(catalogue.meetings(database)) == 18
    finally:
        database.dispose()


def test_the_window_is_up_before_sqlalchemy_is_loaded(
    sqlite_demo: Database, tmp_path: Path
) -> None:
    """`clerk --db FILE --screenshot` with SQLAlchemy made impossible to import: the first
    screen (the committee and its meetings) is still drawn."""
    picture = tmp_path / "first.png"
    path = sqlite_demo.path
    assert path is not None
    sqlite_demo.dispose()  # the writer lock: the window opens it for itself
    result = subprocess.run(
        [sys.executable, "-c", BLOCKED, "--db", str(path), "--screenshot", str(picture)],
        env=python_env(QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert picture.read_bytes().startswith(b"\x89PNG")


def test_clerk_demo_copies_the_built_demo_without_sqlalchemy(tmp_path: Path) -> None:
    """Once the demo is built (the first start), `clerk --demo` copies it and is up with its
    list of meetings without loading SQLAlchemy."""
    demo_template()  # the first start's work, in this test's CLERK_HOME
    shown = tmp_path / "shown"
    result = subprocess.run(
        [sys.executable, "-c", BLOCKED, "--demo"],
        env=python_env(QT_QPA_PLATFORM="offscreen", CLERK_QUIT_WHEN_SHOWN=str(shown)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert shown.exists()
