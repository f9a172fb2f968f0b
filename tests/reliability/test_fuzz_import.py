"""The JSON importer, fuzzed: a clear error naming the problem or a correct import, never a
traceback, never half an import (a refused import leaves the database exactly as it was).

"Correct" is judged against the document as written, read here field by field (not through
the importer's own parse), and against the rules: a vote whose counts or result cannot be right
is refused."""

from __future__ import annotations

import enum
import itertools
import json
import os
from datetime import date, time, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk.domain.errors import ClerkError
from clerk.domain.record import COLLECTIONS, MeetingRecord
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
    with database.reading() as conn:
        stored, _version = repo.load_record(conn, meeting_id)
    assert_stored_as_written(stored, data)
    expected = record_json.document_to_record(record_json.parse_document(data))
    for name in COLLECTIONS:
        assert stored.collection(name) == expected.collection(name), name
    assert stored.meeting == expected.meeting
    return "imported"


#: Where each collection is in the document, and the fields compared with what was stored.
WRITTEN: list[tuple[tuple[str, ...], str, tuple[str, ...]]] = [
    (
        ("agenda",),
        "items",
        (
            "number", "title", "position", "standard", "purpose", "exempt_paragraph",
            "title_is_public", "education", "public_summary", "minute_number",
        ),
    ),
    (
        ("motions",),
        "motions",
        (
            "item_id", "kind", "mover_id", "seconder_id", "preamble", "amends_id",
            "outcome", "excludes_item_id", "order", "outcome_order",
        ),
    ),
    (
        ("vote_events",),
        "votes",
        (
            "motion_id", "method", "result", "yes", "no", "abstain", "casting_by",
            "casting_option", "order",
        ),
    ),
    (
        ("uk_local_government", "attendance"),
        "attendance",
        ("person_id", "status", "substitute_for", "group", "capacity", "representing"),
    ),
    (
        ("uk_local_government", "minute_paragraphs"),
        "paragraphs",
        ("item_id", "position", "text", "after", "exempt_paragraph"),
    ),
    (
        ("uk_local_government", "actions"),
        "actions",
        ("item_id", "owner", "due", "status", "carried_from", "exempt_paragraph"),
    ),
    (
        ("uk_local_government", "declarations"),
        "declarations",
        ("person_id", "item_id", "kind", "nature", "conduct", "dispensation_ref"),
    ),
]  # fmt: skip
EVENT = (
    "committee", "date", "scheduled_time", "venue", "kind", "status", "started_at", "ended_at",
    "current_item_id", "presiding_id", "minute_number_start", "public_excluded",
)  # fmt: skip


def as_json(value: Any) -> Any:
    """A stored value as the document writes it: enums by value, dates ISO, times HH:MM."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [as_json(v) for v in value]
    return value


def assert_stored_as_written(stored: MeetingRecord, data: dict[str, Any]) -> None:
    """The stored meeting is the document: each field the document gives, row by row (rows
    matched by the ids the record keeps)."""
    for key in EVENT:
        if key in data["event"]:
            assert as_json(getattr(stored.meeting, key)) == data["event"][key], f"event.{key}"
    for path, name, fields in WRITTEN:
        rows: Any = data
        for key in path:
            rows = rows.get(key, []) if isinstance(rows, dict) else []
        collection = stored.collection(name)
        assert len(collection) == len(rows), f"{'.'.join(path)}: {len(rows)} written"
        for row in rows:
            if not isinstance(row.get("id"), int):
                continue
            kept = collection[row["id"]]
            for key in fields:
                if key in row:
                    where = f"{'.'.join(path)}[id {row['id']}].{key}"
                    assert as_json(getattr(kept, key)) == row[key], where
    for row in data.get("vote_events", []):
        if isinstance(row.get("id"), int) and "choices" in row:
            kept = stored.votes[row["id"]]
            assert [(c.person_id, c.option.value) for c in kept.choices] == [
                (c["person_id"], c["option"]) for c in row["choices"]
            ]


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


def test_the_independent_reading_notices_a_field_stored_wrong(
    database: Database, valid_record: dict[str, Any]
) -> None:
    """The check above can fail: a document that differs from what was stored, field by field."""
    document = json.loads(json.dumps(valid_record))
    document["event"]["date"] = "2029-12-01"
    assert check_import(database, document) == "imported"
    with database.reading() as conn:
        stored, _version = repo.load_record(conn, max(m[0] for m in repo.list_meetings(conn)))
    assert_stored_as_written(stored, document)
    for change in (
        lambda d: d["event"].update(venue="Elsewhere"),
        lambda d: d["agenda"][4].update(title="Another title"),
        lambda d: d["vote_events"][0].update(yes=4),
        lambda d: d["uk_local_government"]["attendance"][0].update(status="apologies"),
        lambda d: d["uk_local_government"]["minute_paragraphs"].pop(),
    ):
        other = json.loads(json.dumps(document))
        change(other)
        with pytest.raises(AssertionError):
            assert_stored_as_written(stored, other)


#: Who could vote on items 5 and 6 of the demo meeting, read from its attendance and
#: membership: the chair, three members and a substitute (the co-optees on the Board vote on
#: education business only, or not at all).
COULD_VOTE = ["bye", "barnby", "douglas-dunbar", "loxton", "howgate"]


def counts_allowed(yes: int, no: int, abstain: int, result: str, casting: str | None) -> bool:
    """The law, written out: no negative counts, no more votes than could be cast; a majority
    decides; a tie is decided by the casting vote of the person presiding, and only a tie; a
    show of hands declared without a count keeps its declared result."""
    if min(yes, no, abstain) < 0 or yes + no + abstain > len(COULD_VOTE):
        return False
    if yes == no == abstain == 0:
        return casting is None
    if yes != no:
        return casting is None and result == ("pass" if yes > no else "fail")
    return casting is not None and result == ("pass" if casting == "yes" else "fail")


def test_imported_votes_follow_the_rules(database: Database, valid_record: dict[str, Any]) -> None:
    attendance = valid_record["uk_local_government"]["attendance"]
    assert {a["person_id"] for a in attendance if a["status"] in ("present", "substitute")} >= set(
        COULD_VOTE
    )
    days = itertools.count()
    outcomes: dict[str, int] = {"imported": 0, "refused": 0}
    counts = st.integers(min_value=-1, max_value=6)

    @settings(FUZZ, max_examples=EXAMPLES or 120)
    @given(
        counts,
        counts,
        counts,
        st.sampled_from(["pass", "fail"]),
        st.sampled_from([None, "yes", "no"]),
    )
    def attempt(yes: int, no: int, abstain: int, result: str, casting: str | None) -> None:
        document = json.loads(json.dumps(valid_record))
        document["event"]["date"] = (date(2031, 1, 1) + timedelta(days=next(days))).isoformat()
        vote = document["vote_events"][0]
        vote.update(yes=yes, no=no, abstain=abstain, result=result, casting_option=casting)
        vote["casting_by"] = "bye" if casting else None
        outcome = check_import(database, document)
        outcomes[outcome] += 1
        assert (outcome == "imported") == counts_allowed(yes, no, abstain, result, casting), outcome

    attempt()
    assert outcomes["imported"] > 0 and outcomes["refused"] > 0, outcomes
