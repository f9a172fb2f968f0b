"""``clerk minutes`` and ``clerk tracker`` as a user runs them: real processes, real files."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from clerk.services import signoff
from clerk.services.demo import load_demo
from clerk.services.documents import generate_minutes
from clerk.services.recording import MeetingSession
from clerk.services.replay import replay
from clerk.storage.database import Database
from tests.conftest import run_clerk
from tests.documents.conftest import MINUTES, SEPTEMBER, SEPTEMBER_SCRIPT, TRACKER


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("cli")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLERK_HOME", str(folder / "home"))
        db = str(folder / "demo.sqlite3")
        run_clerk("--db", db, "demo", check=True)
        yield db


def test_minutes_writes_word_and_pdf_and_prints_their_paths(demo_db: str, tmp_path: Path) -> None:
    out = tmp_path / "minutes"
    result = run_clerk(
        "--db", demo_db, "minutes", "cyp-scrutiny-board/2021-08-18",
        "--format", "docx,pdf", "-o", str(out), check=True,
    )  # fmt: skip
    expected = [out / f"{MINUTES}.docx", out / f"{MINUTES}.pdf"]
    assert result.stdout.splitlines() == [str(p) for p in expected]
    assert sorted(out.iterdir()) == sorted(expected)  # no temporary files left behind
    umask = os.umask(0o022)
    os.umask(umask)
    for path in expected:  # readable as any file the user saves (not mkstemp's 0o600)
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    assert docx.Document(str(expected[0])).paragraphs[0].text.startswith("Minutes of the")
    assert len(PdfReader(BytesIO(expected[1].read_bytes())).pages) >= 2


def test_a_confidential_version_of_a_meeting_with_nothing_exempt_is_refused(
    demo_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run_clerk(
        "--db", demo_db, "minutes", "1", "--format", "pdf", "--confidential", "-o", str(out),
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "clerk: error: The meeting of 18 August 2021 had no exempt business, so its minutes "
        "have no confidential version: write the public minutes."
    )
    assert not out.exists()


def test_confidential_pdf_only(demo_db: str, tmp_path: Path) -> None:
    script = tmp_path / "september.jsonl"
    script.write_text("\n".join(json.dumps(line) for line in SEPTEMBER_SCRIPT))
    run_clerk("--db", demo_db, "replay", "2", str(script), check=True)
    result = run_clerk(
        "--db", demo_db, "minutes", "2", "--format", "pdf", "--confidential", "-o", str(tmp_path),
        check=True,
    )  # fmt: skip
    path = tmp_path / f"{SEPTEMBER}-confidential.pdf"
    assert result.stdout.splitlines() == [str(path)]
    first = PdfReader(path).pages[0].extract_text()
    assert "Confidential: not for publication · Draft: subject to confirmation" in first


def test_tracker_writes_both_formats_and_the_open_only_version(
    demo_db: str, tmp_path: Path
) -> None:
    everything = run_clerk("--db", demo_db, "tracker", "cyp-scrutiny-board", "-o", str(tmp_path))
    assert everything.stdout.splitlines() == [
        str(tmp_path / f"{TRACKER}.docx"),
        str(tmp_path / f"{TRACKER}.pdf"),
    ]
    open_only = run_clerk(
        "--db", demo_db, "tracker", "cyp-scrutiny-board", "--open", "--format", "pdf",
        "-o", str(tmp_path), check=True,
    )  # fmt: skip
    path = tmp_path / f"{TRACKER}-open.pdf"
    assert open_only.stdout.splitlines() == [str(path)]
    text = PdfReader(path).pages[0].extract_text()
    assert "Added to work programme." in text
    assert "Complete – emailed 20/8/21" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["minutes", "1", "--format", "odt"], "'odt' is not a format Clerk writes"),
        (["minutes", "99"], "No meeting 99"),
        (["tracker", "no-such-board"], "No committee 'no-such-board'"),
    ],
)
def test_mistakes_are_one_line_and_write_nothing(
    demo_db: str, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "out"
    result = run_clerk("--db", demo_db, *args, "-o", str(out))
    assert result.returncode == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_an_output_that_is_a_file_is_refused(demo_db: str, tmp_path: Path) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("not a folder")
    result = run_clerk("--db", demo_db, "minutes", "1", "-o", str(blocker))
    assert result.returncode == 1
    assert "it is a file, not a folder" in result.stderr
    assert blocker.read_text() == "not a folder"


def test_confirmed_minutes_are_no_longer_a_draft(sqlite_database: Database, tmp_path: Path) -> None:
    load_demo(sqlite_database)
    [draft] = generate_minutes(sqlite_database, 1, ["pdf"], False, tmp_path / "before")
    assert "Draft: subject to confirmation" in PdfReader(draft).pages[0].extract_text()
    signoff.circulate(sqlite_database, 1)  # minutes in Clerk are confirmed once approved
    signoff.approve(sqlite_database, 1)
    session = MeetingSession(sqlite_database, 2)
    script = "\n".join(
        json.dumps(line)
        for line in (
            {"action": "present", "person": "bye"},
            {"action": "present", "person": "barnby"},
            {"action": "present", "person": "mills"},
            {"action": "start", "at": "09:30"},
            {"action": "open_item", "item": 2},
            {"action": "confirm_minutes", "item": 2, "meeting_date": "2021-08-18"},
        )
    )
    replay(session, script)
    [confirmed] = generate_minutes(sqlite_database, 1, ["pdf"], False, tmp_path / "after")
    assert "Draft: subject to confirmation" not in PdfReader(confirmed).pages[0].extract_text()
