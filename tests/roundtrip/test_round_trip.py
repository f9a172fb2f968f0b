"""Take the meeting to the room, record it with no network, bring it back: the two copies are
one meeting, the audit is clean on both, and a second check-in changes nothing."""

from __future__ import annotations

import shutil
from datetime import date, time
from pathlib import Path

import pytest

from clerk.domain.actions.attendance import Present
from clerk.domain.actions.proceedings import AddParagraph
from clerk.domain.errors import ClerkError, RuleViolation
from clerk.services.checkin import check_in
from clerk.services.checkout import check_out, checked_out
from clerk.services.recording import MeetingSession
from clerk.services.team import TeamUnreachable
from clerk.storage import checkouts, overview
from clerk.storage.database import Database, open_database
from tests.conftest import run_clerk
from tests.roundtrip.helpers import (
    AUGUST,
    SEPTEMBER,
    Proxy,
    assert_same_everywhere,
    cut_off,
    find,
    journal,
    local_id,
    record_meeting,
)


def test_a_full_meeting_recorded_offline_comes_back_whole(
    team: Database,
    team_url: str,
    laptop: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLERK_MACHINE", "LAPTOP-7")
    address, proxy = cut_off(team_url, tmp_path)
    done = check_out(laptop, SEPTEMBER, address, who="Jo Smith", today=date(2021, 9, 20))
    assert done.confirming == ("18 August 2021",)
    meeting = local_id(laptop)
    assert done.meeting_id == meeting
    before = len(journal(team, find(team, SEPTEMBER)))

    # The room has no network: the team's database cannot be reached from here.
    moved = None
    if isinstance(proxy, Proxy):
        proxy.stop()
    else:
        moved = Path(team.path or "").with_suffix(".away")
        team.dispose()
        shutil.move(str(team_url.removeprefix("sqlite:///")), moved)
    record_meeting(laptop, meeting, actions=250)
    with pytest.raises(TeamUnreachable) as cut:
        check_in(laptop, meeting)
    message = str(cut.value)
    assert message.startswith("The team's database (") and "cannot be reached" in message
    assert "\n" not in message and "this laptop keeps working" in message
    MeetingSession(laptop, meeting).apply(AddParagraph(item=2, text="Recorded after all."))

    # Back in the office.
    if isinstance(proxy, Proxy):
        proxy.start()
    else:
        shutil.move(str(moved), team_url.removeprefix("sqlite:///"))
        team = open_database(team_url)
    recorded = len(journal(laptop, meeting))
    back = check_in(laptop, meeting)
    assert back.applied == recorded - before + 1  # and the previous minutes' confirmation
    assert not back.anyway and not back.already
    assert_same_everywhere(team, laptop, SEPTEMBER)
    assert_same_everywhere(team, laptop, AUGUST)  # confirmed at the meeting, on the laptop
    # Released: the office records again; the laptop's copy is now read-only.
    assert checked_out(team) == {}
    MeetingSession(team, find(team, SEPTEMBER)).apply(AddParagraph(item=2, text="Office."))
    with pytest.raises(RuleViolation, match="Brought back to the team's database"):
        MeetingSession(laptop, meeting).apply(AddParagraph(item=2, text="Too late."))
    # Run again: nothing applied twice.
    again = check_in(laptop, meeting)
    assert again.already and again.applied == 0
    if isinstance(proxy, Proxy):
        proxy.stop()
    team.dispose()


def test_while_out_the_team_reads_it_but_cannot_record_on_it(
    team: Database, team_url: str, laptop: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLERK_MACHINE", "LAPTOP-7")
    office = MeetingSession(team, find(team, SEPTEMBER), who="office")  # open before
    check_out(laptop, SEPTEMBER, team_url, who="Jo Smith")
    with pytest.raises(RuleViolation) as refused:
        office.apply(Present(person="bye"))
    text = str(refused.value)
    assert text.startswith("Checked out to LAPTOP-7 by Jo Smith at ")
    assert text.endswith("; recorded there until it is brought back.")
    fresh = MeetingSession(team, find(team, SEPTEMBER), who="office")
    assert fresh.checkout_refusal == text
    assert fresh.record.meeting.date == date(2021, 9, 20)  # still read
    with pytest.raises(RuleViolation, match="Checked out to LAPTOP-7"):
        MeetingSession(team, find(team, AUGUST)).undo()  # the minutes it will confirm
    # The laptop records; its reference copies refuse.
    MeetingSession(laptop, local_id(laptop)).apply(Present(person="bye"))
    # The list of meetings reads the check-outs with the least work, as the repository does.
    for side in (team, laptop):
        with side.reading() as conn:
            assert overview.checkouts(side) == checkouts.all_current(conn) != {}


def test_the_commands(team: Database, team_url: str, tmp_path: Path) -> None:
    team.dispose()  # an SQLite file has one writer: the commands below, one at a time
    laptop = str(tmp_path / "cli-laptop.sqlite3")
    env_team = team_url
    out = run_clerk("--db", laptop, "checkout", SEPTEMBER, "--from", env_team, check=True)
    assert "Checked out cyp-scrutiny-board/2021-09-20 from " in out.stdout
    assert "with the meeting of 18 August 2021: minutes to confirm" in out.stdout
    listed = run_clerk("--db", env_team, "list", check=True).stdout
    assert "2021-09-20  scheduled    cyp-scrutiny-board/2021-09-20  (Checked out to " in listed
    script = tmp_path / "s.jsonl"
    script.write_text(
        '{"action": "present", "person": "bye"}\n{"action": "start", "at": "09:30"}\n'
    )
    run_clerk("--db", laptop, "replay", SEPTEMBER, str(script), check=True)
    refused = run_clerk("--db", env_team, "replay", SEPTEMBER, str(script))
    assert refused.returncode == 1 and "recorded there until it is brought back" in refused.stderr
    back = run_clerk("--db", laptop, "checkin", SEPTEMBER, check=True)
    assert back.stdout.strip() == (
        "Brought back the meeting of 20 September 2021: 2 entries applied; released."
    )
    team_json = run_clerk("--db", env_team, "export", SEPTEMBER, check=True).stdout
    laptop_json = run_clerk("--db", laptop, "export", SEPTEMBER, check=True).stdout
    assert team_json == laptop_json
    for db in (env_team, laptop):
        assert run_clerk("--db", db, "audit", SEPTEMBER, check=True).returncode == 0
    again = run_clerk("--db", laptop, "checkin", SEPTEMBER, check=True)
    assert again.stdout.startswith("Already brought back")


def test_a_reference_copy_and_the_laptops_own_meetings_are_safe(
    team: Database, team_url: str, laptop: Database, tmp_path: Path
) -> None:
    from clerk.services import setup

    setup.create_meeting(team, "cyp-scrutiny-board", date(2021, 7, 27), at=time(10, 0))
    check_out(laptop, SEPTEMBER, team_url)
    reference = find(laptop, "cyp-scrutiny-board/2021-07-27")
    with pytest.raises(RuleViolation, match="copy for reference"):
        MeetingSession(laptop, reference).apply(Present(person="bye"))
    with pytest.raises(ClerkError, match="copy for reference"):
        check_in(laptop, reference)
    # A laptop with its own meeting on that day: never overwritten.
    other = open_database(str(tmp_path / "other.sqlite3"))
    try:
        setup_demo = __import__("clerk.services.demo", fromlist=["load_demo"])
        setup_demo.load_demo(other)
        with pytest.raises(ClerkError, match="Clerk will not overwrite it"):
            check_out(other, SEPTEMBER, team_url)
        assert journal(other, find(other, SEPTEMBER))[0].kind in ("import", "create")
    finally:
        other.dispose()
