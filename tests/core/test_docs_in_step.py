"""The generated parts of the documentation match the code."""

from __future__ import annotations

from pathlib import Path

from clerk.services.script_reference import reference

ROOT = Path(__file__).resolve().parents[2]


def test_the_script_format_lists_every_action_as_the_code_defines_it() -> None:
    text = (ROOT / "docs" / "script-format.md").read_text(encoding="utf-8")
    assert reference() in text, "regenerate: python -m clerk.services.script_reference"
