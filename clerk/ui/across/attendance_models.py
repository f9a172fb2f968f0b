"""The table model for the attendance record (rows made by ``clerk.services.attendance``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from clerk.services.attendance import HEADINGS
from clerk.ui.across.search_models import CONFIDENTIAL
from clerk.ui.models.base import RowsModel


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
