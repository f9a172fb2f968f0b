"""Sign-off from the command line, as a new user tries it on the demo."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_clerk
from tests.signoff.helpers import OPEN_SEPTEMBER


def clerk(db: str, *args: str) -> str:
    return run_clerk("--db", db, *args, check=True).stdout


def test_the_demo_goes_from_draft_to_signed_in_wet_ink(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.sqlite3")
    clerk(db, "demo")
    out = clerk(db, "status", "cyp-scrutiny-board/2021-08-18")
    assert "Stage: draft" in out
    assert "Next: Circulate the draft minutes to the Chairman (Councillor Bye).\n" in out

    refused = run_clerk("--db", db, "sign", "1")
    assert refused.returncode == 1
    assert refused.stderr == (
        "clerk: error: You cannot sign the minutes of 18 August 2021 yet: they have not been "
        "approved by the Chairman (they are still a draft).\n"
    )

    out = clerk(db, "circulate", "1", "--on", "2021-08-19")
    assert out.startswith("Recorded: circulate the minutes of 18 August 2021 to Councillor Bye.")
    out = clerk(db, "approve", "1", "--on", "2021-08-23")
    assert "Stage: approved\n" in out
    assert "  clerk confirm 1 --at 2\n" in out

    script = tmp_path / "september.jsonl"
    script.write_text(OPEN_SEPTEMBER, encoding="utf-8")
    clerk(db, "replay", "2", str(script))
    out = clerk(db, "confirm", "1", "--at", "2")
    assert out.startswith("Recorded: confirm the minutes of 18 August 2021.")
    assert "Stage: confirmed\n" in out

    scan = tmp_path / "signed-scan.pdf"
    scan.write_bytes(b"%PDF-1.4 the scanned pages, signed")
    out = clerk(db, "sign", "1", "--on", "2021-09-20", "--scan", str(scan))
    assert out.startswith("Recorded: record the minutes of 18 August 2021 signed in ink by ")
    body = json.loads(clerk(db, "status", "1", "--json"))
    assert body["stage"] == "signed"
    assert body["locked"] is True
    assert [s["step"] for s in body["steps"]] == [
        "circulated",
        "approved",
        "confirmed",
        "signed",
        "signed-copy-attached",
    ]
    assert body["next"] is None
    assert body["problems"] == []

    listed = clerk(db, "signed-copy", "1")
    assert "signed-scan.pdf" in listed
    saved = tmp_path / "copy.pdf"
    clerk(db, "signed-copy", "1", "-o", str(saved))
    assert saved.read_bytes() == scan.read_bytes()

    # September's tracker now carries the open action; August is locked.
    exported = json.loads(clerk(db, "export", "2"))
    (carried,) = exported["uk_local_government"]["actions"]
    assert carried["carried_from"] == "cyp-scrutiny-board/2021-08-18#minute-17/action-1"
    locked = run_clerk("--db", db, "undo", "1")
    assert locked.returncode == 1
    assert "are locked: nothing can be undone or redone" in locked.stderr
    assert clerk(db, "audit", "1", "--summary").splitlines()[-1] == "Result: no sign of tampering."


def test_confirming_at_the_wrong_meeting_from_the_command_line(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.sqlite3")
    clerk(db, "demo")
    clerk(db, "circulate", "1")
    clerk(db, "approve", "1")
    refused = run_clerk("--db", db, "confirm", "1", "--at", "1")
    assert refused.returncode == 1
    assert "cannot confirm its own minutes" in refused.stderr
    not_started = run_clerk("--db", db, "confirm", "1", "--at", "2")
    assert not_started.returncode == 1
    assert "Start the meeting before you confirm the minutes." in not_started.stderr


def test_signing_mode_shows_and_sets_the_council_profile(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.sqlite3")
    clerk(db, "demo")
    assert clerk(db, "signing-mode") == "Torbay Council signs minutes: wet-ink\n"
    assert clerk(db, "signing-mode", "digital") == "Torbay Council signs minutes: digital\n"
