"""Declarations of interest, checked against the council's code of conduct."""

from __future__ import annotations

from dataclasses import dataclass

from clerk.domain.actions.base import Action, Context, name_of, register, require_not_closed
from clerk.domain.entities import Declaration
from clerk.domain.enums import AttendanceStatus, CodeOfConduct, InterestConduct, InterestKind
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord

#: The interests each code of conduct knows.
KINDS_BY_CODE: dict[CodeOfConduct, tuple[InterestKind, ...]] = {
    CodeOfConduct.LGA_MODEL_2020: (
        InterestKind.DISCLOSABLE_PECUNIARY,
        InterestKind.OTHER_REGISTRABLE,
        InterestKind.NON_REGISTRABLE,
        InterestKind.PREDETERMINATION,
    ),
    CodeOfConduct.PECUNIARY_NON_PECUNIARY: (
        InterestKind.DISCLOSABLE_PECUNIARY,
        InterestKind.NON_PECUNIARY,
        InterestKind.PREDETERMINATION,
    ),
}

DECLARING = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.SUBSTITUTE,
    AttendanceStatus.ALSO_ATTENDING,
    AttendanceStatus.REMOTE_OBSERVER,
)


@dataclass(frozen=True)
class Declare(Action):
    """A member's declaration; a disclosable pecuniary interest withdraws them from the item."""

    kind = "declare"
    person: str
    item: int
    interest: InterestKind
    nature: str = ""
    sensitive: bool = False
    conduct: InterestConduct | None = None
    dispensation_ref: str = ""

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "record a declaration")
        name = name_of(record, self.person)
        target = record.item(self.item)
        code = record.council.code_of_conduct
        if self.interest not in KINDS_BY_CODE[code]:
            allowed = ", ".join(k.value for k in KINDS_BY_CODE[code])
            raise RuleViolation(
                f"The council's code of conduct ({code.value}) has no '{self.interest.value}' "
                f"interest; it knows: {allowed}."
            )
        entry = record.attendance_of(self.person)
        if entry is None or entry.status not in DECLARING:
            raise RuleViolation(f"{name} is not recorded as attending, so cannot declare.")
        dpi = self.interest is InterestKind.DISCLOSABLE_PECUNIARY
        conduct = self.conduct or (InterestConduct.LEFT if dpi else InterestConduct.STAYED)
        if dpi and conduct is InterestConduct.STAYED:
            raise RuleViolation(
                f"{name} has a disclosable pecuniary interest and must leave for the item "
                "unless a dispensation is recorded (Localism Act 2011, s.31)."
            )
        if conduct is InterestConduct.DISPENSATION and not self.dispensation_ref.strip():
            raise RuleViolation("Give the reference of the dispensation.")
        if not self.sensitive and not self.nature.strip():
            raise RuleViolation("Say the nature of the interest (or mark it sensitive).")
        for existing in record.declarations.values():
            if existing.person_id == self.person and existing.item_id == target.id:
                raise RuleViolation(f"{name} has already declared an interest in this item.")
        declaration_id = record.next_id("declarations")
        record.declarations[declaration_id] = Declaration(
            id=declaration_id,
            person_id=self.person,
            item_id=target.id,
            kind=self.interest,
            nature="" if self.sensitive else self.nature.strip(),
            sensitive=self.sensitive,
            conduct=conduct,
            dispensation_ref=self.dispensation_ref.strip(),
        )
        return f"record {name}'s {self.interest.value} interest in item {target.number}"


register(Declare)
