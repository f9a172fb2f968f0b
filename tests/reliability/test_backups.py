"""Rotating online backups (on close, daily, before a migration), ``clerk backup`` and
``clerk restore``."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from clerk.domain.actions.proceedings import CloseMeeting, StartMeeting
from clerk.domain.errors import ClerkError
from clerk.services import maintenance, setup
from clerk.services.demo import load_demo
from clerk.services.recording import MeetingSession
from clerk.storage import backup as backups
from clerk.storage import database as database_module
from clerk.storage import migration
from clerk.storage.database import Database, head_revision, open_database
from clerk.storage.engine import data_dir
from clerk.storage.integrity import check_sqlite_file, clerk_revision
from tests.conftest import ROOT, run_clerk


def meeting_count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        count = int(conn.execute("SELECT count(*) FROM meetings").fetchone()[0])
    conn.close()
    return count


def test_closing_a_meeting_makes_a_whole_backup(sqlite_demo: Database) -> None:
    path = sqlite_demo.path
    assert path is not None
    before = {b.path for b in backups.list_backups(path)}
    session = MeetingSession(sqlite_demo, 2)
    session.apply(StartMeeting())
    session.apply(CloseMeeting())
    made = [b for b in backups.list_backups(path) if b.path not in before]
    assert [b.reason for b in made] == ["close"]
    copy = made[0].path
    assert check_sqlite_file(copy) is None
    assert not Path(f"{copy}-wal").exists()  # self-contained
    with sqlite3.connect(copy) as conn:
        status = conn.execute("SELECT status FROM meetings WHERE id = 2").fetchone()[0]
    conn.close()
    assert status == "closed"


def test_a_daily_backup_is_made_on_the_first_open_of_a_day(tmp_path: Path) -> None:
    path = tmp_path / "clerk.sqlite3"
    open_database(str(path)).dispose()  # a new, empty database: nothing to back up yet
    assert backups.list_backups(path) == []
    open_database(str(path)).dispose()
    (first,) = backups.list_backups(path)
    assert first.reason == "daily" and first.made.date() == date.today()
    open_database(str(path)).dispose()
    assert len(backups.list_backups(path)) == 1  # once a day
    # Yesterday's backup does not count for today.
    yesterday = (datetime.now() - timedelta(days=1)).strftime("%Y%m%d-%H%M%S")
    first.path.rename(first.path.with_name(f"clerk-{yesterday}-daily.sqlite3"))
    assert backups.daily_backup_due(path)
    open_database(str(path)).dispose()
    assert [b.made.date() for b in backups.list_backups(path)] == [
        date.today(),
        date.today() - timedelta(days=1),
    ]


def test_a_migration_is_preceded_by_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "clerk.sqlite3"
    database = open_database(str(path))
    load_demo(database)
    database.dispose()
    for old in backups.list_backups(path):
        old.path.unlink()
    # A Clerk with one more migration than this database has.
    shipped = head_revision()
    migrations = tmp_path / "migrations"
    shutil.copytree(database_module.MIGRATIONS, migrations)
    (migrations / "versions" / "9990_test_note.py").write_text(
        '"""a test migration"""\n'
        "import sqlalchemy as sa\n"
        "from alembic import op\n\n"
        f'revision = "9990"\ndown_revision = "{shipped}"\n'
        "branch_labels = None\ndepends_on = None\n\n\n"
        "def upgrade() -> None:\n"
        '    op.add_column("council", sa.Column("note", sa.Text(), nullable=True))\n'
    )
    monkeypatch.setattr(migration, "MIGRATIONS", migrations)
    upgraded = open_database(str(path))
    assert upgraded.current_revision() == "9990"
    upgraded.dispose()
    reasons = {b.reason: b.path for b in backups.list_backups(path)}
    assert "upgrade" in reasons
    assert clerk_revision(reasons["upgrade"]) == shipped  # the database as it was
    assert meeting_count(reasons["upgrade"]) == 2


def test_no_migration_without_its_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "clerk.sqlite3"
    open_database(str(path)).dispose()
    shipped = head_revision()
    migrations = tmp_path / "migrations"
    shutil.copytree(database_module.MIGRATIONS, migrations)
    (migrations / "versions" / "9990_test_note.py").write_text(
        f'revision = "9990"\ndown_revision = "{shipped}"\n'
        "branch_labels = None\ndepends_on = None\n\n\n"
        "def upgrade() -> None:\n    raise AssertionError('must not run')\n"
    )
    monkeypatch.setattr(migration, "MIGRATIONS", migrations)
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    with pytest.raises(ClerkError, match=r"did not upgrade .* could not back it up first"):
        open_database(str(path))
    assert clerk_revision(path) == shipped


def test_rotation_keeps_the_setting_s_number_and_every_manual_backup(
    sqlite_demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = sqlite_demo.path
    assert path is not None
    monkeypatch.setenv("CLERK_BACKUPS_KEPT", "3")
    manual = maintenance.backup_now(sqlite_demo)
    made = [sqlite_demo.backup("close") for _ in range(5)]
    automatic = [b.path for b in backups.list_backups(path) if b.automatic]
    assert automatic == list(reversed(made[-3:]))  # the newest three, newest first
    assert manual.exists()


def test_the_setting_can_live_in_the_settings_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLERK_BACKUPS_KEPT", raising=False)
    assert backups.backups_kept() == backups.DEFAULT_KEPT
    data_dir().mkdir(parents=True, exist_ok=True)
    backups.settings_path().write_text(json.dumps({"backups_kept": 4}))
    assert backups.backups_kept() == 4
    backups.settings_path().write_text(json.dumps({"backups_kept": "many"}))
    with pytest.raises(ClerkError, match="must be a whole number, 1 or more"):
        backups.backups_kept()
    monkeypatch.setenv("CLERK_BACKUPS_KEPT", "0")
    with pytest.raises(ClerkError, match="CLERK_BACKUPS_KEPT"):
        backups.backups_kept()


def test_a_failed_automatic_backup_never_stops_the_recording(sqlite_demo: Database) -> None:
    path = sqlite_demo.path
    assert path is not None
    shutil.rmtree(path.parent / "backups")
    (path.parent / "backups").write_text("in the way")
    session = MeetingSession(sqlite_demo, 2)
    session.apply(StartMeeting())
    ack = session.apply(CloseMeeting())
    assert ack.kind == "close"
    fresh = MeetingSession(sqlite_demo, 2)
    assert fresh.record.meeting.status == "closed"
    assert any("could not make its close backup" in n for n in sqlite_demo.notices)


# -- the commands ---------------------------------------------------------------------------


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "clerk.sqlite3"
    run_clerk("--db", str(path), "demo", check=True)
    return path


def test_backup_command_into_the_folder_or_a_file(demo_db: Path, tmp_path: Path) -> None:
    result = run_clerk("--db", str(demo_db), "backup", check=True)
    made = Path(result.stdout.strip().rsplit(" to ", 1)[1])
    assert made.parent == demo_db.parent / "backups" and made.name.endswith("-manual.sqlite3")
    assert meeting_count(made) == 2
    target = tmp_path / "elsewhere" / "copy.sqlite3"
    target.parent.mkdir()
    run_clerk("--db", str(demo_db), "backup", "-o", str(target), check=True)
    assert meeting_count(target) == 2 and check_sqlite_file(target) is None
    listing = run_clerk("--db", str(demo_db), "backup", "--list", check=True).stdout
    assert str(made) in listing and "close" in listing
    over = run_clerk("--db", str(demo_db), "backup", "-o", str(demo_db))
    assert over.returncode == 1
    assert "cannot be written over the database itself" in over.stderr


def test_restore_backs_up_the_current_database_first(demo_db: Path, tmp_path: Path) -> None:
    saved = tmp_path / "saved.sqlite3"
    run_clerk("--db", str(demo_db), "backup", "-o", str(saved), check=True)
    setup_db = open_database(str(demo_db))
    setup.create_meeting(setup_db, "cyp-scrutiny-board", date(2021, 10, 20))
    setup_db.dispose()
    assert meeting_count(demo_db) == 3
    result = run_clerk("--db", str(demo_db), "restore", str(saved), check=True)
    assert meeting_count(demo_db) == 2
    previous = Path(result.stdout.splitlines()[0].rsplit(" to ", 1)[1])
    assert previous.name.endswith("-restore.sqlite3")
    assert meeting_count(previous) == 3  # nothing lost: the replaced database is kept
    assert run_clerk("--db", str(demo_db), "check", check=True).stdout.endswith(
        "agree with the meetings, and so does the register.\n"
    )


def test_restore_refuses_what_is_not_a_clerk_database(demo_db: Path, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database")
    other = tmp_path / "photos.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.close()
    newer = tmp_path / "newer.sqlite3"
    shutil.copy(demo_db, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = demo_db.read_bytes()
    for bad, message in [
        (text, "it is not a database file"),
        (other, "is another program's SQLite database, not a Clerk backup"),
        (newer, "it was made by a newer version of Clerk"),
        (tmp_path / "missing.sqlite3", "No backup file"),
    ]:
        result = run_clerk("--db", str(demo_db), "restore", str(bad))
        assert result.returncode == 1
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert demo_db.read_bytes() == before
    assert not [b for b in backups.list_backups(demo_db) if b.reason == "restore"]


def test_restore_is_refused_while_another_clerk_has_the_database(
    demo_db: Path, tmp_path: Path
) -> None:
    saved = tmp_path / "saved.sqlite3"
    run_clerk("--db", str(demo_db), "backup", "-o", str(saved), check=True)
    holder = hold_open(demo_db)
    try:
        result = run_clerk("--db", str(demo_db), "restore", str(saved))
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1
    assert f"is open in another Clerk (process {holder.pid}" in result.stderr
    assert "Nothing was changed" in result.stderr


def hold_open(path: Path) -> subprocess.Popen[str]:
    """Another Clerk process with the database open, until killed."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\nfrom clerk.storage.database import open_database\n"
            f"db = open_database({str(path)!r})\nprint('open', flush=True)\nsys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "open"
    return child


@pytest.mark.postgres
def test_a_server_database_is_backed_up_with_its_own_tools(postgres_url: str) -> None:
    result = run_clerk("--db", postgres_url, "backup")
    assert result.returncode == 1
    assert "is a server database: back it up with the server's own tools" in result.stderr
    restore = run_clerk("--db", postgres_url, "restore", "x.sqlite3")
    assert "restore a server database with the server's own tools" in restore.stderr
