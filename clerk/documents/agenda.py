"""The front sheet and the agenda of a meeting, as the seed's pack has them.

Front sheet: the day the pack is published, the committee, "A meeting of ... will be held on
<date> commencing at <time>", the venue, the members (chair and vice-chair marked) and the
co-opted members with whom they represent, the council's strapline and contact block. Then,
on a new page, the agenda: each item with its number, title, "(Pages X - Y)" in the pack as
assembled (given by the caller, who knows them), its purpose or the council's standard
wording, recommendations, invited officers as a note, "(To Follow)" for a report not yet
attached; Part II items under a heading that states the exclusion and the Schedule 12A
paragraph. In the public pack a Part II item says only its title when that is public, the
public summary and why its report is not published (``clerk.domain.exempt``: its purpose,
recommendations and invited officers are withheld). A supplementary agenda lists just the
items added late, with the reason for urgency.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from clerk.documents import wording
from clerk.documents.agenda_wording import (
    CONTACT_LEAD,
    chair_title,
    paragraphs,
    standard_text,
    venue_phrase,
)
from clerk.documents.minutes import part_items
from clerk.documents.model import (
    Align,
    Block,
    Document,
    Furniture,
    Heading,
    Metadata,
    NumberedList,
    PageBreak,
    Para,
)
from clerk.domain.entities import AgendaItem
from clerk.domain.enums import Role
from clerk.domain.exempt import withheld_from_public
from clerk.domain.names import display_name, join_names
from clerk.domain.record import MeetingRecord
from clerk.domain.timefmt import clock, long_date, weekday_date

VICE_CHAIR = "Vice-Chair"
TO_FOLLOW = "(To Follow)"
CO_OPTED = (Role.CO_OPTED_VOTING, Role.CO_OPTED_EDUCATION)


@dataclass(frozen=True)
class AgendaOptions:
    published: date
    #: The members' pack: Part II reports are in it (and marked confidential).
    members: bool = False
    #: Only the items added late (with a reason for urgency).
    supplementary: bool = False


#: Pages of the pack holding each item's documents: item id -> (first, last).
Pages = Mapping[int, tuple[int, int]]


def pages_phrase(first: int, last: int) -> str:
    return f"(Page {first})" if first == last else f"(Pages {first} - {last})"


def agenda_items(record: MeetingRecord, supplementary: bool) -> list[AgendaItem]:
    """The items the agenda lists: all, or for a supplementary agenda those added late."""
    items = record.agenda()
    return [i for i in items if i.urgency_reason.strip()] if supplementary else items


def compose_agenda(
    record: MeetingRecord, confirms: Sequence[date], pages: Pages, options: AgendaOptions
) -> Document:
    return _Agenda(record, confirms, pages, options).document()


class _Agenda:
    def __init__(
        self,
        record: MeetingRecord,
        confirms: Sequence[date],
        pages: Pages,
        options: AgendaOptions,
    ) -> None:
        self.record = record
        self.confirms = confirms
        self.pages = pages
        self.options = options
        self.committee = record.committee
        self.kind = "Supplementary Agenda" if options.supplementary else "Agenda"

    def document(self) -> Document:
        meeting = self.record.meeting
        blocks = [*self.front_sheet(), PageBreak(), *self.agenda()]
        title = f"{self.committee.name}: {self.kind}, {long_date(meeting.date)}"
        return Document(
            metadata=Metadata(
                title=title,
                subject=self.committee.name,
                author=self.record.council.name,
                keywords="agenda",
            ),
            furniture=Furniture(
                running_left=self.committee.name,
                running_right=weekday_date(meeting.date),
            ),
            blocks=tuple(blocks),
        )

    # -- the front sheet ----------------------------------------------------------------

    def front_sheet(self) -> list[Block]:
        record, meeting = self.record, self.record.meeting
        centre = Align.CENTRE
        blocks: list[Block] = [
            Para(weekday_date(self.options.published), align=Align.RIGHT),
            Heading(self.committee.name.upper(), level=0),
        ]
        if self.options.supplementary:
            blocks.append(Para("Supplementary Agenda", bold=True, align=centre))
        blocks += [
            Para(f"A meeting of {self.committee.name} will be held on", align=centre),
            Para(weekday_date(meeting.date), bold=True, align=centre),
        ]
        if meeting.scheduled_time is not None:
            blocks.append(Para(f"commencing at {clock(meeting.scheduled_time)}", align=centre))
        if meeting.venue.strip():
            blocks.append(
                Para(f"The meeting will be held in {venue_phrase(meeting.venue)}", align=centre)
            )
        blocks.extend(self.members())
        agenda_wording = record.council.agenda
        if agenda_wording.strapline.strip():
            blocks.append(
                Para(agenda_wording.strapline.strip(), bold=True, align=centre, space_before=True)
            )
        if agenda_wording.contact.strip():
            blocks.append(Para(CONTACT_LEAD, space_before=True, keep_with_next=True))
            blocks.extend(Para(text) for text in paragraphs(agenda_wording.contact))
        return blocks

    def members(self) -> list[Block]:
        record = self.record
        body = self.committee.calls_itself
        memberships = record.memberships_on_day()
        chair = chair_title(record)
        seats = [m for m in memberships if m.role.is_councillor_seat]
        seats.sort(key=lambda m: m.role is not Role.CHAIR)  # the chair first, else in order
        blocks: list[Block] = []
        if seats:
            blocks.append(Heading(f"Members of the {body}", level=2))
            for membership in seats:
                name = display_name(record.person(membership.person_id))
                if membership.role is Role.CHAIR:
                    name += f" ({chair})"
                elif membership.role is Role.VICE_CHAIR:
                    name += f" ({VICE_CHAIR})"
                blocks.append(Para(name))
        groups: list[tuple[str, tuple[Role, ...]]] = [(f"Co-opted Members of the {body}", CO_OPTED)]
        if self.committee.lists_non_voting_co_optees:
            groups.append(
                (f"Non-voting Co-opted Members of the {body}", (Role.CO_OPTED_NON_VOTING,))
            )
        for heading, roles in groups:
            people = [record.person(m.person_id) for m in memberships if m.role in roles]
            if people:
                blocks.append(Heading(heading, level=2))
                for person in people:
                    name = display_name(person)
                    represents = person.represents.strip()
                    blocks.append(Para(f"{name}, {represents}" if represents else name))
        return blocks

    # -- the agenda ---------------------------------------------------------------------

    def agenda(self) -> list[Block]:
        name = f"{self.committee.name} {self.kind}".upper()
        blocks: list[Block] = [Heading(name, level=1, bookmark=True)]
        items = agenda_items(self.record, self.options.supplementary)
        if self.options.supplementary:
            blocks.append(
                Para(
                    "The following items were added to the agenda after it was published. The "
                    f"{chair_title(self.record)} has agreed that they be considered at the "
                    "meeting as matters of urgency, for the reasons given (Local Government "
                    "Act 1972, s.100B(4)(b)).",
                    italic=True,
                )
            )
        if not items:
            blocks.append(Para("There are no items on this agenda."))
        part_two = False
        for item in items:
            if item.exempt and not part_two:
                part_two = True
                blocks.extend(self.part_two_heading(items))
            blocks.extend(self.item_blocks(item))
        for index, text in enumerate(paragraphs(self.record.council.agenda.notes)):
            if text.startswith("# "):
                blocks.append(Heading(text[2:].strip(), level=2))
            else:
                blocks.append(Para(text, space_before=index == 0))
        return blocks

    def part_two_heading(self, items: Sequence[AgendaItem]) -> list[Block]:
        numbers = sorted({i.exempt_paragraph for i in items if i.exempt_paragraph is not None})
        which = "item" if sum(1 for i in items if i.exempt) == 1 else "items"
        return [
            Heading("Part II: Items in respect of which the press and public may be excluded", 2),
            Para(
                "To consider passing a resolution that the press and public be excluded from "
                f"the meeting for the following {which} of business on the grounds that "
                "they involve the likely disclosure of exempt information as defined in "
                f"{wording.paragraphs_phrase(numbers)} of {wording.SCHEDULE_12A}.",
                keep_with_next=True,
            ),
        ]

    def item_blocks(self, item: AgendaItem) -> list[Block]:
        public_pack = not self.options.members
        hidden_title = item.exempt and not item.title_is_public and public_pack
        title = "Exempt Item" if hidden_title else item.title
        blocks: list[Block] = [Heading(f"{item.number}. {title}", level=2, bookmark=True)]
        withheld = public_pack and withheld_from_public(item)
        span = self.pages.get(item.id)
        if span is not None:
            blocks.append(Para(pages_phrase(*span), bold=True, keep_with_next=True))
        elif item.report_to_follow and not item.reports and not withheld:
            blocks.append(Para(TO_FOLLOW, bold=True, keep_with_next=True))
        if not withheld:
            text = standard_text(item, self.record, self.confirms)
            blocks.extend(Para(p) for p in paragraphs(text))
        elif item.public_summary.strip():
            blocks.extend(Para(p) for p in paragraphs(item.public_summary))
        if item.recommendations and not withheld:
            label = "Recommendation:" if len(item.recommendations) == 1 else "Recommendations:"
            blocks.append(Para(label, bold=True, keep_with_next=True))
            blocks.append(NumberedList(part_items(item.recommendations)))
        if item.invited_officers and not withheld:
            have = "has" if len(item.invited_officers) == 1 else "have"
            names = join_names([o.strip() for o in item.invited_officers])
            blocks.append(Para(f"(Note: {names} {have} been invited for this item.)", italic=True))
        if item.urgency_reason.strip():
            reason = wording.sentence(item.urgency_reason)
            blocks.append(Para(f"Reason for urgency: {reason}", italic=True))
        if item.exempt_paragraph is not None:
            paragraph = item.exempt_paragraph
            if withheld:
                text = (
                    "The report is not for publication: it contains exempt information as "
                    f"defined in paragraph {paragraph} of {wording.SCHEDULE_12A}."
                )
            else:
                text = f"(Confidential: {wording.exempt_note(paragraph)})"
            blocks.append(Para(text, italic=True))
        return blocks
