"""Exempt text never reaches a public output by moving between meetings.

A correction to an exempt minute, confirmed at the next meeting's (public) Minutes item, is
minuted in the confidential version only; the public minute names the exempt minute and says it
was amended. An action on an exempt item keeps its exempt status when it is carried forward,
exported and imported into a database that does not hold its first meeting.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from clerk.domain.signoff.confirmation import Correction
from clerk.services import record_json, signoff
from clerk.services.documents import minutes_document
from clerk.services.minute_book import minute_book_copy
from clerk.services.public_outputs import public_outputs
from clerk.storage import repository as repo
from clerk.storage.database import Database, open_database
from tests.conftest import run_clerk
from tests.documents.leaks import leaks
from tests.documents.readback import docx_text
from tests.signoff.exempt_scenario import SECRET, record_october

MARKER = re.compile(SECRET + r"\w*")
CORRECTED = f"The Board considered the {SECRET} provider's revised finances."
PUBLIC_CORRECTED = "The Board welcomed the annual report on fostering and adoption."


def test_a_correction_to_an_exempt_minute_is_minuted_in_the_confidential_version_only(
    demo_database: Database,
) -> None:
    scenario = record_october(demo_database)
    signoff.confirm(
        demo_database,
        scenario.october,
        scenario.november,
        corrections=[
            Correction(scenario.exempt_paragraph, CORRECTED),
            Correction(scenario.public_paragraph, PUBLIC_CORRECTED),
        ],
    )
    with demo_database.reading() as conn:
        october, _ = repo.load_record(conn, scenario.october)
    assert october.paragraphs[scenario.exempt_paragraph].text == CORRECTED
    _record, public = minutes_document(demo_database, scenario.november, confidential=False)
    minute = scenario.exempt_minute
    assert (
        "The Minutes of the meeting of the Board held on 18 October 2021 were confirmed as a "
        f"correct record, subject to an amendment to exempt Minute {minute} (recorded in the "
        "confidential minutes) and to the following amendment, and signed by the Chairman: "
        f"Minute {int(minute.split('/')[0]) - 1}/10/21, first paragraph, to read: "
        f'"{PUBLIC_CORRECTED}"'
    ) in public.text_lines()
    assert leaks(demo_database, scenario.november, MARKER, render=True) == {}
    _record, confidential = minutes_document(demo_database, scenario.november, confidential=True)
    lines = confidential.text_lines()
    wording = f'Minute {minute}, first paragraph, to read: "{CORRECTED}"'
    assert wording in lines
    note = lines[lines.index(wording) - 1]
    assert note.startswith("Not for publication: exempt information under paragraph 3")
    assert any(
        "paragraph 3 of Part 1 of Schedule 12A" in m for m in confidential.furniture.markings
    )
    # The confirmed minutes' own sign-off keeps the whole amendment (they are its record).
    step = max(october.signoff.values(), key=lambda s: s.id)
    assert CORRECTED in step.text and PUBLIC_CORRECTED in step.text


def test_the_clerks_own_wording_with_an_exempt_correction_stays_confidential(
    demo_database: Database,
) -> None:
    scenario = record_october(demo_database)
    signoff.confirm(
        demo_database,
        scenario.october,
        scenario.november,
        amendment=f"Minute {scenario.exempt_minute} to read {CORRECTED}",
        corrections=[Correction(scenario.exempt_paragraph, CORRECTED)],
    )
    _record, public = minutes_document(demo_database, scenario.november, confidential=False)
    assert (
        "The Minutes of the meeting of the Board held on 18 October 2021 were confirmed as a "
        f"correct record, subject to an amendment to exempt Minute {scenario.exempt_minute} "
        "(recorded in the confidential minutes), and signed by the Chairman."
    ) in public.text_lines()
    assert leaks(demo_database, scenario.november, MARKER) == {}
    _record, confidential = minutes_document(demo_database, scenario.november, confidential=True)
    assert f"Minute {scenario.exempt_minute} to read {CORRECTED}" in confidential.text_lines()


def test_the_signed_copy_of_the_confirming_minutes_is_the_confidential_one(
    demo_database: Database,
) -> None:
    scenario = record_october(demo_database)
    signoff.confirm(
        demo_database,
        scenario.october,
        scenario.november,
        corrections=[Correction(scenario.exempt_paragraph, CORRECTED)],
    )
    november = scenario.november
    session_text = minutes_document(demo_database, november, confidential=True)[1].text_lines()
    assert any(CORRECTED in line for line in session_text)
    # B's own minutes are signed whole: the copy carries the correction and is marked.
    from clerk.documents.model import Signature
    from clerk.services.minute_book import final_document

    with demo_database.reading() as conn:
        record, _ = repo.load_record(conn, november)
    signed = final_document(record, Signature("Chairman"))
    assert "Confidential: not for publication" in signed.furniture.markings
    assert any(CORRECTED in line for line in signed.text_lines())
    assert callable(minute_book_copy)


def test_an_exempt_action_carried_forward_stays_out_of_the_tracker_of_another_database(
    demo_database: Database, tmp_path: Path
) -> None:
    scenario = record_october(demo_database)
    signoff.confirm(demo_database, scenario.october, scenario.november)
    with demo_database.reading() as conn:
        november, _ = repo.load_record(conn, scenario.november)
    carried = {a.text.text: a for a in november.actions.values()}
    assert carried[f"Renegotiate the {SECRET} contract."].exempt_paragraph == 3
    assert carried["Circulate the fostering report."].exempt_paragraph is None
    assert leaks(demo_database, scenario.november, MARKER) == {}
    exported = record_json.export_meeting(demo_database, scenario.november)
    elsewhere = open_database(str(tmp_path / "team.sqlite3"))
    try:
        meeting_id = record_json.import_document(elsewhere, json.loads(exported))
        assert leaks(elsewhere, meeting_id, MARKER, render=True) == {}
        tracker = next(
            o for o in public_outputs(elsewhere, meeting_id) if o.name == "action tracker"
        )
        assert tracker.document is not None
        lines = tracker.document.text_lines()
        assert "1. Circulate the fostering report." in lines
        assert (
            "Actions on exempt items (Schedule 12A to the Local Government Act 1972) are not shown."
            in lines
        )
        assert record_json.export_meeting(elsewhere, meeting_id) == exported
    finally:
        elsewhere.dispose()


def test_a_record_written_before_actions_kept_their_status_takes_it_from_the_item(
    demo_database: Database, tmp_path: Path
) -> None:
    scenario = record_october(demo_database)
    document = json.loads(record_json.export_meeting(demo_database, scenario.october))
    for action in document["uk_local_government"]["actions"]:
        del action["exempt_paragraph"]  # as an older Clerk wrote it
    elsewhere = open_database(str(tmp_path / "team.sqlite3"))
    try:
        meeting_id = record_json.import_document(elsewhere, document)
        with elsewhere.reading() as conn:
            record, _ = repo.load_record(conn, meeting_id)
        statuses = sorted((a.exempt_paragraph or 0) for a in record.actions.values())
        assert statuses == [0, 3]
    finally:
        elsewhere.dispose()


def test_export_writes_the_status_of_a_carried_action_from_its_first_meeting(
    demo_database: Database,
) -> None:
    """A copy carried by an older Clerk holds no status: the export finds it at its origin."""
    scenario = record_october(demo_database)
    signoff.confirm(demo_database, scenario.october, scenario.november)
    with demo_database.transaction() as conn:
        from sqlalchemy import text

        conn.execute(text("UPDATE actions SET exempt_paragraph = NULL"))
    document = json.loads(record_json.export_meeting(demo_database, scenario.november))
    statuses = sorted(
        (a["exempt_paragraph"] or 0) for a in document["uk_local_government"]["actions"]
    )
    assert statuses == [0, 3]


def test_clerk_confirm_with_an_exempt_correction_then_public_minutes(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "clerk.sqlite3")
    database = open_database(db)
    try:
        from clerk.services.demo import load_demo

        load_demo(database)
        scenario = record_october(database)
    finally:
        database.dispose()
    run_clerk(
        "--db",
        db,
        "confirm",
        str(scenario.october),
        "--at",
        str(scenario.november),
        "--correct",
        str(scenario.exempt_paragraph),
        CORRECTED,
        check=True,
    )
    out = tmp_path / "out"
    run_clerk("--db", db, "minutes", str(scenario.november), "-o", str(out), check=True)
    run_clerk(
        "--db",
        db,
        "minutes",
        str(scenario.november),
        "--confidential",
        "-o",
        str(out),
        check=True,
    )
    public = out / "cyp-scrutiny-board-2021-11-15-minutes.docx"
    confidential = out / "cyp-scrutiny-board-2021-11-15-minutes-confidential.docx"
    assert SECRET not in docx_text(public.read_bytes())
    assert SECRET not in (out / "cyp-scrutiny-board-2021-11-15-minutes.pdf").read_bytes().decode(
        "latin-1"
    )
    assert CORRECTED in docx_text(confidential.read_bytes())


def test_an_item_marked_exempt_after_its_actions_marks_them_too() -> None:
    from clerk.domain.actions.agenda import EditItem
    from clerk.domain.actions.tracker import AddAction
    from clerk.domain.entities import Part
    from tests.core.builders import apply, under_way

    record = under_way()
    apply(record, AddAction(item=1, text=Part("Report back on the vision.")))
    assert record.actions[1].exempt_paragraph is None
    apply(record, EditItem(item=1, exempt_paragraph=4))
    assert record.actions[1].exempt_paragraph == 4
    apply(record, EditItem(item=1, public=True))
    assert record.actions[1].exempt_paragraph is None
