"""The JSON meeting record carries a member who stayed but took no part, and a motion that was
the confirmation of the minutes; a record from before either imports as it always did."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from clerk.domain.enums import InterestConduct
from clerk.domain.errors import RecordFormatError
from clerk.services import record_json
from clerk.storage import repository as repo
from clerk.storage.database import Database, open_database


def imported(document: dict[str, Any], folder: Path) -> tuple[Database, int]:
    target = open_database(str(folder / "target.sqlite3"))
    return target, record_json.import_document(target, document, source="test.json")


def test_took_no_part_and_a_confirming_motion_survive_export_and_import(
    sqlite_demo: Database, tmp_path: Path
) -> None:
    document = json.loads(record_json.export_meeting(sqlite_demo, 1))
    uk = document["uk_local_government"]
    assert not uk["declarations"]  # the demo's first meeting has none: add one
    declaration = {
        "id": 1,
        "person_id": next(a["person_id"] for a in uk["attendance"] if a["status"] == "present"),
        # An item with no vote (the importer checks the counts against who could vote).
        "item_id": next(
            i["id"]
            for i in document["agenda"]
            if i["minute_number"] and all(m["item_id"] != i["id"] for m in document["motions"])
        ),
        "kind": "non-pecuniary",
        "nature": "a governor of a school in the report",
        "sensitive": False,
        "conduct": "took-no-part",
        "dispensation_ref": "",
        "category": "",
        "nature_public": True,
        "after_vote": False,
        "vote_struck": False,
    }
    uk["declarations"].append(declaration)
    document["motions"][0]["confirms_minutes"] = True
    target, meeting_id = imported(document, tmp_path)
    try:
        with target.reading() as conn:
            stored, _ = repo.load_record(conn, meeting_id)
        (found,) = [d for d in stored.declarations.values() if d.id == declaration["id"]]
        assert found.conduct is InterestConduct.TOOK_NO_PART
        assert stored.motions[document["motions"][0]["id"]].confirms_minutes
        again = json.loads(record_json.export_meeting(target, meeting_id))
        assert again["uk_local_government"]["declarations"][0]["conduct"] == "took-no-part"
        assert again["motions"][0]["confirms_minutes"] is True
    finally:
        target.dispose()


def test_an_older_record_without_the_field_imports_with_no_confirming_motion(
    sqlite_demo: Database, tmp_path: Path
) -> None:
    document = json.loads(record_json.export_meeting(sqlite_demo, 1))
    for motion in document["motions"]:
        del motion["confirms_minutes"]
    target, meeting_id = imported(document, tmp_path)
    try:
        with target.reading() as conn:
            stored, _ = repo.load_record(conn, meeting_id)
        assert stored.motions and not any(m.confirms_minutes for m in stored.motions.values())
    finally:
        target.dispose()


def test_a_record_counting_the_vote_of_a_member_who_took_no_part_is_refused(
    sqlite_demo: Database, tmp_path: Path
) -> None:
    document = json.loads(record_json.export_meeting(sqlite_demo, 1))
    uk = document["uk_local_government"]
    vote = document["vote_events"][0]
    motion = next(m for m in document["motions"] if m["id"] == vote["motion_id"])
    present = [a["person_id"] for a in uk["attendance"] if a["status"] == "present"]
    uk["declarations"].append(
        {
            "id": 1,
            "person_id": present[0],
            "item_id": motion["item_id"],
            "kind": "non-pecuniary",
            "nature": "",
            "sensitive": False,
            "conduct": "took-no-part",
            "dispensation_ref": "",
            "category": "",
            "nature_public": True,
            "after_vote": False,
            "vote_struck": False,
        }
    )
    with pytest.raises(RecordFormatError, match="could vote"):
        imported(document, tmp_path)
