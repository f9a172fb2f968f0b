"""Setting up the agenda before (or during) the meeting."""

from __future__ import annotations

from dataclasses import dataclass, replace

from clerk.domain.actions.base import Action, Context, register, require_not_closed
from clerk.domain.entities import AgendaItem, Part
from clerk.domain.enums import ItemState, StandardItem
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.validation import title_problem


def check_title(title: str) -> None:
    problem = title_problem(title)
    if problem:
        raise RuleViolation(f"The agenda item's title {problem}.")


def check_paragraph(paragraph: int | None) -> None:
    if paragraph is not None and not 1 <= paragraph <= 7:
        raise RuleViolation(
            f"Schedule 12A has paragraphs 1 to 7; paragraph {paragraph} does not exist."
        )


@dataclass(frozen=True)
class AddItem(Action):
    """An agenda item: number, title, purpose, report pages, officers, recommendations.

    ``budget`` marks a budget or council tax decision: every vote on it is recorded by name.
    """

    kind = "add_item"
    number: str
    title: str
    standard: StandardItem = StandardItem.BUSINESS
    purpose: str = ""
    report_pages: str = ""
    invited_officers: tuple[str, ...] = ()
    recommendations: tuple[Part, ...] = ()
    exempt_paragraph: int | None = None
    title_is_public: bool = True
    education: bool = False
    report_to_follow: bool = False
    urgency_reason: str = ""
    budget: bool = False

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "change the agenda")
        if not self.title.strip():
            raise RuleViolation("An agenda item needs a title.")
        check_title(self.title)
        if any(i.number == self.number for i in record.items.values()):
            raise RuleViolation(f"There is already an item {self.number} on the agenda.")
        check_paragraph(self.exempt_paragraph)
        item_id = record.next_id("items")
        position = max((i.position for i in record.items.values()), default=0) + 1
        record.items[item_id] = AgendaItem(
            id=item_id,
            number=self.number,
            title=self.title.strip(),
            position=position,
            standard=self.standard,
            purpose=self.purpose,
            report_pages=self.report_pages,
            invited_officers=self.invited_officers,
            recommendations=self.recommendations,
            exempt_paragraph=self.exempt_paragraph,
            title_is_public=self.title_is_public,
            education=self.education,
            report_to_follow=self.report_to_follow,
            urgency_reason=self.urgency_reason.strip(),
            budget=self.budget,
        )
        return f"add item {self.number} ({self.title.strip()}) to the agenda"


@dataclass(frozen=True)
class EditItem(Action):
    """Change an item's details; fields left out (null) stay as they are."""

    kind = "edit_item"
    item: int
    title: str | None = None
    number: str | None = None
    purpose: str | None = None
    report_pages: str | None = None
    invited_officers: tuple[str, ...] | None = None
    recommendations: tuple[Part, ...] | None = None
    exempt_paragraph: int | None = None
    public: bool | None = None
    title_is_public: bool | None = None
    education: bool | None = None
    report_to_follow: bool | None = None
    urgency_reason: str | None = None
    budget: bool | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "change the agenda")
        target = record.item(self.item)
        check_paragraph(self.exempt_paragraph)
        if self.number is not None and any(
            i.number == self.number and i.id != target.id for i in record.items.values()
        ):
            raise RuleViolation(f"There is already an item {self.number} on the agenda.")
        if self.title is not None and not self.title.strip():
            raise RuleViolation("An agenda item needs a title.")
        if self.title is not None:
            check_title(self.title)
        exempt = target.exempt_paragraph
        if self.public:
            exempt = None
        elif self.exempt_paragraph is not None:
            exempt = self.exempt_paragraph
        changed = replace(
            target,
            title=self.title.strip() if self.title is not None else target.title,
            number=self.number if self.number is not None else target.number,
            purpose=self.purpose if self.purpose is not None else target.purpose,
            report_pages=self.report_pages
            if self.report_pages is not None
            else target.report_pages,
            invited_officers=self.invited_officers
            if self.invited_officers is not None
            else target.invited_officers,
            recommendations=self.recommendations
            if self.recommendations is not None
            else target.recommendations,
            exempt_paragraph=exempt,
            title_is_public=self.title_is_public
            if self.title_is_public is not None
            else target.title_is_public,
            education=self.education if self.education is not None else target.education,
            report_to_follow=self.report_to_follow
            if self.report_to_follow is not None
            else target.report_to_follow,
            urgency_reason=self.urgency_reason.strip()
            if self.urgency_reason is not None
            else target.urgency_reason,
            budget=self.budget if self.budget is not None else target.budget,
        )
        record.items[target.id] = changed
        if changed.exempt_paragraph != target.exempt_paragraph:
            _mark_actions(record, target.id, changed.exempt_paragraph)
        return f"edit item {changed.number}"


def _mark_actions(record: MeetingRecord, item_id: int, paragraph: int | None) -> None:
    """The actions arising on an item follow its exempt status (carried copies keep theirs)."""
    for action in record.for_item("actions", item_id):
        if not action.carried_from and action.exempt_paragraph != paragraph:
            record.actions[action.id] = replace(action, exempt_paragraph=paragraph)


@dataclass(frozen=True)
class RemoveItem(Action):
    """Remove an item not yet taken from the agenda."""

    kind = "remove_item"
    item: int

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "change the agenda")
        target = record.item(self.item)
        if target.state is not ItemState.NOT_STARTED:
            raise RuleViolation(f"Item {target.number} has been taken and cannot be removed.")
        for name in ("declarations", "paragraphs", "motions", "resolutions", "actions"):
            if record.for_item(name, target.id):
                raise RuleViolation(f"Item {target.number} has recorded business ({name}).")
        referenced = (
            any(target.id in (e.item_id, e.for_item_id) for e in record.events.values())
            or any(m.item_id == target.id for m in record.movements.values())
            or any(m.excludes_item_id == target.id for m in record.motions.values())
        )
        if referenced or record.meeting.current_item_id == target.id:
            raise RuleViolation(
                f"Item {target.number} is referred to by what was recorded during it, "
                "so cannot be removed."
            )
        del record.items[target.id]
        return f"remove item {target.number} from the agenda"


@dataclass(frozen=True)
class MoveItem(Action):
    """Move an item up (-1) or down (+1) the agenda."""

    kind = "move_item"
    item: int
    by: int

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "change the agenda")
        target = record.item(self.item)
        agenda = record.agenda()
        index = agenda.index(target)
        new_index = index + self.by
        if self.by == 0 or not 0 <= new_index < len(agenda):
            raise RuleViolation(f"Item {target.number} cannot move that far.")
        agenda.insert(new_index, agenda.pop(index))
        for position, item in enumerate(agenda, start=1):
            if item.position != position:
                record.items[item.id] = replace(item, position=position)
        return f"move item {target.number} {'up' if self.by < 0 else 'down'}"


for _cls in (AddItem, EditItem, RemoveItem, MoveItem):
    register(_cls)
