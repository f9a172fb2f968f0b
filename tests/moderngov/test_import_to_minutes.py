"""Imported from ModernGov, recorded at the table, minuted: the agenda reaches the minutes."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from clerk.services import catalogue
from clerk.services.documents import generate_minutes
from clerk.services.moderngov.importer import import_answers, read_files
from clerk.services.recording import MeetingSession
from clerk.services.replay import replay
from clerk.storage.database import Database
from tests.documents.readback import docx_text
from tests.moderngov.helpers import ALL, council

STEPS: list[dict[str, object]] = [
    {"action": "present", "person": "bye"},
    {"action": "present", "person": "barnby"},
    {"action": "present", "person": "douglas-dunbar"},
    {"action": "apologies", "person": "mandy-darling"},
    {"action": "start", "at": "09:30"},
    {"action": "open_item", "item": 1, "at": "09:30"},
    {"action": "open_item", "item": 6, "at": "09:35"},
    {
        "action": "add_paragraph",
        "item": 6,
        "text": "Members welcomed the proposals for a family friendly vision for Torbay.",
    },
    {
        "action": "move",
        "item": 6,
        "mover": "bye",
        "seconder": "barnby",
        "parts": [{"text": "that the family friendly vision be supported."}],
    },
    {"action": "vote", "motion": 1, "method": "show-of-hands", "yes": 3, "no": 0, "abstain": 0},
    {
        "action": "resolve",
        "item": 6,
        "motion": 1,
        "parts": [{"text": "that the family friendly vision be supported."}],
        "unanimous": True,
    },
    {"action": "exclude_public", "item": 9, "paragraph": 1, "at": "10:00"},
    {"action": "open_item", "item": 9, "at": "10:00"},
    {"action": "add_paragraph", "item": 9, "text": "Members discussed QZSECRET staffing details."},
    {"action": "close", "at": "10:30"},
]
SCRIPT = "\n".join(json.dumps(step) for step in STEPS)


def test_imported_agenda_recorded_and_minuted(sqlite_database: Database, tmp_path: Path) -> None:
    database = sqlite_database
    council(database)
    import_answers(database, read_files(ALL))
    by_moderngov = {p.moderngov_id: p.id for p in catalogue.persons(database).values()}
    script = SCRIPT
    for moderngov_id, name in (
        ("2001", "bye"),
        ("2002", "barnby"),
        ("2004", "douglas-dunbar"),
        ("2003", "mandy-darling"),
    ):
        script = script.replace(f'"{name}"', f'"{by_moderngov[moderngov_id]}"')
    board = catalogue.committees(database)[0].slug
    meeting_id = catalogue.resolve_meeting(database, f"{board}/2021-09-20")
    session = MeetingSession(database, meeting_id)
    applied, _skipped = replay(session, script, source="table.jsonl")
    assert applied == len(script.strip().splitlines())
    public = generate_minutes(database, meeting_id, ["docx", "pdf"], False, tmp_path)
    word = docx_text(public[0].read_bytes())
    assert "Minutes of the Children and Young People's Overview and Scrutiny Board" in word
    assert "Family Friendly Vision" in word
    assert "Members welcomed the proposals for a family friendly vision for Torbay." in word
    assert "Councillor Bye (Chairman)" in word
    assert "Children's Services Staffing Update" in word  # its title is public in ModernGov
    assert "QZSECRET" not in word
    pdf = PdfReader(BytesIO(public[1].read_bytes()))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Family Friendly Vision" in text and "QZSECRET" not in text
