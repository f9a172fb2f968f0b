"""The core changes the benchmarks led to, each giving the same results as before: row mapping
worked out once per entity type, write statements built once, many records loaded at once,
the tracker loading only what it reads, and Alembic imported only to migrate."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import fields, replace
from datetime import date, time
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest

from bench.harness import python_env
from clerk.documents.tracker import compose_tracker
from clerk.domain.actions.proceedings import AddParagraph, DeleteParagraph, EditParagraph
from clerk.domain.entities import (
    ActionItem,
    AgendaItem,
    Comment,
    Meeting,
    Part,
    VoteChoice,
    VoteEvent,
)
from clerk.domain.enums import (
    ActionStatus,
    MeetingStatus,
    StandardItem,
    VoteMethod,
    VoteOption,
    VoteResult,
)
from clerk.services import catalogue, documents
from clerk.services.recording import MeetingSession
from clerk.storage import repository as repo
from clerk.storage.database import Database, open_database
from clerk.storage.mapping import from_values, to_values
from clerk_support.synthetic import ArchiveSize, generate_archive


def test_entities_map_to_rows_and_back() -> None:
    entities = [
        AgendaItem(3, "5", "Budget", standard=StandardItem.BUSINESS, exempt_paragraph=3,
                   recommendations=(Part("to note;", (Part("a"),)),), started_at=time(9, 30)),
        VoteEvent(1, 2, VoteMethod.RECORDED, VoteResult.PASS, 1, 0, 0,
                  (VoteChoice("bye", VoteOption.YES),)),
        ActionItem(1, 3, Part("do it"), due=date(2021, 9, 1), status=ActionStatus.COMPLETE,
                   comments=(Comment(date(2021, 8, 20), "Complete"),)),
    ]  # fmt: skip
    for entity in entities:
        values = to_values(entity)
        assert from_values(type(entity), values) == entity
    row = to_values(entities[0])
    assert row["standard"] == "business" and row["recommendations"][0]["parts"] == [
        {"text": "a", "parts": []}
    ]
    meeting = Meeting("board", date(2021, 8, 18), status=MeetingStatus.CLOSED)
    assert "committee" not in to_values(meeting, skip=("committee",))
    assert from_values(Meeting, to_values(meeting), committee="board") == meeting


def test_inserts_updates_and_deletes_reach_the_database(sqlite_demo: Database) -> None:
    session = MeetingSession(sqlite_demo, 1)
    session.apply(AddParagraph(item=5, text="First text."))
    added = max(session.record.paragraphs)
    session.apply(EditParagraph(paragraph=added, text="Corrected text."))
    session.apply(AddParagraph(item=5, text="To be removed."))
    session.apply(DeleteParagraph(paragraph=max(session.record.paragraphs)))
    session.undo()  # the removed paragraph comes back: an insert again
    with sqlite_demo.reading() as conn:
        stored, version = repo.load_record(conn, 1)
    assert stored.paragraphs == session.record.paragraphs
    assert stored.paragraphs[added].text == "Corrected text."
    assert stored.paragraphs[max(stored.paragraphs)].text == "To be removed."
    assert version == session.version


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Database:
    database = open_database(str(tmp_path_factory.mktemp("speedups") / "archive.sqlite3"))
    generate_archive(database, ArchiveSize(committees=3, years=1, meetings_per_year=4), seed=5)
    return database


def test_many_records_load_at_once_exactly_as_one_by_one(archive: Database) -> None:
    with archive.reading() as conn:
        ids = [i for i, _slug, _m in repo.list_meetings(conn)][::-1]  # any order, kept
        together = repo.load_records(conn, ids)
        one_by_one = [repo.load_record(conn, i)[0] for i in ids]
        assert together == one_by_one
        partial = repo.load_records(conn, ids[:2], collections=("items", "actions"))
        assert [r.items for r in partial] == [r.items for r in one_by_one[:2]]
        assert all(not r.attendance and not r.votes for r in partial)
        with pytest.raises(KeyError, match="not collections"):
            repo.load_records(conn, ids, collections=("agenda",))
        with pytest.raises(repo.NotFound, match="No meeting 9999"):
            repo.load_records(conn, [ids[0], 9999])


def test_the_tracker_from_the_collections_it_reads_equals_the_full_one(archive: Database) -> None:
    with archive.reading() as conn:
        slug = repo.list_committees(conn)[0].slug
        council = repo.load_council(conn)
        committee = repo.load_committee(conn, slug)
        ids = [i for i, _s, _m in repo.list_meetings(conn, slug)]
        full = [repo.load_record(conn, i)[0] for i in ids]
    assert council is not None
    for open_only in (False, True):
        expected = compose_tracker(council, committee, full, open_only=open_only)
        assert documents.tracker_document(archive, slug, open_only) == expected


def test_the_head_read_from_the_files_is_alembics(sqlite_database: Database) -> None:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from clerk.storage.database import alembic_config, head_revision

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()
    with sqlite_database.reading() as conn:
        assert sqlite_database.current_revision() == (
            MigrationContext.configure(conn).get_current_revision()
        )
    fresh = Database(sqlite_database.url.replace("clerk.sqlite3", "fresh.sqlite3"))
    assert fresh.current_revision() is None
    fresh.dispose()


def test_starting_clerk_imports_neither_alembic_nor_the_document_libraries() -> None:
    """Nor signing: the window's modules (sign-off views included) import none of them."""
    code = (
        "import sys\n"
        "from clerk.cli.main import build_parser\n"
        "from clerk.storage.database import open_database\n"
        "import clerk.ui.app, clerk.ui.window\n"
        "build_parser()\n"
        "open_database(sys.argv[1]).dispose()\n"  # already at head: nothing to migrate
        "heavy = ('alembic', 'docx', 'reportlab', 'pyhanko')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = python_env()
    with TemporaryDirectory() as folder:
        path = str(Path(folder) / "clerk.sqlite3")
        open_database(path).dispose()
        result = subprocess.run(
            [sys.executable, "-c", code, path], env=env, capture_output=True, text=True
        )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_records_load_together_on_every_backend(database: Database) -> None:
    generate_archive(database, ArchiveSize(committees=2, years=1, meetings_per_year=2), seed=2)
    with database.reading() as conn:
        ids = [i for i, _slug, _m in repo.list_meetings(conn)]
        assert repo.load_records(conn, ids) == [repo.load_record(conn, i)[0] for i in ids]
    slug = catalogue.committees(database)[0].slug
    assert documents.tracker_document(database, slug, open_only=False).blocks


def test_diff_finds_what_was_added_replaced_and_removed(sqlite_demo: Database) -> None:
    from clerk.domain.changes import diff
    from clerk.domain.entities import Paragraph

    session = MeetingSession(sqlite_demo, 1)
    record = session.record
    first, second = sorted(record.paragraphs)[:2]
    before = record.snapshot()
    record.paragraphs[99] = Paragraph(99, 5, 99, "Added.")
    record.paragraphs[first] = replace(record.paragraphs[first], text="Replaced.")
    del record.paragraphs[second]
    changes = diff(before, record)
    assert changes.meeting is None and list(changes.entities) == ["paragraphs"]
    found = changes.entities["paragraphs"]
    assert found[99] == (None, record.paragraphs[99])
    assert found[first] == (before["paragraphs"][first], record.paragraphs[first])
    assert found[second] == (before["paragraphs"][second], None)
    assert len(found) == 3


def test_to_json_writes_fields_in_order_with_json_values() -> None:
    from clerk.domain.serial import to_json

    item = AgendaItem(
        3, "5", "Budget", recommendations=(Part("a", (Part("b"),)),), started_at=time(9, 5)
    )
    data = to_json(item)
    assert list(data) == [f.name for f in fields(AgendaItem)]
    assert data["standard"] == "business" and data["started_at"] == "09:05"
    assert data["recommendations"] == [{"text": "a", "parts": [{"text": "b", "parts": []}]}]
    assert to_json({"when": date(2021, 8, 18), "n": [1, None, True]}) == {
        "when": "2021-08-18",
        "n": [1, None, True],
    }


def test_reading_json_still_names_what_is_wrong() -> None:
    from clerk.domain.errors import RecordFormatError
    from clerk.domain.serial import from_json

    good = {"id": 1, "motion_id": 2, "method": "recorded", "result": "pass", "yes": 1,
            "choices": [{"person_id": "bye", "option": "yes"}]}  # fmt: skip
    for _ in range(2):  # the second time from the cached field list
        vote = from_json(VoteEvent, good)
        assert vote.choices == (VoteChoice("bye", VoteOption.YES),) and vote.no == 0
    with pytest.raises(RecordFormatError, match=r"\$\.choices\[0\]\.option: is missing"):
        from_json(VoteEvent, {**good, "choices": [{"person_id": "bye"}]})
    with pytest.raises(RecordFormatError, match=r"\$\.colour: is not a field Clerk knows"):
        from_json(VoteEvent, {**good, "colour": "red"})
