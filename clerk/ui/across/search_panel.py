"""The search box on the home page (Ctrl+F): every meeting's minutes, resolutions, actions
and declarations; a result opens its meeting at the item (Enter or double-click)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.search import SearchFilters
from clerk.services import catalogue
from clerk.storage.database import Database
from clerk.ui.across.search_models import SearchResultsModel
from clerk.ui.live.tables import table_view


def parse_day(text: str) -> date | str | None:
    """A date, None for an empty box, or the sentence saying what is wrong."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return f"'{text}' is not a date: write it as YYYY-MM-DD, e.g. 2021-08-18."


class SearchPanel(QWidget):
    open_at = Signal(int, int)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        label = QLabel("&Search:")
        self.box = QLineEdit()
        self.box.setPlaceholderText('Words, or "a phrase", in every meeting (Ctrl+F)')
        self.box.setAccessibleName("Search every meeting")
        self.box.setClearButtonEnabled(True)
        label.setBuddy(self.box)
        self.box.returnPressed.connect(self.run)
        row.addWidget(label)
        row.addWidget(self.box, 3)
        self.committee = QComboBox()
        self.committee.setAccessibleName("Committee to search")
        row.addWidget(self.committee, 1)
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for box, name in ((self.date_from, "From"), (self.date_to, "To")):
            box.setPlaceholderText(f"{name} (YYYY-MM-DD)")
            box.setAccessibleName(f"{name} date")
            box.setMaximumWidth(130)
            box.returnPressed.connect(self.run)
            row.addWidget(box)
        self.confidential = QCheckBox("Include conf&idential text")
        self.confidential.setToolTip(
            "Search exempt (Schedule 12A) text too: only for those entitled to see it. "
            "Confidential results are marked."
        )
        row.addWidget(self.confidential)
        go = QPushButton("Find")
        go.setAccessibleName("Find")
        go.clicked.connect(self.run)
        row.addWidget(go)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Search message")
        layout.addWidget(self.message)
        self.model = SearchResultsModel(self)
        self.results = table_view(self.model, "Search results", stretch=5)
        self.results.activated.connect(self._open)
        layout.addWidget(self.results, 1)
        self.results.hide()
        self.message.hide()

    def refresh(self) -> None:
        current = self.committee.currentData()
        self.committee.clear()
        self.committee.addItem("All committees", None)
        for committee in catalogue.committee_lines(self.database):  # no SQLAlchemy yet
            self.committee.addItem(committee.name, committee.slug)
        index = self.committee.findData(current)
        self.committee.setCurrentIndex(max(index, 0))

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def clear(self) -> None:
        self.box.clear()
        self.model.set_rows([])
        self.results.hide()
        self.message.hide()

    def run(self) -> None:
        days = [parse_day(self.date_from.text()), parse_day(self.date_to.text())]
        problem = next((d for d in days if isinstance(d, str)), None)
        if problem is not None:
            self._say(problem)
            return
        start, end = (d if isinstance(d, date) else None for d in days)
        filters = SearchFilters(
            committee=self.committee.currentData(),
            date_from=start,
            date_to=end,
            include_confidential=self.confidential.isChecked(),
        )
        from clerk.services.search import search  # SQLAlchemy: on the first search, not at start

        outcome = search(self.database, self.box.text(), filters)
        self.model.set_rows(outcome.results)
        count = len(outcome.results)
        if outcome.results:
            more = " (the best 50: narrow the search for more)" if outcome.more else ""
            self._say(
                outcome.message
                or f"{count} result{'s' if count != 1 else ''}{more}. Enter opens the meeting."
            )
            self.results.show()
            self.results.selectRow(0)
            self.results.setCurrentIndex(self.model.index(0, 0))
        else:
            self._say(outcome.message)
            self.results.hide()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _open(self, index) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.open_at.emit(row.meeting_id, row.item_id)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and (self.results.isVisible() or self.box.text()):
            self.clear()
            return
        super().keyPressEvent(event)
