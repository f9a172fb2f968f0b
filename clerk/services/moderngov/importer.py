"""Import from ModernGov: read the answers (files, or fetched from a base URL), plan, write.

Everything is written in one transaction or not at all: people and committees first (set-up
data, as the Set up screens write them), then for each meeting one recorded action
(``import_moderngov``) in its journal, undoable like any other. A new meeting is created
first (its journal's first entry), so undo leaves it on the calendar with an empty agenda.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from pathlib import Path

from sqlalchemy import Connection

from clerk.domain.actions import Action
from clerk.domain.actions.base import Context
from clerk.domain.entities import Meeting
from clerk.domain.errors import ClerkError
from clerk.domain.record import MeetingRecord
from clerk.services.moderngov.answers import Answer
from clerk.services.moderngov.plan import Options, Plan, make_plan
from clerk.services.moderngov.reader import ModernGovError, read_answer
from clerk.services.recording import (
    MeetingSession,
    apply_together,
    create_then_apply,
    current_user,
    local_now,
)
from clerk.storage import repository as repo
from clerk.storage.database import Database


@dataclass(frozen=True)
class Imported:
    meeting_id: int
    reference: str
    label: str


def read_files(paths: list[Path]) -> list[tuple[str, Answer]]:
    """Each file read as a ModernGov answer; the first bad one stops everything."""
    answers = []
    for path in paths:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise ModernGovError(f"No file {path}; nothing imported.") from None
        except OSError as error:
            raise ModernGovError(
                f"Cannot read {path}: {error.strerror}; nothing imported."
            ) from None
        answers.append((path.name, read_answer(data, path.name)))
    return answers


def preview(
    database: Database, answers: list[tuple[str, Answer]], options: Options | None = None
) -> Plan:
    return make_plan(database, answers, options or Options())


def apply_plan(database: Database, plan: Plan, who: str | None = None) -> list[Imported]:
    """Write what ``plan`` says, all in one transaction; returns the meetings written."""
    who = who or current_user()
    now = local_now()
    existing = [m for m in plan.writes if m.meeting_id is not None]
    sessions = [MeetingSession(database, m.meeting_id, who=who) for m in existing if m.meeting_id]
    steps: list[tuple[MeetingSession, Action]] = []
    for session, meeting in zip(sessions, existing, strict=True):
        assert meeting.action is not None
        steps.append((session, meeting.action))
    created: list[Imported] = []

    def write_the_rest(conn: Connection) -> None:
        for person in plan.persons.values():
            repo.save_person(conn, person)
        for committee in plan.committees.values():
            repo.save_committee(conn, committee)
        council = repo.load_council(conn)
        if council is None and any(m.meeting_id is None for m in plan.writes):
            raise ClerkError("Set up the council profile before importing meetings.")
        for meeting in plan.writes:
            if meeting.meeting_id is not None or meeting.action is None:
                continue
            assert council is not None
            committee = repo.load_committee(conn, meeting.committee)
            record = MeetingRecord(council, committee, {}, Meeting(meeting.committee, meeting.day))
            ctx = Context(now=time(now.hour, now.minute), today=now.date())
            label = f"create the meeting of {meeting.day.isoformat()} from ModernGov"
            meeting_id = create_then_apply(conn, record, meeting.action, ctx, who, label)
            entry = repo.load_journal(conn, meeting_id)[-1]
            created.append(Imported(meeting_id, meeting.reference, entry.label))

    if steps:
        acks = apply_together(steps, also=write_the_rest)
    else:
        with database.transaction() as conn:
            write_the_rest(conn)
        acks = []
    done = [
        Imported(session.meeting_id, session.record.reference, ack.label)
        for session, ack in zip(sessions, acks, strict=True)
    ]
    return done + created


def import_answers(
    database: Database,
    answers: list[tuple[str, Answer]],
    options: Options | None = None,
    who: str | None = None,
) -> tuple[Plan, list[Imported]]:
    plan = preview(database, answers, options)
    return plan, apply_plan(database, plan, who)


__all__ = ["Imported", "Options", "apply_plan", "import_answers", "preview", "read_files"]
