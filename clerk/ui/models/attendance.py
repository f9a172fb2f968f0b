"""The attendance panel's model: every member, substitute and attendee, with their status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from clerk.domain.entities import Attendance
from clerk.domain.enums import AttendanceStatus, Movement, Role
from clerk.domain.names import display_name
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.presence import is_present, withdrawal
from clerk.ui import labels
from clerk.ui.models.base import RowsModel


@dataclass(frozen=True)
class AttendanceRow:
    key: str
    name: str
    full_name: str
    seat: str
    status: str
    detail: str
    recorded: AttendanceStatus | None
    present: bool
    withdrawn: bool
    member: bool


def _seat(record: MeetingRecord, role: Role) -> str:
    if role is Role.CHAIR:
        return record.committee.signatory_title or record.council.signatory_title or "Chair"
    return labels.ROLE[role]


def _movement_texts(record: MeetingRecord, person_id: str) -> list[str]:
    """ "arrived 9.45 am (Minute 16)", "left 10.42 am (Minute 17)", in order."""
    parts = []
    for move in record.movements_of(person_id):
        verb = "arrived" if move.movement is Movement.ARRIVED else "left"
        where = ""
        if move.item_id is not None and move.item_id in record.items:
            item = record.items[move.item_id]
            where = (
                f" (Minute {item.minute_number})"
                if item.minute_number is not None
                else f" (item {item.number})"
            )
        parts.append(f"{verb} {labels.at(move.at)}{where}")
    return parts


def _status(record: MeetingRecord, entry: Attendance | None, item_id: int | None) -> tuple:
    if entry is None:
        return "Not recorded", False, False
    present = is_present(record, entry.person_id)
    withdrawn = (
        present and item_id is not None and withdrawal(record, entry.person_id, item_id) is not None
    )
    text = labels.ATTENDANCE[entry.status]
    moves = _movement_texts(record, entry.person_id)
    if moves:  # the latest movement says it all: "Left 10.42 am (Minute 20)"
        text = moves[-1][0].upper() + moves[-1][1:]
    if withdrawn:
        text = "Withdrawn (interest)"
    return text, present, withdrawn


def attendance_rows(record: MeetingRecord, item_id: int | None = None) -> list[AttendanceRow]:
    """Members in the committee's order, each substitute under the member replaced, then
    everyone else recorded (also in attendance, officers, remote observers)."""
    rows: list[AttendanceRow] = []
    listed: set[str] = set()
    substitutes = {a.substitute_for: a for a in record.attendance.values() if a.substitute_for}
    for membership in record.memberships_on_day():
        person = record.person(membership.person_id)
        seat = _seat(record, membership.role)
        if membership.group:
            seat = f"{seat}, {membership.group}"
        substitute = substitutes.get(membership.person_id)
        if substitute is not None:
            replacement = display_name(record.person(substitute.person_id))
            own = record.attendance_of(person.id)
            sent_apologies = own is not None and own.status is AttendanceStatus.APOLOGIES
            status = "Apologies, substituted" if sent_apologies else "Substituted"
            present, withdrawn = False, False
            detail = f"substituted by {replacement}"
        else:
            entry = record.attendance_of(person.id)
            status, present, withdrawn = _status(record, entry, item_id)
            detail = "; ".join(_movement_texts(record, person.id))
        rows.append(
            AttendanceRow(
                key=person.id,
                name=person.name,
                full_name=display_name(person),
                seat=seat,
                status=status,
                detail=detail,
                recorded=None
                if substitute is not None
                else getattr(record.attendance_of(person.id), "status", None),
                present=present,
                withdrawn=withdrawn,
                member=True,
            )
        )
        listed.add(person.id)
        if substitute is not None:
            rows.append(_other_row(record, substitute, item_id, member=True))
            listed.add(substitute.person_id)
    for entry in sorted(record.attendance.values(), key=lambda a: a.id):
        if entry.person_id not in listed:
            rows.append(_other_row(record, entry, item_id, member=False))
    return rows


def _other_row(
    record: MeetingRecord, entry: Attendance, item_id: int | None, member: bool
) -> AttendanceRow:
    person = record.person(entry.person_id)
    if entry.status is AttendanceStatus.SUBSTITUTE and entry.substitute_for:
        whom = record.person(entry.substitute_for).name
        seat = f"Substitute for {whom}"
    elif entry.status is AttendanceStatus.ALSO_ATTENDING:
        seat = "Also attending"
        if entry.capacity:
            seat += f": {entry.capacity}"
    elif entry.status is AttendanceStatus.OFFICER:
        seat = person.job_title or "Officer"
    else:
        seat = person.job_title or person.represents or labels.PERSON_KIND[person.kind]
    status, present, withdrawn = _status(record, entry, item_id)
    details = _movement_texts(record, entry.person_id)
    if entry.representing:
        details.insert(0, f"representing {entry.representing}")
    detail = "; ".join(details)
    return AttendanceRow(
        key=person.id,
        name=person.name,
        full_name=display_name(person),
        seat=seat,
        status=status,
        detail=detail,
        recorded=entry.status,
        present=present,
        withdrawn=withdrawn,
        member=member,
    )


class AttendanceModel(RowsModel):
    headers = ("Name", "Status", "Seat")
    NAME, STATUS, SEAT = range(3)

    def cell(self, row: AttendanceRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, row.status, row.seat)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"{row.full_name} — {row.seat}: {row.status}"
            return f"{text}; {row.detail}" if row.detail else text
        if role == Qt.ItemDataRole.ForegroundRole:
            dimmed = row.recorded is None or row.recorded in (
                AttendanceStatus.APOLOGIES,
                AttendanceStatus.ABSENT,
            )
            if dimmed or (row.member and not row.present and row.recorded is not None):
                palette = QApplication.palette()
                return palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            return None
        if role == Qt.ItemDataRole.FontRole and row.withdrawn:
            font = QFont()
            font.setItalic(True)
            return font
        return None
