"""The six-month rule's records (approvals, outside bodies, settings) and attendance facts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date, datetime

from sqlalchemy import Connection, insert, select, update

from clerk.domain.enums import AttendanceStatus, MeetingStatus
from clerk.domain.rules.six_months import AbsenceApproval, AttendanceSettings
from clerk.storage.across_models import (
    AbsenceApprovalRow,
    AttendanceSettingsRow,
    OutsideAttendanceRow,
)
from clerk.storage.limits import fit
from clerk.storage.models import AttendanceRow, CommitteeRow, MeetingRow, table_of

APPROVALS = table_of(AbsenceApprovalRow)
OUTSIDE = table_of(OutsideAttendanceRow)
SETTINGS = table_of(AttendanceSettingsRow)


def load_settings(conn: Connection) -> AttendanceSettings:
    row = conn.execute(select(SETTINGS)).mappings().first()
    if row is None:
        return AttendanceSettings()
    return AttendanceSettings(int(row["warning_weeks"]), bool(row["remote_counts"]))


def save_settings(conn: Connection, settings: AttendanceSettings) -> None:
    values = {"warning_weeks": settings.warning_weeks, "remote_counts": settings.remote_counts}
    if conn.execute(select(SETTINGS.c.id)).first() is None:
        conn.execute(insert(SETTINGS).values(id=1, **values))
    else:
        conn.execute(update(SETTINGS).values(**values))


def add_approval(conn: Connection, approval: AbsenceApproval, who: str, at: datetime) -> int:
    values = fit(
        APPROVALS,
        {
            "person_id": approval.person_id,
            "approved_on": approval.approved_on,
            "minute": approval.minute,
            "reason": approval.reason,
            "until": approval.until,
            "recorded_at": at,
            "who": who,
        },
    )
    return int(conn.execute(insert(APPROVALS).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def load_approvals(
    conn: Connection, person_ids: Collection[str]
) -> dict[str, list[AbsenceApproval]]:
    found: dict[str, list[AbsenceApproval]] = defaultdict(list)
    rows = conn.execute(
        select(APPROVALS)
        .where(APPROVALS.c.person_id.in_(list(person_ids)))
        .order_by(APPROVALS.c.id)
    ).mappings()
    for row in rows:
        found[row["person_id"]].append(
            AbsenceApproval(
                id=row["id"],
                person_id=row["person_id"],
                approved_on=row["approved_on"],
                minute=row["minute"],
                reason=row["reason"],
                until=row["until"],
            )
        )
    return found


def add_outside_attendance(
    conn: Connection, person_id: str, on: date, body: str, who: str, at: datetime
) -> int:
    values = fit(
        OUTSIDE,
        {"person_id": person_id, "on": on, "body": body, "recorded_at": at, "who": who},
    )
    return int(conn.execute(insert(OUTSIDE).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def outside_attendance(conn: Connection, person_ids: Collection[str]) -> dict[str, list[date]]:
    found: dict[str, list[date]] = defaultdict(list)
    rows = conn.execute(
        select(OUTSIDE.c.person_id, OUTSIDE.c.on).where(OUTSIDE.c.person_id.in_(list(person_ids)))
    )
    for person_id, on in rows:
        found[person_id].append(on)
    return found


def attendance_days(
    conn: Connection, person_ids: Collection[str], until: date
) -> dict[str, dict[date, set[AttendanceStatus]]]:
    """Each person's attendance statuses, by meeting date, at every held meeting of every
    committee up to ``until``: the facts the six-month rule reads."""
    attendance = table_of(AttendanceRow)
    meetings = table_of(MeetingRow)
    rows = conn.execute(
        select(attendance.c.person_id, meetings.c.date, attendance.c.status)
        .join(meetings, meetings.c.id == attendance.c.meeting_id)
        .where(
            attendance.c.person_id.in_(list(person_ids)),
            meetings.c.date <= until,
            meetings.c.status != MeetingStatus.SCHEDULED.value,
        )
    )
    found: dict[str, dict[date, set[AttendanceStatus]]] = defaultdict(lambda: defaultdict(set))
    for person_id, day, status in rows:
        found[person_id][day].add(AttendanceStatus(status))
    return found


def committees_attended(conn: Connection, person_id: str) -> set[str]:
    """The committees at whose meetings the person has any attendance entry."""
    attendance = table_of(AttendanceRow)
    meetings = table_of(MeetingRow)
    committees = table_of(CommitteeRow)
    rows = conn.execute(
        select(committees.c.slug)
        .distinct()
        .join(meetings, meetings.c.committee_id == committees.c.id)
        .join(attendance, attendance.c.meeting_id == meetings.c.id)
        .where(attendance.c.person_id == person_id)
    )
    return {row[0] for row in rows}
