"""The demo's documents, written once per module through the real service on a real database.

The demo's August meeting had no exempt business, so it has no confidential version; the
September meeting is recorded here with a Part II item (Schedule 12A paragraph 3), a recorded
vote and a resolution in parts, for the public and confidential minutes of a meeting that has
both.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from clerk.services.demo import load_demo
from clerk.services.documents import generate_minutes, generate_tracker
from clerk.services.recording import MeetingSession
from clerk.services.replay import replay
from clerk.storage.database import Database, open_database


@dataclass
class DemoFiles:
    database: Database
    folder: Path

    def read(self, name: str) -> bytes:
        return (self.folder / name).read_bytes()


MINUTES = "cyp-scrutiny-board-2021-08-18-minutes"
SEPTEMBER = "cyp-scrutiny-board-2021-09-20-minutes"
TRACKER = "cyp-scrutiny-board-action-tracker"

EXEMPT_TEXT = "The Board heard the legal advice on the residential care tender and its costs."
EXEMPT_SUMMARY = "The Board considered a report on a residential care contract."

#: The Board's meeting of 20 September 2021 (demo meeting 2), recorded with a Part II item.
SEPTEMBER_SCRIPT: list[dict[str, object]] = [
    *({"action": "present", "person": p} for p in ("bye", "barnby", "douglas-dunbar", "mills")),
    {"action": "apologies", "person": "mandy-darling"},
    {"action": "start", "at": "09:30"},
    {"action": "open_item", "item": 1, "at": "09:31"},
    {"action": "open_item", "item": 6, "at": "09:40"},
    {
        "action": "add_paragraph",
        "item": 6,
        "text": "The Director of Children's Services presented the Family Friendly Vision "
        "(https://www.torbay.gov.uk/family-friendly) and answered Members' questions.",
    },
    {
        "action": "move",
        "item": 6,
        "mover": "bye",
        "seconder": "mills",
        "parts": [
            {"text": "that the Family Friendly Vision be endorsed;"},
            {
                "text": "that the Cabinet be asked:",
                "parts": [
                    {"text": "to report progress to the Board in six months; and"},
                    {"text": "to publish the Vision in an easy-read version."},
                ],
            },
        ],
    },
    {
        "action": "vote",
        "motion": 1,
        "method": "recorded",
        "choices": [
            {"person_id": "bye", "option": "yes"},
            {"person_id": "mills", "option": "yes"},
            {"person_id": "barnby", "option": "yes"},
            {"person_id": "douglas-dunbar", "option": "no"},
        ],
    },
    {"action": "resolve", "item": 6, "motion": 1},
    {
        "action": "add_item",
        "number": "9",
        "title": "Residential Care Contract",
        "exempt_paragraph": 3,
        "title_is_public": False,
    },
    {"action": "exclude_public", "item": 9, "paragraph": 3, "at": "10:30"},
    {"action": "open_item", "item": 9, "at": "10:31"},
    {"action": "add_paragraph", "item": 9, "text": EXEMPT_TEXT},
    {"action": "public_summary", "item": 9, "text": EXEMPT_SUMMARY},
    {"action": "readmit_public", "at": "10:50"},
    {"action": "close", "at": "10:55"},
]


def record_september(database: Database) -> None:
    """Record the demo's September meeting (meeting 2) with a Part II item."""
    replay(MeetingSession(database, 2), "\n".join(json.dumps(line) for line in SEPTEMBER_SCRIPT))


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoFiles]:
    home = tmp_path_factory.mktemp("home")
    folder = tmp_path_factory.mktemp("out")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLERK_HOME", str(home))
        database = open_database(str(folder / "demo.sqlite3"))
        load_demo(database)
        record_september(database)
        generate_minutes(database, 1, ["docx,pdf,html"], confidential=False, out_dir=folder)
        generate_minutes(database, 2, ["docx,pdf,html"], confidential=False, out_dir=folder)
        generate_minutes(database, 2, ["docx", "pdf"], confidential=True, out_dir=folder)
        generate_tracker(database, "cyp-scrutiny-board", ["docx,pdf,html"], False, out_dir=folder)
        yield DemoFiles(database, folder)
        database.dispose()
