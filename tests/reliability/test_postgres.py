"""A shared team database on PostgreSQL: migrations, the commands, two clerks at once, and a
conflicting edit caught with nothing lost. Every test here runs against a real server."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect

from clerk.domain.actions.proceedings import AddParagraph
from clerk.domain.journal import verify_chain
from clerk.domain.record import COLLECTIONS
from clerk.services import catalogue, maintenance, setup
from clerk.services.recording import MeetingSession
from clerk.storage import database as database_module
from clerk.storage import migration
from clerk.storage import repository as repo
from clerk.storage.database import Database, head_revision, open_database
from tests.conftest import run_clerk
from tests.reliability.processes import OtherClerk, child_env
from tests.reliability.script_gen import generate, prepare, write_script

pytestmark = pytest.mark.postgres


def test_migrations_run_on_postgresql(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_database(postgres_url)
    assert database.current_revision() == head_revision()
    with database.reading() as conn:
        tables = set(inspect(conn).get_table_names())
    assert {"meetings", "journal", "agenda_items", "alembic_version"} <= tables
    database.dispose()
    # A later migration applies to a database already in use.
    shipped = head_revision()
    migrations = tmp_path / "migrations"
    shutil.copytree(database_module.MIGRATIONS, migrations)
    (migrations / "versions" / "9990_test_note.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f'revision = "9990"\ndown_revision = "{shipped}"\n'
        "branch_labels = None\ndepends_on = None\n\n\n"
        "def upgrade() -> None:\n"
        '    op.add_column("council", sa.Column("note", sa.Text(), nullable=True))\n'
    )
    monkeypatch.setattr(migration, "MIGRATIONS", migrations)
    upgraded = open_database(postgres_url)
    assert upgraded.current_revision() == "9990"
    with upgraded.reading() as conn:
        assert "note" in {c["name"] for c in inspect(conn).get_columns("council")}
    upgraded.dispose()


def test_the_commands_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    demo = run_clerk("--db", postgres_url, "demo", check=True)
    assert "cyp-scrutiny-board/2021-08-18  (closed)" in demo.stdout
    assert "postgres@" in demo.stdout and "password" not in demo.stdout
    body = json.loads(run_clerk("--db", postgres_url, "list", "--json", check=True).stdout)
    assert [m["id"] for m in body["committees"][0]["meetings"]] == [1, 2]
    record = tmp_path / "meeting.json"
    run_clerk("--db", postgres_url, "export", "1", "-o", str(record), check=True)
    sqlite = str(tmp_path / "copy.sqlite3")
    run_clerk("--db", sqlite, "import", str(record), check=True)
    again = tmp_path / "again.json"
    run_clerk("--db", sqlite, "export", "1", "-o", str(again), check=True)
    assert again.read_bytes() == record.read_bytes()  # PostgreSQL and SQLite say the same
    script = tmp_path / "s.jsonl"
    script.write_text('{"action": "present", "person": "bye"}\n{"action": "start"}\n')
    replayed = run_clerk("--db", postgres_url, "replay", "2", str(script), check=True)
    assert replayed.stdout.splitlines()[0] == "ok 1: mark Councillor Bye present"
    assert run_clerk("--db", postgres_url, "undo", "2", check=True).stdout.startswith("Undo: ")
    assert run_clerk("--db", postgres_url, "redo", "2", check=True).stdout.startswith("Redo: ")
    checked = run_clerk("--db", postgres_url, "check", check=True)
    assert "journals of its 2 meeting(s) are intact" in checked.stdout
    bad = tmp_path / "bad.json"
    data = json.loads(record.read_text())
    data["event"]["date"] = "2021-08-25"  # the same members: its counts still add up
    data["event"]["venue"] = "x" * 500
    bad.write_text(json.dumps(data))
    refused = run_clerk("--db", postgres_url, "import", str(bad))
    assert refused.returncode == 1
    assert refused.stderr.strip().startswith(
        "clerk: error: The venue of the meeting is too long (500 characters; at most 200 fit)"
    )


def two_committees_meetings(database: Database) -> tuple[int, int]:
    """The Board's new meeting (as ``prepare``) and one of a second committee with the same
    members, so that neither meeting's minute numbers depend on the other."""
    first = prepare(database)
    board = catalogue.committee(database, "cyp-scrutiny-board")
    setup.save_committee(
        database, replace(board, slug="adults-scrutiny-board", name="Adults Scrutiny Board")
    )
    second = setup.create_meeting(database, "adults-scrutiny-board", date(2021, 10, 20))
    return first, second


def test_two_clerks_record_different_meetings_at_the_same_time(
    postgres_url: str, tmp_path: Path
) -> None:
    database = open_database(postgres_url)
    meetings = two_committees_meetings(database)
    database.dispose()
    # Each clerk's script, made by recording it alone on a scratch database.
    scripts, expected = {}, {}
    for n, meeting in enumerate(meetings):
        scratch = open_database(str(tmp_path / f"scratch{n}.sqlite3"))
        assert two_committees_meetings(scratch) == meetings
        made = generate(scratch, meeting, seed=100 + n, actions=150)
        with scratch.reading() as conn:
            expected[meeting], _ = repo.load_record(conn, meeting)
        scratch.dispose()
        scripts[meeting] = write_script(tmp_path / f"clerk{n}.jsonl", made)
    children = {
        meeting: subprocess.Popen(
            [sys.executable, "-m", "clerk", "--db", postgres_url, "replay", str(meeting), str(p)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        for meeting, p in scripts.items()
    }
    results = {meeting: child.communicate(timeout=300) for meeting, child in children.items()}
    for meeting, child in children.items():
        assert child.returncode == 0, results[meeting][1]
        assert results[meeting][0].strip().endswith("Replayed 150 actions.")
    database = open_database(postgres_url)
    try:
        for meeting in scripts:
            with database.reading() as conn:
                record, _ = repo.load_record(conn, meeting)
            for name in COLLECTIONS:
                assert record.collection(name) == expected[meeting].collection(name), name
        assert maintenance.check(database) == []
    finally:
        database.dispose()


def test_a_conflicting_edit_is_caught_and_nothing_is_lost(postgres_url: str) -> None:
    """Two clerks in two processes on one meeting: the second, working from a stale copy, is
    told in one sentence; its meeting is reloaded; its retry is saved; both actions are kept."""
    database = open_database(postgres_url)
    from clerk.services.demo import load_demo

    load_demo(database)
    database.dispose()
    with OtherClerk(postgres_url, meeting=2) as one, OtherClerk(postgres_url, meeting=2) as two:
        assert one.record({"action": "present", "person": "bye"}).startswith("ok ")
        answer = two.record({"action": "present", "person": "mills"})
        assert answer == (
            "error: Someone else has recorded on this meeting since you opened it; your action "
            "was not saved. The meeting has been reloaded: check it and try again."
        )
        assert two.record({"action": "present", "person": "mills"}).startswith("ok ")
        assert one.record({"action": "present", "person": "barnby"}).startswith("error: ")
        assert one.record({"action": "present", "person": "barnby"}).startswith("ok ")
    database = open_database(postgres_url)
    try:
        with database.reading() as conn:
            record, _ = repo.load_record(conn, 2)
            entries = repo.load_journal(conn, 2)
        assert sorted(a.person_id for a in record.attendance.values()) == [
            "barnby",
            "bye",
            "mills",
        ]
        assert verify_chain(entries) == []
        assert maintenance.check(database) == []
    finally:
        database.dispose()


def test_clerks_racing_on_one_meeting_keep_every_paragraph_once(postgres_url: str) -> None:
    """Two sessions with their own connections write at the same moment, round after round:
    each conflict is caught, retried after the reload, and every paragraph is stored once."""
    database = open_database(postgres_url)
    from clerk.services.demo import load_demo

    load_demo(database)
    database.dispose()
    rounds = 15
    barrier = threading.Barrier(2)
    conflicts = [0, 0]
    failures: list[BaseException] = []

    def clerk(n: int) -> None:
        own = open_database(postgres_url)
        try:
            session = MeetingSession(own, 1, who=f"clerk-{n}")
            for r in range(rounds):
                barrier.wait(timeout=60)
                while True:
                    try:
                        session.apply(AddParagraph(item=5, text=f"clerk {n}, round {r}"))
                        break
                    except repo.ConcurrentEdit:
                        conflicts[n] += 1
        except BaseException as error:  # reported by the main thread
            failures.append(error)
            barrier.abort()
        finally:
            own.dispose()

    threads = [threading.Thread(target=clerk, args=(n,)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert failures == []
    assert sum(conflicts) > 0  # they did collide
    database = open_database(postgres_url)
    try:
        with database.reading() as conn:
            record, _ = repo.load_record(conn, 1)
        texts = sorted(p.text for p in record.paragraphs.values() if p.text.startswith("clerk "))
        assert texts == sorted(f"clerk {n}, round {r}" for n in (0, 1) for r in range(rounds))
        assert maintenance.check(database) == []
    finally:
        database.dispose()
