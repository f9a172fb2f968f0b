"""The sign-off integrity check (``clerk.domain.signoff.integrity``) on a journal made in memory:
the record rebuilt from it, each difference from the stored record, the sign-off pins and what
may follow the approval, every sentence exact (quick enough to run for each mutant: see
docs/mutation.md). The database-backed versions are tests/signoff/test_audit.py and
test_tampering.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time

import pytest

from clerk.domain.actions.attendance import Apologies, Present
from clerk.domain.changes import Changes, diff
from clerk.domain.entities import Paragraph, SignoffStep
from clerk.domain.enums import SignoffStepKind
from clerk.domain.errors import ClerkError
from clerk.domain.journal import GENESIS, JournalEntry, verify_chain
from clerk.domain.record import COLLECTIONS, MeetingRecord
from clerk.domain.signoff.integrity import (
    Findings,
    check,
    check_signoff,
    compare,
    entry_adding_step,
    examine,
    locked_change_problem,
    rebuild,
)
from clerk.services.recording import creation_changes
from tests.core.builders import CTX, board_record

CONFIRMED, SIGNED = SignoffStepKind.CONFIRMED, SignoffStepKind.SIGNED


class Kept:
    """A meeting and its journal, in memory: each change is an entry chained to the last."""

    def __init__(self) -> None:
        self.record = board_record()
        self.entries: list[JournalEntry] = []
        self.add("create", "Meeting created", creation_changes(self.record))

    @property
    def head(self) -> str:
        return self.entries[-1].hash if self.entries else GENESIS

    def add(self, kind: str, label: str, changes: Changes, who: str = "clerk") -> JournalEntry:
        seq = len(self.entries) + 1
        entry = JournalEntry(
            seq=seq,
            recorded_at=datetime(2021, 8, 18, 9, 30, seq),
            who=who,
            kind=kind,
            label=label,
            params={},
            changes=changes.to_json(),
            prev_hash=self.head,
        )
        self.entries.append(replace(entry, hash=entry.content_hash()))
        return self.entries[-1]

    def do(self, kind: str, change: Callable[[MeetingRecord], object], who: str = "clerk") -> int:
        before = self.record.snapshot()
        label = change(self.record)
        return self.add(kind, str(label), diff(before, self.record), who).seq

    def paragraph(self, id: int, text: str) -> int:
        def write(record: MeetingRecord) -> str:
            record.paragraphs[id] = Paragraph(id=id, item_id=1, position=id, text=text)
            return f"Paragraph {id}"

        return self.do("paragraph", write)

    def step(self, id: int, step: SignoffStepKind, kind: str, head: str | None = None) -> int:
        pinned = self.head if head is None else head

        def take(record: MeetingRecord) -> str:
            record.signoff[id] = SignoffStep(
                id=id, step=step, on=date(2021, 8, 23), chain_head=pinned
            )
            return f"Minutes {step}"

        return self.do(kind, take)


def kept_meeting() -> Kept:
    kept = Kept()
    kept.do("present", lambda r: Present("bye").apply(r, CTX))
    kept.do("apologies", lambda r: Apologies("mills").apply(r, CTX))
    kept.paragraph(1, "The Board noted the report.")
    return kept


def approved() -> Kept:
    kept = kept_meeting()
    kept.step(1, SignoffStepKind.CIRCULATED, "circulate", head="")
    kept.step(2, SignoffStepKind.APPROVED, "approve")
    return kept


# The record rebuilt from the journal.


def test_the_record_rebuilt_from_its_journal_is_the_stored_record() -> None:
    kept = approved()
    rebuilt = rebuild(kept.entries, kept.record)
    assert rebuilt.snapshot() == kept.record.snapshot()
    assert rebuilt.meeting == kept.record.meeting and rebuilt.meeting_id == 1
    assert rebuilt.persons is kept.record.persons and rebuilt.council is kept.record.council
    assert rebuilt.committee is kept.record.committee
    assert compare(kept.record, rebuilt) == []
    assert check(kept.entries, kept.record) == []
    assert examine(kept.entries, kept.record) == Findings()


def test_rebuilding_starts_from_the_meeting_alone_not_the_stored_rows() -> None:
    kept = kept_meeting()
    rebuilt = rebuild(kept.entries[2:], kept.record)  # from the apologies on
    assert rebuilt.meeting_id == kept.record.meeting_id
    assert set(rebuilt.attendance) == {2} and set(kept.record.attendance) == {1, 2}
    assert set(rebuilt.paragraphs) == {1}
    assert rebuilt.meeting == kept.record.meeting  # the meeting's own row, not from the journal


def test_an_entry_that_cannot_be_replayed_is_named() -> None:
    kept = kept_meeting()
    bad = replace(kept.entries[2], changes={"speeches": {"1": [None, {}]}})
    with pytest.raises(ClerkError) as refused:
        rebuild([kept.entries[0], bad], kept.record)
    assert str(refused.value) == (
        "journal entry 3 (record apologies from Councillor Mills) cannot be replayed: $.speeches: "
        "is not a collection of a meeting record"
    )
    findings = examine([kept.entries[0], bad], kept.record)
    assert findings.record == (
        "The record cannot be rebuilt from the journal: journal entry 3 (record apologies from "
        "Councillor Mills) cannot be replayed: $.speeches: is not a collection of a meeting "
        "record.",
    )
    assert findings.signoff == ()
    assert findings.chain == tuple(verify_chain([kept.entries[0], bad]))
    assert findings.chain  # the entry was changed: its hash no longer matches


@pytest.mark.parametrize(
    "changes",
    [
        {"paragraphs": {"x": [None, None]}},  # ValueError
        {"paragraphs": {"1": [None, {"id": 1}]}},  # a field missing
        {"paragraphs": {"1": [None]}},  # IndexError
        {"paragraphs": ["1"]},  # AttributeError
    ],
)
def test_a_journal_entry_of_any_malformed_shape_is_a_finding_not_a_crash(
    changes: dict[str, object],
) -> None:
    kept = kept_meeting()
    bad = replace(kept.entries[1], changes=changes)
    with pytest.raises(ClerkError, match=r"^journal entry 2 \(.*\) cannot be replayed: "):
        rebuild([kept.entries[0], bad], kept.record)
    (problem,) = examine([kept.entries[0], bad], kept.record).record
    assert problem.startswith("The record cannot be rebuilt from the journal: journal entry 2")


# Differences between the stored record and the journal, each named.


def test_each_row_changed_deleted_or_added_behind_the_journal_is_named_in_order() -> None:
    kept = kept_meeting()
    kept.paragraph(2, "The Board thanked the officers.")
    kept.paragraph(3, "The Board agreed.")
    stored = kept.record
    stored.paragraphs[1] = replace(stored.paragraphs[1], text="The Board rejected the report.")
    stored.paragraphs[3] = replace(stored.paragraphs[3], position=7, after=2)
    del stored.paragraphs[2]
    stored.paragraphs[9] = Paragraph(id=9, item_id=1, position=9, text="Added.")
    del stored.attendance[1]
    assert check(kept.entries, stored) == [
        "Attendance entry 1 is in the journal but was deleted.",
        "Minute paragraph 1: text is 'The Board rejected the report.' in the stored record, "
        "'The Board noted the report.' in the journal.",
        "Minute paragraph 2 is in the journal but was deleted.",
        "Minute paragraph 3: position is 7 in the stored record, 3 in the journal.",
        "Minute paragraph 3: after is 2 in the stored record, 0 in the journal.",
        "Minute paragraph 9 is in the stored record but not in the journal.",
    ]


def test_a_long_value_is_cut_short_and_a_value_not_text_shown_as_json() -> None:
    kept = kept_meeting()
    stored = kept.record
    long = "x" * 68  # its repr is 70 characters: shown whole
    stored.paragraphs[1] = replace(stored.paragraphs[1], text=long)
    assert compare(stored, rebuild(kept.entries, stored)) == [
        f"Minute paragraph 1: text is '{long}' in the stored record, "
        "'The Board noted the report.' in the journal."
    ]
    stored.paragraphs[1] = replace(stored.paragraphs[1], text=long + "y")
    assert compare(stored, rebuild(kept.entries, stored)) == [
        f"Minute paragraph 1: text is '{'x' * 66}...' in the stored record, "
        "'The Board noted the report.' in the journal."
    ]
    stored.meeting = replace(stored.meeting, date=date(2021, 9, 1), started_at=time(9, 5))
    assert compare(stored, rebuild(kept.entries, stored))[:2] == [
        "The meeting's date is '2021-09-01' in the stored record, '2021-09-20' in the journal.",
        "The meeting's started_at is '09:05' in the stored record, None in the journal.",
    ]


def test_every_kind_of_row_is_named_in_words() -> None:
    kept = Kept()
    stored = board_record()
    for name in COLLECTIONS:
        stored.collection(name)[5] = object()
    problems = compare(stored, rebuild(kept.entries, stored))
    assert [
        p.removesuffix(" 5 is in the stored record but not in the journal.") for p in problems
    ] == [
        "Agenda item",
        "Attendance entry",
        "Arrival or departure",
        "Declaration",
        "Minute paragraph",
        "Motion",
        "Vote",
        "Resolution",
        "Action",
        "Procedural event",
        "Sign-off step",
        "Approved context",
    ]


# The sign-off pins, and what may follow the approval.


def test_the_entry_that_recorded_a_step_is_found_by_what_it_added() -> None:
    kept = approved()
    assert entry_adding_step(kept.entries, 2) is kept.entries[-1]
    assert entry_adding_step(kept.entries, 1) is kept.entries[-2]
    assert entry_adding_step(kept.entries, 3) is None
    changed = kept.do("circulate", lambda r: r.signoff.update({1: replace(r.signoff[1], at=None)}))
    assert entry_adding_step(kept.entries, 1) is kept.entries[-3]  # not the one changing it
    assert changed == 7


def test_a_step_pinning_another_head_than_the_journals_is_caught() -> None:
    kept = kept_meeting()
    kept.step(1, SignoffStepKind.APPROVED, "approve", head="ab" * 32)
    entry = kept.entries[-1]
    assert check_signoff(kept.entries, kept.record) == [
        f"Sign-off step 1 (approved) pins record abababababab, but journal entry 5 that "
        f"recorded it follows {entry.prev_hash[:12]}."
    ]


def test_a_step_taken_before_the_record_was_imported_is_not_checked() -> None:
    kept = Kept()
    record = kept.record
    record.signoff[1] = SignoffStep(id=1, step=SignoffStepKind.APPROVED, on=date(2021, 8, 23))
    record.signoff[1] = replace(record.signoff[1], chain_head="cd" * 32)
    kept.entries = []
    kept.add("import", "Imported", creation_changes(record))
    kept.paragraph(1, "Changed after the approval, elsewhere.")
    assert check_signoff(kept.entries, record) == []
    assert check(kept.entries, record) == []


def test_steps_after_one_taken_before_the_import_are_still_checked() -> None:
    kept = Kept()
    record = kept.record
    record.signoff[1] = SignoffStep(
        id=1, step=SignoffStepKind.CIRCULATED, on=date(2021, 8, 19), chain_head="cd" * 32
    )
    kept.entries = []
    kept.add("import", "Imported", creation_changes(record))
    kept.step(2, SignoffStepKind.APPROVED, "approve", head="ef" * 32)
    assert check_signoff(kept.entries, record) == [
        f"Sign-off step 2 (approved) pins record efefefefefef, but journal entry 2 that "
        f"recorded it follows {kept.entries[0].hash[:12]}."
    ]


def test_only_sign_off_steps_follow_the_approval() -> None:
    kept = approved()
    kept.step(3, SIGNED, "sign")
    assert check(kept.entries, kept.record) == []
    kept.paragraph(1, "The Board rejected the report.")
    kept.do("present", lambda r: Present("mills").apply(r, CTX), who="mallory")
    assert check_signoff(kept.entries, kept.record) == [
        "Journal entry 8 (Paragraph 1, by clerk) changed the record after the minutes were "
        "approved: it changes minute paragraph 1.",
        "Journal entry 9 (mark Councillor Mills present, by mallory) changed the record after the "
        "minutes were approved: it changes attendance entry 2.",
    ]


def test_changes_before_the_approval_are_not_questioned() -> None:
    kept = kept_meeting()
    kept.paragraph(1, "Reworded before the approval.")
    kept.step(1, SignoffStepKind.APPROVED, "approve")
    kept.step(2, SIGNED, "sign")
    assert check_signoff(kept.entries, kept.record) == []


def test_the_first_approval_counts_when_there_are_two() -> None:
    kept = approved()
    kept.paragraph(1, "Reworded between the approvals.")
    kept.step(3, SignoffStepKind.APPROVED, "approve")
    assert check_signoff(kept.entries, kept.record) == [
        "Journal entry 7 (Paragraph 1, by clerk) changed the record after the minutes were "
        "approved: it changes minute paragraph 1."
    ]


def test_an_approval_judged_by_its_kind_not_by_the_step_it_adds() -> None:
    kept = kept_meeting()
    kept.step(1, SignoffStepKind.APPROVED, "circulate")
    kept.paragraph(1, "Reworded.")
    assert check_signoff(kept.entries, kept.record) == []


def record_and_steps() -> tuple[MeetingRecord, SignoffStep, Paragraph]:
    kept = approved()
    return kept.record, kept.record.signoff[2], kept.record.paragraphs[1]


def test_what_may_change_approved_minutes() -> None:
    record, approval, paragraph = record_and_steps()
    confirmation = replace(approval, id=3, step=CONFIRMED)
    reworded = replace(paragraph, text="Corrected.")
    meeting = record.meeting
    problem = locked_change_problem
    assert problem(Changes()) is None
    assert problem(Changes(meeting=(meeting, meeting))) is None
    assert problem(Changes(entities={"signoff": {3: (None, confirmation)}})) is None
    assert problem(Changes(entities={"paragraphs": {}})) is None
    corrections = Changes(
        entities={"signoff": {3: (None, confirmation)}, "paragraphs": {1: (paragraph, reworded)}}
    )
    assert problem(corrections) is None


@pytest.mark.parametrize(
    "case, message",
    [
        ("meeting", "it changes the meeting's details"),
        ("step changed", "it changes or removes sign-off step 2"),
        ("step removed", "it changes or removes sign-off step 2"),
        ("paragraph", "it changes minute paragraph 1"),
        ("paragraphs unconfirmed", "it changes minute paragraph 1"),
        ("attendance", "it changes attendance entry 1"),
        ("unknown", "it changes speeches 4"),
        ("moved", "it adds, removes or moves minute paragraph 1"),
        ("added", "it adds, removes or moves minute paragraph 2"),
        ("removed", "it adds, removes or moves minute paragraph 1"),
        ("confirmed then attendance", "it changes attendance entry 1"),
    ],
)
def test_what_may_not_change_approved_minutes(case: str, message: str) -> None:
    record, approval, paragraph = record_and_steps()
    confirmation = replace(approval, id=3, step=CONFIRMED)
    signed = replace(approval, id=3, step=SIGNED)
    confirms: dict[int, tuple[object, object]] = {3: (None, confirmation)}
    moved = replace(paragraph, position=4, text="Corrected.")
    attendance = record.attendance[1]
    entities: dict[str, dict[int, tuple[object, object]]] = {
        "meeting": {},
        "step changed": {"signoff": {2: (approval, replace(approval, at=time(10)))}},
        "step removed": {"signoff": {2: (approval, None)}},
        "paragraph": {"paragraphs": {1: (paragraph, replace(paragraph, text="x"))}},
        "paragraphs unconfirmed": {
            "signoff": {3: (None, signed)},
            "paragraphs": {3: (None, paragraph), 1: (paragraph, paragraph)},
        },
        "attendance": {"attendance": {3: (None, attendance), 1: (attendance, None)}},
        "unknown": {"speeches": {4: (None, None)}},
        "moved": {"signoff": confirms, "paragraphs": {1: (paragraph, moved)}},
        "added": {"signoff": confirms, "paragraphs": {2: (None, replace(paragraph, id=2))}},
        "removed": {"signoff": confirms, "paragraphs": {1: (paragraph, None)}},
        "confirmed then attendance": {
            "signoff": confirms,
            "paragraphs": {1: (paragraph, replace(paragraph, text="x"))},
            "attendance": {1: (attendance, attendance)},
        },
    }[case]
    changes = Changes(entities=entities)  # type: ignore[arg-type]
    if case == "meeting":
        changes.meeting = (record.meeting, replace(record.meeting, venue="Elsewhere"))
    assert locked_change_problem(changes) == message


def test_the_findings_are_listed_chain_record_sign_off_register_seals() -> None:
    findings = Findings(("c",), ("r",), ("s",), ("g",), ("k",))
    assert findings.all() == ["c", "r", "s", "g", "k"]
    assert Findings().all() == []


def test_a_forged_entry_is_found_by_the_chain_the_record_and_the_pins() -> None:
    kept = approved()
    kept.paragraph(1, "Reworded after the approval.")
    forged = replace(kept.entries[3], who="mallory")
    kept.entries[3] = replace(forged, hash=forged.content_hash())
    findings = examine(kept.entries, kept.record)
    assert findings.chain and findings.chain[0].startswith("Journal entry 5 does not follow")
    assert findings.record == ()
    assert findings.signoff == (
        "Journal entry 7 (Paragraph 1, by clerk) changed the record after the minutes were "
        "approved: it changes minute paragraph 1.",
    )
    assert check(kept.entries, kept.record) == [*findings.chain, *findings.signoff]
