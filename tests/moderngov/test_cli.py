"""``clerk import-moderngov`` as a clerk runs it: a real process on a temporary database."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_clerk
from tests.moderngov.helpers import ALL, fixture


def test_dry_run_then_import_then_undo(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.sqlite3")
    run_clerk("--db", db, "demo", check=True)
    files = [str(p) for p in ALL]
    dry = run_clerk("--db", db, "import-moderngov", *files, "--dry-run", check=True)
    assert (
        "add      item 9: Children's Services Staffing Update (exempt, paragraph 1)" in dry.stdout
    )
    assert dry.stdout.rstrip().endswith("Dry run: nothing was written.")
    listed = run_clerk("--db", db, "list", check=True).stdout
    assert "2021-11-22" not in listed
    done = run_clerk("--db", db, "import-moderngov", *files, check=True)
    assert "cyp-scrutiny-board/2021-11-22  import ModernGov meeting 11052 (4 items)" in done.stdout
    again = run_clerk("--db", db, "import-moderngov", *files, check=True)
    assert "Nothing to import: Clerk already has all of it." in again.stdout
    undo = run_clerk("--db", db, "undo", "cyp-scrutiny-board/2021-09-20", check=True)
    assert undo.stdout.strip() == "Undo: import ModernGov meeting 11050 (9 items)"


def test_bad_input_is_one_line_and_a_non_zero_exit(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.sqlite3")
    run_clerk("--db", db, "demo", check=True)
    broken = tmp_path / "GetMeeting.xml"
    broken.write_text("<meeting><meetingid>1</meeting>", encoding="utf-8")
    for args, words in (
        ([str(broken)], "GetMeeting.xml is not well-formed XML (line 1"),
        ([str(tmp_path / "missing.xml")], "No file"),
        (["--url", "https://x.gov.uk"], "--url needs --committee ID"),
        ([], "Give ModernGov answer files"),
        ([str(fixture("GetCommittees.xml")), "--url", "https://x.gov.uk"], "not both"),
    ):
        result = run_clerk("--db", db, "import-moderngov", *args)
        assert result.returncode == 1, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], result.stderr
