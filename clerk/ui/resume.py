"""Where a meeting left in progress was: everything derived from its record.

After a crash, a power cut or a closed lid, the window reopens the meeting at the item under
way, with the motion awaiting its vote (the vote panel open) or the carried motion awaiting
its resolution; attendance and quorum are simply the record's.
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk.domain.enums import AttendanceStatus, MotionKind
from clerk.domain.names import display_name
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.business import carried_unresolved, pending_motion, room
from clerk.ui import labels
from clerk.ui.models.agenda import item_heading


@dataclass(frozen=True)
class WhereWeWere:
    item_id: int | None
    vote_on: int | None
    resolve_motion: int | None
    summary: tuple[str, ...]


def where_we_were(record: MeetingRecord) -> WhereWeWere:
    meeting = record.meeting
    lines = []
    state = labels.MEETING_STATUS[meeting.status]
    if meeting.started_at is not None:
        state += f", started at {labels.at(meeting.started_at)}"
    lines.append(state + ".")
    apologies = sum(1 for a in record.attendance.values() if a.status is AttendanceStatus.APOLOGIES)
    count = room(record, meeting.current_item_id)  # the header's count: the domain's
    word = "quorate" if count.quorate else "INQUORATE"
    lines.append(
        f"Attendance: {count.present} present, {apologies} apologies; quorum {count.counted} "
        f"counted, {count.needed} needed ({word})."
    )
    item = record.current_item()
    vote_on = resolve_motion = None
    if item is not None:
        lines.append(f"Under way: {item_heading(item)}.")
        vote_on = pending_motion(record, item.id)
        if vote_on is not None:
            motion = record.motion(vote_on)
            kind = "Amendment" if motion.kind is MotionKind.AMENDMENT else "Motion"
            lines.append(
                f"{kind} {motion.id}, moved by {display_name(record.person(motion.mover_id))}, "
                "awaits its vote."
            )
        else:
            carried = carried_unresolved(record, item.id)
            if carried:
                resolve_motion = carried[-1]
                lines.append(f"Motion {resolve_motion} was carried; its resolution is next.")
    if meeting.public_excluded:
        lines.append("The press and public are excluded.")
    return WhereWeWere(
        item_id=item.id if item is not None else None,
        vote_on=vote_on,
        resolve_motion=resolve_motion,
        summary=tuple(lines),
    )
