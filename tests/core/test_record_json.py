"""The JSON meeting record: round trip, schema, and all-or-nothing import with JSON paths."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from sqlalchemy import func, select

from clerk.domain.errors import RecordFormatError
from clerk.resources import resource
from clerk.services import record_json, setup
from clerk.services.demo import load_demo
from clerk.services.record_schema import meeting_record_schema
from clerk.storage.database import Database, open_database
from clerk.storage.models import COLLECTION_TABLES, MeetingRow, PersonRow, table_of
from clerk.storage.setup_store import load_committee


def demo_export(database: Database, meeting_id: int = 1) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(record_json.export_meeting(database, meeting_id))
    return data


def test_export_import_export_is_identical(demo_database: Database, tmp_path: Path) -> None:
    first = record_json.export_meeting(demo_database, 1)
    target = open_database(str(tmp_path / "empty.sqlite3"))
    meeting_id = record_json.import_document(target, json.loads(first), source="demo.json")
    assert record_json.export_meeting(target, meeting_id) == first


def test_the_committees_minute_prefix_travels_with_the_record(
    demo_database: Database, tmp_path: Path
) -> None:
    with demo_database.reading() as conn:
        board = load_committee(conn, "cyp-scrutiny-board")
    setup.save_committee(demo_database, replace(board, minute_prefix="CYP"))
    data = demo_export(demo_database)
    assert data["organization"]["minute_prefix"] == "CYP"
    target = open_database(str(tmp_path / "elsewhere.sqlite3"))
    record_json.import_document(target, data, source="cyp.json")
    with target.reading() as conn:
        assert load_committee(conn, "cyp-scrutiny-board").minute_prefix == "CYP"
    # An older record, written before the field: no prefix, as before.
    del data["organization"]["minute_prefix"]
    older = open_database(str(tmp_path / "older.sqlite3"))
    record_json.import_document(older, data, source="older.json")
    with older.reading() as conn:
        assert load_committee(conn, "cyp-scrutiny-board").minute_prefix == ""


def test_export_follows_the_committed_schema(demo_database: Database) -> None:
    committed = json.loads(resource("schema", "meeting-record.schema.json").read_text())
    assert committed == meeting_record_schema(), (
        "regenerate: python -m clerk.services.record_schema"
    )
    jsonschema.Draft202012Validator(committed).validate(demo_export(demo_database))


def test_export_uses_popolo_names_and_a_uk_block(demo_database: Database) -> None:
    data = demo_export(demo_database)
    assert data["format"] == "clerk-meeting-record" and data["version"] == 1
    assert data["organization"]["id"] == "cyp-scrutiny-board"
    assert {"persons", "memberships", "event", "motions", "vote_events"} <= data.keys()
    uk = data["uk_local_government"]
    assert uk["council"]["name"] == "Torbay Council"
    assert {"attendance", "declarations", "resolutions", "actions"} <= uk.keys()
    assert data["vote_events"][0]["yes"] == 5


def counts(database: Database) -> dict[str, int]:
    tables = [MeetingRow, PersonRow, *COLLECTION_TABLES.values()]
    with database.reading() as conn:
        return {
            t.__tablename__: conn.execute(
                select(func.count()).select_from(table_of(t))
            ).scalar_one()
            for t in tables
        }


BAD_DOCUMENTS = [
    (lambda d: d.update(format="something-else"), "$.format"),
    (lambda d: d.update(version=2), "$.version"),
    (lambda d: d["event"].update(date="18/08/2021"), "$.event.date"),
    (lambda d: d["agenda"][2].update(exempt_paragraph="three"), "$.agenda[2].exempt_paragraph"),
    (
        lambda d: d["uk_local_government"]["attendance"][3].update(status="here"),
        "$.uk_local_government.attendance[3].status",
    ),
    (
        lambda d: d["uk_local_government"]["attendance"][0].update(person_id="nobody"),
        "$.uk_local_government.attendance[0].person_id",
    ),
    (lambda d: d["motions"][0].update(item_id=99), "$.motions[0].item_id"),
    (lambda d: d["vote_events"][0].pop("method"), "$.vote_events[0].method"),
    (lambda d: d["persons"][0].update(nickname="x"), "$.persons[0].nickname"),
    (lambda d: d["agenda"].append(copy.deepcopy(d["agenda"][0])), "$.agenda[6].id"),
]


@pytest.mark.parametrize(("mutate", "path"), BAD_DOCUMENTS)
def test_a_bad_record_names_its_first_bad_field_and_writes_nothing(
    sqlite_demo: Database, tmp_path: Path, mutate: Any, path: str
) -> None:
    document = demo_export(sqlite_demo)
    mutate(document)
    target = open_database(str(tmp_path / "target.sqlite3"))
    before = counts(target)
    with pytest.raises(RecordFormatError) as refused:
        record_json.import_document(target, document, source="bad.json")
    assert refused.value.path == path
    assert "nothing imported" in str(refused.value)
    assert counts(target) == before


def test_importing_a_meeting_that_exists_is_refused_whole(database: Database) -> None:
    load_demo(database)
    document = demo_export(database)
    before = counts(database)
    with pytest.raises(Exception, match="already has a meeting on 2021-08-18"):
        record_json.import_document(database, document)
    assert counts(database) == before


NONSENSE = [
    (
        lambda d: d["uk_local_government"]["council"].update(year_start_month=13),
        "$.uk_local_government.council.year_start_month",
    ),
    (
        lambda d: d["uk_local_government"]["council"].update(minute_heading_pattern="{x}"),
        "$.uk_local_government.council.minute_heading_pattern",
    ),
    (
        lambda d: d["organization"]["quorum"].update(denominator=0),
        "$.organization.quorum.denominator",
    ),
    (lambda d: d["organization"]["quorum"].update(value=2**70), "$.organization.quorum.value"),
    (lambda d: d["organization"].update(id="Bad Slug/x"), "$.organization.id"),
    (lambda d: d["agenda"][0].update(exempt_paragraph=99), "$.agenda[0].exempt_paragraph"),
    (
        lambda d: d["memberships"][0].update(end_date="2020-01-01"),
        "$.memberships[0].end_date",
    ),
    (lambda d: d["motions"][0].update(amends_id=1), "$.motions[0].amends_id"),
    (
        lambda d: d["uk_local_government"]["attendance"].append(
            {**d["uk_local_government"]["attendance"][0], "id": 99}
        ),
        "$.uk_local_government.attendance[13].person_id",
    ),
]


@pytest.mark.parametrize(("mutate", "path"), NONSENSE)
def test_values_that_make_no_sense_are_refused_with_their_path(
    sqlite_demo: Database, tmp_path: Path, mutate: Any, path: str
) -> None:
    document = demo_export(sqlite_demo)
    mutate(document)
    target = open_database(str(tmp_path / "target.sqlite3"))
    before = counts(target)
    with pytest.raises(RecordFormatError) as refused:
        record_json.import_document(target, document)
    assert refused.value.path == path
    assert counts(target) == before


IMPOSSIBLE_VOTES = [
    (
        {"yes": 0, "no": 5, "result": "pass"},
        "$.vote_events[0].result: is pass, but 0 for, 5 against decided fail",
    ),
    (
        {"yes": 3, "no": 2, "result": "fail"},
        "$.vote_events[0].result: is fail, but 3 for, 2 against decided pass",
    ),
    (
        {"yes": 2, "no": 2, "abstain": 1, "result": "pass"},
        "$.vote_events[0].result: is pass, but the vote is tied (2 to 2) and no casting vote is "
        "recorded",
    ),
    (
        {"yes": 2, "no": 2, "result": "pass", "casting_by": "bye", "casting_option": "no"},
        "$.vote_events[0].result: is pass, but 2 for, 2 against and the casting vote no "
        "decided fail",
    ),
    (
        {"yes": 3, "no": 1, "result": "pass", "casting_by": "bye", "casting_option": "yes"},
        "$.vote_events[0].result: is pass, but a casting vote is recorded only when the votes "
        "are equal",
    ),
    (
        {"yes": 2, "no": 2, "result": "pass", "casting_by": "bye", "casting_option": "abstain"},
        "$.vote_events[0].result: is pass, but a casting vote must be for or against",
    ),
    (
        {"yes": 0, "no": 0, "result": "pass", "casting_by": "bye", "casting_option": "yes"},
        "$.vote_events[0].result: is pass as declared, without a count, so there was no tie for "
        "a casting vote to decide",
    ),
    (
        {"method": "assent", "yes": 0, "no": 0, "result": "fail"},
        "$.vote_events[0].result: is fail, but a decision by assent decided pass",
    ),
    (
        {"yes": 6, "no": 0},
        "$.vote_events[0].yes: 6 for + 0 against + 0 abstaining = 6, but only 5 members "
        "attending could vote on item 5",
    ),
    ({"abstain": -1}, "$.vote_events[0].abstain: cannot be negative (-1)"),
]


@pytest.mark.parametrize(("change", "message"), IMPOSSIBLE_VOTES)
def test_a_vote_its_counts_could_not_have_decided_is_refused(
    sqlite_demo: Database, tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    """The rules of the vote apply to an imported one: a majority decides, a tie is decided by
    the casting vote, and only a tie."""
    document = demo_export(sqlite_demo)
    document["vote_events"][0].update(change)
    target = open_database(str(tmp_path / "target.sqlite3"))
    before = counts(target)
    with pytest.raises(RecordFormatError) as refused:
        record_json.import_document(target, document, source="vote.json")
    assert str(refused.value) == f"{message} (in vote.json; nothing imported)"
    assert counts(target) == before


@pytest.mark.parametrize(
    "change",
    [
        {"yes": 5, "no": 0, "result": "pass"},
        {"yes": 1, "no": 3, "abstain": 1, "result": "fail"},
        {"yes": 2, "no": 2, "result": "pass", "casting_by": "bye", "casting_option": "yes"},
        {"yes": 2, "no": 2, "result": "fail", "casting_by": "bye", "casting_option": "no"},
        {"yes": 0, "no": 0, "result": "fail"},
        {"method": "assent", "yes": 0, "no": 0, "result": "pass"},
    ],
)
def test_a_vote_its_counts_decided_is_imported(
    sqlite_demo: Database, tmp_path: Path, change: dict[str, Any]
) -> None:
    document = demo_export(sqlite_demo)
    document["vote_events"][0].update(change)
    target = open_database(str(tmp_path / "target.sqlite3"))
    meeting = record_json.import_document(target, document)
    assert (
        json.loads(record_json.export_meeting(target, meeting))["vote_events"][0]
        == (document["vote_events"][0])
    )


def test_deeply_nested_input_is_refused_not_crashed(sqlite_database: Database) -> None:
    document: Any = {"text": "x", "parts": []}
    for _ in range(5000):
        document = {"text": "x", "parts": [document]}
    with pytest.raises(RecordFormatError):
        record_json.import_document(sqlite_database, {**_minimal(), "agenda": [document]})


def _minimal() -> dict[str, Any]:
    return {"format": "clerk-meeting-record", "version": 1}


def test_import_never_rewrites_what_other_meetings_rely_on(sqlite_demo: Database) -> None:
    september = demo_export(sqlite_demo, 2)
    september["event"]["date"] = "2021-12-20"
    renamed = copy.deepcopy(september)
    renamed["persons"][[p["id"] for p in renamed["persons"]].index("bye")]["name"] = "Byeee"
    before = counts(sqlite_demo)
    with pytest.raises(RecordFormatError, match="differs from 'bye' in this database") as refused:
        record_json.import_document(sqlite_demo, renamed)
    assert refused.value.path.startswith("$.persons[")
    regrouped = copy.deepcopy(september)
    regrouped["organization"]["quorum"]["value"] = 7
    with pytest.raises(RecordFormatError, match="differs from the committee") as refused:
        record_json.import_document(sqlite_demo, regrouped)
    assert refused.value.path == "$.organization"
    role = copy.deepcopy(september)
    role["memberships"][0]["role"] = "member"
    with pytest.raises(RecordFormatError, match="conflicts with the membership of 'bye'"):
        record_json.import_document(sqlite_demo, role)
    assert counts(sqlite_demo) == before
    # A new member the database lacks is added with the meeting.
    newcomer = copy.deepcopy(september)
    newcomer["persons"].append({"id": "newbie", "name": "Newbie"})
    newcomer["memberships"].append({"person_id": "newbie", "role": "member"})
    record_json.import_document(sqlite_demo, newcomer)
    from clerk.services import catalogue

    roles = {
        m.person_id for m in catalogue.committee(sqlite_demo, "cyp-scrutiny-board").memberships
    }
    assert "newbie" in roles


def test_a_meeting_taken_to_another_laptop_keeps_its_numbering_and_people(
    sqlite_demo: Database, tmp_path: Path
) -> None:
    from clerk.domain.actions.attendance import OfficerPresent
    from clerk.domain.actions.proceedings import OpenItem, StartMeeting
    from clerk.services.recording import MeetingSession

    laptop = open_database(str(tmp_path / "laptop.sqlite3"))
    meeting_id = record_json.import_document(laptop, demo_export(sqlite_demo, 2))
    session = MeetingSession(laptop, meeting_id)
    session.apply(OfficerPresent("nancy-meehan"))
    session.apply(StartMeeting())
    session.apply(OpenItem(item=1))
    assert session.record.items[1].minute_number == 18
