"""No exempt text reaches a public output by any path between meetings: a property test.

Hypothesis draws minutes with exempt items whose every text carries a marker (the strategy of
``test_public_confidential``), imports them into a real database, approves them, and confirms
them at the next meeting with corrections drawn at random (to exempt and to public minutes,
with or without the clerk's own wording), which carries their open actions forward. Then the
two meetings are exported and imported into other databases: the next meeting alone (its
actions' first meeting absent), and both. In every database, every public output of every
meeting (``clerk.services.public_outputs``: the public minutes, the trackers, the public agenda
pack read back from its PDF, public search results for every word the meeting's index holds,
the open data export and the calendar) is free of the marker, and the confidential minutes
keep every exempt correction. Six draws keep the test near a minute and a half.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk.domain.actions.agenda import AddItem
from clerk.domain.enums import InterestConduct
from clerk.domain.signoff.confirmation import Correction
from clerk.services import record_json, setup, signoff
from clerk.services.documents import minutes_document
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database, open_database
from tests.documents.leaks import leaks
from tests.documents.test_public_confidential import MARK, MARKER, meetings
from tests.signoff.helpers import BOARD, under_way

NEXT = date(2021, 10, 18)


@pytest.fixture(scope="module")
def empty_database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database at the newest schema, copied for each database a draw needs."""
    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    open_database(str(path)).dispose()
    return path


class Databases:
    def __init__(self, template: Path, folder: Path) -> None:
        self.template = template
        self.folder = folder
        self.opened: list[Database] = []

    def new(self, name: str) -> Database:
        path = self.folder / f"{name}.sqlite3"
        shutil.copyfile(self.template, path)
        database = open_database(str(path))
        self.opened.append(database)
        return database

    def close(self) -> None:
        for database in self.opened:
            database.dispose()


def databases(template: Path) -> Iterator[Databases]:
    with tempfile.TemporaryDirectory(prefix="clerk-exempt-") as folder:
        found = Databases(template, Path(folder))
        try:
            yield found
        finally:
            found.close()


@st.composite
def confirmations(draw: st.DrawFn) -> tuple[object, list[int], bool]:
    record = draw(meetings())
    # The import checks the counts against who could vote: the drawn votes count everyone,
    # so nobody withdraws here (what is exempt is the declarations' text, not their conduct).
    for key, declaration in record.declarations.items():
        record.declarations[key] = replace(declaration, conduct=InterestConduct.STAYED)
    paragraphs = sorted(record.paragraphs)
    chosen = draw(st.lists(st.sampled_from(paragraphs), unique=True)) if paragraphs else []
    return record, chosen, draw(st.booleans())


def _next_meeting(database: Database) -> int:
    meeting_id = setup.create_meeting(database, BOARD, NEXT, at=time(9, 30))
    MeetingSession(database, meeting_id).apply(AddItem(number="5", title="Action Tracker"))
    under_way(database, meeting_id)
    return meeting_id


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(confirmations())
def test_no_exempt_text_moves_into_a_public_output(
    empty_database_file: Path, drawn: tuple[object, list[int], bool]
) -> None:
    record, chosen, worded = drawn
    for found in databases(empty_database_file):
        home = found.new("home")
        first = record_json.import_document(home, record_json.record_to_document(record))
        signoff.circulate(home, first, on=date(2021, 9, 21))
        signoff.approve(home, first, on=date(2021, 9, 24))
        second = _next_meeting(home)
        corrections = []
        exempt_texts = []
        for index, paragraph_id in enumerate(chosen):
            paragraph = record.paragraphs[paragraph_id]
            if record.items[paragraph.item_id].exempt:
                text = f"Corrected {MARK}correction{index}"
                exempt_texts.append(text)
            else:
                text = f"Corrected public text {index}"
            corrections.append(Correction(paragraph_id, text))
        amendment = ""
        if worded and corrections:
            amendment = f"As corrected, {MARK}wording" if exempt_texts else "As corrected."
        signoff.confirm(home, first, second, amendment=amendment, corrections=corrections)
        for meeting_id in (first, second):
            assert leaks(home, meeting_id, MARKER) == {}
        if exempt_texts:  # the confirming meeting's confidential minutes hold the corrections
            _record, confidential = minutes_document(home, second, confidential=True)
            text = "\n".join(confidential.text_lines())
            for exempt in exempt_texts:
                assert exempt in text
        exports = [record_json.export_meeting(home, m) for m in (first, second)]
        alone = found.new("alone")
        moved = record_json.import_document(alone, json.loads(exports[1]))
        assert leaks(alone, moved, MARKER) == {}
        both = found.new("both")
        ids = [record_json.import_document(both, json.loads(e)) for e in exports]
        for meeting_id in ids:
            assert leaks(both, meeting_id, MARKER) == {}
