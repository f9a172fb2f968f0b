"""Actions arising from resolutions, and their progress."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from clerk.domain.actions.base import Action, Context, register
from clerk.domain.entities import ActionItem, Comment, Part
from clerk.domain.enums import ActionStatus
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord


@dataclass(frozen=True)
class AddAction(Action):
    """An action arising from a minuted item: text, owner, due date."""

    kind = "add_action"
    allowed_when_closed = True
    item: int
    text: Part
    owner: str = ""
    due: date | None = None
    comment: str = ""

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        target = record.item(self.item)
        if target.minute_number is None:
            raise RuleViolation(f"Item {target.number} has not been minuted, so has no actions.")
        if not self.text.text.strip():
            raise RuleViolation("An action needs its text.")
        comments = (Comment(ctx.today, self.comment.strip()),) if self.comment.strip() else ()
        action_id = record.next_id("actions")
        record.actions[action_id] = ActionItem(
            id=action_id,
            item_id=target.id,
            text=self.text,
            owner=self.owner,
            due=self.due,
            comments=comments,
            exempt_paragraph=target.exempt_paragraph,
        )
        return f"add action {action_id} on Minute {target.minute_number}"


@dataclass(frozen=True)
class UpdateAction(Action):
    """A change of status or a progress note; every update is kept as a dated comment."""

    kind = "update_action"
    allowed_when_closed = True
    action_id: int
    comment: str
    status: ActionStatus | None = None
    on: date | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        target = record.action(self.action_id)
        if not self.comment.strip():
            raise RuleViolation("Say what happened: an action update needs a comment.")
        comment = Comment(self.on or ctx.today, self.comment.strip())
        record.actions[target.id] = replace(
            target,
            status=self.status or target.status,
            comments=(*target.comments, comment),
        )
        status = (self.status or target.status).value
        return f"update action {target.id} ({status})"


register(AddAction)
register(UpdateAction)
