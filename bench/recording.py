"""Recording latency: one committed live action through ``MeetingSession.apply``, against a
bare ``sqlite3`` INSERT + COMMIT with the same pragmas on the same disk.

Both run in this process, one bare insert right before each action, so a neighbour busy
with the disk slows both alike.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from bench.harness import Outcome, Row, percentile
from clerk.domain.actions import Action
from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Present
from clerk.domain.actions.motions import Move, Vote
from clerk.domain.actions.proceedings import AddParagraph, OpenItem, StartMeeting
from clerk.domain.entities import Part
from clerk.domain.enums import VoteMethod
from clerk.domain.rules.eligibility import eligible_voters
from clerk.services import setup
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database, open_database
from clerk.storage.engine import _sqlite_pragmas
from clerk_support.synthetic import ArchiveSize, generate_archive

#: The Board the live meeting is of (the synthetic council's sixth committee, like the seed's).
COMMITTEE = 5
PARAGRAPH = (
    "Members asked questions in relation to the proposals, including the resources available, "
    "the timescales for delivery and how the views of children, young people and their "
    "families had been taken into account. In response, the Director of Children's Services "
    "advised that the proposals had been developed with partners and would be reviewed after "
    "twelve months, with a further report to the Board."
)


def _bare(path: Path) -> sqlite3.Connection:
    """A bare connection with exactly the pragmas Clerk sets on every connection."""
    conn = sqlite3.connect(path, isolation_level=None)
    _sqlite_pragmas(conn, None)
    conn.execute("CREATE TABLE IF NOT EXISTS bench (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
    return conn


def _bare_insert(conn: sqlite3.Connection) -> float:
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.execute("INSERT INTO bench (text) VALUES (?)", (PARAGRAPH,))
    conn.execute("COMMIT")
    return time.perf_counter() - started


#: Each meeting: 20 business items, three cycles on each (so 60 motions and 60 paragraphs by
#: its end, the size of a long meeting); then the next meeting.
ITEMS = 20
CYCLES_PER_ITEM = 3


def _live_meeting(database: Database, day: date) -> MeetingSession:
    """A Board meeting under way: its agenda, the members present, started."""
    slug = setup.slugify("Children and Young People's Overview and Scrutiny Board")
    meeting_id = setup.create_meeting(database, slug, day, who="bench")
    session = MeetingSession(database, meeting_id, who="bench")
    for number in range(5, 5 + ITEMS):
        session.apply(
            AddItem(
                str(number),
                f"Report {number}",
                recommendations=(Part("to note the report;"), Part("to agree the proposals.")),
            )
        )
    for membership in session.record.memberships_on_day():
        session.apply(Present(membership.person_id))
    session.apply(StartMeeting())
    return session


def _councillors(session: MeetingSession) -> list[str]:
    return [m.person_id for m in session.record.memberships_on_day() if m.role.is_councillor_seat]


def run(workdir: Path, cycles: int) -> Outcome:
    """``cycles`` x (mark present, move, vote, paragraph), each after a bare insert, through
    a series of Board meetings."""
    workdir.mkdir(parents=True, exist_ok=True)
    for stale in workdir.glob("recording*.sqlite3*"):
        stale.unlink()
    database = open_database(str(workdir / "recording.sqlite3"))
    generate_archive(database, ArchiveSize(committees=COMMITTEE + 1, years=1, meetings_per_year=1))
    bare = _bare(workdir / "recording-bare.sqlite3")
    kinds: dict[str, list[float]] = {"mark present": [], "record a vote": [], "add a paragraph": []}
    moves: list[float] = []
    baseline: list[float] = []
    sessions: list[MeetingSession] = []

    def time_action(action: Action) -> float:
        # A bare insert right before each action: both see the disk in the same state.
        baseline.append(_bare_insert(bare))
        started = time.perf_counter()
        sessions[-1].apply(action)
        return time.perf_counter() - started

    def cycle(k: int) -> None:
        per_meeting = ITEMS * CYCLES_PER_ITEM
        if k % per_meeting == 0:  # the next meeting, a week later
            sessions.append(
                _live_meeting(database, date(2006, 1, 9) + timedelta(weeks=k // per_meeting))
            )
        session = sessions[-1]
        members = _councillors(session)
        item = session.record.agenda()[4 + (k % per_meeting) // CYCLES_PER_ITEM]
        if session.record.meeting.current_item_id != item.id:
            session.apply(OpenItem(item=item.id))
        kinds["mark present"].append(time_action(Present(members[k % len(members)])))
        mover, seconder = members[k % len(members)], members[(k + 1) % len(members)]
        moves.append(time_action(Move(item.id, mover, item.recommendations, "", seconder)))
        voters = len(eligible_voters(session.record, item))
        motion = max(session.record.motions)
        vote = Vote(motion, VoteMethod.SHOW_OF_HANDS, yes=voters)
        kinds["record a vote"].append(time_action(vote))
        kinds["add a paragraph"].append(time_action(AddParagraph(item.id, PARAGRAPH)))

    # Warm up both paths (statement caches, the WAL files), then measure.
    for k in range(3):
        cycle(k)
    for value in (*kinds.values(), moves, baseline):
        value.clear()
    for k in range(3, cycles + 3):
        cycle(k)
    bare.close()
    database.dispose()

    ms = 1000.0
    actions = [t * ms for values in kinds.values() for t in values]
    base_ms = [t * ms for t in baseline]
    outcome = Outcome()
    outcome.rows.append(Row("recording: bare sqlite3 INSERT + COMMIT", "ms", base_ms))
    for label, values in kinds.items():
        outcome.rows.append(Row(f"recording: {label}", "ms", [t * ms for t in values], base_ms))
    outcome.rows.append(
        Row("recording: move a motion (not in the ratio)", "ms", [t * ms for t in moves], base_ms)
    )
    overall = Row("recording: one committed action", "ms", actions, base_ms, target="ratio <= 2")
    outcome.rows.append(overall)
    outcome.rows.append(
        Row("recording: p99 of one committed action", "ms", [percentile(actions, 0.99)])
    )
    outcome.figures["recording_ratio"] = overall.ratio
    outcome.figures["recording_p99_ms"] = percentile(actions, 0.99)
    outcome.details["recording"] = {
        "actions_timed": len(actions),
        "baseline_inserts": len(base_ms),
        "median_ms": statistics.median(actions),
        "baseline_median_ms": statistics.median(base_ms),
        "meetings": len(sessions),
        "largest_meeting": f"{ITEMS + 4} items, {ITEMS * CYCLES_PER_ITEM} motions and paragraphs",
    }
    return outcome
