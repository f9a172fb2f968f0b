"""Bad input and a hostile environment, through the real ``clerk`` command: each failure is one
sentence on stderr and a non-zero exit, and nothing already recorded is changed.

A malformed journal row; a database on a read-only disk, an immutable file, a full disk; a
byte-order mark (accepted) and a lone surrogate (refused) in JSON and scripts, line separators
in script text (accepted); a 600-word title; a carried action on an item not yet minuted; a
meeting id too large; a closed pipe; ``-o`` over the database, a read-only file, a symbolic
link or a named pipe, and a long file name; values that cannot be right in an import and in
sign-off dates.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_clerk
from tests.signoff.helpers import OPEN_SEPTEMBER


def one_sentence(result: subprocess.CompletedProcess[str], *, code: int = 1) -> str:
    """The single line a refusal writes on stderr (its notes aside)."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if not line.startswith("clerk: note:")]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("clerk: error: "), lines[0]
    return lines[0].removeprefix("clerk: error: ")


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    db = tmp_path / "clerk.sqlite3"
    run_clerk("--db", str(db), "demo", check=True)
    return db


def clerk(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_clerk("--db", str(db), *args)


def intact(db: Path) -> None:
    """Nothing recorded was changed: every journal and the register still check."""
    assert clerk(db, "check").returncode == 0


# -- the journal --------------------------------------------------------------------------------


def test_a_malformed_journal_row_is_named_by_audit_and_check(demo: Path) -> None:
    with sqlite3.connect(demo) as raw:
        raw.execute("UPDATE journal SET recorded_at = 'garbage' WHERE meeting_id = 1 AND seq = 22")
    message = one_sentence(clerk(demo, "audit", "1"))
    assert message == (
        "Journal entry 22 of meeting 1 cannot be read (Invalid isoformat string: 'garbage'): "
        "the journal has been damaged or changed behind Clerk's back; run 'clerk check'."
    )
    checked = clerk(demo, "check")
    assert checked.returncode == 1
    assert checked.stdout.splitlines()[0] == (
        "Meeting 1 (cyp-scrutiny-board/2021-08-18): " + message
    )
    with sqlite3.connect(demo) as raw:
        raw.execute(
            "UPDATE journal SET recorded_at = '2021-08-18 10:00:00', changes = '[1]' "
            "WHERE meeting_id = 1 AND seq = 22"
        )
    assert one_sentence(clerk(demo, "audit", "1")).startswith(
        "Journal entry 22 of meeting 1 cannot be read (a JSON object was expected, not list)"
    )


# -- the disk -------------------------------------------------------------------------------------


@contextlib.contextmanager
def mounted(*args: str) -> Iterator[None]:
    target = args[-1]
    done = subprocess.run(["mount", *args], capture_output=True)
    if done.returncode != 0:
        pytest.skip("needs to mount a file system (root, in a container that allows it)")
    try:
        yield
    finally:
        subprocess.run(["umount", target], capture_output=True)


def test_a_database_on_a_read_only_disk_is_read_and_writers_are_refused(
    demo: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    with mounted("--bind", str(demo.parent), str(folder)):
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        db = folder / demo.name
        listed = clerk(db, "list")
        assert listed.returncode == 0 and "cyp-scrutiny-board/2021-08-18" in listed.stdout
        assert f"clerk: note: {db} is on a read-only disk: this Clerk opened it read-only" in (
            listed.stderr
        )
        assert clerk(db, "audit", "1").returncode == 0
        assert one_sentence(clerk(db, "circulate", "1")) == (
            f"Nothing was saved: {db} is on a read-only disk, so this Clerk may only read it. "
            "Copy it where Clerk can write, or make it writable, and try again."
        )
    intact(demo)


def test_an_immutable_database_file_is_read_and_writers_are_refused(demo: Path) -> None:
    if subprocess.run(["chattr", "+i", str(demo)], capture_output=True).returncode != 0:
        pytest.skip("needs chattr +i (root, on a file system with the attribute)")
    try:
        assert clerk(demo, "status", "1").returncode == 0
        message = one_sentence(clerk(demo, "circulate", "1"))
        assert message.startswith(f"Nothing was saved: {demo} cannot be written (the file is ")
    finally:
        subprocess.run(["chattr", "-i", str(demo)], check=True)
    intact(demo)


def test_a_full_disk_refuses_a_write_in_one_sentence_and_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "small"
    folder.mkdir()
    with mounted("-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)):
        db = folder / "clerk.sqlite3"
        assert clerk(db, "demo").returncode == 0
        filler = folder / "filler"
        with open(filler, "wb") as handle, contextlib.suppress(OSError):
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        os.truncate(filler, filler.stat().st_size - 96 * 1024)  # room to open, not to record
        script = tmp_path / "minutes.jsonl"
        text = "The Board discussed the report at length. " * 50
        line = json.dumps({"action": "add_paragraph", "item": 5, "text": text})
        script.write_text((line + "\n") * 200, encoding="utf-8")
        message = one_sentence(clerk(db, "replay", "2", str(script)))
        assert message.startswith("minutes.jsonl line ")
        assert message.endswith(
            f"Nothing was saved: the disk holding {db} is full. Free some space first."
        )
        # A file written to a full disk: the export (25 kB) to a disk with 8 kB.
        out = tmp_path / "out"
        out.mkdir()
        with mounted("-t", "tmpfs", "-o", "size=8k", "tmpfs", str(out)):
            exported = clerk(db, "export", "1", "-o", str(out / "august.json"))
            assert one_sentence(exported).endswith("the disk is full. Nothing was written.")
            assert list(out.iterdir()) == []
        filler.unlink()
        assert clerk(db, "check").returncode == 0
        assert clerk(db, "replay", "2", str(script)).returncode == 0  # carries on, once room


# -- text -----------------------------------------------------------------------------------------


def test_json_with_a_byte_order_mark_imports_and_a_lone_surrogate_is_refused(
    demo: Path, tmp_path: Path
) -> None:
    record = json.loads(clerk(demo, "export", "1").stdout)
    with_bom = tmp_path / "bom.json"
    with_bom.write_text(json.dumps(record), encoding="utf-8-sig")
    fresh = tmp_path / "fresh.sqlite3"
    assert clerk(fresh, "import", str(with_bom)).returncode == 0
    record["event"]["venue"] = "Town Hall \ud800"
    surrogate = tmp_path / "surrogate.json"
    surrogate.write_text(json.dumps(record), encoding="utf-8")  # escaped: valid JSON text
    other = tmp_path / "other.sqlite3"
    assert one_sentence(clerk(other, "import", str(surrogate))) == (
        "$.event.venue: holds a lone surrogate (an escape like \\ud800 that is not a "
        "character) (in surrogate.json; nothing imported)"
    )


def test_a_script_with_a_bom_and_line_separators_replays_and_a_surrogate_is_refused(
    demo: Path, tmp_path: Path
) -> None:
    script = tmp_path / "agenda.jsonl"
    title = "Children\u2028and\u2029Families"
    line = json.dumps({"action": "add_item", "number": "9", "title": title}, ensure_ascii=False)
    script.write_text(line + "\r\n", encoding="utf-8-sig")
    replayed = clerk(demo, "replay", "2", str(script))
    assert replayed.returncode == 0, replayed.stderr
    agenda = json.loads(clerk(demo, "export", "2").stdout)["agenda"]
    assert [item["title"] for item in agenda if item["number"] == "9"] == [title]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"action": "add_item", "number": "10", "title": "A \\udc00"}\n')
    assert one_sentence(clerk(demo, "replay", "2", str(bad))) == (
        "bad.jsonl line 1: $.title: holds a lone surrogate (an escape like \\ud800 that is not "
        "a character)"
    )
    intact(demo)


def test_a_600_word_title_is_refused(demo: Path, tmp_path: Path) -> None:
    title = " ".join(["Substantial"] * 600)
    script = tmp_path / "long.jsonl"
    script.write_text(json.dumps({"action": "add_item", "number": "9", "title": title}) + "\n")
    assert one_sentence(clerk(demo, "replay", "2", str(script))) == (
        "long.jsonl line 1: refused: The agenda item's title is 7,199 characters long, and a "
        "title is at most 500: put the rest in the item's purpose."
    )
    intact(demo)


# -- meetings -------------------------------------------------------------------------------------


def test_a_carried_action_on_an_item_not_yet_minuted_is_in_the_tracker(
    demo: Path, tmp_path: Path
) -> None:
    script = tmp_path / "september.jsonl"
    script.write_text(OPEN_SEPTEMBER, encoding="utf-8")
    for args in (("circulate", "1"), ("approve", "1"), ("replay", "2", str(script))):
        assert clerk(demo, *args).returncode == 0
    assert clerk(demo, "confirm", "1", "--at", "2").returncode == 0  # onto item 8, not minuted
    out = tmp_path / "out"
    made = clerk(demo, "tracker", "cyp-scrutiny-board", "--format", "docx", "-o", str(out))
    assert made.returncode == 0, made.stderr
    from tests.documents.readback import docx_text

    text = docx_text((out / "cyp-scrutiny-board-action-tracker.docx").read_bytes())
    assert "18/8/21 17 1. the Board to receive six monthly updates" in " ".join(text.split())


def test_a_meeting_id_too_large_is_no_meeting(demo: Path) -> None:
    for reference in ("99999999999999999999999999", "2147483648"):
        message = one_sentence(clerk(demo, "status", reference))
        assert message.startswith("No meeting ") and message.endswith(
            " in this database (see 'clerk list')."
        )


def test_a_closed_pipe_stops_the_output_in_one_sentence(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    command = [sys.executable, "-m", "clerk", "--db", str(tmp_path / "c.sqlite3"), "demo"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # as `clerk demo | head -0` would
    stderr = process.stderr.read().decode()
    assert process.wait() == 141
    assert stderr == (
        "clerk: output stopped: the program reading it closed the pipe (what was done is saved).\n"
    )
    assert run_clerk("--db", str(tmp_path / "c.sqlite3"), "check").returncode == 0


# -- -o -------------------------------------------------------------------------------------------


def test_o_never_writes_over_the_database_a_read_only_file_a_link_or_a_pipe(
    demo: Path, tmp_path: Path
) -> None:
    before = demo.read_bytes()
    assert one_sentence(clerk(demo, "export", "1", "-o", str(demo))) == (
        f"Cannot write {demo}: it is the database Clerk has open (or one of its working "
        "files). Nothing was written."
    )
    assert demo.read_bytes() == before
    kept = tmp_path / "kept.json"
    kept.write_text("mine")
    kept.chmod(0o444)
    assert one_sentence(clerk(demo, "export", "1", "-o", str(kept))) == (
        f"Cannot write {kept}: the file is read-only, so Clerk will not replace it. Nothing "
        "was written."
    )
    assert kept.read_text() == "mine"
    link = tmp_path / "link.json"
    link.symlink_to(kept.name)
    assert one_sentence(clerk(demo, "export", "1", "-o", str(link))) == (
        f"Cannot write {link}: it is a symbolic link, and Clerk does not write through links; "
        "give the path of the file itself. Nothing was written."
    )
    assert link.is_symlink()
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert one_sentence(clerk(demo, "export", "1", "-o", str(fifo))) == (
        f"Cannot write {fifo}: it is a named pipe, and Clerk writes only ordinary files. "
        "Nothing was written."
    )
    assert one_sentence(clerk(demo, "print", "1", "-o", str(fifo))).startswith("You cannot")
    intact(demo)


def test_o_takes_a_file_name_as_long_as_the_file_system_allows(demo: Path, tmp_path: Path) -> None:
    limit = os.pathconf(tmp_path, "PC_NAME_MAX")
    longest = tmp_path / ("a" * (limit - 5) + ".json")
    assert clerk(demo, "export", "1", "-o", str(longest)).returncode == 0
    assert json.loads(longest.read_text())["event"]["date"] == "2021-08-18"
    too_long = tmp_path / ("b" * limit + ".json")
    assert one_sentence(clerk(demo, "export", "1", "-o", str(too_long))).endswith(
        f"the name is longer than the file system allows ({limit + 5} bytes). Nothing was written."
    )


# -- values ---------------------------------------------------------------------------------------


def refused_import(demo: Path, tmp_path: Path, change: str, edit: object) -> str:
    record = json.loads(clerk(demo, "export", "1").stdout)
    assert callable(edit)
    edit(record)
    path = tmp_path / f"{change}.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    return one_sentence(clerk(tmp_path / f"{change}.sqlite3", "import", str(path)))


def test_import_refuses_values_that_cannot_be_right(demo: Path, tmp_path: Path) -> None:
    def negative(r: dict) -> None:
        r["vote_events"][0]["no"] = -1

    def too_many(r: dict) -> None:
        r["vote_events"][0]["yes"] = 40

    def late_start(r: dict) -> None:
        r["event"]["ended_at"] = "09:00"

    def future(r: dict) -> None:
        r["uk_local_government"]["signoff"] = [
            {"id": 1, "step": "circulated", "on": "2099-01-01", "person_id": "bye"}
        ]

    def early(r: dict) -> None:
        r["uk_local_government"]["signoff"] = [
            {"id": 1, "step": "circulated", "on": "2021-08-01", "person_id": "bye"}
        ]

    def week_date(r: dict) -> None:
        r["event"]["date"] = "2021-W33-3"

    def zoned(r: dict) -> None:
        r["event"]["started_at"] = "09:30+01:00"

    cases = {
        "negative": (negative, "$.vote_events[0].no: cannot be negative (-1)"),
        "too-many": (too_many, "$.vote_events[0].yes: 40 for + 0 against + 0 abstaining = 40, "),
        "late": (late_start, "$.event.ended_at: 09:00 is before the meeting started (09:30)"),
        "future": (future, "$.uk_local_government.signoff[0].on: 2099-01-01 is in the future"),
        "early": (early, "$.uk_local_government.signoff[0].on: 2021-08-01 is before the meeting"),
        "week": (week_date, "$.event.date: must be a date (YYYY-MM-DD), not '2021-W33-3'"),
        "zoned": (zoned, "$.event.started_at: must be a time (HH:MM, local, with no time zone)"),
    }
    for change, (edit, expected) in cases.items():
        message = refused_import(demo, tmp_path, change, edit)
        assert message.startswith(expected), (change, message)
        assert message.endswith(f"(in {change}.json; nothing imported)"), message


def test_sign_off_dates_are_checked_for_sense(demo: Path) -> None:
    assert one_sentence(clerk(demo, "circulate", "1", "--on", "2021-08-10")) == (
        "The minutes of 18 August 2021 cannot have been circulated on 10 August 2021: that is "
        "before the meeting."
    )
    assert one_sentence(clerk(demo, "circulate", "1", "--on", "2099-08-10")) == (
        "The minutes of 18 August 2021 cannot have been circulated on 10 August 2099: that is "
        "in the future."
    )
    assert one_sentence(clerk(demo, "circulate", "1", "--on", "20210819")) == (
        "--on '20210819' is not a date (YYYY-MM-DD)."
    )
    assert clerk(demo, "circulate", "1", "--on", "2021-08-20").returncode == 0
    assert one_sentence(clerk(demo, "approve", "1", "--on", "2021-08-19")) == (
        "The minutes of 18 August 2021 cannot have been approved on 19 August 2021: that is "
        "before they were circulated (20 August 2021)."
    )
    intact(demo)


def test_a_meeting_cannot_end_before_it_started_unless_past_midnight(
    demo: Path, tmp_path: Path
) -> None:
    script = tmp_path / "september.jsonl"
    script.write_text(OPEN_SEPTEMBER + '{"action": "close", "at": "09:00"}\n', encoding="utf-8")
    assert one_sentence(clerk(demo, "replay", "2", str(script))) == (
        "september.jsonl line 8: refused: The meeting cannot have ended at 9.00 am: it started "
        "at 9.30 am."
    )
    late = tmp_path / "late.jsonl"
    late.write_text(
        '{"action": "present", "person": "bye"}\n{"action": "present", "person": "barnby"}\n'
        '{"action": "present", "person": "mills"}\n{"action": "start", "at": "18:00"}\n'
        '{"action": "close", "at": "00:30"}\n',
        encoding="utf-8",
    )
    fresh = tmp_path / "fresh.sqlite3"
    run_clerk("--db", str(fresh), "demo", check=True)
    assert clerk(fresh, "replay", "2", str(late)).returncode == 0  # a budget meeting, say
    exported = clerk(fresh, "export", "2").stdout
    again = tmp_path / "again.json"
    record = json.loads(exported)
    record["event"]["date"] = "2021-09-27"
    again.write_text(json.dumps(record), encoding="utf-8")
    assert clerk(fresh, "import", str(again)).returncode == 0
