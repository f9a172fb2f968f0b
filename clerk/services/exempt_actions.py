"""An action's exempt status, made explicit before the action leaves its database.

Actions recorded before Clerk kept the status on the action itself hold none: it is worked
out from the item they are on and, for a copy carried forward, from the action in the meeting
where it began (when that meeting is in this database). Exporting a meeting and carrying its
actions forward both write the status onto the actions, so it travels with them.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Connection

from clerk.domain.entities import ActionItem
from clerk.domain.exempt import action_exempt_under
from clerk.domain.record import MeetingRecord
from clerk.domain.signoff.confirmation import parse_carried_from
from clerk.storage import repository as repo


def origin_exempt_under(conn: Connection, action: ActionItem) -> int | None:
    """The Schedule 12A paragraph of the action where it began, when that is in the database."""
    origin = parse_carried_from(action.carried_from)
    if origin is None:
        return None
    try:
        meeting_id = repo.find_meeting(conn, origin.committee, origin.date)
    except repo.NotFound:
        return None
    (first_meeting,) = repo.load_records(conn, [meeting_id], collections=("items", "actions"))
    first = first_meeting.actions.get(origin.action_id)
    return action_exempt_under(first_meeting, first) if first is not None else None


def fill_exempt_status(conn: Connection, record: MeetingRecord) -> None:
    """Write onto each action of ``record`` (in memory) the exempt status it stands under."""
    for key, action in sorted(record.actions.items()):
        if action.exempt_paragraph is not None:
            continue
        under = action_exempt_under(record, action)
        if under is None and action.carried_from:
            under = origin_exempt_under(conn, action)
        if under is not None:
            record.actions[key] = replace(action, exempt_paragraph=under)
