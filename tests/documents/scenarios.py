"""A meeting that exercises everything the minutes can say, recorded through the real actions.

The Board on 20 September 2021 (minute numbers 1 to 6): apologies, the previous minutes
confirmed, declarations (a pecuniary interest with withdrawal, a non-pecuniary interest in an
exempt item, a sensitive interest under a dispensation), an amendment carried and a recorded
vote on the substantive motion, an exempt item (Schedule 12A paragraph 3) with the press and
public excluded, a departure, an adjournment and a tie settled by the casting vote, a lost
motion, and actions for the tracker.
"""

from __future__ import annotations

from datetime import date, time

from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import AlsoAttending, Apologies, Leave, Present
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
    ReadmitPublic,
    Resume,
    StartMeeting,
)
from clerk.domain.actions.tracker import AddAction, UpdateAction
from clerk.domain.entities import Part, VoteChoice
from clerk.domain.enums import (
    ActionStatus,
    AmendmentOp,
    InterestConduct,
    InterestKind,
    StandardItem,
    VoteMethod,
    VoteOption,
)
from clerk.domain.record import MeetingRecord
from tests.core.builders import apply, board_record

EXEMPT_PARAGRAPH = "The Board considered the tender evaluation for the residential care contract."
EXEMPT_REASON = "to take legal advice on the tender"
EXEMPT_NATURE = "a trustee of a bidding charity"
EXEMPT_SUMMARY = "The Board considered a report on a residential care contract."


def september_meeting() -> MeetingRecord:
    record = board_record(day=date(2021, 9, 20))
    apply(
        record,
        AddItem("1", "Apologies", standard=StandardItem.APOLOGIES),
        AddItem("2", "Minutes", standard=StandardItem.MINUTES),
        AddItem("3", "Declarations of Interest", standard=StandardItem.DECLARATIONS),
        AddItem("4", "Family Friendly Vision"),
        AddItem("5", "Residential Care Contract", exempt_paragraph=3, title_is_public=False),
        AddItem("6", "Youth Service Funding"),
    )
    for person in ("bye", "barnby", "mandy-darling", "douglas-dunbar", "mills", "laura-colman"):
        apply(record, Present(person))
    apply(
        record,
        Apologies("tatiana-wilson"),
        Apologies("brent-davison"),
        AlsoAttending("steve-darling"),
        StartMeeting(at=time(9, 30)),
        OpenItem(1),
        OpenItem(2),
        ConfirmMinutes(2, date(2021, 8, 18)),
        OpenItem(3),
        Declare(
            "mills", 4, InterestKind.DISCLOSABLE_PECUNIARY, nature="a director of a bidding firm"
        ),
        Declare(
            "douglas-dunbar",
            5,
            InterestKind.NON_PECUNIARY,
            nature=EXEMPT_NATURE,
            nature_exempt=True,
        ),
        Declare(
            "bye",
            6,
            InterestKind.DISCLOSABLE_PECUNIARY,
            sensitive=True,
            conduct=InterestConduct.DISPENSATION,
            dispensation_ref="D/2021/4",
        ),
        # 4. Family Friendly Vision: an amendment, then a recorded vote.
        OpenItem(4, at=time(9, 40)),
        AddParagraph(4, "Members considered the proposals for a family friendly vision."),
        Move(
            4,
            mover="barnby",
            seconder="douglas-dunbar",
            preamble="That the Cabinet be recommended:",
            parts=(Part("to adopt the vision;"), Part("to consult young people on it.")),
        ),
        Amend(
            1,
            mover="mandy-darling",
            seconder="bye",
            op=AmendmentOp.ADD_PART,
            parts=(Part("to report progress to the Board in March 2022."),),
        ),
        Vote(2, VoteMethod.SHOW_OF_HANDS, yes=3, no=1),
        Vote(
            1,
            VoteMethod.RECORDED,
            choices=(
                VoteChoice("bye", VoteOption.YES),
                VoteChoice("barnby", VoteOption.YES),
                VoteChoice("mandy-darling", VoteOption.YES),
                VoteChoice("douglas-dunbar", VoteOption.NO),
            ),
        ),
        Resolve(4, motion=1),
        # 5. The exempt item: press and public excluded, a departure, an adjournment, a tie.
        ExcludePublic(5, paragraph=3, at=time(10, 30)),
        OpenItem(5, at=time(10, 31)),
        AddParagraph(5, EXEMPT_PARAGRAPH),
        PublicSummary(5, EXEMPT_SUMMARY),
        Leave("barnby", at=time(11, 5)),
        Adjourn(at=time(11, 10), reason=EXEMPT_REASON),
        Resume(at=time(11, 20)),
        Move(5, mover="bye", seconder="mandy-darling", parts=(Part("to award the contract."),)),
        Vote(
            3,
            VoteMethod.SHOW_OF_HANDS,
            yes=2,
            no=2,
            casting_by="bye",
            casting_option=VoteOption.YES,
        ),
        Resolve(5, motion=3),
        AddAction(5, Part("the Director to sign the contract."), owner="Director"),
        ReadmitPublic(at=time(11, 40)),
        # 6. A motion lost.
        OpenItem(6, at=time(11, 45)),
        Move(6, mover="mills", seconder="douglas-dunbar", parts=(Part("to double the budget."),)),
        Vote(4, VoteMethod.SHOW_OF_HANDS, yes=1, no=3),
        AddAction(
            4,
            Part("the Democratic Services Team Leader to circulate the vision."),
            owner="Democratic Services Team Leader",
            due=date(2021, 10, 1),
        ),
        CloseMeeting(at=time(12, 40)),
        UpdateAction(2, "Circulated to all Members.", ActionStatus.COMPLETE, on=date(2021, 9, 22)),
    )
    return record
