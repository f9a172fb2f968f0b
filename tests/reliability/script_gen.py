"""A long, valid, seeded script of clerk actions for the demo Board, made by recording it.

The generator proposes plausible actions at random (roll call, items, minute text, motions,
amendments, votes, resolutions, tracker actions, arrivals, departures, adjournments, exclusion
of the public, undo and redo) and records each through the real ``MeetingSession`` on a scratch
database: what the rules refuse is dropped, what they accept becomes a script line. Every line
carries its own time, so replaying the script on a fresh copy of the same database reproduces
the same meeting, line for line.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from clerk.domain.actions import Action, action_to_json
from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import (
    AlsoAttending,
    Apologies,
    Arrive,
    Leave,
    OfficerPresent,
    Present,
)
from clerk.domain.actions.declarations import Declare
from clerk.domain.actions.motions import Amend, Fall, Move, Resolve, Second, Vote, Withdraw
from clerk.domain.actions.proceedings import (
    AddParagraph,
    Adjourn,
    CloseMeeting,
    DeleteParagraph,
    EditParagraph,
    ExcludePublic,
    Note,
    OpenItem,
    ReadmitPublic,
    Resume,
    StartMeeting,
)
from clerk.domain.actions.tracker import AddAction, UpdateAction
from clerk.domain.entities import Part
from clerk.domain.enums import (
    ActionStatus,
    AmendmentOp,
    InterestKind,
    MeetingStatus,
    MotionOutcome,
    VoteMethod,
)
from clerk.domain.errors import RuleViolation
from clerk.services import setup
from clerk.services.demo import load_demo
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database

COMMITTEE = "cyp-scrutiny-board"
MEETING_DATE = date(2021, 10, 20)
MEMBERS = ["bye", "barnby", "mandy-darling", "douglas-dunbar", "loxton", "mills"]
TEXT = (
    "the Board noted the report on children's services and asked for a further update on "
    "recruitment retention social workers placements sufficiency schools attendance pledge "
    "partners voluntary sector health visiting early help budget outcomes"
)
WORDS = TEXT.split(" ")


def prepare(database: Database) -> int:
    """The demo and a new meeting of the Board (standard items on its agenda); its id."""
    load_demo(database)
    return setup.create_meeting(database, COMMITTEE, MEETING_DATE, at=time(9, 30))


@dataclass
class Generated:
    lines: list[str]  # the script, one JSON object per line
    actions: int


class _Generator:
    def __init__(self, session: MeetingSession, rng: random.Random) -> None:
        self.session = session
        self.rng = rng
        self.minutes = 9 * 60
        self.lines: list[str] = []
        self.items_added = 0

    # -- helpers ----------------------------------------------------------------------

    def at(self) -> time:
        self.minutes = min(self.minutes + self.rng.choice((0, 0, 1)), 23 * 60 + 58)
        return time(self.minutes // 60, self.minutes % 60)

    def text(self, low: int = 4, high: int = 18) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def parts(self) -> tuple[Part, ...]:
        return tuple(Part(self.text(3, 9)) for _ in range(self.rng.randint(1, 3)))

    def record(self, action: Action) -> bool:
        try:
            self.session.apply(action)
        except RuleViolation:
            return False
        self.lines.append(json.dumps(action_to_json(action), ensure_ascii=False))
        return True

    def special(self, kind: str) -> bool:
        try:
            self.session.undo() if kind == "undo" else self.session.redo()
        except RuleViolation:
            return False
        self.lines.append(json.dumps({"action": kind}))
        return True

    # -- proposals --------------------------------------------------------------------

    def propose(self) -> Action | str | None:
        record = self.session.record
        rng = self.rng
        items = sorted(record.items)
        present = [
            a.person_id for a in record.attendance.values() if a.person_id in MEMBERS
        ] or MEMBERS
        pending = [m for m in record.motions.values() if m.outcome is MotionOutcome.PENDING]
        status = record.meeting.status
        if status is MeetingStatus.ADJOURNED:
            return Resume(at=self.at())
        roll = rng.random()
        if roll < 0.05 and self.session.can_undo:
            return "undo"
        if roll < 0.08 and self.session.can_redo:
            return "redo"
        choice = rng.choices(
            [
                "item",
                "open",
                "para",
                "edit",
                "delete",
                "note",
                "move",
                "second",
                "amend",
                "vote",
                "withdraw",
                "resolve",
                "add_action",
                "update_action",
                "leave",
                "arrive",
                "declare",
                "adjourn",
                "exclude",
                "readmit",
            ],
            weights=[2, 5, 16, 5, 2, 4, 5, 3, 3, 6, 1, 4, 4, 4, 2, 2, 1, 1, 1, 2],
        )[0]
        if choice == "item" and self.items_added < 40:
            self.items_added += 1
            return AddItem(
                number=str(len(items) + 1),
                title=self.text(2, 6),
                purpose=self.text(),
                recommendations=self.parts() if rng.random() < 0.5 else (),
                education=rng.random() < 0.2,
                exempt_paragraph=rng.choice((None, None, None, 3)),
            )
        if not items:
            return None
        item = rng.choice(items)
        current = record.meeting.current_item_id or item
        if choice == "open":
            return OpenItem(item=item, at=self.at())
        if choice == "para":
            return AddParagraph(item=current, text=self.text(8, 40))
        if choice in ("edit", "delete") and record.paragraphs:
            paragraph = rng.choice(sorted(record.paragraphs))
            if choice == "edit":
                return EditParagraph(paragraph=paragraph, text=self.text(8, 30))
            return DeleteParagraph(paragraph=paragraph)
        if choice == "note":
            return Note(text=self.text(), at=self.at())
        if choice == "move":
            mover, seconder = rng.sample(present, 2) if len(present) > 1 else (present[0], None)
            return Move(
                item=current,
                mover=mover,
                parts=self.parts(),
                seconder=seconder if rng.random() < 0.7 else None,
            )
        if pending and choice in ("second", "amend", "vote", "withdraw"):
            motion = rng.choice(pending)
            if choice == "second":
                return Second(motion=motion.id, seconder=rng.choice(present))
            if choice == "amend":
                return Amend(
                    motion=motion.id,
                    mover=rng.choice(present),
                    op=AmendmentOp.ADD_PART,
                    parts=self.parts(),
                    seconder=rng.choice(present),
                )
            if choice == "withdraw":
                return Withdraw(motion=motion.id) if rng.random() < 0.5 else Fall(motion.id)
            if rng.random() < 0.6:
                return Vote(motion=motion.id, method=VoteMethod.ASSENT)
            yes = rng.randint(0, 4)
            return Vote(
                motion=motion.id,
                method=VoteMethod.SHOW_OF_HANDS,
                yes=yes,
                no=rng.randint(0, 4 - yes) if yes < 4 else 0,
            )
        if choice == "resolve":
            carried = [
                m
                for m in record.motions.values()
                if m.outcome is MotionOutcome.CARRIED and m.amends_id is None
            ]
            if carried and rng.random() < 0.7:
                motion = rng.choice(carried)
                return Resolve(item=motion.item_id, motion=motion.id)
            return Resolve(item=current, parts=self.parts())
        if choice == "add_action":
            return AddAction(
                item=item,
                text=Part(self.text(4, 10)),
                owner=rng.choice(("Director of Children's Services", "Democratic Services")),
                due=date(2021, 11, rng.randint(1, 30)),
            )
        if choice == "update_action" and record.actions:
            return UpdateAction(
                action_id=rng.choice(sorted(record.actions)),
                comment=self.text(3, 8),
                status=rng.choice(list(ActionStatus)),
                on=date(2021, 10, rng.randint(20, 31)),
            )
        if choice == "leave":
            return Leave(person=rng.choice(present), at=self.at())
        if choice == "arrive":
            return Arrive(person=rng.choice(MEMBERS), at=self.at())
        if choice == "declare":
            return Declare(
                person=rng.choice(present),
                item=item,
                interest=InterestKind.NON_REGISTRABLE,
                nature=self.text(3, 8),
            )
        if choice == "adjourn" and status is MeetingStatus.IN_PROGRESS:
            return Adjourn(at=self.at(), reason="a short break")
        if choice == "exclude":
            return ExcludePublic(item=item, paragraph=3, at=self.at())
        if choice == "readmit":
            return ReadmitPublic(at=self.at())
        return None

    def run(self, actions: int, attempts: int) -> None:
        for action in (
            *(Present(p) for p in MEMBERS),
            Apologies("tatiana-wilson"),
            Present("laura-colman"),
            AlsoAttending("steve-darling", capacity="Cabinet Member"),
            OfficerPresent("nancy-meehan"),
            StartMeeting(at=time(9, 30)),
        ):
            self.record(action)
        tries = 0
        while len(self.lines) < actions - 6 and tries < attempts:
            tries += 1
            proposal = self.propose()
            if proposal is None:
                continue
            if isinstance(proposal, str):
                self.special(proposal)
            else:
                self.record(proposal)
        if self.session.record.meeting.status is MeetingStatus.ADJOURNED:
            self.record(Resume(at=self.at()))
        self.record(CloseMeeting(at=self.at()))
        # After the meeting: minute text and the tracker.
        while len(self.lines) < actions:
            record = self.session.record
            item = self.rng.choice(sorted(record.items))
            if record.actions and self.rng.random() < 0.5:
                self.record(
                    UpdateAction(
                        action_id=self.rng.choice(sorted(record.actions)),
                        comment=self.text(3, 8),
                        on=date(2021, 11, 1),
                    )
                )
            else:
                self.record(AddParagraph(item=item, text=self.text(8, 20)))


def generate(database: Database, meeting_id: int, seed: int, actions: int) -> Generated:
    """Record ``actions`` accepted actions on the meeting; the script that reproduces them."""
    session = MeetingSession(database, meeting_id, who="generator")
    generator = _Generator(session, random.Random(seed))
    generator.run(actions, attempts=actions * 6)
    header = f"# crash harness script: seed {seed}, {len(generator.lines)} actions"
    return Generated([header, *generator.lines], len(generator.lines))


def write_script(path: Path, generated: Generated) -> Path:
    path.write_text("\n".join(generated.lines) + "\n", encoding="utf-8")
    return path
