"""The business of a synthetic meeting: declarations of interest, minute paragraphs, the motion
(amended now and then), its vote, the resolution and the actions it gives.
"""

from __future__ import annotations

import random
from datetime import timedelta

from clerk.domain.actions.declarations import Declare
from clerk.domain.actions.motions import Amend, Move, Resolve
from clerk.domain.actions.proceedings import AddParagraph, PublicSummary
from clerk.domain.actions.tracker import AddAction
from clerk.domain.entities import AgendaItem, Part
from clerk.domain.enums import (
    AmendmentOp,
    InterestConduct,
    InterestKind,
    MeetingKind,
    MotionOutcome,
    PersonKind,
    Role,
    StandardItem,
)
from clerk.domain.rules.eligibility import eligible_voters
from clerk.domain.rules.presence import is_present, seat_role
from clerk.domain.rules.quorum import quorum_state
from clerk_support.synthetic.attendance import maybe_leave, voting_councillors
from clerk_support.synthetic.council import SyntheticCouncil
from clerk_support.synthetic.recorder import MeetingShape, Recorder
from clerk_support.synthetic.vocabulary import (
    ACTIONS,
    OPENINGS,
    PARAGRAPHS,
    PREAMBLES,
    CommitteeType,
)
from clerk_support.synthetic.votes import put_to_vote

NATURES = (
    "as a governor of a school in the area",
    "as a member of the Harbour Trust",
    "as their spouse is employed by the Council",
    "as the owner of a property near the site",
    "as a trustee of the Citizens Advice Bureau",
    "as a member of the Devon and Cornwall Police and Crime Panel",
    "as a director of the Council's housing company",
)


def declarations(clerk: Recorder, shape: MeetingShape, rng: random.Random) -> None:
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


def business(
    clerk: Recorder,
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
    members = voting_councillors(record, item)
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
    maybe_leave(clerk, item, rng)
    members = voting_councillors(record, item)
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
        put_to_vote(clerk, max(record.motions), item, rng, shape, budget, carry=rng.random() < 0.4)
    put_to_vote(clerk, motion_id, item, rng, shape, budget, carry=rng.random() < 0.95)
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
