"""The item's resolution-and-actions tab: the resolution editor, the resolutions recorded and
the item's actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.entities import AgendaItem
from clerk.ui.controller import MeetingController
from clerk.ui.live.business_tabs import button
from clerk.ui.live.resolution import ResolutionEditor, resolution_html
from clerk.ui.live.tables import selected_key, table_view
from clerk.ui.models.business import ActionsModel, action_rows


class ResolutionTab(QWidget):
    def __init__(
        self,
        controller: MeetingController,
        item: Callable[[], AgendaItem | None],
        recorded: Callable[[], None],
        commands: dict[str, Callable[[], None]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        outer.addWidget(split)
        self.editor = ResolutionEditor(controller, item, recorded)
        split.addWidget(self.editor)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.resolutions = QLabel()
        self.resolutions.setWordWrap(True)
        self.resolutions.setAccessibleName("Resolutions recorded")
        self.resolutions.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.resolutions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.resolutions)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        lower_layout.addWidget(scroll, 1)
        self.actions_model = ActionsModel(self)
        self.actions = table_view(self.actions_model, "Actions", stretch=1)
        lower_layout.addWidget(self.actions, 1)
        row = QHBoxLayout()
        row.addWidget(
            button(
                "Add an action…  Ctrl+Shift+T",
                "add_action",
                commands["add_action"],
                "Add an action",
            )
        )
        row.addWidget(
            button(
                "Update action…  Ctrl+Shift+U",
                "update_action",
                commands["update_action"],
                "Update the action",
            )
        )
        row.addStretch(1)
        lower_layout.addLayout(row)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)

    def refresh(self, record, item: AgendaItem | None, business: bool, actions: bool) -> None:
        if item is None:
            self.actions_model.set_rows([])
            return
        if actions:
            self.actions_model.set_rows(action_rows(record, item.id))
        if business:
            self.editor.refresh(item)
            self.resolutions.setText(resolution_html(record, item.id) or "No resolution yet.")

    def focus_work(self) -> None:
        self.editor.resolution_text.setFocus()

    def selected_action(self) -> int | None:
        """The action selected, or the item's only one."""
        key = selected_key(self.actions)
        if key is None:
            rows = self.actions_model.rows
            key = rows[0].key if len(rows) == 1 else None
        return key
