"""The things a meeting record is made of: small immutable values.

Entities are frozen dataclasses; a change makes a new value with ``dataclasses.replace``.
That lets a recorded action be described exactly by the entities it replaced, which is what
the journal stores and what undo restores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from clerk.domain.enums import (
    ActionStatus,
    AmendmentOp,
    AttendanceStatus,
    CodeOfConduct,
    CommitteeKind,
    EventKind,
    InterestConduct,
    InterestKind,
    ItemState,
    MeetingKind,
    MeetingStatus,
    MotionKind,
    MotionOutcome,
    Movement,
    PersonKind,
    QuorumKind,
    Role,
    SigningMode,
    SignoffStepKind,
    StandardItem,
    VoteMethod,
    VoteOption,
    VoteResult,
)


@dataclass(frozen=True)
class Part:
    """One numbered part of a motion, resolution or recommendation, with lettered sub-parts."""

    text: str
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class CouncilProfile:
    name: str
    code_of_conduct: CodeOfConduct = CodeOfConduct.LGA_MODEL_2020
    signatory_title: str = "Chair"
    minute_heading_pattern: str = "{n}"
    minute_reference_pattern: str = "{n}/{month}/{yy}"
    year_start_month: int = 5
    year_start_day: int = 1
    signing_mode: SigningMode = SigningMode.WET_INK
    extraordinary_confirms_minutes: bool = False
    lists_officers: bool = False


@dataclass(frozen=True)
class Person:
    """A councillor, co-optee or officer. ``id`` is a short stable key such as ``bye``."""

    id: str
    name: str
    kind: PersonKind = PersonKind.COUNCILLOR
    honorific_prefix: str = ""
    job_title: str = ""
    represents: str = ""


@dataclass(frozen=True)
class QuorumRule:
    kind: QuorumKind = QuorumKind.FIXED
    value: int = 3
    denominator: int = 1


@dataclass(frozen=True)
class Membership:
    person_id: str
    role: Role
    group: str = ""
    start_date: date | None = None
    end_date: date | None = None

    def active_on(self, day: date) -> bool:
        if self.start_date is not None and day < self.start_date:
            return False
        return not (self.end_date is not None and day > self.end_date)


@dataclass(frozen=True)
class Committee:
    slug: str
    name: str
    kind: CommitteeKind = CommitteeKind.OTHER
    calls_itself: str = "Committee"
    quorum: QuorumRule = field(default_factory=QuorumRule)
    signatory_title: str = ""
    memberships: tuple[Membership, ...] = ()


@dataclass(frozen=True)
class Meeting:
    committee: str
    date: date
    scheduled_time: time | None = None
    venue: str = ""
    kind: MeetingKind = MeetingKind.ORDINARY
    status: MeetingStatus = MeetingStatus.SCHEDULED
    started_at: time | None = None
    ended_at: time | None = None
    current_item_id: int | None = None
    presiding_id: str | None = None
    minute_number_start: int | None = None
    public_excluded: bool = False


@dataclass(frozen=True)
class AgendaItem:
    id: int
    number: str
    title: str
    position: int = 0
    standard: StandardItem = StandardItem.BUSINESS
    purpose: str = ""
    report_pages: str = ""
    invited_officers: tuple[str, ...] = ()
    recommendations: tuple[Part, ...] = ()
    exempt_paragraph: int | None = None
    title_is_public: bool = True
    education: bool = False
    public_summary: str = ""
    minute_number: int | None = None
    state: ItemState = ItemState.NOT_STARTED
    started_at: time | None = None
    confirms_meeting: str = ""

    @property
    def exempt(self) -> bool:
        return self.exempt_paragraph is not None


@dataclass(frozen=True)
class Attendance:
    id: int
    person_id: str
    status: AttendanceStatus
    substitute_for: str | None = None
    group: str = ""
    capacity: str = ""
    representing: str = ""


@dataclass(frozen=True)
class MovementEntry:
    """A late arrival or an early departure, stamped with the time and the item under way."""

    id: int
    person_id: str
    movement: Movement
    at: time
    item_id: int | None = None


@dataclass(frozen=True)
class Declaration:
    id: int
    person_id: str
    item_id: int
    kind: InterestKind
    nature: str = ""
    sensitive: bool = False
    conduct: InterestConduct = InterestConduct.STAYED
    dispensation_ref: str = ""


@dataclass(frozen=True)
class Paragraph:
    id: int
    item_id: int
    position: int
    text: str
    #: Set when this paragraph alone is exempt (Schedule 12A, 1-7) on an item that is not: a
    #: correction to an exempt minute, confirmed at a public item. Public minutes leave it out.
    exempt_paragraph: int | None = None


@dataclass(frozen=True)
class Motion:
    """A motion, or an amendment to one (``amends_id``) described by an operation on its parts."""

    id: int
    item_id: int
    kind: MotionKind
    mover_id: str
    parts: tuple[Part, ...] = ()
    preamble: str = ""
    seconder_id: str | None = None
    amends_id: int | None = None
    op: AmendmentOp | None = None
    target_part: str = ""
    outcome: MotionOutcome = MotionOutcome.PENDING


@dataclass(frozen=True)
class VoteChoice:
    person_id: str
    option: VoteOption


@dataclass(frozen=True)
class VoteEvent:
    id: int
    motion_id: int
    method: VoteMethod
    result: VoteResult
    yes: int = 0
    no: int = 0
    abstain: int = 0
    choices: tuple[VoteChoice, ...] = ()
    casting_by: str | None = None
    casting_option: VoteOption | None = None

    @property
    def unanimous(self) -> bool:
        if self.method is VoteMethod.ASSENT:
            return True
        return self.yes > 0 and self.no == 0 and self.abstain == 0


@dataclass(frozen=True)
class Resolution:
    id: int
    item_id: int
    parts: tuple[Part, ...] = ()
    preamble: str = ""
    unanimous: bool = False
    motion_id: int | None = None

    @property
    def wording(self) -> str:
        return "Resolved (unanimously):" if self.unanimous else "Resolved:"


@dataclass(frozen=True)
class Comment:
    on: date
    text: str


@dataclass(frozen=True)
class ActionItem:
    id: int
    item_id: int
    text: Part
    owner: str = ""
    due: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    comments: tuple[Comment, ...] = ()
    carried_from: str = ""
    #: The Schedule 12A paragraph of the exempt item the action arose on: it travels with the
    #: action (carried forward, exported, imported), so a public tracker never shows it.
    exempt_paragraph: int | None = None


@dataclass(frozen=True)
class ProceduralEvent:
    id: int
    kind: EventKind
    at: time | None = None
    item_id: int | None = None
    paragraph: int | None = None
    text: str = ""


@dataclass(frozen=True)
class SignoffStep:
    """A step from draft to signed minutes: who, when, and the evidence it rests on.

    ``person_id`` is the chair the minutes went to, who approved or who signed; the clerk who
    recorded the step is in the journal. ``chain_head`` is the journal's last hash when the
    step was taken (approval, signing), so the record approved or signed is pinned.
    """

    id: int
    step: SignoffStepKind
    on: date
    at: time | None = None
    person_id: str | None = None
    chain_head: str = ""
    #: The confirming meeting (``<committee>/<yyyy-mm-dd>``) and its minute reference.
    confirmed_by: str = ""
    minute: str = ""
    #: The amendment subject to which the minutes were confirmed.
    text: str = ""
    mode: SigningMode | None = None
    #: Who the digital signature's certificate names.
    signer: str = ""
    file_name: str = ""
    sha256: str = ""
    #: The minute-book pages of a wet-ink copy.
    first_page: int | None = None
    last_page: int | None = None


@dataclass(frozen=True)
class ApprovedContext:
    """The council profile (house style), the committee with its memberships and the people
    named, as they stood when the chair approved the minutes.

    Approved and signed minutes are generated from these, not from today's: a councillor who
    changes name later does not change the minutes of 2021. Recorded by the approval, so the
    journal's hash chain covers it.
    """

    id: int
    council: CouncilProfile
    committee: Committee
    persons: tuple[Person, ...] = ()
