"""The crash harness: ``clerk replay`` of a long script, killed with SIGKILL again and again.

A seeded script of over 1,000 actions on the demo Board (see ``script_gen``) is replayed by
the real command in a child process. The child is killed with SIGKILL at seeded moments:
some while it starts (opening, checking and backing up the database), most a moment after it
acknowledged a chosen action, so mid-way through the next one. Each time the same command is
run again, and it carries on. At the end:

- every acknowledged action ("ok N: ..." on stdout before a kill) is in the database exactly
  once, and every line of the script is in the journal exactly once;
- the meeting is exactly the meeting the script records (recorded once, without kills);
- the journal and the meeting agree (rebuilding the meeting from the journal gives it);
- the journal's hash chain verifies; SQLite's integrity check passes; every backup is whole.

``CLERK_CRASH_SEED`` replays another seed.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select

from clerk.domain.journal import verify_chain
from clerk.domain.record import COLLECTIONS, MeetingRecord
from clerk.services import maintenance
from clerk.services.recording import state_from_journal
from clerk.services.replay import script_line_ids
from clerk.storage import backup as backups
from clerk.storage import repository as repo
from clerk.storage.database import Database, open_database
from clerk.storage.integrity import check_sqlite_file, integrity_problems
from clerk.storage.models import JournalRow
from tests.reliability.processes import child_env
from tests.reliability.script_gen import generate, prepare, write_script

SEED = int(os.environ.get("CLERK_CRASH_SEED", "20210818"))
ACTIONS = 1_050
KILLS_AFTER_ACK = 34
KILLS_AT_START = 4


@dataclass
class Run:
    acked: list[int] = field(default_factory=list)
    returncode: int | None = None
    stderr: str = ""
    killed: bool = False


def _reader(stream: object, lines: queue.Queue[str | None]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        lines.put(line)
    lines.put(None)


def replay_once(
    db: Path, meeting: int, script: Path, log: Path, kill_after: int | None, delay: float
) -> Run:
    """Run ``clerk replay``; kill it ``delay`` s after its ``kill_after``-th acknowledgement
    (or ``delay`` s after it starts, when ``kill_after`` is 0; never, when None)."""
    run = Run()
    with open(log, "a+", encoding="utf-8") as errors:
        start = errors.tell()
        child = subprocess.Popen(
            [sys.executable, "-m", "clerk", "--db", str(db), "replay", str(meeting), str(script)],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env=child_env(),
        )
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=_reader, args=(child.stdout, lines), daemon=True).start()
        if kill_after == 0:
            time.sleep(delay)
            child.send_signal(signal.SIGKILL)
            run.killed = True
        while True:
            line = lines.get(timeout=120)
            if line is None:
                break
            if line.startswith("ok "):
                run.acked.append(int(line[3:].split(":", 1)[0]))
                if kill_after and len(run.acked) == kill_after and not run.killed:
                    time.sleep(delay)
                    child.send_signal(signal.SIGKILL)
                    run.killed = True
        run.returncode = child.wait(timeout=120)
        errors.seek(start)
        run.stderr = errors.read()
    return run


def load(database: Database, meeting: int) -> tuple[MeetingRecord, list[object]]:
    with database.reading() as conn:
        record, _version = repo.load_record(conn, meeting)
        entries = repo.load_journal(conn, meeting)
    return record, list(entries)


@pytest.mark.slow
def test_replay_killed_again_and_again_loses_and_repeats_nothing(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    # The script, made by recording it once on a scratch copy of the demo.
    scratch = open_database(str(tmp_path / "scratch" / "clerk.sqlite3"))
    meeting = prepare(scratch)
    generated = generate(scratch, meeting, SEED, ACTIONS)
    assert generated.actions >= 1_000
    expected, _ = load(scratch, meeting)
    scratch.dispose()
    script = write_script(tmp_path / "meeting.jsonl", generated)
    line_ids = script_line_ids(script.read_text(encoding="utf-8"))
    action_lines = {
        number
        for number, text in enumerate(generated.lines, start=1)
        if text.strip() and not text.startswith("#")
    }

    db_path = tmp_path / "clerk" / "clerk.sqlite3"
    target = open_database(str(db_path))
    assert prepare(target) == meeting
    target.dispose()

    # The kills: a moment after chosen acknowledgements (one in each stretch of the script,
    # counted from the start), and a few while the command starts up.
    first, last = 10, generated.actions - 300
    stretch = (last - first) / KILLS_AFTER_ACK
    plan: list[tuple[int, float]] = [
        (first + int(stretch * n) + rng.randrange(int(stretch)), rng.uniform(0.0, 0.015))
        for n in range(KILLS_AFTER_ACK)
    ]
    for _ in range(KILLS_AT_START):
        # Within start-up (Python, imports, lock, checks, backup: a few tenths of a second):
        # any later and a fast machine replays the rest of the script before the kill.
        plan.insert(rng.randrange(len(plan) + 1), (0, rng.uniform(0.05, 0.3)))

    acked: list[int] = []
    kills = 0
    log = tmp_path / "stderr.log"
    for point, delay in plan:
        kill_after = 0 if point == 0 else max(1, point - len(acked))
        run = replay_once(db_path, meeting, script, log, kill_after, delay)
        acked.extend(run.acked)
        if run.returncode == 0:
            break  # it finished before the kill landed
        assert run.returncode == -signal.SIGKILL, run.stderr
        kills += 1
    final = replay_once(db_path, meeting, script, log, None, 0.0)
    acked.extend(final.acked)
    assert final.returncode == 0, final.stderr
    assert kills >= 30, f"only {kills} kills landed"
    print(f"{kills} kills, {len(acked)} acknowledged, final run applied {len(final.acked)}")

    database = open_database(str(db_path))
    try:
        record, entries = load(database, meeting)
        with database.reading() as conn:
            lines = [
                row[0]
                for row in conn.execute(
                    select(JournalRow.script_line).where(
                        JournalRow.meeting_id == meeting,
                        JournalRow.script_id.in_(set(line_ids.values())),
                    )
                )
            ]
            problems = integrity_problems(conn)
        # Every acknowledged action exactly once; every line of the script exactly once.
        assert len(acked) == len(set(acked)), "an action was acknowledged twice"
        assert len(lines) == len(set(lines)), "a script line was applied twice"
        assert set(acked) <= set(lines)
        assert set(lines) == action_lines
        # The meeting is the one the script records.
        for name in COLLECTIONS:
            assert record.collection(name) == expected.collection(name), name
        assert record.meeting == expected.meeting
        # The journal and the meeting agree; the chain and the file are sound.
        rebuilt = state_from_journal(entries, record)  # type: ignore[arg-type]
        for name in COLLECTIONS:
            assert rebuilt.collection(name) == record.collection(name), name
        assert rebuilt.meeting == record.meeting
        assert verify_chain(entries) == []  # type: ignore[arg-type]
        assert problems == []
        assert maintenance.check(database) == []
    finally:
        database.dispose()
    # Backups made along the way (daily, on close) are whole, never half-written.
    made = backups.list_backups(db_path)
    assert any(b.reason == "close" for b in made)
    for found in made:
        assert check_sqlite_file(found.path) is None, found.path
