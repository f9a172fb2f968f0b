"""One synthetic meeting, recorded as a clerk would record it: every step is a real domain
action applied to the meeting record, so every rule the live service checks holds here too.

The actions are kept, in order, so the same meeting can be replayed through
``MeetingSession`` (the tests do) and must give the same rows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from clerk.domain.actions import Action, Context
from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import (
    Absent,
    AlsoAttending,
    Apologies,
    Arrive,
    Leave,
    OfficerPresent,
    Present,
    RemoteObserver,
    Substitute,
)
from clerk.domain.actions.declarations import Declare
from clerk.domain.actions.motions import Amend, Move, Resolve, Vote
from clerk.domain.actions.proceedings import (
    AddParagraph,
    Adjourn,
    CloseMeeting,
    ConfirmMinutes,
    ExcludePublic,
    OpenItem,
    PublicSummary,
    Resume,
    StartMeeting,
)
from clerk.domain.actions.tracker import AddAction, UpdateAction
from clerk.domain.entities import AgendaItem, Meeting, Part, VoteChoice
from clerk.domain.enums import (
    ActionStatus,
    AmendmentOp,
    InterestConduct,
    InterestKind,
    MeetingKind,
    MotionOutcome,
    PersonKind,
    Role,
    StandardItem,
    VoteMethod,
    VoteOption,
)
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.eligibility import eligible_voters
from clerk.domain.rules.presence import is_present, presiding, seat_role
from clerk.domain.rules.quorum import quorum_state
from clerk_support.synthetic.council import SyntheticCouncil
from clerk_support.synthetic.vocabulary import (
    ACTIONS,
    COMMENTS_COMPLETE,
    COMMENTS_IN_PROGRESS,
    EXEMPT_TOPICS,
    OPENINGS,
    PARAGRAPHS,
    PREAMBLES,
    PURPOSES,
    RECOMMENDATIONS,
    SUB_PARTS,
    TOPICS,
    VENUES,
    CommitteeType,
)

STANDARD = (
    (StandardItem.APOLOGIES, "Apologies", "To receive apologies for absence, including "
     "notifications of any changes to the membership of the {body}."),
    (StandardItem.MINUTES, "Minutes", "To confirm as a correct record the Minutes of the "
     "previous meeting of the {body}."),
    (StandardItem.DECLARATIONS, "Declarations of Interest", "To receive declarations of non "
     "pecuniary interests and of disclosable pecuniary interests in respect of items on this "
     "agenda."),
    (StandardItem.URGENT, "Urgent Items", "To consider any other items that the Chairman "
     "decides are urgent."),
)  # fmt: skip

NATURES = (
    "as a governor of a school in the area",
    "as a member of the Harbour Trust",
    "as their spouse is employed by the Council",
    "as the owner of a property near the site",
    "as a trustee of the Citizens Advice Bureau",
    "as a member of the Devon and Cornwall Police and Crime Panel",
    "as a director of the Council's housing company",
)


@dataclass(frozen=True)
class MeetingShape:
    """How big and busy a meeting is."""

    business_items: int = 6
    paragraphs: tuple[int, int] = (1, 4)
    recorded_votes: float = 0.1
    declarations: tuple[int, int] = (0, 2)
    exempt: float = 0.15
    actions: float = 0.4


@dataclass
class RecordedMeeting:
    record: MeetingRecord
    #: Every action, in the order recorded (tracker updates after the meeting last).
    actions: list[Action]


class _Clerk:
    """Applies actions to the record, in order, at the clock's time."""

    def __init__(self, record: MeetingRecord, earlier_minute_max: int, start: time) -> None:
        self.record = record
        self.earlier_minute_max = earlier_minute_max
        self.clock = datetime.combine(record.meeting.date, start)
        self.actions: list[Action] = []

    @property
    def now(self) -> time:
        return time(self.clock.hour, self.clock.minute)

    def tick(self, minutes: int) -> time:
        self.clock += timedelta(minutes=minutes)
        return self.now

    def do(self, action: Action) -> None:
        ctx = Context(
            now=self.now, today=self.record.meeting.date, earlier_minute_max=self.earlier_minute_max
        )
        action.apply(self.record, ctx)
        self.actions.append(action)


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
    clerk = _Clerk(record, earlier_minute_max, start)
    _agenda(clerk, council, ctype, shape, rng, kind, previous)
    _roll_call(clerk, council, rng)
    clerk.do(StartMeeting(at=clerk.now))
    late = _not_yet_arrived(record)
    adjourn_at = rng.randrange(len(record.items)) if rng.random() < 0.05 else -1
    for position, item in enumerate(record.agenda()):
        _take_item(clerk, council, ctype, item, shape, rng, previous, late)
        if position == adjourn_at and item.standard is StandardItem.BUSINESS:
            clerk.do(Adjourn(at=clerk.tick(2), reason="for a comfort break"))
            clerk.do(Resume(at=clerk.tick(15)))
    clerk.do(CloseMeeting(at=clerk.tick(rng.randint(2, 10))))
    _tracker_updates(clerk, rng, archive_end or day)
    return RecordedMeeting(record, clerk.actions)


# -- before the meeting --------------------------------------------------------------------


def _agenda(
    clerk: _Clerk,
    council: SyntheticCouncil,
    ctype: CommitteeType,
    shape: MeetingShape,
    rng: random.Random,
    kind: MeetingKind,
    previous: date | None,
) -> None:
    body = clerk.record.committee.calls_itself
    number = 0
    for standard, title, purpose in STANDARD:
        if standard is StandardItem.MINUTES and (
            previous is None or kind is MeetingKind.EXTRAORDINARY
        ):
            continue
        number += 1
        clerk.do(AddItem(str(number), title, standard, purpose.format(body=body)))
    day = clerk.record.meeting.date
    year = (
        f"{day.year}/{(day.year + 1) % 100:02d}"
        if day.month >= 5
        else f"{day.year - 1}/{day.year % 100:02d}"
    )
    quarter = (day.month - 4) // 3 % 4 + 1
    pool = list(TOPICS[ctype.topics])
    rng.shuffle(pool)
    others = [t for key, titles in TOPICS.items() if key != ctype.topics for t in titles]
    rng.shuffle(others)
    pool += others
    titles = [
        pool[i % len(pool)].format(year=year, quarter=quarter) for i in range(shape.business_items)
    ]
    exempt = rng.random() < shape.exempt
    page = 3
    for index, title in enumerate(titles):
        number += 1
        paragraph = None
        if exempt and index == len(titles) - 1:
            title, paragraph = rng.choice(EXEMPT_TOPICS)
        pages = rng.randint(2, 14)
        topic = title.split(" - ")[0]
        officers = rng.sample(council.officers, rng.randint(0, 2))
        clerk.do(
            AddItem(
                number=str(number),
                title=title,
                purpose=rng.choice(PURPOSES).format(topic=topic),
                report_pages=f"{page} - {page + pages}",
                invited_officers=tuple(
                    f"{council.persons[o].name}, {council.persons[o].job_title}" for o in officers
                ),
                recommendations=_recommendations(council, topic, rng),
                exempt_paragraph=paragraph,
                title_is_public=paragraph is None or rng.random() < 0.7,
                education=ctype.education and rng.random() < 0.5,
            )
        )
        page += pages + 1


def _recommendations(council: SyntheticCouncil, topic: str, rng: random.Random) -> tuple[Part, ...]:
    """Numbered parts punctuated as minutes are: "...;", "...; and", "..."."""
    officer = council.persons[rng.choice(council.officers)].job_title
    texts = [
        t.format(topic=topic, officer=officer).rstrip(";.")
        for t in rng.sample(RECOMMENDATIONS, rng.randint(1, 3))
    ]
    ends = [";"] * (len(texts) - 2) + ["; and"] * (len(texts) > 1) + ["."]
    parts = [Part(text + end) for text, end in zip(texts, ends, strict=True)]
    if rng.random() < 0.15:
        parts[0] = Part(
            f"that a further report on {topic} be brought to the next meeting, to include:",
            tuple(Part(s) for s in SUB_PARTS),
        )
    return tuple(parts)


def _roll_call(clerk: _Clerk, council: SyntheticCouncil, rng: random.Random) -> None:
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
    needed = _needed(record)
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


def _needed(record: MeetingRecord) -> int:
    return quorum_state(record).needed


def _not_yet_arrived(record: MeetingRecord) -> list[str]:
    """Members not marked at the roll call: they arrive late."""
    marked = {a.person_id for a in record.attendance.values()}
    marked |= {a.substitute_for for a in record.attendance.values() if a.substitute_for}
    return [
        m.person_id
        for m in record.memberships_on_day()
        if m.person_id not in marked and m.role.is_councillor_seat
    ]


def _voting_councillors(record: MeetingRecord, item: AgendaItem) -> list[str]:
    """Councillors who may vote on the item now: movers and seconders come from them."""
    seats = (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)
    return [p for p in eligible_voters(record, item) if seat_role(record, p) in seats]


# -- during the meeting --------------------------------------------------------------------


def _take_item(
    clerk: _Clerk,
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
        _declarations(clerk, shape, rng)
    elif item.standard is StandardItem.BUSINESS:
        if late:
            clerk.do(Arrive(late.pop(), at=clerk.tick(1)))
        _business(clerk, council, ctype, item, shape, rng)
    clerk.tick(
        rng.randint(2, 6) if item.standard is not StandardItem.BUSINESS else rng.randint(5, 25)
    )


def _declarations(clerk: _Clerk, shape: MeetingShape, rng: random.Random) -> None:
    record = clerk.record
    business = [i for i in record.agenda() if i.standard is StandardItem.BUSINESS]
    for _ in range(rng.randint(*shape.declarations)):
        if not business:
            return
        item = rng.choice(business)
        declarers = [
            a.person_id
            for a in sorted(record.attendance.values(), key=lambda a: a.id)
            if seat_role(record, a.person_id) in (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)
            and is_present(record, a.person_id)
            and not any(
                d.person_id == a.person_id and d.item_id == item.id
                for d in record.declarations.values()
            )
        ]
        if not declarers:
            continue
        person = rng.choice(declarers)
        roll = rng.random()
        margin = quorum_state(record, item.id)
        if (
            roll < 0.2
            and margin.present - 1 >= margin.needed + 1
            and len(eligible_voters(record, item)) > 3
        ):
            conduct = InterestConduct.SPOKE_THEN_LEFT if roll < 0.05 else InterestConduct.LEFT
            action = Declare(
                person,
                item.id,
                InterestKind.DISCLOSABLE_PECUNIARY,
                rng.choice(NATURES),
                conduct=conduct,
            )
        elif roll < 0.25:
            action = Declare(person, item.id, InterestKind.NON_PECUNIARY, sensitive=True)
        else:
            action = Declare(person, item.id, InterestKind.NON_PECUNIARY, rng.choice(NATURES))
        clerk.do(action)


def _business(
    clerk: _Clerk,
    council: SyntheticCouncil,
    ctype: CommitteeType,
    item: AgendaItem,
    shape: MeetingShape,
    rng: random.Random,
) -> None:
    record = clerk.record
    topic = item.title.split(" - ")[0]
    body = record.committee.calls_itself
    if item.exempt:
        clerk.do(PublicSummary(item.id, f"The {body} considered an exempt report on {topic}."))
    officers = [
        a.person_id
        for a in record.attendance.values()
        if record.persons[a.person_id].kind is PersonKind.OFFICER
    ]
    members = _voting_councillors(record, item)
    count = rng.randint(*shape.paragraphs)
    templates = [rng.choice(OPENINGS), *rng.sample(PARAGRAPHS, min(len(PARAGRAPHS), count - 1))]
    for template in templates[:count]:
        officer = record.persons[rng.choice(officers)] if officers else None
        text = template.format(
            officer=officer.job_title if officer else "Chief Executive",
            name=officer.name if officer else "the Chief Executive",
            topic=topic,
            body=body,
            member=record.persons[rng.choice(members)].name if members else "Smith",
        )
        clerk.do(AddParagraph(item.id, text))
    _maybe_leave(clerk, item, rng)
    members = _voting_councillors(record, item)
    if len(members) < 2 or rng.random() < 0.1:
        return  # noted without a motion
    mover, seconder = rng.sample(members, 2)
    preamble = PREAMBLES[record.committee.kind]
    clerk.do(
        Move(
            item.id,
            mover,
            item.recommendations or (Part("to note the report."),),
            preamble,
            seconder,
        )
    )
    motion_id = max(record.motions)
    budget = record.meeting.kind is MeetingKind.BUDGET
    if len(members) >= 4 and rng.random() < 0.08:
        amender, amend_seconder = rng.sample([m for m in members if m not in (mover, seconder)], 2)
        clerk.do(
            Amend(
                motion=motion_id,
                mover=amender,
                op=AmendmentOp.ADD_PART,
                parts=(
                    Part(f"that a further report on {topic} be brought back within six months."),
                ),
                seconder=amend_seconder,
            )
        )
        _vote(clerk, max(record.motions), item, rng, shape, budget, carry=rng.random() < 0.4)
    _vote(clerk, motion_id, item, rng, shape, budget, carry=rng.random() < 0.95)
    motion = record.motions[motion_id]
    if motion.outcome is MotionOutcome.CARRIED and quorum_state(record, item.id).quorate:
        vote = record.votes_for(motion_id)[-1]
        clerk.do(Resolve(item.id, motion=motion_id, unanimous=vote.unanimous))
        if rng.random() < shape.actions:
            owner = council.persons[rng.choice(council.officers)].job_title
            for text in rng.sample(ACTIONS, rng.randint(1, 2)):
                clerk.do(
                    AddAction(
                        item.id,
                        Part(text.format(officer=owner, topic=topic)),
                        owner=owner,
                        due=record.meeting.date + timedelta(weeks=rng.randint(4, 12)),
                    )
                )
    elif motion.outcome is MotionOutcome.LOST:
        clerk.do(AddParagraph(item.id, "On being put to the vote, the motion was declared lost."))


def _maybe_leave(clerk: _Clerk, item: AgendaItem, rng: random.Random) -> None:
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


def _vote(
    clerk: _Clerk,
    motion_id: int,
    item: AgendaItem,
    rng: random.Random,
    shape: MeetingShape,
    budget: bool,
    carry: bool,
) -> None:
    record = clerk.record
    eligible = eligible_voters(record, record.item(item.id))
    chair = presiding(record, item.id)
    roll = rng.random()
    if budget or roll < shape.recorded_votes:
        choices = _named(eligible, rng, carry)
        tally = _count(choices)
        casting = None
        if tally[0] == tally[1]:
            wanted = VoteOption.YES if carry else VoteOption.NO
            if chair is not None:
                casting = wanted  # the person presiding gives the casting vote
            else:  # nobody to give it: one member changes their mind
                opposite = VoteOption.NO if carry else VoteOption.YES
                turn = next(i for i, c in enumerate(choices) if c.option is opposite)
                choices[turn] = VoteChoice(choices[turn].person_id, wanted)
        clerk.do(
            Vote(
                motion=motion_id,
                method=VoteMethod.RECORDED,
                choices=tuple(choices),
                casting_by=chair if casting else None,
                casting_option=casting,
            )
        )
    elif roll < 0.55 and carry:
        clerk.do(Vote(motion=motion_id, method=VoteMethod.ASSENT))
    else:
        voting = len(eligible) - (1 if len(eligible) > 3 and rng.random() < 0.3 else 0)
        abstain = rng.randint(0, min(2, voting - 1)) if rng.random() < 0.3 else 0
        rest = voting - abstain
        minority = rng.randint(0, (rest - 1) // 2) if rng.random() < 0.4 else 0
        yes, no = (rest - minority, minority) if carry else (minority, rest - minority)
        casting = None
        if chair is not None and rest >= 4 and rest % 2 == 0 and rng.random() < 0.03:
            yes = no = rest // 2
            casting = VoteOption.YES if carry else VoteOption.NO
        clerk.do(
            Vote(
                motion=motion_id,
                method=VoteMethod.SHOW_OF_HANDS,
                yes=yes,
                no=no,
                abstain=abstain,
                casting_by=chair if casting else None,
                casting_option=casting,
            )
        )


def _named(eligible: list[str], rng: random.Random, carry: bool) -> list[VoteChoice]:
    lean = 0.8 if carry else 0.25
    choices = []
    for person in eligible:
        roll = rng.random()
        if roll < 0.05:
            option = VoteOption.ABSTAIN
        elif roll < 0.07:
            option = VoteOption.NOT_VOTING
        else:
            option = VoteOption.YES if rng.random() < lean else VoteOption.NO
        choices.append(VoteChoice(person, option))
    if all(c.option in (VoteOption.ABSTAIN, VoteOption.NOT_VOTING) for c in choices):
        choices[0] = VoteChoice(choices[0].person_id, VoteOption.YES if carry else VoteOption.NO)
    yes, no = _count(choices)
    if (carry and yes < no) or (not carry and no < yes):
        flip = {VoteOption.YES: VoteOption.NO, VoteOption.NO: VoteOption.YES}
        choices = [VoteChoice(c.person_id, flip.get(c.option, c.option)) for c in choices]
    return choices


def _count(choices: list[VoteChoice]) -> tuple[int, int]:
    yes = sum(1 for c in choices if c.option is VoteOption.YES)
    no = sum(1 for c in choices if c.option is VoteOption.NO)
    return yes, no


# -- after the meeting ---------------------------------------------------------------------


def _tracker_updates(clerk: _Clerk, rng: random.Random, archive_end: date) -> None:
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
