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
