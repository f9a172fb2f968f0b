"""One synthetic meeting, recorded as a clerk would record it: every step is a real domain
action applied to the meeting record, so every rule the live service checks holds here too.

The actions are kept, in order, so the same meeting can be replayed through
``MeetingSession`` (the tests do) and must give the same rows.

The parts: ``recorder`` (the shape and the recorder), ``agenda``, ``attendance``, ``business``
and ``votes``.
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from clerk.domain.actions.attendance import Arrive
from clerk.domain.actions.proceedings import (
    Adjourn,
    CloseMeeting,
    ConfirmMinutes,
    ExcludePublic,
    OpenItem,
    Resume,
    StartMeeting,
)
from clerk.domain.actions.tracker import UpdateAction
from clerk.domain.entities import AgendaItem, Meeting
from clerk.domain.enums import ActionStatus, MeetingKind, StandardItem
from clerk.domain.record import MeetingRecord
from clerk_support.synthetic.agenda import add_agenda
from clerk_support.synthetic.attendance import not_yet_arrived, roll_call
from clerk_support.synthetic.business import business, declarations
from clerk_support.synthetic.council import SyntheticCouncil
from clerk_support.synthetic.recorder import MeetingShape, RecordedMeeting, Recorder
from clerk_support.synthetic.vocabulary import (
    COMMENTS_COMPLETE,
    COMMENTS_IN_PROGRESS,
    VENUES,
    CommitteeType,
)


def record_meeting(
    council: SyntheticCouncil,
    committee_index: int,
    day: date,
    previous: date | None,
    earlier_minute_max: int,
    shape: MeetingShape,
    rng: random.Random,
    kind: MeetingKind = MeetingKind.ORDINARY,
    archive_end: date | None = None,
) -> RecordedMeeting:
    """Record one whole meeting, from agenda to close, and the tracker updates after it."""
    committee, ctype = council.committees[committee_index]
    busy = shape.business_items > 12
    start = (
        time(9, 30) if busy else rng.choice((time(9, 30), time(10, 0), time(14, 0), time(17, 30)))
    )
    meeting = Meeting(
        committee=committee.slug,
        date=day,
        scheduled_time=start,
        venue=rng.choice(VENUES),
        kind=kind,
    )
    record = MeetingRecord(
        council=council.council,
        committee=committee,
        persons=council.persons,
        meeting=meeting,
    )
    clerk = Recorder(record, earlier_minute_max, start)
    add_agenda(clerk, council, ctype, shape, rng, kind, previous)
    roll_call(clerk, council, rng)
    clerk.do(StartMeeting(at=clerk.now))
    late = not_yet_arrived(record)
    adjourn_at = rng.randrange(len(record.items)) if rng.random() < 0.05 else -1
    for position, item in enumerate(record.agenda()):
        _take_item(clerk, council, ctype, item, shape, rng, previous, late)
        if position == adjourn_at and item.standard is StandardItem.BUSINESS:
            clerk.do(Adjourn(at=clerk.tick(2), reason="for a comfort break"))
            clerk.do(Resume(at=clerk.tick(15)))
    clerk.do(CloseMeeting(at=clerk.tick(rng.randint(2, 10))))
    _tracker_updates(clerk, rng, archive_end or day)
    return RecordedMeeting(record, clerk.actions)


def _take_item(
    clerk: Recorder,
    council: SyntheticCouncil,
    ctype: CommitteeType,
    item: AgendaItem,
    shape: MeetingShape,
    rng: random.Random,
    previous: date | None,
    late: list[str],
) -> None:
    record = clerk.record
    if item.exempt and not record.meeting.public_excluded:
        clerk.do(ExcludePublic(item=item.id, paragraph=item.exempt_paragraph or 1, at=clerk.now))
    clerk.do(OpenItem(item=item.id, at=clerk.tick(1)))
    if item.standard is StandardItem.MINUTES and previous is not None:
        amendment = ""
        if rng.random() < 0.05:
            amendment = "the word 'unanimously' be added to the resolution at the second minute."
        clerk.do(ConfirmMinutes(item=item.id, meeting_date=previous, amendment=amendment))
    elif item.standard is StandardItem.DECLARATIONS:
        declarations(clerk, shape, rng)
    elif item.standard is StandardItem.BUSINESS:
        if late:
            clerk.do(Arrive(late.pop(), at=clerk.tick(1)))
        business(clerk, council, ctype, item, shape, rng)
    clerk.tick(
        rng.randint(2, 6) if item.standard is not StandardItem.BUSINESS else rng.randint(5, 25)
    )


def _tracker_updates(clerk: Recorder, rng: random.Random, archive_end: date) -> None:
    record = clerk.record
    for action in sorted(record.actions.values(), key=lambda a: a.id):
        due = action.due or record.meeting.date
        first = record.meeting.date + timedelta(days=rng.randint(1, 10))
        if first > archive_end:
            continue
        done = due + timedelta(days=rng.randint(-14, 30))
        if done <= archive_end and rng.random() < 0.85:
            if rng.random() < 0.5 and first < done:
                clerk.do(
                    UpdateAction(
                        action.id, rng.choice(COMMENTS_IN_PROGRESS), ActionStatus.IN_PROGRESS, first
                    )
                )
            comment = rng.choice(COMMENTS_COMPLETE).format(day=f"{done.day}/{done.month}/{done:%y}")
            clerk.do(UpdateAction(action.id, comment, ActionStatus.COMPLETE, max(done, first)))
        else:
            clerk.do(
                UpdateAction(
                    action.id, rng.choice(COMMENTS_IN_PROGRESS), ActionStatus.IN_PROGRESS, first
                )
            )
