"""The table of commands: no two window-wide commands share a key, and each menu's Alt letters
are its own (a clash makes one of them unreachable from the keyboard)."""

from __future__ import annotations

from collections import Counter

from clerk.ui.shortcuts import COMMANDS


def test_no_two_window_wide_commands_share_a_key() -> None:
    keys = Counter(key for c in COMMANDS if not c.where for key in c.keys)
    assert not [key for key, n in keys.items() if n > 1]


def test_each_menu_has_its_own_alt_letters() -> None:
    for group in {c.group for c in COMMANDS}:
        letters = [
            c.text[c.text.index("&") + 1].lower()
            for c in COMMANDS
            if c.group == group and not c.where and "&" in c.text
        ]
        clashes = {letter for letter in letters if letters.count(letter) > 1}
        assert not clashes, (group, clashes)


def test_the_registry_says_who_handles_each_command_and_what_records() -> None:
    from clerk.ui.shortcuts import ATTENDANCE, ITEM, MEETING, RECORDING, WINDOW

    assert {c.scope for c in COMMANDS} == {WINDOW, MEETING, ATTENDANCE, ITEM}
    # Only the meeting's own commands record; the window's (files, undo, help) never do.
    assert not [c.id for c in COMMANDS if c.records and c.scope == WINDOW]
    assert {"vote", "present", "next_item", "edit_agenda"} <= set(RECORDING)
    # What records on the item under way is item business, and records.
    assert all(c.scope == ITEM and c.records for c in COMMANDS if c.under_way)
    assert {"move_motion", "vote", "resolve"} <= {c.id for c in COMMANDS if c.under_way}


def test_help_says_which_commands_record_on_the_item_under_way() -> None:
    from clerk.ui.help import shortcuts_html

    html = shortcuts_html()
    assert "<b>Ctrl+Shift+M</b></td><td>Move a motion (on the item under way)</td>" in html
    assert "<b>Ctrl+Shift+P</b></td><td>Write minute text</td>" in html  # the item shown
