"""The minutes of a meeting, composed from its record in the house style of the seed.

Public (the default) and confidential versions come from the same record. In the public
version nothing of an exempt item (one with a Schedule 12A paragraph) appears beyond its title
where the title is public, the resolution excluding the press and public, its public summary,
and the bare fact of a declaration or a movement. The confidential version has everything and
says so on every page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from clerk.documents import wording
from clerk.documents.model import (
    Align,
    Block,
    Document,
    Furniture,
    Heading,
    ListItem,
    Metadata,
    NumberedList,
    Para,
    Signature,
)
from clerk.domain.entities import AgendaItem, Declaration, Motion, Part, Person, Resolution
from clerk.domain.enums import (
    AttendanceStatus,
    EventKind,
    MotionKind,
    MotionOutcome,
    PersonKind,
    Role,
    StandardItem,
    VoteMethod,
)
from clerk.domain.exempt import exempt_paragraphs
from clerk.domain.names import display_name, join_names
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.motions import amendments_to, substantive_parts
from clerk.domain.rules.numbering import format_minute
from clerk.domain.timefmt import long_date, weekday_date

DRAFT_MARK = "Draft: subject to confirmation"
CONFIDENTIAL_MARK = "Confidential: not for publication"
PRESENT_MARK = "-: Present :-"
EXEMPT_TITLE = "Exempt Item"

ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)
CO_OPTED_VOTING = (Role.CO_OPTED_VOTING, Role.CO_OPTED_EDUCATION)

#: Which item an arrival, departure or adjournment belongs under (by the item under way).
ItemFilter = Callable[[int | None], bool]


@dataclass(frozen=True)
class MinutesOptions:
    #: Include exempt detail (and mark every page "Confidential: not for publication").
    confidential: bool = False
    #: Not yet confirmed as a correct record: every page says "Draft: subject to confirmation".
    draft: bool = True


def compose_minutes(record: MeetingRecord, options: MinutesOptions) -> Document:
    return _Minutes(record, options).document()


def part_items(parts: tuple[Part, ...]) -> tuple[ListItem, ...]:
    """Numbered parts with their lettered sub-parts (deeper parts join the lettered level)."""

    def flatten(children: tuple[Part, ...]) -> list[ListItem]:
        items: list[ListItem] = []
        for child in children:
            items.append(ListItem(child.text))
            items.extend(flatten(child.parts))
        return items

    return tuple(ListItem(part.text, tuple(flatten(part.parts))) for part in parts)


class _Minutes:
    def __init__(self, record: MeetingRecord, options: MinutesOptions) -> None:
        self.record = record
        self.options = options
        self.persons = record.persons
        self.body = record.committee.calls_itself
        self.chair_title = record.committee.signatory_title or record.council.signatory_title
        self.minuted = sorted(
            (i for i in record.items.values() if i.minute_number is not None),
            key=lambda i: (i.minute_number or 0, i.position, i.id),
        )
        self.chair_id = self._presiding()
        self.declarations_item = next(
            (i for i in self.minuted if i.standard is StandardItem.DECLARATIONS), None
        )

    # -- whole document -----------------------------------------------------------------

    def document(self) -> Document:
        record = self.record
        committee = record.committee
        day = record.meeting.date
        blocks: list[Block] = [
            Heading(f"Minutes of the {committee.name}", level=0),
            Para(long_date(day), align=Align.CENTRE),
            *self.present_block(),
        ]
        blocks.extend(self.opening_blocks())
        for item in self.minuted:
            blocks.extend(self.item_blocks(item))
        if record.meeting.ended_at is not None:
            blocks.append(Para(wording.ended_line(record.meeting.ended_at)))
        blocks = keep_last_with_next(blocks, 2)
        blocks.append(Signature(self.chair_title))
        return Document(
            metadata=Metadata(
                title=f"Minutes of the {committee.name}, {long_date(day)}",
                subject=committee.name,
                author=record.council.name,
            ),
            furniture=Furniture(
                running_left=committee.name,
                running_right=weekday_date(day),
                markings=self.markings(),
            ),
            blocks=tuple(blocks),
        )

    def markings(self) -> tuple[str, ...]:
        marks: list[str] = []
        if self.options.confidential:
            marks.append(CONFIDENTIAL_MARK)
            paragraphs = exempt_paragraphs(self.record)
            if paragraphs:
                marks.append(
                    f"Exempt information: {wording.paragraphs_phrase(paragraphs)} of "
                    f"{wording.SCHEDULE_12A}"
                )
        if self.options.draft:
            marks.append(DRAFT_MARK)
        return tuple(marks)

    # -- who was there ------------------------------------------------------------------

    def _attended(self, person_id: str) -> bool:
        entry = self.record.attendance_of(person_id)
        return entry is not None and entry.status in ATTENDED

    def _presiding(self) -> str | None:
        if self.record.meeting.presiding_id is not None:
            return self.record.meeting.presiding_id
        for role in (Role.CHAIR, Role.VICE_CHAIR):
            for membership in self.record.memberships_on_day():
                if membership.role is role and self._attended(membership.person_id):
                    return membership.person_id
        return None

    def _with_status(self, status: AttendanceStatus) -> list[Person]:
        entries = sorted(self.record.attendance.values(), key=lambda e: e.id)
        return [self.persons[e.person_id] for e in entries if e.status is status]

    def present_block(self) -> list[Block]:
        record = self.record
        centre = Align.CENTRE
        lines: list[Block] = [Para(PRESENT_MARK, align=centre, space_before=True)]
        memberships = record.memberships_on_day()
        chair = self.chair_id
        if chair is not None and self._attended(chair):
            membership = record.membership_of(chair)
            title = (
                self.chair_title
                if membership is not None and membership.role is Role.CHAIR
                else "In the Chair"
            )
            lines.append(Para(f"{display_name(self.persons[chair])} ({title})", align=centre))
        for membership in memberships:
            pid = membership.person_id
            if membership.role is Role.VICE_CHAIR and pid != chair and self._attended(pid):
                lines.append(Para(f"{display_name(self.persons[pid])} (Vice-Chair)", align=centre))
        councillors = [
            self.persons[m.person_id]
            for m in memberships
            if m.role is Role.MEMBER and m.person_id != chair and self._attended(m.person_id)
        ]
        councillors += [p for p in self._with_status(AttendanceStatus.SUBSTITUTE) if p.id != chair]
        if councillors:
            lines.append(Para(wording.people_phrase(councillors), align=centre))
        for roles, label in (
            (CO_OPTED_VOTING, "Co-opted Member"),
            ((Role.CO_OPTED_NON_VOTING,), "Non-voting Co-opted Member"),
        ):
            people = [
                self.persons[m.person_id]
                for m in memberships
                if m.role in roles and self._attended(m.person_id)
            ]
            if people:
                heading = label if len(people) == 1 else f"{label}s"
                lines.append(Para(heading, underline=True, align=centre, space_before=True))
                lines.extend(Para(self._with_represents(p), align=centre) for p in people)
        also = self._with_status(AttendanceStatus.ALSO_ATTENDING)
        if also:
            lines.append(
                Para(f"(Also in attendance: {also_phrase(also)})", align=centre, space_before=True)
            )
        remote = self._with_status(AttendanceStatus.REMOTE_OBSERVER)
        if remote:
            names = join_names([display_name(p) for p in remote])
            lines.append(Para(f"(Observing remotely, not present: {names})", align=centre))
        if record.council.lists_officers:
            officers = self._with_status(AttendanceStatus.OFFICER)
            if officers:
                names = "; ".join(self._with_job(p) for p in officers)
                lines.append(Para(f"(Officers: {names})", align=centre))
        return lines

    @staticmethod
    def _with_represents(person: Person) -> str:
        name = display_name(person)
        return f"{name}, {person.represents}" if person.represents else name

    @staticmethod
    def _with_job(person: Person) -> str:
        name = display_name(person)
        return f"{name}, {person.job_title}" if person.job_title else name

    # -- before the first minute --------------------------------------------------------

    def opening_blocks(self) -> list[Block]:
        blocks: list[Block] = []
        if self.record.meeting.started_at is not None:
            blocks.append(Para(wording.started_line(self.record.meeting.started_at)))
        minuted_ids = {i.id for i in self.minuted}
        blocks.extend(self.movement_blocks(lambda item_id: item_id not in minuted_ids))
        blocks.extend(self.adjournment_blocks(lambda item_id: item_id not in minuted_ids))
        return blocks

    # -- one minute ---------------------------------------------------------------------

    def hidden(self, item: AgendaItem) -> bool:
        return item.exempt and not self.options.confidential

    def label(self, item: AgendaItem) -> str:
        assert item.minute_number is not None
        council = self.record.council
        return format_minute(
            council.minute_heading_pattern, item.minute_number, self.record.meeting.date
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

    def item_blocks(self, item: AgendaItem) -> list[Block]:
        record = self.record
        hidden = self.hidden(item)
        blocks: list[Block] = [Heading(f"{self.label(item)}. {self.title(item)}", 1, bookmark=True)]
        if item.exempt and not hidden:
            assert item.exempt_paragraph is not None
            blocks.append(Para(wording.exempt_note(item.exempt_paragraph), italic=True))
        for event in sorted(record.events.values(), key=lambda e: e.id):
            if event.kind is EventKind.PUBLIC_EXCLUDED and event.item_id == item.id:
                paragraph = event.paragraph or item.exempt_paragraph or 0
                where = f"the item in {self.reference(item)}"
                blocks.append(Para(wording.exclusion_sentence(where, paragraph)))
        if hidden:
            assert item.exempt_paragraph is not None
            summary = item.public_summary.strip()
            text = summary or wording.withheld_sentence(item.exempt_paragraph)
            blocks.append(Para(text))
        elif item.exempt and item.public_summary.strip():
            blocks.append(Para(f"Public summary: {item.public_summary.strip()}", italic=True))
        if self.declarations_item is None:
            blocks.extend(self.declaration_blocks(record.for_item("declarations", item.id)))
        elif item.id == self.declarations_item.id:
            declarations = sorted(
                record.declarations.values(),
                key=lambda d: (self._order(d.item_id), d.id),
            )
            blocks.extend(self.declaration_blocks(declarations))
            if not declarations:
                blocks.append(Para("No interests were declared."))
        if not hidden:
            if item.standard is StandardItem.APOLOGIES:
                apologies = self.apologies_text()
                if apologies:
                    blocks.append(Para(" ".join(apologies)))
            blocks.extend(self.paragraph_blocks(item))
            blocks.extend(self.decision_blocks(item))
        blocks.extend(self.movement_blocks(lambda item_id: item_id == item.id))
        blocks.extend(self.adjournment_blocks(lambda item_id: item_id == item.id))
        return blocks

    def paragraph_blocks(self, item: AgendaItem) -> list[Block]:
        """The item's minute text; a paragraph exempt on its own (a correction to an exempt
        minute) only in the confidential version, under its Schedule 12A note."""
        blocks: list[Block] = []
        for paragraph in self.record.paragraphs_for(item.id):
            own = paragraph.exempt_paragraph
            if own is not None and not item.exempt:
                if not self.options.confidential:
                    continue
                blocks.append(Para(wording.exempt_note(own), italic=True, keep_with_next=True))
            blocks.append(Para(paragraph.text))
        return blocks

    def _order(self, item_id: int) -> tuple[int, int]:
        item = self.record.items[item_id]
        return (item.minute_number or 10**6, item.position)

    # -- apologies and declarations -----------------------------------------------------

    def apologies_text(self) -> list[str]:
        record = self.record
        texts: list[str] = []
        substitutes = sorted(
            (e for e in record.attendance.values() if e.status is AttendanceStatus.SUBSTITUTE),
            key=lambda e: e.id,
        )
        for index, entry in enumerate(substitutes):
            if entry.substitute_for is None:
                continue
            member = self.persons[entry.substitute_for]
            membership = record.membership_of(member.id)
            group = entry.group or (membership.group if membership else "")
            texts.append(
                wording.substitution_sentence(
                    self.body, group, member, self.persons[entry.person_id], first=index == 0
                )
            )
        apologies = self._with_status(AttendanceStatus.APOLOGIES)
        if apologies:
            roles = {p.id: self._role(p.id) for p in apologies}
            councillors = [
                p
                for p in apologies
                if roles[p.id] in (None, Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)
            ]
            co_opted = [p for p in apologies if roles[p.id] in CO_OPTED_VOTING]
            non_voting = [p for p in apologies if roles[p.id] is Role.CO_OPTED_NON_VOTING]
            texts.append(
                wording.apologies_sentence(councillors, co_opted, non_voting, also=bool(texts))
            )
        for entry in sorted(record.attendance.values(), key=lambda e: e.id):
            if entry.status is AttendanceStatus.ALSO_ATTENDING and (
                entry.capacity.strip() or entry.representing.strip()
            ):
                texts.append(
                    wording.representation_sentence(
                        self.persons[entry.person_id], entry.capacity, entry.representing
                    )
                )
        if not texts and not record.paragraphs_for(self._apologies_id()):
            texts.append("No apologies for absence were received.")
        return texts

    def _apologies_id(self) -> int:
        return next(i.id for i in self.minuted if i.standard is StandardItem.APOLOGIES)

    def _role(self, person_id: str) -> Role | None:
        membership = self.record.membership_of(person_id)
        return membership.role if membership is not None else None

    def declaration_blocks(self, declarations: list[Declaration]) -> list[Block]:
        blocks: list[Block] = []
        for declaration in declarations:
            item = self.record.items[declaration.item_id]
            blocks.append(
                Para(
                    wording.declaration_sentence(
                        declaration,
                        self.persons[declaration.person_id],
                        self.reference(item),
                        self.body,
                        show_detail=not self.hidden(item),
                    )
                )
            )
        return blocks

    # -- motions, votes and resolutions -------------------------------------------------

    def decision_blocks(self, item: AgendaItem) -> list[Block]:
        record = self.record
        resolutions: list[Resolution] = record.for_item("resolutions", item.id)
        motions = [m for m in record.for_item("motions", item.id) if m.kind is MotionKind.MOTION]
        blocks: list[Block] = []
        printed: set[int] = set()
        for motion in motions:
            linked = [r for r in resolutions if r.motion_id == motion.id]
            blocks.extend(self.motion_blocks(motion, resolved=bool(linked)))
            for resolution in linked:
                blocks.extend(resolution_blocks(resolution))
                printed.add(resolution.id)
        for resolution in resolutions:
            if resolution.id not in printed:
                blocks.extend(resolution_blocks(resolution))
        return blocks

    def motion_blocks(self, motion: Motion, resolved: bool) -> list[Block]:
        record = self.record
        amendments = amendments_to(record, motion.id)
        votes = record.votes_for(motion.id)
        vote = votes[-1] if votes else None
        plain = (
            resolved
            and not amendments
            and motion.outcome is MotionOutcome.CARRIED
            and vote is not None
            and vote.unanimous
            and vote.method is not VoteMethod.RECORDED
        )
        if plain:
            return []  # the seed prints no mover for a carried, unanimous, unamended motion
        blocks: list[Block] = []
        intro = wording.mover_sentence(motion, self.persons)
        if amendments or not resolved:
            blocks.append(Para(f"{intro} as follows:", keep_with_next=True))
            blocks.extend(wording_blocks(motion.preamble, motion.parts))
        else:
            blocks.append(Para(f"{intro}."))
        for amendment in amendments:
            blocks.extend(self.amendment_blocks(amendment))
        carried = any(a.outcome is MotionOutcome.CARRIED for a in amendments)
        noun = "substantive motion" if carried else "motion"
        if carried and not resolved:
            blocks.append(Para("The substantive motion read:", keep_with_next=True))
            blocks.extend(wording_blocks(motion.preamble, substantive_parts(record, motion)))
        blocks.extend(self.outcome_blocks(motion, noun))
        return blocks

    def amendment_blocks(self, amendment: Motion) -> list[Block]:
        mover = wording.mover_sentence(amendment, self.persons)
        intro = f"{mover} {wording.amendment_operation(amendment)}"
        blocks: list[Block] = []
        if amendment.parts:
            blocks.append(Para(f"{intro}:", keep_with_next=True))
            blocks.append(NumberedList(part_items(amendment.parts)))
        else:
            blocks.append(Para(f"{intro}."))
        blocks.extend(self.outcome_blocks(amendment, "amendment"))
        return blocks

    def outcome_blocks(self, motion: Motion, noun: str) -> list[Block]:
        votes = self.record.votes_for(motion.id)
        if votes:
            texts = wording.vote_sentences(
                votes[-1], self.persons, self.chair_title, self.chair_id, noun
            )
            return [Para(text) for text in texts]
        unvoted = wording.unvoted_outcome(motion, noun)
        return [Para(unvoted)] if unvoted else []

    # -- arrivals, departures, adjournments ---------------------------------------------

    def movement_blocks(self, belongs: ItemFilter) -> list[Block]:
        record = self.record
        blocks: list[Block] = []
        for entry in sorted(record.movements.values(), key=lambda m: m.id):
            if not belongs(entry.item_id):
                continue
            item = record.items.get(entry.item_id) if entry.item_id is not None else None
            during = self.reference(item) if item is not None and item.minute_number else None
            blocks.append(
                Para(wording.movement_sentence(entry, self.persons[entry.person_id], during))
            )
        return blocks

    def adjournment_blocks(self, belongs: ItemFilter) -> list[Block]:
        record = self.record
        events = sorted(record.events.values(), key=lambda e: e.id)
        blocks: list[Block] = []
        for index, event in enumerate(events):
            if event.kind is not EventKind.ADJOURNED or not belongs(event.item_id):
                continue
            following = next(
                (
                    e
                    for e in events[index + 1 :]
                    if e.kind in (EventKind.RESUMED, EventKind.ADJOURNED)
                ),
                None,
            )
            resumed = following.at if following and following.kind is EventKind.RESUMED else None
            item = record.items.get(event.item_id) if event.item_id is not None else None
            reason = "" if item is not None and self.hidden(item) else event.text
            blocks.append(Para(wording.adjournment_sentence(event.at, resumed, reason)))
        return blocks


def also_phrase(people: list[Person]) -> str:
    """The seed's "(Also in attendance: Councillors Steve Darling)": councillors under the
    plural label, as Torbay prints it, then anyone else by name."""
    councillors = [p for p in people if p.kind is PersonKind.COUNCILLOR and not p.honorific_prefix]
    others = [display_name(p) for p in people if p not in councillors]
    parts: list[str] = []
    if councillors:
        parts.append("Councillors " + join_names([p.name for p in councillors]))
    parts.extend(others)
    return "; ".join(parts)


def wording_blocks(preamble: str, parts: tuple[Part, ...]) -> list[Block]:
    """A motion's or resolution's words: its preamble, then its numbered parts (a single part
    without sub-parts is a plain paragraph, as clerks write "That ...")."""
    blocks: list[Block] = []
    if preamble.strip():
        blocks.append(Para(preamble.strip(), keep_with_next=True))
    if len(parts) == 1 and not parts[0].parts:
        blocks.append(Para(parts[0].text))
    elif parts:
        blocks.append(NumberedList(part_items(parts)))
    return blocks


def resolution_blocks(resolution: Resolution) -> list[Block]:
    """ "Resolved (unanimously):", "That the Cabinet be recommended:", 1., 2., 3. with a., b."""
    return [
        Para(resolution.wording, bold=True, keep_with_next=True),
        *wording_blocks(resolution.preamble, resolution.parts),
    ]


def keep_last_with_next(blocks: list[Block], count: int) -> list[Block]:
    """Keep the last ``count`` paragraphs or lists with what follows (the signature block)."""
    result = list(blocks)
    for index in range(len(result) - 1, max(-1, len(result) - 1 - count), -1):
        block = result[index]
        if isinstance(block, Para | NumberedList):
            result[index] = replace(block, keep_with_next=True)
    return result
