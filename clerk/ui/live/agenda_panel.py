"""The agenda navigator: items in order with their state; Enter takes the selected item."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from clerk.domain.record import MeetingRecord
from clerk.domain.rules.business import not_taken
from clerk.ui.live.tables import select_key, selected_key, table_view
from clerk.ui.models.agenda import AgendaModel, agenda_rows
from clerk.ui.models.base import KEY_ROLE

#: The final state of an item a meeting over never reached.
NOT_TAKEN = "not taken"


class AgendaPanel(QWidget):
    #: The clerk moved to another item (to look at it, not to take it).
    selected = Signal(int)
    #: Enter or a double click: take this item.
    take = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("Agenda  (Ctrl+1)")
        heading.setObjectName("panelHeading")
        layout.addWidget(heading)
        self.model = AgendaModel(self)
        self.view = table_view(self.model, "Agenda", stretch=AgendaModel.TITLE)
        self.view.setColumnHidden(AgendaModel.MINUTE, True)  # shown under the title
        self.view.horizontalHeader().setSectionResizeMode(
            AgendaModel.STATE, QHeaderView.ResizeMode.ResizeToContents
        )
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 40)
        heading.setBuddy(self.view)
        layout.addWidget(self.view)
        hint = QLabel("Enter or Ctrl+T takes the selected item; Ctrl+PgDown the next.")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.activated.connect(self._activated)

    def refresh(self, record: MeetingRecord) -> None:
        rows = agenda_rows(record)
        # a meeting over shows each item's final state: those it never reached were not taken
        rows = [
            replace(row, state_text=NOT_TAKEN) if not_taken(record, record.items[row.key]) else row
            for row in rows
        ]
        self.model.set_rows(rows)

    def current_item(self) -> int | None:
        return selected_key(self.view)

    def select_item(self, item_id: int) -> None:
        select_key(self.view, item_id)

    def _current_changed(self, current, _previous) -> None:
        key = self.model.data(current, KEY_ROLE)
        if key is not None:
            self.selected.emit(key)

    def _activated(self, index) -> None:
        key = self.model.data(index, KEY_ROLE)
        if key is not None:
            self.take.emit(key)
