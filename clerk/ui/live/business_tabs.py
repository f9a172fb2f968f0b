"""The item's declarations tab and its motions-and-vote tab, each a widget of its own."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.entities import AgendaItem
from clerk.domain.enums import MotionKind, MotionOutcome
from clerk.domain.rules.motions import substantive_parts
from clerk.ui import labels
from clerk.ui.controller import MeetingController
from clerk.ui.live import dialogs
from clerk.ui.live.tables import select_key, selected_key, table_view
from clerk.ui.live.vote_panel import VotePanel
from clerk.ui.models.business import (
    DeclarationsModel,
    MotionsModel,
    declaration_rows,
    motion_rows,
)
from clerk.ui.partstext import parts_to_text
from clerk.ui.shortcuts import hint


def button(text: str, command: str, slot: Callable[[], None], name: str = "") -> QPushButton:
    """A button for a command of the registry: its name and keys as the tooltip."""
    widget = QPushButton(text)
    widget.setAccessibleName(name or hint(command))
    widget.setToolTip(hint(command))
    widget.clicked.connect(slot)
    return widget


class DeclarationsTab(QWidget):
    def __init__(self, declare: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.model = DeclarationsModel(self)
        self.view = table_view(self.model, "Declarations", stretch=2)
        layout.addWidget(self.view, 1)
        note = QLabel(
            "A disclosable pecuniary interest withdraws the member for this item: they leave "
            "the vote and the quorum count (Localism Act 2011, s.31), as the attendance shows."
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        row.addWidget(
            button("Declare an interest…  Ctrl+Shift+D", "declare", declare, "Declare an interest")
        )
        row.addStretch(1)
        layout.addLayout(row)

    def refresh(self, record, item: AgendaItem | None) -> None:
        self.model.set_rows(declaration_rows(record, item.id) if item is not None else [])

    def focus_work(self) -> None:
        self.view.setFocus()


class MotionsTab(QWidget):
    """The item's motions, the motion as it stands in full, and the vote panel."""

    #: A vote was recorded on this motion.
    vote_recorded = Signal(int)

    def __init__(
        self,
        controller: MeetingController,
        commands: dict[str, Callable[[], None]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._item_id: int | None = None
        layout = QVBoxLayout(self)
        self.model = MotionsModel(self)
        self.view = table_view(self.model, "Motions", stretch=4)
        self.view.setWordWrap(False)  # one line a motion; the full wording is below
        # one line a motion: no row measured again for its height after each action
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.setMinimumHeight(self.view.fontMetrics().lineSpacing() * 4)
        self.substantive = QLabel()
        self.substantive.setWordWrap(True)
        self.substantive.setObjectName("substantive")
        self.substantive.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.view, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.substantive)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.substantive_scroll = scroll
        top_layout.addWidget(scroll)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for text, command in (
            ("Move…", "move_motion"),
            ("Amend…", "amend"),
            ("Second…", "second"),
            ("Withdraw", "withdraw"),
            ("Fell", "fall"),
            ("Vote…  Ctrl+Shift+V", "vote"),
        ):
            self.buttons[command] = button(text, command, commands[command])
            row.addWidget(self.buttons[command])
        row.addStretch(1)
        top_layout.addLayout(row)
        self.vote_panel = VotePanel(controller)
        self.vote_panel.installEventFilter(self)  # the Vote button follows the panel
        self.vote_panel.recorded.connect(self.vote_recorded)
        self.vote_panel.closed.connect(lambda: self.view.setFocus())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.vote_panel)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The Vote button is greyed while the vote panel is open (it is the vote)."""
        if watched is self.vote_panel and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            vote = self.buttons["vote"]
            vote.setEnabled(event.type() == QEvent.Type.Hide)
            open_below = "The vote panel is open below (Esc closes it)."
            vote.setToolTip(hint("vote") if vote.isEnabled() else open_below)
        return super().eventFilter(watched, event)

    def refresh(self, record, item: AgendaItem | None) -> None:
        self._item_id = item.id if item is not None else None
        if item is None:
            self.model.set_rows([])
            return
        self.model.set_rows(motion_rows(record, item.id))
        motions = [m for m in record.for_item("motions", item.id) if m.kind is MotionKind.MOTION]
        if not motions:
            self.substantive.setText("No motion moved on this item yet (Ctrl+Shift+M).")
        else:
            motion = motions[-1]
            text = parts_to_text(substantive_parts(record, motion))
            lead = f"Motion {motion.id} as it stands ({labels.OUTCOME[motion.outcome]}):"
            if motion.preamble:
                lead += f" {motion.preamble}"
            self.substantive.setText(f"{lead}\n{text}")
        if self.vote_panel.motion_id is not None:
            self.vote_panel.refresh()

    def focus_work(self) -> None:
        """The keyboard to the motions, on the one awaiting a decision (amendments first)."""
        self.view.setFocus()
        item_id = self._item_id
        pending = dialogs.pending_motion(self.controller.record, item_id) if item_id else None
        if pending is not None:
            select_key(self.view, pending)

    def target_motion(self, item: AgendaItem, kind: MotionKind | None = None) -> int | None:
        """The selected motion if pending, else the one awaiting a decision."""
        record = self.controller.record
        key = selected_key(self.view)
        motion = record.motions.get(key) if key is not None else None
        pending = motion is not None and motion.outcome is MotionOutcome.PENDING
        if motion is not None and pending and motion.item_id == item.id:
            if kind is None or motion.kind is kind:
                return motion.id
            if kind is MotionKind.MOTION and motion.amends_id is not None:
                return motion.amends_id
        if kind is MotionKind.MOTION:
            pending = [
                m.id
                for m in record.for_item("motions", item.id)
                if m.kind is MotionKind.MOTION and m.outcome is MotionOutcome.PENDING
            ]
            return pending[-1] if pending else None
        return dialogs.pending_motion(record, item.id)
