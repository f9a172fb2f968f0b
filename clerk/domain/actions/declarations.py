"""Declarations of interest, checked against the council's code of conduct."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import time

from clerk.domain.actions.base import (
    Action,
    Context,
    name_of,
    register,
    require_not_closed,
    stamp,
)
from clerk.domain.entities import Declaration, ProceduralEvent, VoteChoice, VoteEvent
from clerk.domain.enums import (
    AttendanceStatus,
    EventKind,
    InterestConduct,
    InterestKind,
    VoteMethod,
    VoteOption,
)
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.eligibility import could_have_voted
from clerk.domain.rules.interests import resolve
from clerk.domain.rules.proceedings import next_order
from clerk.domain.rules.votes import decide, tally_choices

STRUCK = "vote struck: a disclosable pecuniary interest declared after voting"


def dispensation_for_all(record: MeetingRecord, item_id: int) -> ProceduralEvent | None:
    """The dispensation granted to all members for the item, if one was recorded."""
    return next(
        (
            e
            for e in record.events.values()
            if e.kind is EventKind.DISPENSATION and e.for_item_id == item_id
        ),
        None,
    )


def votes_cast(record: MeetingRecord, person_id: str, item_id: int) -> list[VoteEvent]:
    """The votes on the item the person took part in: named in a recorded vote, or able to
    vote when a count or assent was taken (a show of hands does not say who raised one)."""
    motions = {m.id for m in record.motions.values() if m.item_id == item_id}
    item = record.item(item_id)
    found = []
    for vote in sorted(record.votes.values(), key=lambda v: v.id):
        if vote.motion_id not in motions:
            continue
        if vote.method is VoteMethod.RECORDED:
            if any(
                c.person_id == person_id
                and c.option in (VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN)
                for c in vote.choices
            ):
                found.append(vote)
        elif person_id in could_have_voted(record, item):
            found.append(vote)
    return found


def _strike(record: MeetingRecord, person_id: str, votes: list[VoteEvent]) -> None:
    """Strike the member's named votes (a count does not say which way they voted)."""
    for vote in votes:
        if vote.method is not VoteMethod.RECORDED:
            continue
        choices = tuple(
            VoteChoice(c.person_id, VoteOption.EXCLUDED, STRUCK) if c.person_id == person_id else c
            for c in vote.choices
        )
        tally = tally_choices(choices)
        if decide(tally, vote.casting_option) is not vote.result:
            raise RuleViolation(
                f"Striking {name_of(record, person_id)}'s vote changes the result of the "
                "vote; record the vote again instead."
            )
        record.votes[vote.id] = replace(
            vote, choices=choices, yes=tally.yes, no=tally.no, abstain=tally.abstain
        )


DECLARING = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.PRESENT_REMOTE,
    AttendanceStatus.SUBSTITUTE,
    AttendanceStatus.ALSO_ATTENDING,
    AttendanceStatus.REMOTE_OBSERVER,
)


@dataclass(frozen=True)
class Declare(Action):
    """A member's declaration; a disclosable pecuniary interest withdraws them from the item."""

    kind = "declare"
    person: str
    item: int
    #: The kind of interest; or name the council's own category in ``category``.
    interest: InterestKind | None = None
    nature: str = ""
    sensitive: bool = False
    conduct: InterestConduct | None = None
    dispensation_ref: str = ""
    #: On an exempt item: the nature reveals exempt information, so the public minutes give
    #: the fact of the declaration only.
    nature_exempt: bool = False
    #: A disclosable pecuniary interest declared after the member voted on the item: whether
    #: their vote is struck (Clerk asks; the minutes say what was decided).
    strike_vote: bool | None = None
    #: A category of the council's code of conduct, by its key ("personal-prejudicial").
    category: str = ""

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "record a declaration")
        name = name_of(record, self.person)
        target = record.item(self.item)
        category, interest = resolve(record.council, self.interest, self.category)
        entry = record.attendance_of(self.person)
        if entry is None or entry.status not in DECLARING:
            raise RuleViolation(f"{name} is not recorded as attending, so cannot declare.")
        dpi = interest is InterestKind.DISCLOSABLE_PECUNIARY
        statement = interest is InterestKind.STATEMENT
        for_all = dispensation_for_all(record, target.id)
        reference = self.dispensation_ref.strip()
        default = category.conduct
        if dpi:
            default = InterestConduct.DISPENSATION if for_all else InterestConduct.LEFT
        conduct = self.conduct or default
        if dpi and conduct is InterestConduct.STAYED and for_all is not None:
            conduct = InterestConduct.DISPENSATION
        if dpi and conduct is InterestConduct.STAYED:
            raise RuleViolation(
                f"{name} has a disclosable pecuniary interest and must leave for the item "
                "unless a dispensation is recorded (Localism Act 2011, s.31); where the "
                "standing orders let them stay in the room, record that they took no part."
            )
        if statement and conduct is not InterestConduct.STAYED:
            raise RuleViolation(
                "A statement is not an interest: record an interest to leave the meeting."
            )
        if statement and not self.nature.strip():
            raise RuleViolation(f"Give {name}'s statement as it was made.")
        if conduct is InterestConduct.DISPENSATION and not reference and for_all is None:
            raise RuleViolation("Give the reference of the dispensation.")
        for existing in record.declarations.values():
            if existing.person_id == self.person and existing.item_id == target.id:
                raise RuleViolation(f"{name} has already declared an interest in this item.")
        voted = votes_cast(record, self.person, target.id) if dpi else []
        after_vote = bool(voted) and conduct is not InterestConduct.DISPENSATION
        if after_vote and self.strike_vote is None:
            raise RuleViolation(
                f"{name} has already voted on this item. Say whether their vote is struck "
                "(strike_vote: true) or stands (strike_vote: false); the minutes record "
                "either."
            )
        if after_vote and self.strike_vote:
            _strike(record, self.person, voted)
        declaration_id = record.next_id("declarations")
        record.declarations[declaration_id] = Declaration(
            id=declaration_id,
            person_id=self.person,
            item_id=target.id,
            kind=interest,
            category="" if category.key == interest.value else category.key,
            nature="" if self.sensitive else self.nature.strip(),
            sensitive=self.sensitive,
            conduct=conduct,
            dispensation_ref=reference,
            nature_public=not self.nature_exempt,
            after_vote=after_vote,
            vote_struck=after_vote and bool(self.strike_vote),
        )
        if statement:
            return f"record {name}'s statement on item {target.number}"
        return f"record {name}'s {category.key} interest in item {target.number}"


@dataclass(frozen=True)
class DispenseAll(Action):
    """A dispensation granted to all members for an item (the budget, council tax): one
    statement; members' interests in it are then covered by it."""

    kind = "dispense_all"
    item: int
    reference: str = ""
    at: time | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "record a dispensation")
        target = record.item(self.item)
        if dispensation_for_all(record, target.id) is not None:
            raise RuleViolation(
                f"A dispensation for all members is already recorded for item {target.number}."
            )
        event_id = record.next_id("events")
        record.events[event_id] = ProceduralEvent(
            id=event_id,
            kind=EventKind.DISPENSATION,
            at=stamp(self.at, ctx),
            item_id=record.meeting.current_item_id,
            text=self.reference.strip(),
            order=next_order(record),
            for_item_id=target.id,
        )
        return f"record a dispensation for all members on item {target.number}"


register(Declare)
register(DispenseAll)
