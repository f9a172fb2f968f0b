"""The script reader and replay, fuzzed: a clear ``ScriptError`` naming the line, or the
actions applied; never a traceback, and a refused line leaves only the lines before it."""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text as sql

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


def as_written(written: Any, stored: Any) -> bool:
    """Whether what was stored holds each value the line wrote (a stored line also has the
    defaults of what it left out: ``"parts": []``, ``"casting_by": null``)."""
    if isinstance(written, dict):
        return isinstance(stored, dict) and all(
            key in stored and as_written(value, stored[key]) for key, value in written.items()
        )
    if isinstance(written, list):
        return (
            isinstance(stored, list | tuple)
            and len(written) == len(stored)
            and all(as_written(w, s) for w, s in zip(written, stored, strict=True))
        )
    return type(written) is type(stored) and written == stored


def check_stored_lines(lines: list[Any], refused: int | None, entries: list[Any], ids: Any) -> None:
    """Each line before the refused one (every line, when none was) is in the journal, once,
    under its own number and script id, as its action with the values written; no line from
    the refused one on is."""
    by_line: dict[int, list[Any]] = {}
    for entry in entries:
        if entry.script_line is not None:
            by_line.setdefault(entry.script_line, []).append(entry)
    accepted = [n for n in range(1, len(lines) + 1) if refused is None or n < refused]
    assert sorted(by_line) == accepted
    for number in accepted:
        (entry,) = by_line[number]
        line = lines[number - 1]
        assert entry.script_id == ids[number]
        if entry.undoes is not None or entry.redoes is not None:
            continue
        assert entry.kind == line["action"]
        assert as_written(line, entry.params), (line, entry.params)


@pytest.fixture
def open_memberships(demo_database: Database) -> Database:
    """The demo with the Board's memberships running on, so the demo's own roll call can be
    taken at a later meeting (and the mutated scripts get past it)."""
    with demo_database.transaction() as conn:
        conn.execute(sql("UPDATE memberships SET end_date = NULL"))
    return demo_database


def test_mutated_scripts_replay_cleanly(open_memberships: Database) -> None:
    """The demo's own script, mutated, replayed on a new meeting of the Board each time."""
    database = open_memberships
    dates = iter(range(10_000))
    applied_lines = []

    @FUZZ
    @given(mutations(DEMO_LINES, rounds=2))
    def attempt(lines: Any) -> None:
        day = date(2030, 1, 1) + timedelta(days=next(dates))
        meeting = setup.create_meeting(database, "cyp-scrutiny-board", day, standard_items=False)
        if not isinstance(lines, list):
            lines = [lines]
        text = "\n".join(json.dumps(line) for line in lines)
        session = MeetingSession(database, meeting)
        refused = None
        try:
            replay(session, text, source="fuzz.jsonl")
        except ClerkError as error:
            assert "\n" not in str(error)
            assert isinstance(error, ScriptError), repr(error)
            found = re.match(r"fuzz\.jsonl line (\d+): ", str(error))
            assert found, str(error)
            refused = int(found.group(1))
        with database.reading() as conn:
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
        check_stored_lines(lines, refused, entries, script_line_ids(text))
        applied_lines.append(len(lines) if refused is None else refused - 1)

    attempt()
    # The mutated scripts get well into the meeting, and some all the way through.
    assert max(applied_lines) == len(DEMO_LINES) or max(applied_lines) > 40, applied_lines
    assert sum(applied_lines) / len(applied_lines) > 10, applied_lines


def test_the_demo_script_is_stored_line_by_line(open_memberships: Database) -> None:
    """The check above, on the script as it is: every line, with the values written."""
    meeting = setup.create_meeting(
        open_memberships, "cyp-scrutiny-board", date(2030, 1, 1), standard_items=False
    )
    text = "\n".join(json.dumps(line) for line in DEMO_LINES)
    assert replay(MeetingSession(open_memberships, meeting), text) == (len(DEMO_LINES), 0)
    with open_memberships.reading() as conn:
        entries = repo.load_journal(conn, meeting)
    check_stored_lines(DEMO_LINES, None, entries, script_line_ids(text))
    changed = [*entries]
    vote = next(i for i, e in enumerate(changed) if e.kind == "vote")
    changed[vote] = replace(changed[vote], params={**changed[vote].params, "yes": 4})
    with pytest.raises(AssertionError):
        check_stored_lines(DEMO_LINES, None, changed, script_line_ids(text))
    with pytest.raises(AssertionError):
        check_stored_lines(DEMO_LINES, 10, entries, script_line_ids(text))


@pytest.mark.parametrize("value", ["\n", "\x00", "x" * 10_000, 2**64, -(2**64), 1e308])
def test_odd_values_in_every_field_are_refused_or_stored(
    open_memberships: Database, value: Any
) -> None:
    """Each field of each demo line set to an awkward value: refused with a ScriptError naming
    the line, the journal as it was; or stored as written, in one entry."""
    database = open_memberships
    meeting = setup.create_meeting(
        database, "cyp-scrutiny-board", date(2031, 1, 1), standard_items=False
    )
    session = MeetingSession(database, meeting)
    outcomes = {"stored": 0, "refused": 0}
    for line in DEMO_LINES:
        for key in line:
            if key == "action":
                continue
            bad = {**line, key: value}
            with database.reading() as conn:
                before = repo.load_journal(conn, meeting)
            try:
                applied, skipped = replay(session, json.dumps(bad), source="odd.jsonl")
            except ScriptError as error:
                assert "\n" not in str(error)
                assert str(error).startswith("odd.jsonl line 1: "), str(error)
                with database.reading() as conn:
                    assert repo.load_journal(conn, meeting) == before
                outcomes["refused"] += 1
                continue
            with database.reading() as conn:
                after = repo.load_journal(conn, meeting)
            if applied == 0:  # the same line was stored before (a script is resumable)
                assert (skipped, after) == (1, before), bad
                assert any(as_written(bad, e.params) for e in before), bad
                continue
            assert (applied, after[: len(before)]) == (1, before)
            (entry,) = after[len(before) :]
            assert entry.kind == bad["action"]
            assert as_written(bad, entry.params), (bad, entry.params)
            outcomes["stored"] += 1
        # The line itself, so that the next lines have what they need (unless an odd version
        # of it was stored: an item added with an odd purpose is item 1 all the same).
        with contextlib.suppress(ScriptError):
            replay(session, json.dumps(line), source="demo.jsonl")
    assert outcomes["refused"] > 0, outcomes
