"""The demo: Torbay's Board with the meeting of 18 August 2021 recorded from the seed's facts."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from clerk.domain.enums import ActionStatus, AttendanceStatus, MeetingStatus
from clerk.domain.rules.quorum import quorum_state
from clerk.services import catalogue, demo
from clerk.storage import repository as repo
from clerk.storage.database import Database
from tests.conftest import ROOT


def test_the_august_meeting_is_recorded_in_full(sqlite_demo: Database) -> None:
    with sqlite_demo.reading() as conn:
        record, _ = repo.load_record(conn, 1)
    assert record.meeting.status is MeetingStatus.CLOSED
    minuted = [(i.minute_number, i.title) for i in record.agenda() if i.minute_number]
    assert minuted == [
        (14, "Apologies"),
        (15, "Minutes"),
        (16, "Corporate Parenting Strategy"),
        (17, "Exploitation Update"),
    ]
    status = {a.person_id: a for a in record.attendance.values()}
    assert status["howgate"].status is AttendanceStatus.SUBSTITUTE
    assert status["howgate"].substitute_for == "mandy-darling"
    assert status["howgate"].group == "Liberal Democrat Group"
    assert {p for p, a in status.items() if a.status is AttendanceStatus.APOLOGIES} == {
        "tatiana-wilson",
        "mike-cook",
        "jo-morrell",
    }
    assert status["steve-darling"].representing == "Councillor Law"
    assert quorum_state(record).present == 5
    resolutions = sorted(record.resolutions.values(), key=lambda r: r.id)
    assert [r.wording for r in resolutions] == ["Resolved (unanimously):"] * 2
    assert resolutions[0].preamble == "That the Cabinet be recommended:"
    assert len(resolutions[0].parts) == 3
    assert [p.text[:10] for p in resolutions[1].parts[0].parts] == ["reporting ", "hidden imp"]
    actions = sorted(record.actions.values(), key=lambda a: a.id)
    assert [a.comments[-1].text for a in actions] == [
        "Added to work programme.",
        "Complete – emailed 20/8/21",
    ]
    assert actions[1].status is ActionStatus.COMPLETE


def test_the_september_meeting_has_its_agenda_ready(sqlite_demo: Database) -> None:
    with sqlite_demo.reading() as conn:
        record, _ = repo.load_record(conn, 2)
    assert record.meeting.status is MeetingStatus.SCHEDULED
    assert [i.number for i in record.agenda()] == [str(n) for n in range(1, 9)]
    assert record.items[7].recommendations and record.items[5].education
    members = {m.person_id for m in record.memberships_on_day()}
    assert "mills" in members and "loxton" not in members


def test_the_demo_is_built_once_and_copied_with_the_same_record(
    sqlite_demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLERK_HOME", str(tmp_path / "home"))
    first = demo.fresh_demo_database()
    template = demo.demo_template()
    built = template.stat().st_mtime_ns
    try:
        assert first.path == tmp_path / "home" / "data" / "demo.sqlite3"
        with first.reading() as copied, sqlite_demo.reading() as replayed:
            for meeting_id in (1, 2):
                assert repo.load_record(copied, meeting_id) == repo.load_record(
                    replayed, meeting_id
                )
        # Changing the copy does not change what the next start copies.
        with first.transaction() as conn:
            repo.save_council(conn, replace(repo.load_council(conn), name="Changed"))
    finally:
        first.dispose()
    second = demo.fresh_demo_database()
    try:
        assert catalogue.council(second).name == "Torbay Council"
        assert demo.demo_template().stat().st_mtime_ns == built  # not built again
    finally:
        second.dispose()


def test_the_demo_is_built_again_when_the_demo_files_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(ROOT / "resources" / "demo", resources / "demo")
    monkeypatch.setenv("CLERK_RESOURCES", str(resources))
    before = demo.demo_fingerprint()
    script = resources / "demo" / "cyp-scrutiny-board-2021-08-18.jsonl"
    script.write_text(script.read_text() + "\n")
    assert demo.demo_fingerprint() != before
