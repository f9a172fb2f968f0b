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
    #: An action from a meeting held before Clerk, brought onto this item's tracker: the date
    #: of that meeting and its minute number, which the tracker shows instead of this one's.
    began: date | None = None
    began_minute: int | None = None

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        target = record.item(self.item)
        if self.began_minute is not None and self.began is None:
            raise RuleViolation("Give the date of the meeting the action came from.")
        if self.began is not None and self.began >= record.meeting.date:
            raise RuleViolation(
                "An action carried from an earlier meeting began before this one; "
                f"{self.began.isoformat()} is not earlier."
            )
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
            carried_from=self._origin(record, action_id),
        )
        return f"add action {action_id} on Minute {target.minute_number}"

    def _origin(self, record: MeetingRecord, action_id: int) -> str:
        """Where an action from before Clerk began, in the form a carried action keeps it."""
        if self.began is None:
            return ""
        minute = "" if self.began_minute is None else str(self.began_minute)
        return (
            f"{record.committee.slug}/{self.began.isoformat()}#minute-{minute}/action-{action_id}"
        )


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
