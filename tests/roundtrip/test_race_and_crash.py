"""Two laptops racing for one meeting; ``clerk checkin`` killed again and again.

The check-in runs as the real command in a child process and is killed with SIGKILL at seeded
moments (while it starts, reads, applies, commits, finishes the laptop's side). After every
kill the team's journal of the meeting is either as it was or complete: never half applied.
Run again each time, it carries on; at the end the two copies are one meeting, every laptop
entry is in the team's journal exactly once, and the audit is clean on both.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clerk.domain.checkout import CheckoutState, Side
from clerk.domain.errors import ClerkError
from clerk.services import catalogue
from clerk.services.checkout import check_out
from clerk.storage import checkouts
from clerk.storage.database import Database, open_database
from tests.conftest import run_clerk
from tests.reliability.processes import child_env
from tests.roundtrip.helpers import (
    AUGUST,
    SEPTEMBER,
    assert_same_everywhere,
    find,
    journal,
    local_id,
    record_meeting,
)

SEED = int(os.environ.get("CLERK_CRASH_SEED", "20210920"))


def test_a_second_laptop_is_refused_with_the_holders_name(
    team: Database, team_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLERK_MACHINE", "LAPTOP-7")
    first = open_database(str(tmp_path / "first.sqlite3"))
    second = open_database(str(tmp_path / "second.sqlite3"))
    try:
        check_out(first, SEPTEMBER, team_url, who="Jo Smith")
        monkeypatch.setenv("CLERK_MACHINE", "LAPTOP-9")
        with pytest.raises(ClerkError) as refused:
            check_out(second, SEPTEMBER, team_url, who="Ann Deputy")
        assert str(refused.value).startswith("Checked out to LAPTOP-7 by Jo Smith at ")
        assert catalogue.meetings(second) == []  # nothing copied
        monkeypatch.setenv("CLERK_MACHINE", "LAPTOP-7")  # the same laptop again: resumed
        assert check_out(first, SEPTEMBER, team_url, who="Jo Smith").resumed
    finally:
        first.dispose()
        second.dispose()


@pytest.mark.postgres
def test_two_laptops_racing_for_one_meeting(
    postgres_team: tuple[Database, str], tmp_path: Path
) -> None:
    team, team_url = postgres_team
    for round_ in range(3):
        children = []
        for name in ("LAPTOP-7", "LAPTOP-9"):
            env = child_env() | {"CLERK_MACHINE": name, "CLERK_USER": f"clerk of {name}"}
            laptop = tmp_path / f"{name}-{round_}.sqlite3"
            command = ["-m", "clerk", "--db", str(laptop), "checkout", SEPTEMBER]
            children.append(
                subprocess.Popen(
                    [sys.executable, *command, "--from", team_url],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    env=env,
                )
            )
        results = [(c.wait(timeout=120), *c.communicate()) for c in children]
        won = [r for r in results if r[0] == 0]
        lost = [r for r in results if r[0] != 0]
        assert len(won) == 1 and len(lost) == 1, results
        loser = lost[0][2]
        assert "recorded there until it is brought back." in loser, loser
        assert loser.startswith("clerk: error: Checked out to LAPTOP-")
        with team.reading() as conn:
            for reference in (SEPTEMBER, AUGUST):
                out = checkouts.out_on(conn, find(team, reference))
                assert out is not None
                assert f"to this laptop ({out.machine})" in won[0][1]
        # The winner is broken so that the next round races again.
        assert (
            run_clerk(
                "--db", team_url, "break-checkout", SEPTEMBER, "--reason", f"round {round_}"
            ).returncode
            == 0
        )


def _whole_command_seconds(laptop: Path, meeting: int) -> float:
    """How long ``clerk status`` takes here as a whole process (start, open, read, exit)."""
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "clerk", "--db", str(laptop), "status", str(meeting)],
        capture_output=True,
        env=child_env(),
        timeout=300,
        check=True,
    )
    return time.monotonic() - started


def _checkin(laptop: Path, meeting: int, delay: float | None) -> int | None:
    """Run ``clerk checkin``; kill it ``delay`` s after it starts (never, when None)."""
    child = subprocess.Popen(
        [sys.executable, "-m", "clerk", "--db", str(laptop), "checkin", str(meeting)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    if delay is None:
        _out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
        return child.returncode
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=60)
    return child.returncode


@pytest.mark.slow
def test_checkin_killed_at_random_moments_loses_and_repeats_nothing(
    team: Database, team_url: str, laptop: Database, tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    check_out(laptop, SEPTEMBER, team_url, who="Jo Smith")
    meeting = local_id(laptop)
    record_meeting(laptop, meeting, actions=400, seed=SEED)
    team_id = find(team, SEPTEMBER)
    base = len(journal(team, team_id))
    full = len(journal(laptop, meeting))
    laptop_path = laptop.path
    assert laptop_path is not None
    laptop.dispose()
    team.dispose()  # an SQLite team file has one writer: the child

    # How long an uninterrupted check-in takes is not known here (seconds, more on a server,
    # more on a busy machine). A check-in takes at least as long as a command that only opens
    # the laptop's file, so the kills are drawn in units of that command's quickest time (of
    # three: the other tests running alongside slow some): the first eight inside it (while the
    # check-in starts and reads; these land on any machine), then in a span that widens run by
    # run, so they land at every stage up to after the team's commit.
    unit = min(_whole_command_seconds(laptop_path, meeting) for _ in range(3))
    kills = finished = applied = 0
    for run in range(16):
        span = (0.1, 0.8) if run < 8 else (0.5, 1.0 + (run - 7) * 0.6)
        code = _checkin(laptop_path, meeting, unit * rng.uniform(*span))
        if code == 0:
            finished += 1
        else:
            assert code == -signal.SIGKILL
            kills += 1
        observer = open_database(team_url)
        try:
            # Never half applied: the team's journal is as it was, or complete.
            length = len(journal(observer, team_id))
            assert length in (base, full)
            applied += length == full and code != 0
        finally:
            observer.dispose()
    assert kills >= 5, f"only {kills} kills landed"
    started = time.monotonic()
    _checkin(laptop_path, meeting, None)
    print(f"the last check-in took {time.monotonic() - started:.1f} s")
    team, laptop = open_database(team_url), open_database(str(laptop_path))
    try:
        assert_same_everywhere(team, laptop, SEPTEMBER)
        assert_same_everywhere(team, laptop, AUGUST)
        entries = journal(team, team_id)
        assert len(entries) == full
        assert len({e.hash for e in entries}) == full  # nothing doubled
        with team.reading() as conn:
            rows = (
                checkouts.by_token(conn, checkouts.out_on(conn, team_id).token, Side.TEAM)
                if (checkouts.out_on(conn, team_id))
                else []
            )
        assert rows == []  # released
        with laptop.reading() as conn:
            held = checkouts.laptop_copy_of(conn, meeting)
        assert held is not None and held.checkout.state is CheckoutState.RETURNED
    finally:
        team.dispose()
        laptop.dispose()
    print(f"{kills} kills ({applied} after the team's commit), {finished} runs finished first")
