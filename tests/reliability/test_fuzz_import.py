"""The JSON importer, fuzzed: a clear error naming the problem or a correct import, never a
traceback, never half an import (a refused import leaves the database exactly as it was)."""

from __future__ import annotations

import itertools
import json
import os
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk.domain.errors import ClerkError
from clerk.domain.record import COLLECTIONS
from clerk.services import record_json
from clerk.services.demo import load_demo
from clerk.storage import repository as repo
from clerk.storage.database import Database
from tests.reliability.fuzzing import fingerprint, json_values, mutations

#: CI runs a fixed set of examples; ``CLERK_FUZZ_EXAMPLES=5000`` searches further, at random.
EXAMPLES = int(os.environ.get("CLERK_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=EXAMPLES or 150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=not EXAMPLES,
    database=None,
)


@pytest.fixture(scope="module")
def valid_record(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo meeting of 18 August 2021 as a JSON meeting record."""
    from clerk.storage.database import open_database

    database = open_database(str(tmp_path_factory.mktemp("source") / "demo.sqlite3"))
    try:
        load_demo(database)
        data: dict[str, Any] = json.loads(record_json.export_meeting(database, 1))
    finally:
        database.dispose()
    # The tests move the meeting to later dates: every membership runs on to them, so the
    # counts still match who could vote (an import checks them).
    for membership in data["memberships"]:
        membership["end_date"] = None
    return data


def check_import(database: Database, data: Any) -> str:
    """Import ``data``; assert the outcome is clean either way. Returns 'imported' / 'refused'."""
    before = fingerprint(database)
    try:
        meeting_id = record_json.import_document(database, data, source="fuzz.json")
    except ClerkError as error:
        assert str(error).strip(), "an error must say what is wrong"
        assert "\n" not in str(error)
        assert fingerprint(database) == before, f"refused, but the database changed: {error}"
        return "refused"
    expected = record_json.document_to_record(record_json.parse_document(data))
    with database.reading() as conn:
        stored, _version = repo.load_record(conn, meeting_id)
    for name in COLLECTIONS:
        assert stored.collection(name) == expected.collection(name), name
    assert stored.meeting == expected.meeting
    return "imported"


def test_random_json_is_refused_clearly(database: Database) -> None:
    @FUZZ
    @given(json_values)
    def attempt(data: Any) -> None:
        assert check_import(database, data) == "refused"

    attempt()


def test_mutated_records_are_imported_correctly_or_refused_clearly(
    database: Database, valid_record: dict[str, Any]
) -> None:
    days = itertools.count()
    outcomes: dict[str, int] = {"imported": 0, "refused": 0}

    @FUZZ
    @given(st.data())
    def attempt(data: st.DataObject) -> None:
        base = json.loads(json.dumps(valid_record))
        # A new date each time, so a record that survives its mutations can be imported.
        base["event"]["date"] = (date(2030, 1, 1) + timedelta(days=next(days))).isoformat()
        document = data.draw(mutations(base))
        outcomes[check_import(database, document)] += 1

    attempt()
    assert outcomes["imported"] > 0 and outcomes["refused"] > 0, outcomes


def test_a_mutated_record_into_a_database_with_the_demo(
    demo_database: Database, valid_record: dict[str, Any]
) -> None:
    """Against existing data: merging committees and persons, clashing meetings."""

    @FUZZ
    @given(mutations(valid_record))
    def attempt(document: Any) -> None:
        check_import(demo_database, document)

    attempt()
