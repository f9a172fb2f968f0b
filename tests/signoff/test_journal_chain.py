"""The journal's hash chain, broken each way a forger might break it, with the exact message.

A middle entry forged with its own hash recomputed, a row deleted from the middle and from the
end, two entries swapped: ``clerk audit`` names each, once.
"""

from __future__ import annotations

from dataclasses import replace

from clerk.domain.journal import JournalEntry, verify_chain
from clerk.services import audit
from clerk.storage import repository as repo
from clerk.storage.database import Database
from tests.signoff.forgery import plain_sql
from tests.signoff.helpers import AUGUST, approved


def entries_of(database: Database) -> list[JournalEntry]:
    with database.reading() as conn:
        return repo.load_journal(conn, AUGUST)


def test_an_intact_journal_has_no_problems(demo_database: Database) -> None:
    assert verify_chain(entries_of(demo_database)) == []


def test_a_middle_entry_forged_with_its_hash_recomputed(demo_database: Database) -> None:
    entries = entries_of(demo_database)
    forged = replace(entries[19], who="someone-else")
    forged = replace(forged, hash=forged.content_hash())
    assert verify_chain([*entries[:19], forged, *entries[20:]]) == [
        "Journal entry 21 does not follow entry 20: one of them has been changed and its hash "
        "recomputed, or replaced."
    ]
    plain_sql(
        demo_database,
        "UPDATE journal SET who = 'someone-else', hash = :h WHERE meeting_id = 1 AND seq = 20",
        h=forged.hash,
    )
    assert audit.audit_meeting(demo_database, AUGUST).chain == (
        "Journal entry 21 does not follow entry 20: one of them has been changed and its hash "
        "recomputed, or replaced.",
    )


def test_a_row_deleted_in_the_middle(demo_database: Database) -> None:
    entries = entries_of(demo_database)
    assert verify_chain([*entries[:19], *entries[20:]]) == ["Journal entry 20 is missing."]
    assert verify_chain([*entries[:19], *entries[22:]]) == ["Journal entries 20 to 22 are missing."]
    plain_sql(demo_database, "DELETE FROM journal WHERE meeting_id = 1 AND seq = 20")
    assert audit.audit_meeting(demo_database, AUGUST).chain == ("Journal entry 20 is missing.",)


def test_a_row_deleted_at_the_end(demo_database: Database) -> None:
    entries = entries_of(demo_database)
    assert verify_chain(entries[:-1]) == []  # a shorter chain is a chain: the rest catches it
    last = entries[-1]
    assert last.label == "update action 2 (complete)"
    plain_sql(demo_database, "DELETE FROM journal WHERE meeting_id = 1 AND seq = :s", s=last.seq)
    report = audit.audit_meeting(demo_database, AUGUST)
    assert report.chain == ()
    assert report.record == (
        "Action 2: status is 'complete' in the stored record, 'open' in the journal.",
        "Action 2: comments is [{'on': '2021-08-20', 'text': 'Complete – emailed 20/8/21'}] in "
        "the stored record, [] in the journal.",
    )


def test_a_row_deleted_at_the_end_of_approved_minutes(demo_database: Database) -> None:
    approved(demo_database)
    entries = entries_of(demo_database)
    approval = entries[-1]
    assert approval.kind == "approve"
    plain_sql(
        demo_database, "DELETE FROM journal WHERE meeting_id = 1 AND seq = :s", s=approval.seq
    )
    plain_sql(demo_database, "DELETE FROM signoff_steps WHERE meeting_id = 1 AND step = 'approved'")
    plain_sql(demo_database, "DELETE FROM approved_context WHERE meeting_id = 1")
    report = audit.audit_meeting(demo_database, AUGUST)
    assert (report.chain, report.record) == ((), ())
    assert report.register == (
        f"The register records the approval of these minutes as journal entry {approval.seq}, "
        f"but the journal ends at entry {approval.seq - 1}: entries have been deleted, undoing "
        "the step.",
    )


def test_entries_reordered(demo_database: Database) -> None:
    entries = entries_of(demo_database)
    swapped = [*entries[:19], replace(entries[20], seq=20), replace(entries[19], seq=21)]
    expected = [
        "Journal entry 20 holds what was recorded as entry 21: the entries have been reordered.",
        "Journal entry 21 holds what was recorded as entry 20: the entries have been reordered.",
    ]
    assert verify_chain([*swapped, *entries[21:]]) == expected
    plain_sql(demo_database, "UPDATE journal SET seq = -1 WHERE meeting_id = 1 AND seq = 20")
    plain_sql(demo_database, "UPDATE journal SET seq = 20 WHERE meeting_id = 1 AND seq = 21")
    plain_sql(demo_database, "UPDATE journal SET seq = 21 WHERE meeting_id = 1 AND seq = -1")
    assert audit.audit_meeting(demo_database, AUGUST).chain == tuple(expected)
