"""Conflicts at check-in: each kind listed in plain words with nothing changed; apply anyway
where the rules allow (journaled as such); the laptop's record saved for the team instead."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import text

from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Present
from clerk.domain.actions.proceedings import OpenItem, StartMeeting
from clerk.domain.conflicts import ConflictKind
from clerk.domain.enums import MeetingKind, Role, SigningMode
from clerk.domain.errors import ClerkError
from clerk.services import catalogue, setup, signoff
from clerk.services.checkin import CheckinConflicts, check_in, save_for_team
from clerk.services.checkout import break_checkout, check_out, checked_out
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database, open_database
from tests.roundtrip.helpers import (
    AUGUST,
    SEPTEMBER,
    assert_same_everywhere,
    export,
    find,
    journal,
    local_id,
    record_meeting,
)


@pytest.fixture
def out(team: Database, team_url: str, laptop: Database, monkeypatch: pytest.MonkeyPatch) -> int:
    """The September meeting checked out to LAPTOP-7 and recorded there."""
    monkeypatch.setenv("CLERK_MACHINE", "LAPTOP-7")
    check_out(laptop, SEPTEMBER, team_url, who="Jo Smith")
    meeting = local_id(laptop)
    record_meeting(laptop, meeting, actions=40, seed=11)
    return meeting


def refused(laptop: Database, meeting: int) -> CheckinConflicts:
    before = export(laptop, meeting)
    with pytest.raises(CheckinConflicts) as caught:
        check_in(laptop, meeting)
    assert export(laptop, meeting) == before
    return caught.value


def kinds(conflicts: CheckinConflicts) -> set[ConflictKind]:
    return {c.kind for c in conflicts.conflicts}


def test_a_broken_check_out_is_journaled_and_the_laptop_learns_of_it(
    team: Database, laptop: Database, out: int
) -> None:
    team_id = find(team, SEPTEMBER)
    untouched = journal(team, team_id)
    with pytest.raises(ClerkError, match="reason"):
        break_checkout(team, SEPTEMBER, " ", who="Sam Admin")
    held = break_checkout(team, SEPTEMBER, "The laptop was left in the Meadfoot Room.", "Sam Admin")
    assert held.machine == "LAPTOP-7"
    entries = journal(team, team_id)
    assert len(entries) == len(untouched) + 1
    assert entries[-1].kind == "break_checkout" and entries[-1].who == "Sam Admin"
    assert "LAPTOP-7" in entries[-1].label and "Meadfoot Room" in entries[-1].label
    assert checked_out(team) == {}  # the office may record again
    conflict = refused(laptop, out)
    assert kinds(conflict) == {ConflictKind.BROKEN}
    assert conflict.anyway
    assert "broken in the team's database by Sam Admin" in conflict.conflicts[0].text
    assert "“The laptop was left in the Meadfoot Room”." in conflict.conflicts[0].text
    assert journal(team, team_id) == entries  # nothing changed
    # Applied anyway: through the rules, after an entry saying so; the copies agree again.
    done = check_in(laptop, out, anyway=True)
    assert done.anyway
    after = journal(team, team_id)
    assert after[len(entries)].kind == "apply_anyway"
    assert "despite 1 conflict(s)" in after[len(entries)].label
    carried = after[len(entries) + 1 :]
    laptop_entries = {e.hash: e.seq for e in journal(laptop, out)}  # the laptop's own, replaced
    assert all(e.script_id and e.script_line for e in carried)
    assert_same_everywhere(team, laptop, SEPTEMBER)
    assert_same_everywhere(team, laptop, AUGUST)
    assert laptop_entries  # the laptop's copy is the team's now, its journal included
    assert check_in(laptop, out).already


def test_the_agenda_edited_in_the_office_after_a_break(
    team: Database, laptop: Database, out: int
) -> None:
    break_checkout(team, SEPTEMBER, "Needed an urgent item on the agenda.", "Sam Admin")
    office = MeetingSession(team, find(team, SEPTEMBER), who="Sam Admin")
    office.apply(AddItem(number="4A", title="Youth Justice Plan"))
    conflict = refused(laptop, out)
    assert kinds(conflict) == {ConflictKind.BROKEN, ConflictKind.AGENDA_EDITED}
    edited = next(c for c in conflict.conflicts if c.kind is ConflictKind.AGENDA_EDITED)
    assert "The agenda of the meeting of 20 September 2021 was edited in the team's" in edited.text
    assert "Youth Justice Plan" in edited.text and "Sam Admin" in edited.text
    check_in(laptop, out, anyway=True)
    titles = [i["title"] for i in export(team, find(team, SEPTEMBER))["agenda"]]  # type: ignore[index]
    assert "Youth Justice Plan" in titles
    assert_same_everywhere(team, laptop, SEPTEMBER)


def test_a_person_changed_in_the_office(team: Database, laptop: Database, out: int) -> None:
    bye = catalogue.persons(team)["bye"]
    setup.save_person(team, replace(bye, name="Bye-Jones"))
    conflict = refused(laptop, out)
    assert kinds(conflict) == {ConflictKind.PERSON_CHANGED}
    assert "Councillor Bye ('bye') was changed in the team's database (name" in str(
        conflict.conflicts[0].text
    )
    check_in(laptop, out, anyway=True)
    assert export(team, find(team, SEPTEMBER)) == export(laptop, out)


def test_a_person_merged_in_the_office_cannot_be_applied_anyway(
    team: Database, laptop: Database, out: int, tmp_path: Path
) -> None:
    # An administrator merged Councillor Mills into Councillor Loxton: every reference moved
    # over, the person removed.
    with team.transaction() as conn:
        conn.execute(text("UPDATE memberships SET person_id = 'loxton' WHERE person_id = 'mills'"))
        for table in ("attendance", "movements", "declarations"):
            conn.execute(text(f"UPDATE {table} SET person_id = 'loxton' WHERE person_id = 'mills'"))
        conn.execute(text("DELETE FROM persons WHERE id = 'mills'"))
    conflict = refused(laptop, out)
    assert ConflictKind.PERSON_GONE in kinds(conflict)
    gone = next(c for c in conflict.conflicts if c.kind is ConflictKind.PERSON_GONE)
    assert "('mills') is no longer in the team's database (merged" in gone.text
    team_id = find(team, SEPTEMBER)
    before = journal(team, team_id)
    with pytest.raises(ClerkError, match="anyway was refused, and nothing was changed") as no:
        check_in(laptop, out, anyway=True)
    assert "mills" in str(no.value).lower()
    assert journal(team, team_id) == before
    # Saved for the team instead: the files, and the check-out ended on both sides.
    files, told = save_for_team(laptop, out, tmp_path / "september.json")
    assert [f.name for f in files] == ["september.json", "september-2021-08-18.json"]
    assert json.loads(files[0].read_text())["event"]["date"] == "2021-09-20"
    assert "has ended" in told
    assert checked_out(team) == {}
    with pytest.raises(ClerkError, match="saved as a file for the team"):
        MeetingSession(laptop, out).apply(Present(person="loxton"))


def test_the_committee_and_the_council_changed_in_the_office(
    team: Database, laptop: Database, out: int
) -> None:
    board = catalogue.committee(team, "cyp-scrutiny-board")
    members = tuple(
        replace(m, role=Role.VICE_CHAIR) if m.person_id == "barnby" else m
        for m in board.memberships
    )
    setup.save_committee(team, replace(board, memberships=members))
    signoff.set_signing_mode(team, SigningMode.DIGITAL)
    conflict = refused(laptop, out)
    assert kinds(conflict) == {ConflictKind.COMMITTEE_CHANGED, ConflictKind.COUNCIL_CHANGED}
    texts = " ".join(c.text for c in conflict.conflicts)
    assert "The membership of the Children and Young People's Overview and Scrutiny" in texts
    assert "Councillor Barnby's role changed" in texts
    assert "The council profile was changed in the team's database (signing mode)." in texts
    assert "clerk checkin --anyway" in str(conflict)
    check_in(laptop, out, anyway=True)
    assert_same_everywhere(team, laptop, SEPTEMBER)


def test_held_by_another_laptop_cannot_be_applied_anyway(
    team: Database,
    team_url: str,
    laptop: Database,
    out: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    break_checkout(team, SEPTEMBER, "Taken over by the deputy clerk.", "Sam Admin")
    monkeypatch.setenv("CLERK_MACHINE", "LAPTOP-9")
    second = open_database(str(tmp_path / "second.sqlite3"))
    try:
        check_out(second, SEPTEMBER, team_url, who="Ann Deputy")
    finally:
        second.dispose()
    monkeypatch.setenv("CLERK_MACHINE", "LAPTOP-7")
    conflict = refused(laptop, out)
    assert kinds(conflict) == {ConflictKind.BROKEN, ConflictKind.HELD_ELSEWHERE}
    assert not conflict.anyway
    assert "clerk checkin --anyway" not in str(conflict)
    with pytest.raises(CheckinConflicts):
        check_in(laptop, out, anyway=True)
    held = next(c for c in conflict.conflicts if c.kind is ConflictKind.HELD_ELSEWHERE)
    assert held.text.startswith("Checked out to LAPTOP-9 by Ann Deputy at ")


def test_minute_numbers_taken_in_the_office_give_a_different_result(
    team: Database, team_url: str, laptop: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLERK_MACHINE", "LAPTOP-7")
    check_out(laptop, SEPTEMBER, team_url, who="Jo Smith")
    meeting = local_id(laptop)
    record_meeting(laptop, meeting)  # takes the Minutes item as Minute 18
    # Meanwhile the office held an extraordinary meeting on 10 September and minuted an item.
    special = setup.create_meeting(
        team, "cyp-scrutiny-board", date(2021, 9, 10), at=time(14), kind=MeetingKind.EXTRAORDINARY
    )
    office = MeetingSession(team, special, who="Sam Admin")
    office.apply(Present(person="bye"))
    office.apply(Present(person="barnby"))
    office.apply(Present(person="mills"))
    office.apply(StartMeeting(at=time(14, 0)))
    office.apply(OpenItem(item=1, at=time(14, 1)))
    conflict = refused(laptop, meeting)
    assert kinds(conflict) == {ConflictKind.DIFFERENT_RESULT}
    assert "does not come out the same in the team's database" in conflict.conflicts[0].text
    assert "Minute" in conflict.conflicts[0].text
    check_in(laptop, meeting, anyway=True)
    items = export(team, find(team, SEPTEMBER))["agenda"]
    numbers = [i["minute_number"] for i in items if i["minute_number"]]  # type: ignore[union-attr]
    assert numbers and min(numbers) > 18  # numbered after the special meeting's
    assert_same_everywhere(team, laptop, SEPTEMBER)
