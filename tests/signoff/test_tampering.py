"""Tampering by someone who can write the database file, each caught; each of these passed
unnoticed before the register, the frozen approval context and the anchors outside the file.

Only public interfaces that predate them are asserted first (``audit``, ``check``, ``status``),
so each test fails on the code before; the exact wording follows.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from clerk.domain.changes import Changes
from clerk.domain.enums import MoverNaming
from clerk.domain.journal import JournalEntry
from clerk.services import audit, maintenance, setup, signoff
from clerk.services.documents import generate_minutes
from clerk.services.recording import MeetingSession
from clerk.storage import repository as repo
from clerk.storage.database import Database
from tests.documents.readback import docx_text
from tests.signoff.forgery import delete_from, has_table, plain_sql, rewrite_journal
from tests.signoff.helpers import AUGUST, BOARD, SEPTEMBER, approved, confirmed

AUGUST_REF = "cyp-scrutiny-board/2021-08-18"


def journal(database: Database, meeting_id: int = AUGUST) -> list[JournalEntry]:
    with database.reading() as conn:
        return repo.load_journal(conn, meeting_id)


def seq_of(database: Database, kind: str, meeting_id: int = AUGUST) -> int:
    return next(e.seq for e in journal(database, meeting_id) if e.kind == kind)


def adding_paragraph(database: Database, paragraph: int) -> int:
    return next(
        e.seq
        for e in journal(database)
        if (e.changes.get("paragraphs", {}).get(str(paragraph)) or [0])[0] is None
    )


def forget_approval(database: Database, from_seq: int) -> None:
    """The journal cut back to before ``from_seq``, and the record rolled back with it."""
    delete_from(database, AUGUST, from_seq)


# -- deleting the last entries: approval and signing silently undone ---------------------------


def test_the_approval_deleted_from_the_end_of_the_journal_is_caught(
    demo_database: Database,
) -> None:
    approved(demo_database)
    approval = seq_of(demo_database, "approve")
    forget_approval(demo_database, approval)
    assert signoff.status(demo_database, AUGUST).stage.value == "circulated"  # quietly undone
    report = audit.audit_meeting(demo_database, AUGUST)
    assert not report.ok
    assert signoff.status(demo_database, AUGUST).problems
    assert maintenance.check(demo_database)
    assert report.register == (
        f"The register records the approval of these minutes as journal entry {approval}, but "
        f"the journal ends at entry {approval - 1}: entries have been deleted, undoing the step.",
    )


def test_the_signing_deleted_from_the_end_of_the_journal_is_caught(
    demo_database: Database,
) -> None:
    confirmed(demo_database)
    signoff.sign_wet_ink(demo_database, AUGUST, on=date(2021, 9, 20))
    signing = seq_of(demo_database, "sign")
    forget_approval(demo_database, signing)
    assert signoff.status(demo_database, AUGUST).stage.value == "confirmed"
    report = audit.audit_meeting(demo_database, AUGUST)
    assert not report.ok
    assert report.register == (
        f"The register records the signing of these minutes as journal entry {signing}, but "
        f"the journal ends at entry {signing - 1}: entries have been deleted, undoing the step.",
    )


# -- an entry labelled as an allowed kind, rewriting a paragraph -------------------------------


def test_an_entry_labelled_as_a_sign_off_step_that_rewrites_a_paragraph_is_caught(
    demo_database: Database,
) -> None:
    approved(demo_database)
    with demo_database.reading() as conn:
        record, version = repo.load_record(conn, AUGUST)
    tail = journal(demo_database)[-1]
    old = record.paragraphs[4]
    changes = Changes(entities={"paragraphs": {4: (old, replace(old, text="Nothing was said."))}})
    forged = JournalEntry(
        seq=tail.seq + 1,
        recorded_at=datetime.now(UTC).replace(tzinfo=None),
        who="test-clerk",
        kind="circulate",
        label="circulate the minutes of 18 August 2021 to Councillor Bye",
        params={"action": "circulate", "to": "bye"},
        changes=changes.to_json(),
        prev_hash=tail.hash,
    )
    forged = replace(forged, hash=forged.content_hash())
    with demo_database.transaction() as conn:
        repo.append_journal(conn, AUGUST, forged)
        repo.write_changes(conn, AUGUST, changes, version)
    report = audit.audit_meeting(demo_database, AUGUST)
    assert not report.ok
    assert report.signoff == (
        f"Journal entry {forged.seq} (circulate the minutes of 18 August 2021 to Councillor "
        "Bye, by test-clerk) changed the record after the minutes were approved: it changes "
        "minute paragraph 4.",
    )


# -- the whole chain recomputed ----------------------------------------------------------------


def _reword_paragraph_4(changes: dict) -> None:
    changes["paragraphs"]["4"][1]["text"] = "Members noted the report without comment."


def test_a_journal_rewritten_with_its_chain_recomputed_is_caught_by_the_register(
    demo_database: Database,
) -> None:
    approved(demo_database)
    seq = adding_paragraph(demo_database, 4)
    rewrite_journal(demo_database, AUGUST, seq, _reword_paragraph_4)
    with demo_database.reading() as conn:
        record, _ = repo.load_record(conn, AUGUST)
    assert record.paragraphs[4].text == "Members noted the report without comment."
    report = audit.audit_meeting(demo_database, AUGUST)
    assert report.chain == () and report.record == () and report.signoff == ()
    assert not report.ok
    approval = seq_of(demo_database, "approve")
    (problem,) = report.register
    assert problem.startswith(
        f"The register records the approval of these minutes as journal entry {approval} with hash "
    )
    assert problem.endswith(": the journal has been rewritten.")


def test_a_rewrite_of_the_journal_and_the_register_is_caught_by_the_printed_fingerprint(
    demo_database: Database, tmp_path: Path
) -> None:
    from clerk.services import minute_book

    approved(demo_database)
    printed = minute_book.print_minute_book(demo_database, AUGUST, tmp_path / "book.pdf")
    rewrite_journal(
        demo_database, AUGUST, adding_paragraph(demo_database, 4), _reword_paragraph_4, True
    )
    # Without anything from outside the database, a complete rewrite is consistent...
    assert audit.audit_meeting(demo_database, AUGUST).ok
    # ...but the fingerprint on the paper is not the rewritten record's.
    report = audit.audit_meeting(demo_database, AUGUST, fingerprint=printed.fingerprint)
    assert not report.ok
    (problem,) = report.outside.problems
    assert problem.startswith(
        f"The fingerprint {printed.fingerprint} does not match the record, which says the "
        "minutes of 18 August 2021 were approved at fingerprint "
    )
    assert problem.endswith("the record has been rewritten since it was printed.")


def test_the_fingerprint_typed_from_the_copy_matches_an_untouched_record(
    demo_database: Database, tmp_path: Path
) -> None:
    from clerk.services import minute_book

    approved(demo_database)
    printed = minute_book.print_minute_book(demo_database, AUGUST, tmp_path / "book.pdf")
    typed = printed.fingerprint.lower().replace("-", " ")
    report = audit.audit_meeting(demo_database, AUGUST, fingerprint=typed)
    assert report.ok
    assert report.outside.notes == (
        f"Fingerprint {printed.fingerprint}: matches the approval of the minutes of 18 August "
        "2021.",
    )


# -- people, committees, the council ------------------------------------------------------------


def test_a_councillor_renamed_after_approval_does_not_change_the_approved_minutes(
    demo_database: Database, tmp_path: Path
) -> None:
    approved(demo_database)
    with demo_database.reading() as conn:
        bye = repo.load_persons(conn)["bye"]
    setup.save_person(demo_database, replace(bye, name="Byewater"))
    (path,) = generate_minutes(demo_database, AUGUST, ["docx"], False, tmp_path)
    text = docx_text(path.read_bytes())
    assert "Councillor Bye (Chairman)" in text
    assert "Byewater" not in text


def _minutes_text(database: Database, folder: Path) -> tuple[str, str]:
    """The August minutes as Word text and as PDF text, read back from the files."""
    folder.mkdir()
    paths = generate_minutes(database, AUGUST, ["docx", "pdf"], False, folder)
    word = next(p for p in paths if p.suffix == ".docx")
    pdf = next(p for p in paths if p.suffix == ".pdf")
    pages = PdfReader(BytesIO(pdf.read_bytes())).pages
    return docx_text(word.read_bytes()), " ".join(page.extract_text() for page in pages)


def test_the_council_profile_changed_after_approval_does_not_change_the_approved_minutes(
    demo_database: Database, tmp_path: Path
) -> None:
    approved(demo_database)
    before = _minutes_text(demo_database, tmp_path / "before")
    with demo_database.reading() as conn:
        council = repo.load_council(conn)
    assert council is not None
    changed = replace(
        council,
        name="Borough of Elsewhere",
        signatory_title="Mayor",
        minute_heading_pattern="M{n}",
        movers_named=MoverNaming.WHEN_CONTESTED
        if council.movers_named is MoverNaming.ALWAYS
        else MoverNaming.ALWAYS,
    )
    setup.save_council(demo_database, changed)
    after = _minutes_text(demo_database, tmp_path / "after")
    assert after == before
    for text in after:
        assert "Elsewhere" not in text and "Mayor" not in text
    # The minutes of a meeting not yet approved follow the profile as it is now.
    with demo_database.reading() as conn:
        draft = repo.load_record(conn, SEPTEMBER)[0]
    assert draft.council.name == "Borough of Elsewhere"


def test_the_committee_renamed_after_approval_does_not_change_the_approved_minutes(
    demo_database: Database, tmp_path: Path
) -> None:
    approved(demo_database)
    before = _minutes_text(demo_database, tmp_path / "before")
    with demo_database.reading() as conn:
        committee = next(c for c in repo.list_committees(conn) if c.slug == BOARD)
    setup.save_committee(demo_database, replace(committee, name="Renamed Panel"))
    after = _minutes_text(demo_database, tmp_path / "after")
    assert after == before
    assert all("Renamed Panel" not in text for text in after)


def test_a_name_changed_with_plain_sql_is_caught_by_check(demo_database: Database) -> None:
    plain_sql(demo_database, "UPDATE persons SET name = 'Byewater' WHERE id = 'bye'")
    problems = maintenance.check(demo_database)
    assert problems == [
        "Person 'bye' differs from the register (name is 'Byewater' in the database, 'Bye' in "
        "the register): it was changed behind Clerk's back."
    ]


def test_a_change_of_membership_made_through_clerk_is_registered(demo_database: Database) -> None:
    with demo_database.reading() as conn:
        committee = repo.load_committee(conn, "cyp-scrutiny-board")
    setup.save_committee(demo_database, replace(committee, memberships=committee.memberships[1:]))
    assert maintenance.check(demo_database) == []
    from clerk.storage import register

    with demo_database.reading() as conn:
        last = register.load(conn)[-1]
    assert (last.kind, last.subject, last.who) == ("committee", "cyp-scrutiny-board", "test-clerk")
    assert len(last.data["before"]["memberships"]) == len(last.data["after"]["memberships"]) + 1


# -- a whole meeting deleted --------------------------------------------------------------------


def test_a_meeting_deleted_with_its_journal_is_caught_by_check(demo_database: Database) -> None:
    plain_sql(demo_database, "DELETE FROM journal WHERE meeting_id = 2")
    plain_sql(demo_database, "DELETE FROM agenda_items WHERE meeting_id = 2")
    plain_sql(demo_database, "DELETE FROM meetings WHERE id = 2")
    assert maintenance.check(demo_database) == [
        "Meeting 2 (cyp-scrutiny-board/2021-09-20) is in the register but not in the database: "
        "it was deleted, with its journal."
    ]


# -- one snapshot ---------------------------------------------------------------------------------


def test_audit_and_status_do_not_cry_tampering_while_a_colleague_records(
    demo_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between reading the record and reading its journal, a colleague records on it."""
    from clerk.domain.actions.proceedings import AddParagraph

    original = repo.load_journal
    busy = {"done": False, "inside": False}

    def colleague_records_first(conn, meeting_id):  # type: ignore[no-untyped-def]
        if not busy["done"] and not busy["inside"] and meeting_id == SEPTEMBER:
            busy["inside"] = True
            session = MeetingSession(demo_database, SEPTEMBER, who="colleague")
            session.apply(AddParagraph(item=5, text="Recorded by a colleague meanwhile."))
            busy["done"], busy["inside"] = True, False
        return original(conn, meeting_id)

    monkeypatch.setattr(repo, "load_journal", colleague_records_first)
    report = audit.audit_meeting(demo_database, SEPTEMBER)
    assert busy["done"]
    assert report.ok, report.problems
    busy["done"] = False
    assert signoff.status(demo_database, SEPTEMBER).problems == ()
    assert busy["done"]
    monkeypatch.setattr(repo, "load_journal", original)
    assert audit.audit_meeting(demo_database, SEPTEMBER).entries == report.entries + 2


def test_a_table_for_the_approval_context_exists(demo_database: Database) -> None:
    assert has_table(demo_database, "approved_context") and has_table(demo_database, "register")


def test_a_council_profile_changed_with_plain_sql_is_caught_by_check(
    demo_database: Database,
) -> None:
    plain_sql(demo_database, "UPDATE council SET signatory_title = 'Mayor'")
    assert maintenance.check(demo_database) == [
        "The council profile differs from the register (signatory_title is 'Mayor' in the "
        "database, 'Chairman' in the register): it was changed behind Clerk's back."
    ]
