"""Quorum: councillor seats present, less those withdrawn for the item.

Present means in the room, or attending by video where the law makes that presence
(``rules.remote``: Wales; England under the 2020 regulations). Remote observers never count
(Hertfordshire CC v SSHCLG [2021]); co-opted members do not count towards the quorum of a
committee of the council.
"""

from dataclasses import dataclass
from math import ceil

from clerk.domain.enums import QuorumKind
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.presence import is_present, seat_role, withdrawal


@dataclass(frozen=True)
class QuorumState:
    present: int
    needed: int

    @property
    def quorate(self) -> bool:
        return self.present >= self.needed

    def describe(self) -> str:
        state = "quorate" if self.quorate else "INQUORATE"
        return f"{self.present} / {self.needed} present ({state})"


def seats(record: MeetingRecord) -> int:
    return sum(1 for m in record.memberships_on_day() if m.role.is_councillor_seat)


def quorum_needed(record: MeetingRecord) -> int:
    rule = record.committee.quorum
    if rule.kind is QuorumKind.FIXED:
        return rule.value
    return max(1, ceil(seats(record) * rule.value / rule.denominator))


def quorum_state(record: MeetingRecord, item_id: int | None = None) -> QuorumState:
    counted = 0
    for entry in record.attendance.values():
        role = seat_role(record, entry.person_id)
        if role is None or not role.is_councillor_seat:
            continue
        if not is_present(record, entry.person_id):
            continue
        if item_id is not None and withdrawal(record, entry.person_id, item_id) is not None:
            continue
        counted += 1
    return QuorumState(present=counted, needed=quorum_needed(record))
