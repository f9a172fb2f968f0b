"""The words the window uses for the record's closed vocabularies."""

from __future__ import annotations

from datetime import date, time

from clerk.domain.entities import InterestCategory
from clerk.domain.enums import (
    ActionStatus,
    AmendmentOp,
    AttendanceStatus,
    CodeOfConduct,
    CommitteeKind,
    InterestConduct,
    InterestKind,
    ItemState,
    MeetingKind,
    MeetingStatus,
    MotionOutcome,
    PersonKind,
    Role,
    VoteMethod,
    VoteOption,
)
from clerk.domain.timefmt import clock, long_date

ROLE = {
    Role.CHAIR: "Chair",
    Role.VICE_CHAIR: "Vice-Chair",
    Role.MEMBER: "Member",
    Role.CO_OPTED_VOTING: "Co-opted (voting)",
    Role.CO_OPTED_EDUCATION: "Co-opted (votes on education)",
    Role.CO_OPTED_NON_VOTING: "Co-opted (non-voting)",
}

ATTENDANCE = {
    AttendanceStatus.PRESENT: "Present",
    AttendanceStatus.PRESENT_REMOTE: "Present (remotely)",
    AttendanceStatus.APOLOGIES: "Apologies",
    AttendanceStatus.ABSENT: "Absent",
    AttendanceStatus.SUBSTITUTE: "Present (substitute)",
    AttendanceStatus.ALSO_ATTENDING: "In attendance",
    AttendanceStatus.OFFICER: "Officer",
    AttendanceStatus.REMOTE_OBSERVER: "Remote observer",
}

ITEM_STATE = {
    ItemState.NOT_STARTED: "not started",
    ItemState.UNDER_WAY: "under way",
    ItemState.DONE: "done",
}

MEETING_STATUS = {
    MeetingStatus.SCHEDULED: "Scheduled",
    MeetingStatus.IN_PROGRESS: "In progress",
    MeetingStatus.ADJOURNED: "Adjourned",
    MeetingStatus.CLOSED: "Closed",
    MeetingStatus.CANCELLED: "Cancelled",
}

MEETING_KIND = {
    MeetingKind.ORDINARY: "Ordinary",
    MeetingKind.EXTRAORDINARY: "Extraordinary",
    MeetingKind.BUDGET: "Budget",
}

INTEREST = {
    InterestKind.DISCLOSABLE_PECUNIARY: "Disclosable pecuniary",
    InterestKind.OTHER_REGISTRABLE: "Other registrable",
    InterestKind.NON_REGISTRABLE: "Non-registrable",
    InterestKind.NON_PECUNIARY: "Non-pecuniary",
    InterestKind.PREDETERMINATION: "Predetermination",
    InterestKind.STATEMENT: "A statement, not an interest",
    InterestKind.PERSONAL: "Personal",
    InterestKind.PERSONAL_PREJUDICIAL: "Personal and prejudicial",
    InterestKind.SIGNIFICANT_OTHER: "Significant other",
    InterestKind.OTHER: "Other",
}


def interest_label(category: InterestCategory) -> str:
    """A category's name in the window: the kind's label, or the council's own wording."""
    try:
        return INTEREST[InterestKind(category.key)]
    except ValueError:
        words = category.wording.removeprefix("an ").removeprefix("a ")
        return words[:1].upper() + words[1:]


CONDUCT = {
    InterestConduct.STAYED: "Stayed, spoke and voted",
    InterestConduct.SPOKE_THEN_LEFT: "Spoke, then left the meeting",
    InterestConduct.LEFT: "Left the meeting for the item",
    InterestConduct.DISPENSATION: "Stayed under a dispensation",
    InterestConduct.TOOK_NO_PART: "Stayed, took no part in debate or vote",
}

OUTCOME = {
    MotionOutcome.PENDING: "pending",
    MotionOutcome.CARRIED: "carried",
    MotionOutcome.LOST: "lost",
    MotionOutcome.WITHDRAWN: "withdrawn",
    MotionOutcome.FELL: "fell",
}

AMENDMENT_OP = {
    AmendmentOp.REPLACE_ALL: "Replace the whole motion",
    AmendmentOp.REPLACE_PART: "Replace a part",
    AmendmentOp.INSERT_AFTER: "Insert after a part",
    AmendmentOp.ADD_PART: "Add at the end",
    AmendmentOp.DELETE_PART: "Delete a part",
}

VOTE_METHOD = {
    VoteMethod.SHOW_OF_HANDS: "Show of hands",
    VoteMethod.RECORDED: "Recorded vote (names)",
    VoteMethod.ASSENT: "Assent (no vote taken)",
}

VOTE_OPTION = {
    VoteOption.YES: "For",
    VoteOption.NO: "Against",
    VoteOption.ABSTAIN: "Abstain",
    VoteOption.NOT_VOTING: "Not voting",
    VoteOption.ABSENT: "Absent",
}

ACTION_STATUS = {
    ActionStatus.OPEN: "Open",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.COMPLETE: "Complete",
    ActionStatus.CLOSED: "Closed",
}

PERSON_KIND = {
    PersonKind.COUNCILLOR: "Councillor",
    PersonKind.CO_OPTEE: "Co-optee",
    PersonKind.OFFICER: "Officer",
    PersonKind.OTHER: "Other",
}

COMMITTEE_KIND = {
    CommitteeKind.COUNCIL: "Council",
    CommitteeKind.CABINET: "Cabinet",
    CommitteeKind.OVERVIEW_AND_SCRUTINY: "Overview and scrutiny",
    CommitteeKind.PLANNING: "Planning",
    CommitteeKind.LICENSING: "Licensing",
    CommitteeKind.OTHER: "Other",
}

CODE_OF_CONDUCT = {
    CodeOfConduct.LGA_MODEL_2020: "LGA Model Code of Conduct 2020",
    CodeOfConduct.PECUNIARY_NON_PECUNIARY: "Pecuniary / non-pecuniary (older local code)",
    CodeOfConduct.PERSONAL_PREJUDICIAL: "Personal / prejudicial (pre-2012 and local English codes)",
    CodeOfConduct.WELSH_MODEL: "Welsh model code (personal / prejudicial)",
}


def at(value: time | None) -> str:
    return clock(value) if value is not None else ""


def day(value: date | None) -> str:
    return long_date(value) if value is not None else ""


#: Local Government Act 1972, Schedule 12A, Part 1: the descriptions of exempt information.
SCHEDULE_12A = {
    1: "Information relating to any individual.",
    2: "Information which is likely to reveal the identity of an individual.",
    3: "Information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information).",
    4: "Information relating to any consultations or negotiations, or contemplated "
    "consultations or negotiations, in connection with any labour relations matter arising "
    "between the authority or a Minister of the Crown and employees of, or office holders "
    "under, the authority.",
    5: "Information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings.",
    6: "Information which reveals that the authority proposes to give a notice imposing "
    "requirements on a person, or to make an order or direction, under any enactment.",
    7: "Information relating to any action taken or to be taken in connection with the "
    "prevention, investigation or prosecution of crime.",
}


def paragraph_choice(paragraph: int) -> str:
    text = SCHEDULE_12A[paragraph]
    short = text if len(text) <= 70 else text[:69].rstrip() + "…"
    return f"Paragraph {paragraph}: {short}"
