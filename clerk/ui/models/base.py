"""A table model over a list of plain row values, each with a stable key.

Rows are rebuilt from the record after every change. When the keys are unchanged (a status
changed, not the membership of the list) only ``dataChanged`` is emitted, for the rows that
changed, so a view keeps its selection and current row while the clerk works down the list and
repaints only those rows; rows added at the end are inserted, not a reset of the list.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    #: Column headers; subclasses set them and answer ``cell``.
    headers: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    # -- what subclasses provide ----------------------------------------------------------

    def key(self, row: Any) -> Hashable:
        return row.key

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    # -- rows ----------------------------------------------------------------------------

    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        rows = list(rows)
        old_keys = [self.key(r) for r in self._rows]
        new_keys = [self.key(r) for r in rows]
        if new_keys == old_keys:
            self._changed(rows)
            return
        if self._rows and new_keys[: len(old_keys)] == old_keys:
            # rows added at the end (a paragraph, a motion): inserted, not a reset, so a view
            # keeps its selection and lays out only what is new
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, len(rows) - 1)
            self._rows = self._rows + rows[start:]
            self.endInsertRows()
            self._changed(rows)
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _changed(self, rows: list[Any]) -> None:
        """The same keys: say which rows changed (from the first to the last that did)."""
        changed = [
            n for n, (old, new) in enumerate(zip(self._rows, rows, strict=True)) if old != new
        ]
        if not changed:
            return
        self._rows = rows
        first = self.index(changed[0], 0)
        self.dataChanged.emit(first, self.index(changed[-1], self.columnCount() - 1))

    def row_at(self, index: Index) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def row_of(self, key: Hashable) -> int:
        for position, row in enumerate(self._rows):
            if self.key(row) == key:
                return position
        return -1

    # -- QAbstractItemModel ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(self.headers):
            return None
        if role == KEY_ROLE:
            return self.key(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.AccessibleTextRole:
            role = Qt.ItemDataRole.DisplayRole
        return self.cell(row, index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None
