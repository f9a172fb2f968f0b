"""The JSON record and the journal, byte for byte as Clerk wrote them before.

The JSON meeting record is a public interface and the journal's hashes are kept on paper and in
signed files: a change to how the record's collections are mapped must not change a byte of
either. The exports in ``tests/fixtures/exports`` were written by Clerk before the collections
were named in one registry (``clerk.domain.collections``); the journal heads below are the demo
meetings' journals rehashed with one fixed time (the real ones carry the moment of recording).

When the demo meeting or the record's layout changes on purpose (a new optional field), write
the exports again: ``python -m tests.core.test_record_golden`` and look at the difference.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from clerk.domain.journal import GENESIS, JournalEntry
from clerk.services import record_json
from clerk.services.demo import load_demo
from clerk.storage import repository as repo
from clerk.storage.database import Database, open_database

EXPORTS = Path(__file__).parent.parent / "fixtures" / "exports"
OLDER_RECORD = Path(__file__).parent.parent / "fixtures" / "before-ordering-2021-09-20.json"
#: The demo meetings' journals, every entry recorded at this moment instead of its own (and
#: the clock it saw, which is part of its hash, replaced by one fixed value).
FIXED_TIME = datetime(2021, 1, 1)
DEMO_JOURNAL_HEADS = {
    # Rewritten for two new optional fields (a motion's ``confirms_minutes``, confirm_minutes'
    # ``confirmed_on``): the demo's first meeting, recorded today, writes them into its entries.
    # Journals recorded before keep their own bytes and verify as they did.
    1: "43490f09300640e3eb1d7d306fcb5885c3f6346981b2db6f90b53f89897114b0",
    2: "08ed8f8ca70b7814af81f1e49cfff42f5986b1cbce8f1c30e8dedfed531cd465",
}


def rehashed_head(entries: list[JournalEntry]) -> str:
    head = GENESIS
    for entry in entries:
        context = None if entry.context is None else dict.fromkeys(entry.context, "fixed")
        head = replace(
            entry, recorded_at=FIXED_TIME, context=context, prev_hash=head
        ).content_hash()
    return head


def exports(database: Database, directory: Path) -> dict[str, str]:
    """Each demo meeting's export, and an older record's import exported again."""
    written = {
        f"demo-{meeting_id}.json": record_json.export_meeting(database, meeting_id)
        for meeting_id in load_demo(database)
    }
    other = open_database(str(directory / "older.sqlite3"))
    try:
        meeting_id = record_json.import_file(other, OLDER_RECORD)
        written[OLDER_RECORD.name] = record_json.export_meeting(other, meeting_id)
    finally:
        other.dispose()
    return written


@pytest.fixture
def written(database: Database, tmp_path: Path) -> dict[str, str]:
    return exports(database, tmp_path)


def test_exports_are_byte_identical_to_the_committed_ones(written: dict[str, str]) -> None:
    assert sorted(written) == sorted(p.name for p in EXPORTS.glob("*.json"))
    for name, text in written.items():
        assert text == (EXPORTS / name).read_text(encoding="utf-8"), name


def test_the_committed_exports_import_and_export_unchanged(tmp_path: Path) -> None:
    for path in sorted(EXPORTS.glob("demo-*.json")):
        target = open_database(str(tmp_path / f"{path.stem}.sqlite3"))
        try:
            meeting_id = record_json.import_file(target, path)
            assert record_json.export_meeting(target, meeting_id) == path.read_text("utf-8")
        finally:
            target.dispose()


def test_the_demo_journals_hash_as_before(demo_database: Database) -> None:
    with demo_database.reading() as conn:
        heads = {
            meeting_id: rehashed_head(repo.load_journal(conn, meeting_id))
            for meeting_id, _slug, _meeting in repo.list_meetings(conn)
        }
    assert heads == DEMO_JOURNAL_HEADS


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        database = open_database(str(Path(folder) / "clerk.sqlite3"))
        for name, text in exports(database, Path(folder)).items():
            (EXPORTS / name).write_text(text, encoding="utf-8")
        database.dispose()
    print(json.dumps(sorted(p.name for p in EXPORTS.glob("*.json"))))
