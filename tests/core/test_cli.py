"""The ``clerk`` command as a user runs it: a real process on a temporary database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clerk import __version__
from tests.conftest import run_clerk


@pytest.fixture
def demo_db(tmp_path: Path) -> str:
    db = str(tmp_path / "demo.sqlite3")
    result = run_clerk("--db", db, "demo", check=True)
    assert "cyp-scrutiny-board/2021-08-18  (closed)" in result.stdout
    return db


def test_version() -> None:
    result = run_clerk("--version", check=True)
    assert result.stdout.strip() == f"Clerk {__version__}"


def test_list_json_names_committees_and_meetings(demo_db: str) -> None:
    body = json.loads(run_clerk("--db", demo_db, "list", "--json", check=True).stdout)
    (committee,) = body["committees"]
    assert committee["slug"] == "cyp-scrutiny-board"
    assert [(m["id"], m["date"], m["reference"]) for m in committee["meetings"]] == [
        (1, "2021-08-18", "cyp-scrutiny-board/2021-08-18"),
        (2, "2021-09-20", "cyp-scrutiny-board/2021-09-20"),
    ]


def test_export_import_round_trip_through_the_command(demo_db: str, tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    run_clerk(
        "--db", demo_db, "export", "cyp-scrutiny-board/2021-08-18", "-o", str(first), check=True
    )
    other = str(tmp_path / "other.sqlite3")
    imported = run_clerk("--db", other, "import", str(first), check=True)
    assert "Imported meeting 1 (cyp-scrutiny-board/2021-08-18)" in imported.stdout
    run_clerk("--db", other, "export", "1", "-o", str(second), check=True)
    assert first.read_bytes() == second.read_bytes()


def test_replay_prints_one_line_per_action_and_stops_at_a_refusal(
    demo_db: str, tmp_path: Path
) -> None:
    script = tmp_path / "s.jsonl"
    script.write_text(
        '{"action": "present", "person": "bye"}\n'
        '{"action": "start", "at": "09:30"}\n'
        '{"action": "resolve", "item": 5}\n'
    )
    result = run_clerk("--db", demo_db, "replay", "cyp-scrutiny-board/2021-09-20", str(script))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "ok 1: mark Councillor Bye present",
        "ok 2: start the meeting at 9.30 am",
    ]
    assert result.stderr.strip() == (
        "clerk: error: s.jsonl line 3: refused: The meeting is inquorate (1 present, 3 needed) "
        "and cannot pass a resolution: adjourn the meeting."
    )
    # Rerun: the two committed lines are not applied again.
    again = run_clerk("--db", demo_db, "replay", "2", str(script))
    assert "ok 1" not in again.stdout and again.returncode == 1


def test_undo_and_redo_commands(demo_db: str) -> None:
    undone = run_clerk("--db", demo_db, "undo", "1", check=True)
    assert undone.stdout.strip() == "Undo: update action 2 (complete)"
    redone = run_clerk("--db", demo_db, "redo", "1", check=True)
    assert redone.stdout.strip() == "Redo: update action 2 (complete)"
    nothing = run_clerk("--db", demo_db, "redo", "1")
    assert nothing.returncode == 1
    assert nothing.stderr.strip() == "clerk: error: There is nothing to redo."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "nope/2021-01-01"], "No committee 'nope' in this database."),
        (["export", "cyp-scrutiny-board/2021-02-30"], "'2021-02-30' is not a real date."),
        (["export", "99"], "No meeting 99 in this database"),
        (["import", "/nonexistent.json"], "No file /nonexistent.json."),
        (["replay", "1", "/nonexistent.jsonl"], "No script file /nonexistent.jsonl."),
    ],
)
def test_errors_are_one_clear_line(demo_db: str, args: list[str], message: str) -> None:
    result = run_clerk("--db", demo_db, *args)
    assert result.returncode == 1
    assert result.stderr.startswith(f"clerk: error: {message}")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_a_bad_import_file_is_named_with_its_json_path(demo_db: str, tmp_path: Path) -> None:
    exported = json.loads(run_clerk("--db", demo_db, "export", "1", check=True).stdout)
    exported["uk_local_government"]["declarations"] = [{"id": 1}]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(exported))
    result = run_clerk("--db", str(tmp_path / "fresh.sqlite3"), "import", str(bad))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "clerk: error: $.uk_local_government.declarations[0].person_id: is missing "
        "(in bad.json; nothing imported)"
    )
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{ this is not json")
    result = run_clerk("--db", str(tmp_path / "fresh.sqlite3"), "import", str(garbage))
    assert "is not valid JSON (line 1, column 3" in result.stderr


def test_replay_places_and_moves_minute_text_and_refuses_a_paragraph_that_does_not_exist(
    demo_db: str, tmp_path: Path
) -> None:
    script = tmp_path / "order.jsonl"
    lines = [
        *(
            {"action": "present", "person": p}
            for p in ("bye", "barnby", "mandy-darling", "douglas-dunbar")
        ),
        {"action": "start", "at": "09:30"},
        {"action": "open_item", "item": 6},
        {"action": "move", "item": 6, "mover": "barnby", "parts": [{"text": "to welcome it."}]},
        {"action": "vote", "motion": 1, "method": "show-of-hands", "result": "pass"},
        {"action": "add_paragraph", "item": 6, "text": "Written after the vote."},
        {
            "action": "add_paragraph",
            "item": 6,
            "text": "Debated before it.",
            "after": {"kind": "motion", "id": 1},
        },
        {"action": "move_paragraph", "paragraph": 1, "by": -1},
        {"action": "move_paragraph", "paragraph": 7, "by": 1},
    ]
    script.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    result = run_clerk("--db", demo_db, "replay", "2", str(script))
    assert result.stdout.splitlines()[-4:] == [
        "ok 8: vote on motion 1: carried",
        "ok 9: add a paragraph to item 6",
        "ok 10: add a paragraph to item 6 after motion 1",
        "ok 11: move a paragraph of item 6 up",
    ]
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "clerk: error: order.jsonl line 12: refused: No minute paragraph 7 in this meeting."
    )
    exported = json.loads(run_clerk("--db", demo_db, "export", "2", check=True).stdout)
    paragraphs = exported["uk_local_government"]["minute_paragraphs"]
    motion = exported["motions"][0]
    vote = exported["vote_events"][0]
    # Moved up past the vote: it now follows the motion, after the paragraph placed there.
    assert [(p["text"], p["after"]) for p in sorted(paragraphs, key=lambda p: p["position"])] == [
        ("Debated before it.", motion["order"]),
        ("Written after the vote.", motion["order"]),
    ]
    assert vote["order"] > motion["order"]
