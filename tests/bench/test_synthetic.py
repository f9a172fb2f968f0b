"""The synthetic archive generator at a small size: a valid archive, the same rows the live
service would write, and the procedural rules holding in every meeting."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

import jsonschema
import pytest

from clerk.domain.enums import (
    EventKind,
    InterestKind,
    MeetingKind,
    MotionOutcome,
    VoteMethod,
    VoteOption,
)
from clerk.domain.errors import ClerkError
from clerk.domain.journal import verify_chain
from clerk.domain.record import COLLECTIONS, MeetingRecord
from clerk.domain.rules.numbering import municipal_year_start
from clerk.domain.rules.presence import withdrawal
from clerk.domain.rules.proceedings import exclusion_target
from clerk.resources import resource
from clerk.services import record_json
from clerk.services.recording import MeetingSession, create_with_journal, state_from_journal
from clerk.storage import repository as repo
from clerk.storage.database import Database, open_database
from clerk_support.synthetic import ArchiveSize, MeetingShape, generate_archive, record_meeting
from clerk_support.synthetic.council import build_council

#: Six committees, so the children's scrutiny Board (education co-optees) is among them.
SMALL = ArchiveSize(committees=6, years=2, meetings_per_year=4, shape=MeetingShape(exempt=0.5))


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Database:
    database = open_database(str(tmp_path_factory.mktemp("archive") / "archive.sqlite3"))
    generate_archive(database, SMALL, seed=7)
    return database


def records(database: Database) -> list[MeetingRecord]:
    with database.reading() as conn:
        return [repo.load_record(conn, i)[0] for i, _slug, _m in repo.list_meetings(conn)]


def test_the_archive_has_the_size_asked_for(archive: Database) -> None:
    with archive.reading() as conn:
        committees = repo.list_committees(conn)
        meetings = repo.list_meetings(conn)
    assert len(committees) == 6 and len(meetings) == 6 * 2 * 4
    loaded = records(archive)
    assert all(r.meeting.status.value == "closed" for r in loaded)
    assert sum(len(r.items) for r in loaded) >= 9 * len(loaded)
    assert any(r.declarations for r in loaded) and any(r.actions for r in loaded)
    assert any(v.method is VoteMethod.RECORDED for r in loaded for v in r.votes.values())
    assert any(i.exempt for r in loaded for i in r.items.values())


def test_records_load_and_their_journals_rebuild_them(archive: Database) -> None:
    with archive.reading() as conn:
        for meeting_id, _slug, _meeting in repo.list_meetings(conn):
            record, _version = repo.load_record(conn, meeting_id)
            entries = repo.load_journal(conn, meeting_id)
            assert verify_chain(entries) == []
            assert [e.kind for e in entries] == ["import"]
            rebuilt = state_from_journal(entries, record)
            assert rebuilt.meeting == record.meeting
            for name in COLLECTIONS:
                assert rebuilt.collection(name) == record.collection(name), name


def test_exports_follow_the_schema_and_import_again(archive: Database, tmp_path: Path) -> None:
    schema = json.loads(resource("schema", "meeting-record.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    target = open_database(str(tmp_path / "copy.sqlite3"))
    with archive.reading() as conn:
        meeting_ids = [i for i, _s, _m in repo.list_meetings(conn)]
    for meeting_id in meeting_ids[::5]:
        text = record_json.export_meeting(archive, meeting_id)
        validator.validate(json.loads(text))
        copied = record_json.import_document(target, json.loads(text), source="synthetic")
        assert record_json.export_meeting(target, copied) == text


def test_minute_numbers_run_through_each_municipal_year(archive: Database) -> None:
    numbers: dict[tuple[str, date], list[int]] = defaultdict(list)
    for record in sorted(records(archive), key=lambda r: r.meeting.date):
        year = municipal_year_start(record.meeting.date, 5, 1)
        agenda = record.agenda()
        numbers[(record.committee.slug, year)] += [i.minute_number or 0 for i in agenda]
    for sequence in numbers.values():
        assert sequence == list(range(1, len(sequence) + 1))


def test_the_rules_hold_in_every_meeting(archive: Database) -> None:
    for record in records(archive):
        budget = record.meeting.kind is MeetingKind.BUDGET
        for declaration in record.declarations.values():
            if declaration.kind is InterestKind.DISCLOSABLE_PECUNIARY:
                assert declaration.conduct.withdraws
            assert declaration.sensitive or declaration.nature
        for vote in record.votes.values():
            motion = record.motions[vote.motion_id]
            item = record.items[motion.item_id]
            assert vote.method is VoteMethod.RECORDED or not budget
            if vote.method is VoteMethod.RECORDED:
                for choice in vote.choices:
                    assert withdrawal(record, choice.person_id, item.id) is None
                counted = [c.option for c in vote.choices]
                assert (vote.yes, vote.no) == (
                    counted.count(VoteOption.YES),
                    counted.count(VoteOption.NO),
                )
            if vote.yes == vote.no and vote.method is not VoteMethod.ASSENT:
                assert vote.casting_option is not None
        for resolution in record.resolutions.values():
            if resolution.motion_id is not None:
                assert record.motions[resolution.motion_id].outcome is MotionOutcome.CARRIED
            if resolution.unanimous:
                assert record.votes_for(resolution.motion_id or 0)[-1].unanimous
        excluded = {
            (exclusion_target(e), e.paragraph)
            for e in record.events.values()
            if e.kind is EventKind.PUBLIC_EXCLUDED
        }
        for item in record.items.values():
            if item.exempt:
                assert any(i == item.id and p for i, p in excluded)


def test_a_meeting_written_in_bulk_equals_the_same_meeting_recorded_live(tmp_path: Path) -> None:
    rng = random.Random(11)
    council = build_council(rng, 2005, 1, 6)
    shape = MeetingShape(business_items=8, recorded_votes=0.5, declarations=(2, 3), exempt=1.0)
    day = date(2005, 6, 15)
    recorded = record_meeting(council, 5, day, None, 0, shape, rng, archive_end=date(2006, 4, 30))

    def empty(name: str) -> Database:
        database = open_database(str(tmp_path / name))
        with database.transaction() as conn:
            repo.save_council(conn, council.council)
            for person in council.persons.values():
                repo.save_person(conn, person)
            repo.save_committee(conn, council.committees[5][0])
        return database

    bulk = empty("bulk.sqlite3")
    with bulk.transaction() as conn:
        bulk_id = create_with_journal(conn, recorded.record, "t", "import", "import", {})
    live = empty("live.sqlite3")
    with live.transaction() as conn:
        blank = MeetingRecord(
            council.council, council.committees[5][0], {}, recorded.record.meeting
        )
        blank.meeting = type(blank.meeting)(
            committee=blank.meeting.committee,
            date=day,
            scheduled_time=blank.meeting.scheduled_time,
            venue=blank.meeting.venue,
        )
        live_id = create_with_journal(conn, blank, "t", "create", "create", {})
    session = MeetingSession(live, live_id, clock=lambda: datetime(2005, 6, 15, 9, 0))
    for action in recorded.actions:
        session.apply(action)
    with bulk.reading() as conn:
        written, _ = repo.load_record(conn, bulk_id)
    with live.reading() as conn:
        replayed, _ = repo.load_record(conn, live_id)
    assert replayed.meeting == written.meeting
    for name in COLLECTIONS:
        assert replayed.collection(name) == written.collection(name), name


def test_the_same_seed_makes_the_same_archive(tmp_path: Path) -> None:
    size = ArchiveSize(committees=2, years=1, meetings_per_year=2)
    first = generate_archive(open_database(str(tmp_path / "a.sqlite3")), size, seed=3)
    second = generate_archive(open_database(str(tmp_path / "b.sqlite3")), size, seed=3)
    first.seconds = second.seconds = 0
    assert first == second


def test_it_refuses_a_database_that_already_holds_a_council(archive: Database) -> None:
    with pytest.raises(ClerkError, match="already holds a council"):
        generate_archive(archive, ArchiveSize(committees=1, years=1, meetings_per_year=1))
