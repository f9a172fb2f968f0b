"""The journal's hash and chain check, on entries made in memory (no database: quick enough to
run for each mutant of ``clerk/domain/journal.py``).

The database-backed versions, with ``clerk audit``, are in tests/signoff/test_journal_chain.py.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime

import pytest

from clerk.domain.journal import (
    GENESIS,
    NOT_UNDOABLE,
    REORDER_REACH,
    UNDO_BARRIERS,
    JournalEntry,
    UndoState,
    verify_chain,
)


def entry(seq: int, **fields: object) -> JournalEntry:
    base: dict[str, object] = {
        "seq": seq,
        "recorded_at": datetime(2021, 8, 18, 9, 30, seq % 60),
        "who": "clerk",
        "kind": "present",
        "label": f"entry {seq}",
        "params": {"person": "bye"},
        "changes": {"attendance": [seq]},
    }
    base.update(fields)
    return JournalEntry(**base)  # type: ignore[arg-type]


def chain(count: int, start: int = 1) -> list[JournalEntry]:
    """``count`` entries, each linked to the one before by its hash."""
    out: list[JournalEntry] = []
    previous = GENESIS
    for seq in range(start, start + count):
        made = entry(seq, prev_hash=previous)
        made = replace(made, hash=made.content_hash())
        out.append(made)
        previous = made.hash
    return out


def sealed(made: JournalEntry) -> JournalEntry:
    return replace(made, hash=made.content_hash())


# The hash: fixed, so that hashes stored by earlier versions still check.


def test_the_hash_of_an_entry_is_what_it_has_always_been() -> None:
    made = entry(
        3,
        label="mark Councillor Brontë present",
        undoes=1,
        redoes=2,
        script_id="s1",
        script_line=7,
        prev_hash="a" * 64,
    )
    canonical = (
        '{"changes":{"attendance":[3]},"kind":"present","label":"mark Councillor Brontë present",'
        '"params":{"person":"bye"},"prev_hash":"' + "a" * 64 + '","recorded_at":'
        '"2021-08-18T09:30:03","redoes":2,"script_id":"s1","script_line":7,"seq":3,"undoes":1,'
        '"who":"clerk"}'
    )
    assert made.content_hash() == hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert made.content_hash() == (
        "f586db34772e63c9047b297e267db2fb7b1adacb3a967496d07298bac0921700"
    )
    with_context = replace(made, context={"now": "09:31", "today": "2021-08-18"})
    assert with_context.content_hash() == (
        "9945b1241d6f803149848d6b6b78467eebc39a6311954e21eb8dd8dc08c7842c"
    )


@pytest.mark.parametrize(
    "field, value",
    [
        ("seq", 4),
        ("recorded_at", datetime(2021, 8, 18, 9, 31)),
        ("who", "someone-else"),
        ("kind", "apologies"),
        ("label", "another"),
        ("params", {"person": "mills"}),
        ("changes", {"attendance": [9]}),
        ("undoes", 1),
        ("redoes", 1),
        ("script_id", "s2"),
        ("script_line", 8),
        ("prev_hash", "b" * 64),
        ("context", {"now": "09:31"}),
    ],
)
def test_the_hash_covers_every_field(field: str, value: object) -> None:
    made = entry(3)
    assert replace(made, **{field: value}).content_hash() != made.content_hash()


def test_the_hash_is_not_covered_by_itself_and_an_entry_without_context_has_none() -> None:
    made = entry(3)
    assert replace(made, hash="x").content_hash() == made.content_hash()
    assert made.context is None and made.prev_hash == GENESIS and made.hash == ""
    assert (made.undoes, made.redoes, made.script_id, made.script_line) == (None, None, "", None)


# The chain.


def test_an_intact_chain_has_no_problems() -> None:
    assert verify_chain([]) == []
    assert verify_chain(chain(40)) == []


def test_the_first_entry_must_follow_the_genesis() -> None:
    first = sealed(replace(chain(1)[0], prev_hash="c" * 64))
    assert verify_chain([first]) == [
        "Journal entry 1 does not follow entry 0: one of them has been changed and its hash "
        "recomputed, or replaced."
    ]


def test_a_chain_not_starting_at_one_is_missing_its_first_entries() -> None:
    entries = chain(6)
    assert verify_chain(entries[1:]) == ["Journal entry 1 is missing."]
    assert verify_chain(entries[3:]) == ["Journal entries 1 to 3 are missing."]


@pytest.mark.parametrize("index", [0, 5, 9])
def test_an_entry_forged_with_its_hash_recomputed_is_named_by_the_next(index: int) -> None:
    entries = chain(11)
    entries[index] = sealed(replace(entries[index], who="someone-else"))
    assert verify_chain(entries) == [
        f"Journal entry {index + 2} does not follow entry {index + 1}: one of them has been "
        "changed and its hash recomputed, or replaced."
    ]


def test_the_last_entry_forged_with_its_hash_recomputed_leaves_a_whole_chain() -> None:
    """Nothing follows it to notice: the register, the seals and the fingerprint do."""
    entries = chain(5)
    entries[-1] = sealed(replace(entries[-1], who="someone-else"))
    assert verify_chain(entries) == []


def test_an_altered_entry_is_named_once() -> None:
    entries = chain(8)
    entries[3] = replace(entries[3], who="someone-else")
    assert verify_chain(entries) == ["Journal entry 4 (entry 4) has been altered."]


def test_two_altered_entries_are_each_named() -> None:
    entries = chain(8)
    entries[2] = replace(entries[2], label="changed")
    entries[6] = replace(entries[6], params={})
    assert verify_chain(entries) == [
        "Journal entry 3 (changed) has been altered.",
        "Journal entry 7 (entry 7) has been altered.",
    ]


def test_rows_deleted_from_the_middle() -> None:
    entries = chain(10)
    assert verify_chain([*entries[:4], *entries[5:]]) == ["Journal entry 5 is missing."]
    assert verify_chain([*entries[:4], *entries[6:]]) == ["Journal entries 5 to 6 are missing."]
    assert verify_chain([*entries[:2], *entries[7:]]) == ["Journal entries 3 to 7 are missing."]
    assert verify_chain([*entries[:2], *entries[4:6], *entries[8:]]) == [
        "Journal entries 3 to 4 are missing.",
        "Journal entries 7 to 8 are missing.",
    ]


def test_rows_deleted_from_the_end_leave_a_whole_chain() -> None:
    entries = chain(10)
    assert verify_chain(entries[:-1]) == []
    assert verify_chain(entries[:-4]) == []


def test_a_row_deleted_and_the_next_altered() -> None:
    entries = chain(10)
    altered = replace(entries[5], who="someone-else")
    assert verify_chain([*entries[:4], altered, *entries[6:]]) == [
        "Journal entry 5 is missing.",
        "Journal entry 6 (entry 6) has been altered.",
    ]


def test_two_entries_swapped() -> None:
    entries = chain(10)
    swapped = [
        *entries[:4],
        replace(entries[5], seq=5),
        replace(entries[4], seq=6),
        *entries[6:],
    ]
    assert verify_chain(swapped) == [
        "Journal entry 5 holds what was recorded as entry 6: the entries have been reordered.",
        "Journal entry 6 holds what was recorded as entry 5: the entries have been reordered.",
    ]


def test_an_entry_moved_down_by_three() -> None:
    entries = chain(10)
    moved = [
        *entries[:2],
        replace(entries[3], seq=3),
        replace(entries[4], seq=4),
        replace(entries[5], seq=5),
        replace(entries[2], seq=6),
        *entries[6:],
    ]
    assert verify_chain(moved) == [
        f"Journal entry {n} holds what was recorded as entry {n + 1}: the entries have been "
        "reordered."
        for n in (3, 4, 5)
    ] + ["Journal entry 6 holds what was recorded as entry 3: the entries have been reordered."]


def test_the_entry_after_a_reordered_one_is_not_blamed_for_its_link() -> None:
    entries = chain(10)
    # Entries 7 and 8 swapped: entry 9 links to what is now entry 7. The swap is said once.
    swapped = [*entries[:6], replace(entries[7], seq=7), replace(entries[6], seq=8), *entries[8:]]
    assert verify_chain(swapped) == [
        "Journal entry 7 holds what was recorded as entry 8: the entries have been reordered.",
        "Journal entry 8 holds what was recorded as entry 7: the entries have been reordered.",
    ]
    # ... but a link broken after an intact entry that follows the swap is still named.
    entries[9] = sealed(replace(entries[9], prev_hash="e" * 64))
    swapped = [*swapped[:9], entries[9]]
    assert verify_chain(swapped)[2:] == [
        "Journal entry 10 does not follow entry 9: one of them has been changed and its hash "
        "recomputed, or replaced."
    ]


def test_a_reordered_entry_is_looked_for_within_reach() -> None:
    reach = REORDER_REACH
    assert reach == 25
    entries = chain(reach + 3)
    last = reach + 2
    near = [*entries[: last - 1], replace(entries[1], seq=last)]  # entry 2 stored as 2 + 25
    assert verify_chain(near)[-1] == (
        f"Journal entry {last} holds what was recorded as entry 2: the entries have been reordered."
    )
    far = [*entries[:last], replace(entries[1], seq=last + 1)]  # 2 stored as 2 + 26
    assert verify_chain(far) == [f"Journal entry {last + 1} (entry 2) has been altered."]


def test_an_entry_stored_under_a_number_no_entry_has_is_altered() -> None:
    entries = chain(5)
    # Entry 5 renumbered 6: a gap, and its hash is for 5, a number no entry now holds.
    assert verify_chain([*entries[:4], replace(entries[4], seq=6)]) == [
        "Journal entry 5 is missing.",
        "Journal entry 6 (entry 5) has been altered.",
    ]


def test_a_changed_link_is_named_after_an_intact_entry() -> None:
    entries = chain(6)
    entries[3] = sealed(replace(entries[3], prev_hash="d" * 64))
    # Entry 4 no longer links to 3, and with its hash recomputed 5 no longer links to it.
    assert verify_chain(entries) == [
        f"Journal entry {n} does not follow entry {n - 1}: one of them has been changed and its "
        "hash recomputed, or replaced."
        for n in (4, 5)
    ]


# Undo and redo, read from the journal.


def undoable(seq: int, **fields: object) -> JournalEntry:
    return entry(seq, **fields)


def test_recorded_actions_can_be_undone_in_reverse_order() -> None:
    state = UndoState.from_entries([undoable(1), undoable(2), undoable(3)])
    assert (state.undo_stack, state.redo_stack) == ([1, 2, 3], [])


def test_an_undo_moves_the_entry_to_redo_and_a_redo_back() -> None:
    state = UndoState.from_entries([undoable(1), undoable(2), entry(3, undoes=2, changes={})])
    assert (state.undo_stack, state.redo_stack) == ([1], [2])
    state.push(entry(4, redoes=2, changes={}))
    assert (state.undo_stack, state.redo_stack) == ([1, 2], [])


def test_an_undo_of_an_entry_not_on_top_leaves_the_stack() -> None:
    state = UndoState.from_entries([undoable(1), undoable(2), entry(3, undoes=1, changes={})])
    assert (state.undo_stack, state.redo_stack) == ([1, 2], [1])
    state.push(entry(4, redoes=9, changes={}))
    assert (state.undo_stack, state.redo_stack) == ([1, 2, 9], [1])


def test_a_new_action_clears_redo() -> None:
    state = UndoState.from_entries([undoable(1), undoable(2), entry(3, undoes=2, changes={})])
    state.push(undoable(4))
    assert (state.undo_stack, state.redo_stack) == ([1, 4], [])


def test_entries_that_change_nothing_or_create_the_meeting_are_not_undone() -> None:
    assert {"import", "create"} == NOT_UNDOABLE
    state = UndoState.from_entries(
        [entry(1, kind="create"), entry(2, kind="import"), entry(3, changes={}), undoable(4)]
    )
    assert (state.undo_stack, state.redo_stack) == ([4], [])


@pytest.mark.parametrize("kind", sorted(UNDO_BARRIERS))
def test_a_sign_off_step_is_a_barrier_to_undo_and_redo(kind: str) -> None:
    state = UndoState.from_entries([undoable(1), undoable(2), entry(3, undoes=2, changes={})])
    state.push(entry(4, kind=kind))
    assert (state.undo_stack, state.redo_stack) == ([], [])
    state.push(undoable(5))
    assert state.undo_stack == [5]


def test_the_barriers_are_the_sign_off_steps() -> None:
    assert {
        "circulate",
        "approve",
        "record_confirmation",
        "sign",
        "attach_signed_copy",
        "carry_forward",
    } == UNDO_BARRIERS
