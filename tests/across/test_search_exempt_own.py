"""Search keeps what is exempt on its own confidential, whatever item it is under.

A correction to an exempt minute is minuted under the next meeting's public Minutes item, and
an action on an exempt item is carried forward onto the next meeting's public Action Tracker
item: both keep their own Schedule 12A paragraph (``clerk.domain.exempt``), so a public search
must not find them and a confidential search must, marked confidential. This holds in the
database they were made in and in one the next meeting alone was imported into.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from clerk.domain.search import EntryKind, SearchFilters
from clerk.domain.signoff.confirmation import Correction
from clerk.services import record_json, signoff
from clerk.services.search import Result, search
from clerk.storage.database import Database, open_database
from tests.signoff.exempt_scenario import SECRET, record_october

NOVEMBER = date(2021, 11, 15)
CORRECTED = f"The Board considered the {SECRET} provider's revised finances."


def found(database: Database, meeting_id: int, confidential: bool) -> list[Result]:
    """What a search for the exempt word finds in the November meeting."""
    filters = SearchFilters(date_from=NOVEMBER, date_to=NOVEMBER, include_confidential=confidential)
    outcome = search(database, SECRET.lower(), filters)
    return [r for r in outcome.results if r.meeting_id == meeting_id]


def assert_confidential_only(database: Database, meeting_id: int) -> None:
    assert found(database, meeting_id, confidential=False) == []
    results = found(database, meeting_id, confidential=True)
    kinds = sorted(r.kind.value for r in results)
    assert kinds == [EntryKind.ACTION.value, EntryKind.PARAGRAPH.value]
    assert all(r.confidential for r in results)
    snippets = " ".join(r.plain_snippet("", "") for r in results)
    assert "The Board considered the" in snippets
    assert "Renegotiate" in snippets
    # Under public items, whose titles show in the results as they are.
    assert {r.title for r in results} == {"Minutes", "Action Tracker"}


def test_a_carried_exempt_action_and_an_exempt_correction_are_found_only_confidentially(
    demo_database: Database, tmp_path: Path
) -> None:
    scenario = record_october(demo_database)
    signoff.confirm(
        demo_database,
        scenario.october,
        scenario.november,
        corrections=[Correction(scenario.exempt_paragraph, CORRECTED)],
    )
    assert_confidential_only(demo_database, scenario.november)
    exported = record_json.export_meeting(demo_database, scenario.november)
    elsewhere = open_database(str(tmp_path / "team.sqlite3"))
    try:
        meeting_id = record_json.import_document(elsewhere, json.loads(exported))
        assert_confidential_only(elsewhere, meeting_id)
    finally:
        elsewhere.dispose()
