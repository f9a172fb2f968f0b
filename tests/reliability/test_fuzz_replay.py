"""The script reader and replay, fuzzed: a clear ``ScriptError`` naming the line, or the
actions applied; never a traceback, and a refused line leaves only the lines before it."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk.domain.errors import ClerkError
from clerk.domain.journal import verify_chain
from clerk.domain.record import COLLECTIONS
from clerk.resources import resource
from clerk.services import setup
from clerk.services.recording import MeetingSession, state_from_journal
from clerk.services.replay import ScriptError, parse_script, replay, script_line_ids
from clerk.storage import repository as repo
from clerk.storage.database import Database
from tests.reliability.fuzzing import json_values, mutations

EXAMPLES = int(os.environ.get("CLERK_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=EXAMPLES or 150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=not EXAMPLES,
    database=None,
)
DEMO_SCRIPT = resource("demo", "cyp-scrutiny-board-2021-08-18.jsonl").read_text(encoding="utf-8")
DEMO_LINES: list[Any] = [
    json.loads(line) for line in DEMO_SCRIPT.splitlines() if line and not line.startswith("#")
]


@given(st.text(max_size=400))
@FUZZ
def test_any_text_is_read_or_refused_naming_the_line(text: str) -> None:
    try:
        list(parse_script(text, "fuzz.jsonl"))
    except ScriptError as error:
        assert str(error).startswith("fuzz.jsonl line ")
        assert "\n" not in str(error)


@given(st.lists(json_values, max_size=5))
@FUZZ
def test_any_json_lines_are_read_or_refused_naming_the_line(values: list[Any]) -> None:
    text = "\n".join(json.dumps(v) for v in values)
    try:
        list(parse_script(text, "fuzz.jsonl"))
    except ScriptError as error:
        assert str(error).startswith("fuzz.jsonl line ")
        assert "\n" not in str(error)


def test_mutated_scripts_replay_cleanly(demo_database: Database) -> None:
    """The demo's own script, mutated, replayed on a new meeting of the Board each time."""
    dates = iter(range(10_000))

    @FUZZ
    @given(mutations(DEMO_LINES, rounds=2))
    def attempt(lines: Any) -> None:
        from datetime import date, timedelta

        day = date(2030, 1, 1) + timedelta(days=next(dates))
        meeting = setup.create_meeting(demo_database, "cyp-scrutiny-board", day)
        if isinstance(lines, list):
            text = "\n".join(json.dumps(line) for line in lines)
        else:
            text = json.dumps(lines)
        session = MeetingSession(demo_database, meeting)
        try:
            replay(session, text, source="fuzz.jsonl")
        except ClerkError as error:
            assert "\n" not in str(error)
            assert isinstance(error, ScriptError), repr(error)
        with demo_database.reading() as conn:
            record, _version = repo.load_record(conn, meeting)
            entries = repo.load_journal(conn, meeting)
        # What is stored is exactly what the journal says; the chain is whole; the session's
        # copy is what is stored (a refused line changed nothing, in memory or on disk).
        assert verify_chain(entries) == []
        rebuilt = state_from_journal(entries, record)
        for name in COLLECTIONS:
            assert rebuilt.collection(name) == record.collection(name), name
            assert session.record.collection(name) == record.collection(name), name
        assert rebuilt.meeting == record.meeting == session.record.meeting
        ids = set(script_line_ids(text).values())
        applied = [e.script_line for e in entries if e.script_id in ids]
        assert applied == sorted(set(applied))

    attempt()


@pytest.mark.parametrize("value", ["\n", "\x00", "x" * 10_000, 2**64, -(2**64), 1e308])
def test_odd_values_in_every_field_are_refused_or_stored(
    demo_database: Database, value: Any
) -> None:
    """Each field of each demo line set to an awkward value: never anything but a ClerkError."""
    meeting = setup.create_meeting(
        demo_database, "cyp-scrutiny-board", __import__("datetime").date(2031, 1, 1)
    )
    session = MeetingSession(demo_database, meeting)
    for line in DEMO_LINES:
        for key in line:
            if key == "action":
                continue
            bad = {**line, key: value}
            try:
                replay(session, json.dumps(bad), source="odd.jsonl")
            except ScriptError as error:
                assert "\n" not in str(error)
