"""One writer per SQLite file: a second Clerk process may read, not write, and is told so;
nothing is corrupted. Two real processes throughout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clerk.services import maintenance
from clerk.storage.database import open_database
from tests.conftest import run_clerk
from tests.reliability.processes import OtherClerk


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "clerk.sqlite3"
    run_clerk("--db", str(path), "demo", check=True)
    return path


def test_a_second_clerk_reads_but_cannot_write(demo_db: Path, tmp_path: Path) -> None:
    script = tmp_path / "s.jsonl"
    script.write_text('{"action": "present", "person": "mills"}\n')
    with OtherClerk(demo_db, meeting=2) as first:
        assert first.notices == []
        assert first.record({"action": "present", "person": "bye"}).startswith("ok ")
        # The second Clerk: reading works, with a notice saying why it cannot write.
        listing = run_clerk("--db", str(demo_db), "list")
        assert listing.returncode == 0
        assert "cyp-scrutiny-board/2021-09-20" in listing.stdout
        assert listing.stderr.strip() == (
            f"clerk: note: {demo_db} is open in another Clerk (process {first.pid}, since "
            + listing.stderr.split("since ", 1)[1].split(")")[0]
            + "): this Clerk opened it read-only and cannot save."
        )
        exported = run_clerk("--db", str(demo_db), "export", "2", check=True)
        assert json.loads(exported.stdout)["uk_local_government"]["attendance"][0]["person_id"] == (
            "bye"
        )
        # Writing is refused in one clear sentence, and nothing is saved.
        refused = run_clerk("--db", str(demo_db), "replay", "2", str(script))
        assert refused.returncode == 1
        error = refused.stderr.strip().splitlines()[-1]
        assert error.startswith("clerk: error: s.jsonl line 1: Nothing was saved: ")
        assert f"is open in another Clerk (process {first.pid}" in error
        assert error.endswith("Close the other Clerk and try again.")
        for command in (["undo", "2"], ["undo", "1"]):
            other = run_clerk("--db", str(demo_db), *command)
            assert other.returncode == 1 and "Nothing was saved" in other.stderr
        # The first Clerk carries on recording, undisturbed.
        assert first.record({"action": "present", "person": "barnby"}).startswith("ok ")
    # Once it has gone, the second can write.
    run_clerk("--db", str(demo_db), "replay", "2", str(script), check=True)
    database = open_database(str(demo_db))
    try:
        assert maintenance.check(database) == []
    finally:
        database.dispose()
    export = json.loads(run_clerk("--db", str(demo_db), "export", "2", check=True).stdout)
    present = [a["person_id"] for a in export["uk_local_government"]["attendance"]]
    assert present == ["bye", "barnby", "mills"]


def test_a_crashed_clerk_does_not_lock_anyone_out(demo_db: Path) -> None:
    first = OtherClerk(demo_db, meeting=2)
    assert first.record({"action": "present", "person": "bye"}).startswith("ok ")
    first.kill()  # SIGKILL: no clean-up ran, the lock file is still there
    assert Path(f"{demo_db}.lock").exists()
    with OtherClerk(demo_db, meeting=2) as second:
        assert second.notices == []
        assert second.record({"action": "present", "person": "mills"}).startswith("ok ")


def test_two_clerks_racing_to_write_leave_a_sound_database(demo_db: Path) -> None:
    """Whichever opens first writes; the other is refused on every attempt; no damage."""
    with OtherClerk(demo_db, meeting=2) as first, OtherClerk(demo_db, meeting=2) as second:
        assert second.notices and "read-only" in second.notices[0]
        people = ["bye", "barnby", "mandy-darling", "douglas-dunbar", "mills"]
        for person in people:
            assert first.record({"action": "present", "person": person}).startswith("ok ")
            answer = second.record({"action": "apologies", "person": person})
            assert answer.startswith("error: Nothing was saved: ")
    database = open_database(str(demo_db))
    try:
        assert maintenance.check(database) == []
    finally:
        database.dispose()


def test_in_one_process_two_databases_on_one_file_share_the_writer_lock(demo_db: Path) -> None:
    one = open_database(str(demo_db))
    two = open_database(str(demo_db))
    try:
        assert not one.read_only and not two.read_only
        with OtherClerk(demo_db) as other:  # another process: read-only
            assert other.notices
        one.dispose()
        with OtherClerk(demo_db) as other:  # ``two`` still holds it
            assert other.notices
    finally:
        two.dispose()
    with OtherClerk(demo_db) as other:  # released
        assert other.notices == []
