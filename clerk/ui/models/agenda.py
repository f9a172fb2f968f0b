"""The agenda navigator's model: items in order, with their state and start time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from clerk.domain.entities import AgendaItem
from clerk.domain.enums import ItemState
from clerk.domain.record import MeetingRecord
from clerk.ui import labels
from clerk.ui.models.base import RowsModel


@dataclass(frozen=True)
class AgendaRow:
    key: int
    number: str
    minute: str
    title: str
    state: ItemState
    state_text: str
    current: bool
    detail: str


def item_heading(item: AgendaItem) -> str:
    """ "Minute 16: Corporate Parenting Strategy" once minuted, else "Item 5: ..."."""
    if item.minute_number is not None:
        return f"Minute {item.minute_number} (item {item.number}): {item.title}"
    return f"Item {item.number}: {item.title}"


def agenda_rows(record: MeetingRecord) -> list[AgendaRow]:
    rows = []
    for item in record.agenda():
        notes = []
        if item.exempt_paragraph is not None:
            notes.append(f"Part II, exempt under paragraph {item.exempt_paragraph}")
        if item.education:
            notes.append("education item")
        if item.report_pages:
            notes.append(f"pages {item.report_pages}")
        for report in item.reports:
            pages = "page" if report.pages == 1 else "pages"
            notes.append(f"report: {report.file_name} ({report.pages} {pages})")
        if item.report_to_follow and not item.reports:
            notes.append("report to follow")
        if item.urgency_reason:
            notes.append("added late (urgent)")
        state_text = labels.ITEM_STATE[item.state]
        if item.started_at is not None:
            state_text += f"\n{labels.at(item.started_at)}"
        title = item.title
        if item.exempt_paragraph is not None:
            title += " (Part II)"
        rows.append(
            AgendaRow(
                key=item.id,
                number=item.number,
                minute=str(item.minute_number) if item.minute_number is not None else "",
                title=title,
                state=item.state,
                state_text=state_text,
                current=record.meeting.current_item_id == item.id
                and item.state is ItemState.UNDER_WAY,
                detail="; ".join(notes),
            )
        )
    return rows


class AgendaModel(RowsModel):
    headers = ("No.", "Item", "State", "Minute")
    NUMBER, TITLE, STATE, MINUTE = range(4)
    #: Show each item's details (reports, Part II...) under its title (the agenda editor).
    show_detail = False

    def cell(self, row: AgendaRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            title = f"{row.title}\nMinute {row.minute}" if row.minute else row.title
            if self.show_detail and row.detail:
                title += f"\n{row.detail}"
            if column == self.TITLE:
                return title
            return (row.number, title, row.state_text, row.minute)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            state = row.state_text.replace("\n", " · ")
            tip = f"Item {row.number}: {row.title} — {state}"
            return f"{tip} ({row.detail})" if row.detail else tip
        if role == Qt.ItemDataRole.FontRole and row.current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.NUMBER, self.MINUTE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None
