"""What every part of the minutes needs to know: the record, the version, how items are named."""

from __future__ import annotations

from dataclasses import dataclass

from clerk.domain.entities import AgendaItem, Person
from clerk.domain.enums import Role
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.business import chaired
from clerk.domain.rules.numbering import format_minute
from clerk.domain.rules.presence import SEATED_STATUSES

EXEMPT_TITLE = "Exempt Item"
#: Present at the meeting, as the domain counts it for quorum and voting.
ATTENDED = SEATED_STATUSES


@dataclass(frozen=True)
class MinutesOptions:
    #: Include exempt detail (and mark every page "Confidential: not for publication").
    confidential: bool = False
    #: Not yet confirmed as a correct record: every page says "Draft: subject to confirmation".
    draft: bool = True


class MinuteContext:
    """The record being minuted, the version (public or confidential), and the names of
    things: minute labels and references, the Chair's title, who presided."""

    def __init__(self, record: MeetingRecord, options: MinutesOptions) -> None:
        self.record = record
        self.options = options
        self.persons: dict[str, Person] = record.persons
        self.body = record.committee.calls_itself
        self.chair_title = record.committee.signatory_title or record.council.signatory_title
        self.vice_chair_title = record.council.house_style.vice_chair_title
        self.minuted = sorted(
            (i for i in record.items.values() if i.minute_number is not None),
            key=lambda i: (i.minute_number or 0, i.position, i.id),
        )
        self.chair_id = chaired(record)  # the read side's rule

    def attended(self, person_id: str) -> bool:
        entry = self.record.attendance_of(person_id)
        return entry is not None and entry.status in ATTENDED

    def role_title(self, person_id: str) -> str:
        """ "Chairman" or "Vice-Chair" for the body's chair and vice-chair; else empty."""
        membership = self.record.membership_of(person_id)
        if membership is None:
            return ""
        if membership.role is Role.CHAIR:
            return self.chair_title
        if membership.role is Role.VICE_CHAIR:
            return self.vice_chair_title
        return ""

    # -- items ---------------------------------------------------------------------------

    def hidden(self, item: AgendaItem) -> bool:
        """Exempt detail left out: an exempt item in the public version."""
        return item.exempt and not self.options.confidential

    def label(self, item: AgendaItem) -> str:
        assert item.minute_number is not None
        council = self.record.council
        return format_minute(
            council.minute_heading_pattern,
            item.minute_number,
            self.record.meeting.date,
            (council.year_start_month, council.year_start_day),
            self.record.committee.minute_prefix,
        )

    def reference(self, item: AgendaItem) -> str:
        """ "Minute 17", or "agenda item 7" for an item never minuted."""
        if item.minute_number is None:
            return f"agenda item {item.number}"
        return f"Minute {self.label(item)}"

    def title(self, item: AgendaItem) -> str:
        if self.hidden(item) and not item.title_is_public:
            return EXEMPT_TITLE
        return item.title

    def follows(self, earlier: AgendaItem | None, later: AgendaItem) -> bool:
        """``later`` is the next item minuted after ``earlier`` (the first, for None)."""
        if later not in self.minuted:
            return False
        index = self.minuted.index(later)
        if earlier is None:
            return index == 0
        return index > 0 and self.minuted[index - 1].id == earlier.id
