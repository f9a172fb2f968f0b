"""The closed vocabularies of committee business.

Enum values are the words stored in the database and written to the JSON meeting record;
they follow Popolo / Open Civic Data where those have a word for the thing.
"""

from enum import StrEnum


class CodeOfConduct(StrEnum):
    #: England's 2020 LGA model code: disclosable pecuniary, other registrable, non-registrable.
    LGA_MODEL_2020 = "lga-model-code-2020"
    #: Many local English codes since 2012: disclosable pecuniary and non-pecuniary interests.
    PECUNIARY_NON_PECUNIARY = "pecuniary-non-pecuniary"
    #: The pre-2012 English model and the local codes that kept it: personal; personal and
    #: prejudicial; significant other interests (besides disclosable pecuniary interests).
    PERSONAL_PREJUDICIAL = "personal-prejudicial"
    #: The Welsh model code (2016 order): personal; personal and prejudicial.
    WELSH_MODEL = "welsh-model-code"


class MoverNaming(StrEnum):
    """When the minutes name a motion's mover and seconder."""

    #: Whenever they were recorded, a motion agreed without dissent included.
    ALWAYS = "always"
    #: Only when the motion was contested: amended, opposed, put to a recorded vote, or lost.
    WHEN_CONTESTED = "when-contested"


class SubstitutionWording(StrEnum):
    """How the Apologies minute words a substitution (house style)."""

    #: Torbay's "the membership of the Board had been amended to include Councillor Y instead
    #: of Councillor X" (the substituted member's apology is then not repeated).
    MEMBERSHIP_AMENDED = "membership-amended"
    #: "Apologies for absence were received from Councillor X (substituted by Councillor Y)".
    APOLOGIES_SUBSTITUTED_BY = "apologies-substituted-by"
    #: "Councillor Y attended as a substitute for Councillor X", after the apologies.
    ATTENDED_AS_SUBSTITUTE = "attended-as-substitute"


class StartTimePlacement(StrEnum):
    """Where the minutes give the meeting's start time (house style)."""

    #: "(Meeting started at 9.30 am)" after the Present block, as Torbay prints it.
    AFTER_PRESENT = "after-present"
    #: On the date line: "20 September 2021 at 9.30 am".
    WITH_DATE = "with-date"
    NOT_PRINTED = "not-printed"


class SigningMode(StrEnum):
    WET_INK = "wet-ink"
    DIGITAL = "digital"


class SignoffStepKind(StrEnum):
    """A step of the minutes' sign-off, recorded on the meeting whose minutes they are."""

    CIRCULATED = "circulated"
    APPROVED = "approved"
    CONFIRMED = "confirmed"
    SIGNED = "signed"
    COPY_ATTACHED = "signed-copy-attached"


class CommitteeKind(StrEnum):
    COUNCIL = "council"
    CABINET = "cabinet"
    OVERVIEW_AND_SCRUTINY = "overview-and-scrutiny"
    PLANNING = "planning"
    LICENSING = "licensing"
    OTHER = "other"


class QuorumKind(StrEnum):
    FIXED = "fixed"
    FRACTION = "fraction"


class Role(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice-chair"
    MEMBER = "member"
    CO_OPTED_VOTING = "co-opted-voting"
    CO_OPTED_EDUCATION = "co-opted-voting-education"
    CO_OPTED_NON_VOTING = "co-opted-non-voting"

    @property
    def is_councillor_seat(self) -> bool:
        return self in (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)

    @property
    def is_co_opted(self) -> bool:
        return not self.is_councillor_seat


class PersonKind(StrEnum):
    COUNCILLOR = "councillor"
    CO_OPTEE = "co-optee"
    OFFICER = "officer"
    OTHER = "other"


class MeetingKind(StrEnum):
    ORDINARY = "ordinary"
    EXTRAORDINARY = "extraordinary"
    BUDGET = "budget"


class MeetingStatus(StrEnum):
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in-progress"
    ADJOURNED = "adjourned"
    CLOSED = "closed"
    #: Called off before it began (by the clerk, or in the council's committee system).
    CANCELLED = "cancelled"


class StandardItem(StrEnum):
    """What an agenda item is, for the items every agenda carries."""

    APOLOGIES = "apologies"
    MINUTES = "minutes"
    DECLARATIONS = "declarations"
    URGENT = "urgent"
    BUSINESS = "business"


class ItemState(StrEnum):
    NOT_STARTED = "not-started"
    UNDER_WAY = "under-way"
    DONE = "done"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    SUBSTITUTE = "substitute"
    ALSO_ATTENDING = "also-attending"
    OFFICER = "officer"
    REMOTE_OBSERVER = "remote-observer"
    #: Attending by video and legally present (counted for quorum and voting): where the
    #: law allows it (``rules.remote.remote_presence_refusal``).
    PRESENT_REMOTE = "present-remote"


class Movement(StrEnum):
    ARRIVED = "arrived"
    LEFT = "left"


class InterestKind(StrEnum):
    DISCLOSABLE_PECUNIARY = "disclosable-pecuniary"
    OTHER_REGISTRABLE = "other-registrable"
    NON_REGISTRABLE = "non-registrable"
    NON_PECUNIARY = "non-pecuniary"
    PREDETERMINATION = "predetermination"
    PERSONAL = "personal"
    PERSONAL_PREJUDICIAL = "personal-prejudicial"
    SIGNIFICANT_OTHER = "significant-other"
    #: A category the council added to its code in Set up (``Declaration.category`` names it).
    OTHER = "other"
    #: Not an interest: a member's statement about the item ("knew of a person involved, but
    #: not as a personal acquaintance"), minuted as said.
    STATEMENT = "statement"


class InterestConduct(StrEnum):
    """What the member did about the interest."""

    STAYED = "stayed"
    SPOKE_THEN_LEFT = "spoke-then-left"
    LEFT = "left"
    DISPENSATION = "dispensation"
    #: Stayed in the room but took no part in the debate or vote on the item.
    TOOK_NO_PART = "took-no-part"

    @property
    def withdraws(self) -> bool:
        """Left the room for the item (not counted in its quorum)."""
        return self in (InterestConduct.LEFT, InterestConduct.SPOKE_THEN_LEFT)

    @property
    def takes_no_part(self) -> bool:
        """Took no part in the item's vote: withdrawn, or in the room but taking no part."""
        return self.withdraws or self is InterestConduct.TOOK_NO_PART


class MotionKind(StrEnum):
    MOTION = "motion"
    AMENDMENT = "amendment"


class MotionOutcome(StrEnum):
    PENDING = "pending"
    CARRIED = "carried"
    LOST = "lost"
    WITHDRAWN = "withdrawn"
    FELL = "fell"


class AmendmentOp(StrEnum):
    REPLACE_ALL = "replace-all"
    REPLACE_PART = "replace-part"
    INSERT_AFTER = "insert-after"
    ADD_PART = "add-part"
    DELETE_PART = "delete-part"


class VoteMethod(StrEnum):
    ASSENT = "assent"
    SHOW_OF_HANDS = "show-of-hands"
    RECORDED = "recorded"


class VoteOption(StrEnum):
    """Popolo vote options."""

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"
    ABSENT = "absent"
    NOT_VOTING = "not voting"
    #: Excluded from voting (by standing orders, an interest...): the reason is minuted.
    EXCLUDED = "excluded"


class VoteResult(StrEnum):
    PASS = "pass"
    FAIL = "fail"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in-progress"
    COMPLETE = "complete"
    CLOSED = "closed"

    @property
    def is_open(self) -> bool:
        return self in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class EventKind(StrEnum):
    STARTED = "started"
    ADJOURNED = "adjourned"
    RESUMED = "resumed"
    PUBLIC_EXCLUDED = "public-excluded"
    PUBLIC_READMITTED = "public-readmitted"
    NOTE = "note"
    CLOSED = "closed"
    #: A change of who is in the chair, during the meeting.
    PRESIDING = "presiding"
    #: The person presiding over the meeting took the chair back after someone presided over
    #: one item (``for_item_id``) in their place.
    CHAIR_RESUMED = "chair-resumed"
    #: A dispensation granted to all members for an item (``for_item_id``), e.g. the budget.
    DISPENSATION = "dispensation"


class StepKind(StrEnum):
    """The kinds of step in an item's proceedings a paragraph can be placed after."""

    PARAGRAPH = "paragraph"
    #: A motion or amendment, as moved.
    MOTION = "motion"
    #: A motion or amendment withdrawn, or that fell (named by the motion's id).
    OUTCOME = "outcome"
    VOTE = "vote"
    RESOLUTION = "resolution"
    #: A procedural event: adjournment, resumption, exclusion, readmission, note, chair.
    EVENT = "event"
    #: A late arrival or an early departure.
    MOVEMENT = "movement"
