"""The frozen programs' entry point: opening a .clerkmeeting file imports it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_clerk
from tests.installers.helpers import load

entry = load("clerk_entry.py")


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (
            ["C:\\Users\\clerk\\Downloads\\board.clerkmeeting"],
            ["import", "C:\\Users\\clerk\\Downloads\\board.clerkmeeting"],
        ),
        (
            ["/home/clerk/Board 18 Aug.CLERKMEETING"],
            ["import", "/home/clerk/Board 18 Aug.CLERKMEETING"],
        ),
        ([], None),
        (["--demo"], None),
        (["export", "1", "-o", "x.clerkmeeting"], None),
        (["board.json"], None),
    ],
)
def test_document_command(argv: list[str], command: list[str] | None) -> None:
    assert entry.document_command(argv) == command


def test_clerk_import_accepts_a_clerkmeeting_file(tmp_path: Path) -> None:
    """The extension the installers associate with Clerk is one `clerk import` takes."""
    source = tmp_path / "source.sqlite3"
    record = tmp_path / f"board{entry.RECORD_SUFFIX}"
    run_clerk("--db", str(source), "demo", check=True)
    run_clerk("--db", str(source), "export", "1", "-o", str(record), check=True)
    assert json.loads(record.read_text(encoding="utf-8"))["format"] == "clerk-meeting-record"
    result = run_clerk("--db", str(tmp_path / "target.sqlite3"), "import", str(record), check=True)
    assert result.stdout.startswith("Imported meeting 1 (cyp-scrutiny-board/2021-08-18)")
