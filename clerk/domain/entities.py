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
    MoverNaming,
    PersonKind,
    QuorumKind,
    Role,
    SigningMode,
    SignoffStepKind,
    StandardItem,
    StartTimePlacement,
    StepKind,
    SubstitutionWording,
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
class AgendaWording:
    """A council's standing words for its agenda packs; empty means Clerk's own wording.

    ``contact`` and ``notes`` go on the front sheet (paragraphs separated by a blank line);
    the four standard items' texts may use {body}, {committee}, {chair} and (Minutes)
    {dates}.
    """

    contact: str = ""
    notes: str = ""
    strapline: str = ""
    apologies: str = ""
    minutes: str = ""
    declarations: str = ""
    urgent: str = ""


@dataclass(frozen=True)
class InterestCategory:
    """A kind of interest in the council's code of conduct, with its printed wording and its
    consequence (what the member does unless the clerk records otherwise).

    ``key`` names it in declarations and scripts ("personal-prejudicial", or the council's
    own); ``pecuniary`` marks the statutory disclosable pecuniary interest, which withdraws
    the member unless a dispensation is recorded (Localism Act 2011, s.31), whatever the name.
    """

    key: str
    wording: str
    plural: str = ""
    conduct: InterestConduct = InterestConduct.STAYED
    pecuniary: bool = False


@dataclass(frozen=True)
class HouseStyle:
    """How the council words its minutes where councils differ; the defaults are Torbay's."""

    substitution: SubstitutionWording = SubstitutionWording.MEMBERSHIP_AMENDED
    #: The vice-chair's title: "Vice-Chair" or "Vice-Chairman" (the chair's is the
    #: signatory title: Chair, Chairman, Chairwoman, Mayor).
    vice_chair_title: str = "Vice-Chair"
    #: Beside a member presiding who is not the Chair: "In the Chair".
    in_the_chair: str = "In the Chair"
    #: "(Also in attendance: Councillors Steve Darling)": the plural title even for one
    #: councillor, as Torbay prints it; False: "Councillor" for one, "Councillors" for more.
    #: None: a profile from before the choice, which printed the plural (and still does).
    also_plural_for_one: bool | None = None
    start_time: StartTimePlacement = StartTimePlacement.AFTER_PRESENT


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
    agenda: AgendaWording = field(default_factory=AgendaWording)
    movers_named: MoverNaming = MoverNaming.ALWAYS
    house_style: HouseStyle = field(default_factory=HouseStyle)
    #: The code of conduct's categories as this council names them; empty: the code's own.
    interest_categories: tuple[InterestCategory, ...] = ()


@dataclass(frozen=True)
class Person:
    """A councillor, co-optee or officer. ``id`` is a short stable key such as ``bye``."""

    id: str
    name: str
    kind: PersonKind = PersonKind.COUNCILLOR
    honorific_prefix: str = ""
    job_title: str = ""
    represents: str = ""
    #: The member's id in the council's ModernGov system, when imported from it.
    moderngov_id: str = ""


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
    #: The agenda's front sheet lists the non-voting co-opted members too.
    lists_non_voting_co_optees: bool = False
    #: The committee's id in the council's ModernGov system, when imported from it.
    moderngov_id: str = ""
    #: Put before its minute numbers where the council's pattern has {prefix} ("DEV").
    minute_prefix: str = ""


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
    #: The meeting's id in the council's ModernGov system, when imported from it.
    moderngov_id: str = ""


@dataclass(frozen=True)
class Link:
    """A published document: its title and where it is (a report, an appendix)."""

    title: str
    url: str


@dataclass(frozen=True)
class Report:
    """A report (PDF) attached to an agenda item; the file is kept in the database by its
    SHA-256, so the agenda pack can be rebuilt with no network."""

    file_name: str
    sha256: str
    pages: int


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
    reports: tuple[Report, ...] = ()
    #: The item's report is not ready: the agenda says "(To Follow)" until one is attached.
    report_to_follow: bool = False
    #: An item added after the agenda was published, with the chair's reason for urgency
    #: (s.100B(4)(b)): it goes in the supplementary pack.
    urgency_reason: str = ""
    #: The item's id in the council's ModernGov system, when imported from it.
    moderngov_id: str = ""
    #: Its published reports and appendices (never restricted ones).
    documents: tuple[Link, ...] = ()
    #: A budget or council tax decision: its votes are recorded by name (SI 2014/165).
    budget: bool = False

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
    #: Where it falls in the meeting's proceedings (0: recorded before they were ordered).
    order: int = 0


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
    #: On an exempt item, whether the nature (and dispensation reference) print in the public
    #: minutes: True unless the clerk marked them as revealing exempt information; None for a
    #: declaration recorded before the choice existed (left out, as it was then).
    nature_public: bool | None = None
    #: The council's category (``InterestCategory.key``) when it is not the kind itself.
    category: str = ""
    #: A disclosable pecuniary interest declared after the member had voted on the item, and
    #: whether their vote was then struck (both minuted as it happened).
    after_vote: bool = False
    vote_struck: bool = False


@dataclass(frozen=True)
class Paragraph:
    """Minute text. It follows the step of its item's proceedings whose order is ``after``
    (0: before them all), and comes ``position``-th among the paragraphs placed there."""

    id: int
    item_id: int
    position: int
    text: str
    after: int = 0
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
    #: A budget or council tax decision: its votes are recorded by name (SI 2014/165).
    budget: bool = False
    #: The exempt item this motion would exclude the press and public for.
    excludes_item_id: int | None = None
    #: Where it was moved, and where it was withdrawn or fell, in the meeting's proceedings.
    order: int = 0
    outcome_order: int = 0
    #: The confirmation of the previous meeting's minutes, moved and seconded (set when the
    #: Minutes item records the confirmation on it): resolved by that confirmation.
    confirms_minutes: bool = False


@dataclass(frozen=True)
class VoteChoice:
    person_id: str
    option: VoteOption
    #: Minuted beside the name: why the member was excluded or did not vote.
    reason: str = ""


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
    order: int = 0

    @property
    def counted(self) -> bool:
        """False for assent, and for a show of hands declared without a count."""
        return self.method is not VoteMethod.ASSENT and (self.yes + self.no + self.abstain) > 0

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
    order: int = 0

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
    """Something in the meeting's course, during the item under way (``item_id``).

    An exclusion of the press and public names the exempt item it is for (``for_item_id``;
    one recorded before proceedings were ordered has none and names it in ``item_id``), its
    Schedule 12A ``paragraph`` and the motion carried for it, if any. A change of chair
    names who took it (``person_id``).
    """

    id: int
    kind: EventKind
    at: time | None = None
    item_id: int | None = None
    paragraph: int | None = None
    text: str = ""
    order: int = 0
    for_item_id: int | None = None
    person_id: str | None = None
    motion_id: int | None = None


@dataclass(frozen=True)
class StepRef:
    """A step of an item's proceedings: ``{"kind": "vote", "id": 2}``."""

    kind: StepKind
    id: int


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
