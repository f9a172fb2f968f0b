"""Who is at a synthetic meeting: the roll call (present, apologies, substitutes, absent,
officers, others attending), late arrivals, and a member leaving during an item.
"""

from __future__ import annotations

import random

from clerk.domain.actions.attendance import (
    Absent,
    AlsoAttending,
    Apologies,
    Leave,
    OfficerPresent,
    Present,
    RemoteObserver,
    Substitute,
)
from clerk.domain.entities import AgendaItem
from clerk.domain.enums import Role
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.eligibility import eligible_voters
from clerk.domain.rules.presence import presiding, seat_role
from clerk.domain.rules.quorum import quorum_state
from clerk_support.synthetic.council import SyntheticCouncil
from clerk_support.synthetic.recorder import Recorder


def roll_call(clerk: Recorder, council: SyntheticCouncil, rng: random.Random) -> None:
    record = clerk.record
    members = record.memberships_on_day()
    statuses: dict[str, str] = {}
    for membership in members:
        roll = rng.random()
        if membership.role.is_co_opted:
            statuses[membership.person_id] = "present" if roll < 0.8 else "apologies"
        elif membership.role is Role.CHAIR:
            statuses[membership.person_id] = "present" if roll < 0.95 else "apologies"
        else:
            statuses[membership.person_id] = (
                "late"
                if roll < 0.04
                else "apologies"
                if roll < 0.16
                else "absent"
                if roll < 0.18
                else "present"
            )
    needed = quorum_state(record).needed
    seated = [m.person_id for m in members if m.role.is_councillor_seat]
    # Enough in the room for business to be done, with a margin for withdrawals.
    for person_id in seated:
        if sum(1 for p in seated if statuses[p] == "present") >= needed + 2:
            break
        statuses[person_id] = "present"
    term = council.term_on(record.meeting.date)
    outsiders = [p for p in term.councillors if record.membership_of(p) is None]
    rng.shuffle(outsiders)
    for membership in members:
        person_id = membership.person_id
        status = statuses[person_id]
        if status == "present":
            clerk.do(Present(person_id))
        elif status == "apologies":
            substitute = next((o for o in outsiders if council.groups[o] == membership.group), None)
            if membership.role.is_councillor_seat and substitute is not None and rng.random() < 0.4:
                outsiders.remove(substitute)
                clerk.do(Substitute(substitute, person_id, membership.group))
            else:
                clerk.do(Apologies(person_id))
        elif status == "absent":
            clerk.do(Absent(person_id))
    for officer in rng.sample(council.officers, rng.randint(2, 4)):
        clerk.do(OfficerPresent(officer))
    if outsiders and rng.random() < 0.25:
        clerk.do(AlsoAttending(outsiders.pop(), capacity="Cabinet Member"))
    if outsiders and rng.random() < 0.03:
        clerk.do(RemoteObserver(outsiders.pop()))


def not_yet_arrived(record: MeetingRecord) -> list[str]:
    """Members not marked at the roll call: they arrive late."""
    marked = {a.person_id for a in record.attendance.values()}
    marked |= {a.substitute_for for a in record.attendance.values() if a.substitute_for}
    return [
        m.person_id
        for m in record.memberships_on_day()
        if m.person_id not in marked and m.role.is_councillor_seat
    ]


def voting_councillors(record: MeetingRecord, item: AgendaItem) -> list[str]:
    """Councillors who may vote on the item now: movers and seconders come from them."""
    seats = (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)
    return [p for p in eligible_voters(record, item) if seat_role(record, p) in seats]


def maybe_leave(clerk: Recorder, item: AgendaItem, rng: random.Random) -> None:
    record = clerk.record
    if rng.random() >= 0.04:
        return
    state = quorum_state(record, item.id)
    if state.present - 1 < state.needed + 2:
        return
    chair = presiding(record, item.id)
    leavers = [
        p
        for p in eligible_voters(record, item)
        if p != chair and seat_role(record, p) is Role.MEMBER
    ]
    if leavers:
        clerk.do(Leave(rng.choice(leavers), at=clerk.tick(3)))
