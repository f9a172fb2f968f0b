"""Table views set up the same way everywhere: rows selected whole, readable, keyboard-led."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from clerk.ui.models.base import KEY_ROLE, RowsModel


def table_view(
    model: RowsModel, name: str, stretch: int = 1, parent: QWidget | None = None
) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if 0 <= stretch < model.columnCount():
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def selected_key(view: QTableView):
    index = view.currentIndex()
    if not index.isValid():
        rows = view.selectionModel().selectedRows() if view.selectionModel() else []
        if not rows:
            return None
        index = rows[0]
    return view.model().data(index, KEY_ROLE)


def select_key(view: QTableView, key) -> bool:
    model = view.model()
    row = model.row_of(key)
    if row < 0:
        return False
    index = model.index(row, 0)
    view.setCurrentIndex(index)
    view.selectRow(row)
    view.scrollTo(index)
    return True


def select_row(view: QTableView, row: int) -> None:
    model = view.model()
    if 0 <= row < model.rowCount():
        view.setCurrentIndex(model.index(row, 0))
        view.selectRow(row)
