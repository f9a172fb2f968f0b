"""Votes at a synthetic meeting: named (recorded) votes, assent and shows of hands, tied now and
then and settled by the casting vote. Counting is the domain's (``tally_choices``).
"""

from __future__ import annotations

import random

from clerk.domain.actions.motions import Vote
from clerk.domain.entities import AgendaItem, VoteChoice
from clerk.domain.enums import VoteMethod, VoteOption
from clerk.domain.rules.eligibility import eligible_voters
from clerk.domain.rules.presence import presiding
from clerk.domain.rules.votes import tally_choices
from clerk_support.synthetic.recorder import MeetingShape, Recorder


def put_to_vote(
    clerk: Recorder,
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
        choices = named_choices(eligible, rng, carry)
        casting = None
        if tally_choices(choices).tied:
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


def named_choices(eligible: list[str], rng: random.Random, carry: bool) -> list[VoteChoice]:
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
    tally = tally_choices(choices)
    if (carry and tally.yes < tally.no) or (not carry and tally.no < tally.yes):
        flip = {VoteOption.YES: VoteOption.NO, VoteOption.NO: VoteOption.YES}
        choices = [VoteChoice(c.person_id, flip.get(c.option, c.option)) for c in choices]
    return choices
