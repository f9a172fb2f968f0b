"""Published council minutes re-recorded in Clerk: each scenario is a set-up file (the council,
the people, the committee, the meeting) and a replay script, recorded through the service the
window uses, with the minutes written as Word and PDF and read back.

The facts (who moved, who seconded, the results, the order of business) come from the council's
published minutes, cited in each set-up file; narrative text is written in our own words. Where
the published minute leaves a fact out (who presided, the members who said nothing) the set-up
says what was assumed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.domain.errors import ClerkError
from clerk.domain.exempt import has_exempt_business
from clerk.domain.record import MeetingRecord
from clerk.domain.serial import from_json
from clerk.services import setup
from clerk.services.demo import DemoSetup
from clerk.services.documents import generate_minutes
from clerk.services.recording import MeetingSession
from clerk.services.replay import read_script, replay
from clerk.storage import repository as repo
from clerk.storage.database import open_database
from tests.documents.readback import docx_lines, docx_text, pdf_text

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Minutes:
    """One version of a scenario's minutes: the Word file's paragraphs, and whether the PDF
    says the same."""

    lines: list[str]
    pdf_matches_word: bool
    #: The meeting's record as stored in the database the minutes were written from.
    record: MeetingRecord


def record(name: str, folder: Path) -> dict[bool, Minutes]:
    """Set up and replay scenario ``name``; its minutes, public (False) and confidential."""
    data = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
    for note in ("source", "assumed"):
        data.pop(note, None)
    scenario = from_json(DemoSetup, data, f"{name}.json")
    database = open_database(str(folder / f"{name}.sqlite3"))
    try:
        setup.save_council(database, scenario.council)
        for person in scenario.persons:
            setup.save_person(database, person)
        setup.save_committee(database, scenario.committee)
        (meeting,) = scenario.meetings
        meeting_id = setup.create_meeting(
            database,
            scenario.committee.slug,
            meeting.date,
            at=meeting.scheduled_time,
            venue=meeting.venue,
            standard_items=False,
            minute_number_start=meeting.minute_number_start,
        )
        script = HERE / meeting.script
        replay(MeetingSession(database, meeting_id), read_script(script), script.name)
        with database.reading() as conn:
            stored, _ = repo.load_record(conn, meeting_id)
        minutes = {}
        for confidential in (False, True):
            if confidential and not has_exempt_business(stored):
                # Nothing exempt: there is no confidential version (Clerk refuses to make one),
                # and the public minutes are what every reader gets.
                with pytest.raises(ClerkError, match="no confidential version"):
                    generate_minutes(
                        database, meeting_id, ["pdf"], confidential=True, out_dir=folder
                    )
                minutes[True] = minutes[False]
                continue
            out = folder / ("confidential" if confidential else "public")
            written = generate_minutes(
                database, meeting_id, ["docx,pdf"], confidential=confidential, out_dir=out
            )
            files = {path.suffix: path.read_bytes() for path in written}
            furniture = compose_minutes(stored, MinutesOptions(confidential)).furniture
            minutes[confidential] = Minutes(
                docx_lines(files[".docx"]),
                docx_text(files[".docx"]) == pdf_text(files[".pdf"], furniture),
                stored,
            )
        return minutes
    finally:
        database.dispose()


def in_order(statements: list[str], lines: list[str]) -> None:
    """Each statement is a paragraph of the minutes, in this order."""
    position = -1
    for statement in statements:
        assert statement in lines[position + 1 :], f"missing (in order): {statement!r}"
        position = lines.index(statement, position + 1)
