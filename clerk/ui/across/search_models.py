"""The table model for search results (rows made by ``clerk.services.search``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

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
