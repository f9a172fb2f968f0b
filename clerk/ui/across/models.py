"""Table models for search results and the attendance record (rows made by the services)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from clerk.services.attendance import HEADINGS
from clerk.services.search import KIND_WORDS, Result
from clerk.ui import labels
from clerk.ui.models.base import RowsModel

CONFIDENTIAL = QColor("#a4262c")


class SearchResultsModel(RowsModel):
    headers = ("Date", "Committee", "Where", "Title", "Found in", "Passage")

    def key(self, row: Result) -> tuple[int, int, str, int]:
        return (row.meeting_id, row.item_id, row.kind.value, id(row))

    def cell(self, row: Result, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            kind = KIND_WORDS[row.kind] + (" (confidential)" if row.confidential else "")
            return (
                labels.day(row.date),
                row.committee,
                row.where,
                row.title,
                kind,
                row.plain_snippet("«", "»"),
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and row.confidential:
            return QBrush(CONFIDENTIAL)
        return None


class AttendanceModel(RowsModel):
    """Rows from ``clerk.services.attendance.table_rows``, shown as they are."""

    headers = HEADINGS

    def key(self, row: tuple[str, ...]) -> tuple[str, str]:
        return (row[0], row[1])

    def cell(self, row: tuple[str, ...], column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= column <= 10:
            return int(Qt.AlignmentFlag.AlignCenter)
        last = len(HEADINGS) - 1
        warn = column == last and row[column].startswith(("Warning", "Six months passed"))
        if role == Qt.ItemDataRole.ForegroundRole and warn:
            return QBrush(CONFIDENTIAL)
        return None
