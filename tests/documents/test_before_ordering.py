"""Databases and JSON records from before proceedings were ordered keep their reading.

``tests/fixtures/before-ordering.sqlite3`` was written by the Clerk of schema 0002 (the demo,
and the Board's meeting of 20 September 2021 replayed from
``before-ordering-2021-09-20.jsonl``: paragraphs written after a vote, an amendment, a recorded
vote, a withdrawn motion, a tie, an adjournment, the public excluded for an exempt item, a note
and a readmission); ``before-ordering-minutes.json`` holds the minutes that Clerk printed, and
``before-ordering-2021-09-20.json`` the record it exported. Opened by this Clerk, the database
is migrated; the minutes read exactly as they did, and each record still matches its journal.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.domain.actions.paragraphs import AddParagraph, MoveParagraph
from clerk.domain.entities import StepRef
from clerk.domain.enums import MoverNaming, StepKind
from clerk.domain.rules.proceedings import EntryKind, item_proceedings
from clerk.domain.signoff import integrity
from clerk.services import maintenance
from clerk.services.record_json import import_file
from clerk.services.recording import MeetingSession
from clerk.storage import repository as repo
from clerk.storage.database import Database, open_database
from tests.conftest import _postgres_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEPTEMBER = "cyp-scrutiny-board/2021-09-20"


@pytest.fixture
def migrated(tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "before-ordering.sqlite3"
    shutil.copy(FIXTURES / "before-ordering.sqlite3", path)
    database = open_database(str(path))
    yield database
    database.dispose()


_VOTE_ROW = re.compile(
    r"^(For|Against|Abstain|Absent|Excluded from voting|Did not vote): (.*) \((\d+)\)$"
)


def _as_printed_now(lines: list[str]) -> list[str]:
    """The minutes as printed then, with each recorded vote's line ("For: Councillors A and B
    (2); Against: ...") as the table Clerk prints now (issue 16): the header row, then a row
    for For, Against and Abstain (always) and any other, cell by cell."""
    out: list[str] = []
    for line in lines:
        rows = [_VOTE_ROW.match(row) for row in line.split("; ")]
        if not line.startswith("For: ") or not all(rows):
            out.append(line)
            continue
        cells = {m[1]: [m[1], m[2], m[3]] for m in rows if m}
        cells.setdefault("Abstain", ["Abstain", "none", "0"])
        order = ["For", "Against", "Abstain", "Absent", "Excluded from voting", "Did not vote"]
        out += ["Vote", "Members", "Number"]
        out += [cell for label in order if label in cells for cell in cells[label]]
    return out


#: The minutes printed then (a recorded vote's line read as its table, see above).
BEFORE = {
    reference: {version: _as_printed_now(lines) for version, lines in versions.items()}
    for reference, versions in json.loads(
        (FIXTURES / "before-ordering-minutes.json").read_text(encoding="utf-8")
    ).items()
}


def _minutes(database: Database, meeting_id: int, version: str) -> list[str]:
    with database.reading() as conn:
        record, _ = repo.load_record(conn, meeting_id)
    options = MinutesOptions(confidential=version == "confidential")
    return compose_minutes(record, options).text_lines()


def test_a_database_from_before_ordering_is_migrated_and_reads_as_it_did(
    migrated: Database,
) -> None:
    with migrated.reading() as conn:
        meetings = {f"{slug}/{m.date.isoformat()}": i for i, slug, m in repo.list_meetings(conn)}
        council = repo.load_council(conn)
    assert council is not None and council.movers_named is MoverNaming.WHEN_CONTESTED
    assert set(meetings) == set(BEFORE)
    for reference, meeting_id in meetings.items():
        for version in ("public", "confidential"):
            assert _minutes(migrated, meeting_id, version) == BEFORE[reference][version], (
                f"{reference} ({version}) reads differently after the migration"
            )
    assert maintenance.check(migrated) == []


def test_an_existing_paragraph_comes_first_and_a_legacy_exclusion_before_the_business(
    migrated: Database,
) -> None:
    session = MeetingSession(migrated, 2)
    assert session.tamper_warnings == []
    engagement = item_proceedings(session.record, 5)
    assert [e.kind for e in engagement[:2]] == [EntryKind.PARAGRAPH, EntryKind.PARAGRAPH]
    assert all(e.order == 0 for e in engagement)
    exempt = item_proceedings(session.record, 9)
    assert exempt[0].kind is EntryKind.PUBLIC_EXCLUDED and exempt[0].before_business


def test_moving_an_old_paragraph_orders_the_item_and_the_journal_still_rebuilds_it(
    migrated: Database,
) -> None:
    session = MeetingSession(migrated, 2)
    paragraph = next(p for p in session.record.paragraphs.values() if p.text.startswith("As a"))
    vote = max(session.record.votes_for(1), key=lambda v: v.id)
    # Down past the motion, the amendment, its vote and the motion's vote.
    session.apply(MoveParagraph(paragraph.id, 4))
    kinds = [(e.kind, e.step) for e in item_proceedings(session.record, 5)]
    assert kinds[kinds.index((EntryKind.VOTE, StepRef(StepKind.VOTE, vote.id))) + 1] == (
        EntryKind.PARAGRAPH,
        StepRef(StepKind.PARAGRAPH, paragraph.id),
    )
    session.apply(AddParagraph(5, "A later note on the Pledge."))
    lines = _minutes(migrated, 2, "confidential")
    before = BEFORE[SEPTEMBER]["confidential"]
    moved = (
        "As a result of the vote, the Director undertook to write to the Youth Council the "
        "following week."
    )
    assert lines.index(moved) == lines.index("Resolved:") - 1
    assert lines[lines.index("Resolved:") + 5] == "A later note on the Pledge."
    assert [line for line in lines if line not in (moved, "A later note on the Pledge.")] == [
        line for line in before if line != moved
    ]
    with migrated.reading() as conn:
        record, _ = repo.load_record(conn, 2)
        entries = repo.load_journal(conn, 2)
    assert integrity.check(entries, record) == []
    session.undo()
    session.undo()
    assert _minutes(migrated, 2, "confidential") == before


def test_an_older_json_record_is_imported_with_its_reading(tmp_path: Path) -> None:
    database = open_database(str(tmp_path / "fresh.sqlite3"))
    try:
        meeting_id = import_file(database, FIXTURES / "before-ordering-2021-09-20.json")
        with database.reading() as conn:
            council = repo.load_council(conn)
        assert council is not None and council.movers_named is MoverNaming.WHEN_CONTESTED
        for version in ("public", "confidential"):
            assert _minutes(database, meeting_id, version) == BEFORE[SEPTEMBER][version]
    finally:
        database.dispose()


def test_an_older_json_record_imports_into_a_migrated_database_of_its_council(
    migrated: Database, tmp_path: Path
) -> None:
    """The importer reads an older record's council as it was (movers named when contested),
    so it still matches the migrated database's profile."""
    document = json.loads((FIXTURES / "before-ordering-2021-09-20.json").read_text("utf-8"))
    document["event"]["date"] = "2021-09-21"
    again = tmp_path / "again.json"
    again.write_text(json.dumps(document), encoding="utf-8")
    meeting_id = import_file(migrated, again)
    assert _minutes(migrated, meeting_id, "public")[2:] == BEFORE[SEPTEMBER]["public"][2:]


@pytest.fixture
def postgres_url() -> Iterator[str]:
    yield from _postgres_database()


@pytest.mark.postgres
def test_a_postgresql_database_from_before_ordering_is_migrated_and_reads_as_it_did(
    postgres_url: str,
) -> None:
    """The fixture's rows copied into a PostgreSQL database at schema 0002, then opened."""
    from alembic import command
    from sqlalchemy import MetaData, create_engine, insert, select, text

    from clerk.storage.database import alembic_config

    target = create_engine(postgres_url)
    with target.begin() as conn:
        command.upgrade(alembic_config(conn), "0002")
    source = create_engine(f"sqlite:///{FIXTURES / 'before-ordering.sqlite3'}")
    old, new = MetaData(), MetaData()
    old.reflect(source)
    new.reflect(target)
    with source.connect() as reading, target.begin() as writing:
        for table in old.sorted_tables:
            if table.name == "alembic_version":
                continue
            rows = [dict(row) for row in reading.execute(select(table)).mappings()]
            if rows:
                writing.execute(insert(new.tables[table.name]), rows)
        for table in ("committees", "meetings", "memberships", "journal", "attachments"):
            writing.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"coalesce((SELECT max(id) FROM {table}), 1))"
                )
            )
    source.dispose()
    target.dispose()
    database = open_database(postgres_url)
    try:
        with database.reading() as conn:
            meetings = {f"{s}/{m.date.isoformat()}": i for i, s, m in repo.list_meetings(conn)}
        for reference, meeting_id in meetings.items():
            for version in ("public", "confidential"):
                assert _minutes(database, meeting_id, version) == BEFORE[reference][version]
        assert maintenance.check(database) == []
        session = MeetingSession(database, meetings[SEPTEMBER])
        paragraph = next(p for p in session.record.paragraphs.values() if p.text.startswith("As a"))
        session.apply(MoveParagraph(paragraph.id, 4))
        assert MeetingSession(database, meetings[SEPTEMBER]).tamper_warnings == []
    finally:
        database.dispose()
