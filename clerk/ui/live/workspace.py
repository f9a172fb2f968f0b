"""The item workspace: the item's minute text, declarations, motions and vote, resolution."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.actions.motions import Fall, Withdraw
from clerk.domain.entities import AgendaItem
from clerk.domain.enums import MotionKind, MotionOutcome, StandardItem
from clerk.domain.rules.motions import substantive_parts
from clerk.ui import labels
from clerk.ui.controller import MeetingController
from clerk.ui.forms import FormDialog
from clerk.ui.live import dialogs
from clerk.ui.live.minute_text import MinuteTextTab
from clerk.ui.live.resolution import ResolutionEditor, resolution_html
from clerk.ui.live.tables import selected_key, table_view
from clerk.ui.live.vote_panel import VotePanel
from clerk.ui.models.agenda import item_heading
from clerk.ui.models.business import (
    ActionsModel,
    DeclarationsModel,
    MotionsModel,
    action_rows,
    declaration_rows,
    motion_rows,
)
from clerk.ui.partstext import parts_to_text

MINUTES_TAB, DECLARATIONS_TAB, MOTIONS_TAB, RESOLUTION_TAB = range(4)


def button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(name)
    widget.clicked.connect(slot)
    return widget


class ItemWorkspace(QWidget):
    def __init__(
        self,
        controller: MeetingController,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.today = today
        self.item_id: int | None = None
        self.dialog: FormDialog | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("itemHeading")
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Item")
        layout.addWidget(self.heading)
        self.details = QLabel()
        self.details.setObjectName("itemDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Item business")
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._minutes_tab(), "Minute text")
        self.tabs.addTab(self._declarations_tab(), "Declarations")
        self.tabs.addTab(self._motions_tab(), "Motions and vote")
        self.tabs.addTab(self._resolution_tab(), "Resolution and actions")
        for number in range(4):
            shortcut = QShortcut(QKeySequence(f"Alt+{number + 1}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda n=number: self.show_tab(n))

    # -- building the tabs ---------------------------------------------------------------

    def _minutes_tab(self) -> QWidget:
        self.minute_text = MinuteTextTab(
            self.controller, lambda: self.item_id, self.do_confirm_minutes
        )
        #: Kept for the keyboard paths and the tests that type minute text.
        self.editor = self.minute_text.editor
        self.paragraphs = self.minute_text.view
        self.paragraphs_model = self.minute_text.model
        self.confirm_button = self.minute_text.confirm_button
        self.add_paragraph_button = self.minute_text.add_button
        return self.minute_text

    def _declarations_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.declarations_model = DeclarationsModel(self)
        self.declarations = table_view(self.declarations_model, "Declarations", stretch=2)
        layout.addWidget(self.declarations, 1)
        hint = QLabel(
            "A disclosable pecuniary interest withdraws the member for this item: they leave "
            "the vote and the quorum count (Localism Act 2011, s.31), as the attendance shows."
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        row = QHBoxLayout()
        row.addWidget(
            button("Declare an interest…  Ctrl+Shift+D", "Declare an interest", self.do_declare)
        )
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _motions_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.motions_model = MotionsModel(self)
        self.motions = table_view(self.motions_model, "Motions", stretch=4)
        self.motions.setWordWrap(False)  # one line a motion; the full wording is below
        self.motions.setMinimumHeight(self.motions.fontMetrics().lineSpacing() * 4)
        self.substantive = QLabel()
        self.substantive.setWordWrap(True)
        self.substantive.setObjectName("substantive")
        self.substantive.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.motions, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.substantive)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.substantive_scroll = scroll
        top_layout.addWidget(scroll)
        row = QHBoxLayout()
        for text, name, slot in (
            ("Move…", "Move a motion (Ctrl+Shift+M)", self.do_move_motion),
            ("Amend…", "Move an amendment (Ctrl+Shift+A)", self.do_amend),
            ("Second…", "Second the motion (Ctrl+Shift+S)", self.do_second),
            ("Withdraw", "Withdraw the motion (Ctrl+Shift+W)", self.do_withdraw),
            ("Fell", "The motion fell (Ctrl+Shift+F)", self.do_fall),
            ("Vote…  Ctrl+Shift+V", "Vote (Ctrl+Shift+V)", self.do_vote),
        ):
            widget = button(text, name, slot)
            widget.setToolTip(name)
            row.addWidget(widget)
        row.addStretch(1)
        top_layout.addLayout(row)
        self.vote_panel = VotePanel(self.controller)
        self.vote_panel.recorded.connect(self._vote_recorded)
        self.vote_panel.closed.connect(lambda: self.motions.setFocus())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.vote_panel)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter)
        return page

    def _resolution_tab(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        outer.addWidget(split)
        editor = self.resolution_editor = ResolutionEditor(self.controller, self.item, self.refresh)
        #: Kept for the keyboard paths and the tests.
        self.resolution_text = editor.resolution_text
        self.unanimous = editor.unanimous
        self.resolve_button = editor.resolve_button
        self.record_resolution = editor.record_resolution
        split.addWidget(editor)

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
        row.addWidget(button("Add an action…  Ctrl+Shift+T", "Add an action", self.do_add_action))
        row.addWidget(
            button("Update action…  Ctrl+Shift+U", "Update the action", self.do_update_action)
        )
        row.addStretch(1)
        lower_layout.addLayout(row)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        return page

    # -- state ---------------------------------------------------------------------------

    def item(self) -> AgendaItem | None:
        if self.item_id is None:
            return None
        return self.controller.record.items.get(self.item_id)

    def show_item(self, item_id: int | None) -> None:
        if item_id != self.item_id:
            self.minute_text.keep_draft(self.item_id)  # typed, not added: kept, never lost
            self.item_id = item_id
            self.minute_text.restore_draft(item_id)
            self.vote_panel.close_panel()
            self.resolution_editor.forget()
        self.refresh()

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        page = self.tabs.currentWidget()
        if page is not None:
            page.setFocus()
            focus = {
                MINUTES_TAB: self.editor,
                DECLARATIONS_TAB: self.declarations,
                MOTIONS_TAB: self.motions,
                RESOLUTION_TAB: self.resolution_text,
            }[index]
            focus.setFocus()

    def refresh(self) -> None:
        record = self.controller.record
        item = self.item()
        if item is None:
            self.heading.setText("No item selected")
            self.details.setText("Choose an item in the agenda (Ctrl+1).")
            self.minute_text.refresh()
            for model in (
                self.declarations_model,
                self.motions_model,
                self.actions_model,
            ):
                model.set_rows([])
            return
        self.heading.setText(item_heading(item))
        facts = [labels.ITEM_STATE[item.state].capitalize()]
        if item.started_at is not None:
            facts[0] += f" (taken {labels.at(item.started_at)})"
        if item.report_pages:
            facts.append(f"pages {item.report_pages}")
        if item.exempt_paragraph is not None:
            facts.append(f"Part II: exempt under Schedule 12A paragraph {item.exempt_paragraph}")
        if item.education:
            facts.append("education item (co-opted education members vote)")
        lines = [" · ".join(facts)]
        if item.purpose:
            lines.append(item.purpose)
        if item.invited_officers:
            lines.append("Invited: " + "; ".join(item.invited_officers))
        self.details.setText("\n".join(lines))
        self.minute_text.refresh()
        self.declarations_model.set_rows(declaration_rows(record, item.id))
        self.motions_model.set_rows(motion_rows(record, item.id))
        self.actions_model.set_rows(action_rows(record, item.id))
        self.confirm_button.setVisible(item.standard is StandardItem.MINUTES)
        self._refresh_substantive(item)
        self.resolution_editor.refresh(item)
        self.resolutions.setText(resolution_html(record, item.id) or "No resolution yet.")
        if self.vote_panel.motion_id is not None:
            self.vote_panel.refresh()

    def _refresh_substantive(self, item: AgendaItem) -> None:
        record = self.controller.record
        motions = [m for m in record.for_item("motions", item.id) if m.kind is MotionKind.MOTION]
        if not motions:
            self.substantive.setText("No motion moved on this item yet (Ctrl+Shift+M).")
            return
        motion = motions[-1]
        text = parts_to_text(substantive_parts(record, motion))
        lead = f"Motion {motion.id} as it stands ({labels.OUTCOME[motion.outcome]}):"
        if motion.preamble:
            lead += f" {motion.preamble}"
        self.substantive.setText(f"{lead}\n{text}")

    # -- minute text ---------------------------------------------------------------------

    def do_write_minutes(self) -> None:
        self.show_tab(MINUTES_TAB)

    def do_add_paragraph(self) -> None:
        self.minute_text.add_paragraph()

    def cancel_edit(self) -> None:
        self.minute_text.cancel_edit()

    def do_confirm_minutes(self) -> None:
        item = self._need_item()
        if item is None:
            return
        self._open(
            dialogs.confirm_minutes_dialog(self, self.controller, item, self.previous_meeting)
        )

    #: The date of the committee's previous meeting, set by the meeting view when known.
    previous_meeting: date | None = None

    # -- declarations and motions --------------------------------------------------------

    def _need_item(self) -> AgendaItem | None:
        item = self.item()
        if item is None:
            self.controller.refused.emit("Choose an item in the agenda first (Ctrl+1).")
        return item

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def do_declare(self) -> None:
        item = self._need_item()
        if item is not None:
            self.tabs.setCurrentIndex(DECLARATIONS_TAB)
            self._open(dialogs.declare_dialog(self, self.controller, item))

    def do_move_motion(self) -> None:
        item = self._need_item()
        if item is not None:
            self.tabs.setCurrentIndex(MOTIONS_TAB)
            self._open(dialogs.motion_dialog(self, self.controller, item))

    def _target_motion(self, kind: MotionKind | None = None) -> int | None:
        """The selected motion if pending, else the one awaiting a decision."""
        record = self.controller.record
        item = self.item()
        if item is None:
            return None
        key = selected_key(self.motions)
        motion = record.motions.get(key) if key is not None else None
        if motion is not None and motion.outcome is MotionOutcome.PENDING:
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

    def _need_motion(self, kind: MotionKind | None = None) -> int | None:
        if self._need_item() is None:
            return None
        motion_id = self._target_motion(kind)
        if motion_id is None:
            self.controller.refused.emit(
                "There is no motion awaiting a decision on this item: move one first "
                "(Ctrl+Shift+M)."
            )
        return motion_id

    def do_amend(self) -> None:
        motion_id = self._need_motion(MotionKind.MOTION)
        if motion_id is not None:
            self.tabs.setCurrentIndex(MOTIONS_TAB)
            self._open(dialogs.amendment_dialog(self, self.controller, self.item(), motion_id))

    def do_second(self) -> None:
        motion_id = self._need_motion()
        if motion_id is not None:
            self.tabs.setCurrentIndex(MOTIONS_TAB)
            self._open(dialogs.second_dialog(self, self.controller, self.item(), motion_id))

    def do_withdraw(self) -> None:
        motion_id = self._need_motion()
        if motion_id is not None:
            self.controller.perform(Withdraw(motion_id))

    def do_fall(self) -> None:
        motion_id = self._need_motion()
        if motion_id is not None:
            self.controller.perform(Fall(motion_id))

    def do_vote(self) -> None:
        motion_id = self._need_motion()
        if motion_id is None:
            return
        self.tabs.setCurrentIndex(MOTIONS_TAB)
        self.vote_panel.open_for(motion_id)

    def _vote_recorded(self, motion_id: int) -> None:
        record = self.controller.record
        motion = record.motions.get(motion_id)
        if (
            motion is not None
            and motion.kind is MotionKind.MOTION
            and motion.excludes_item_id is None  # resolved by the exclusion it carried
            and motion.outcome is MotionOutcome.CARRIED
        ):
            self.resolution_editor.forget()
            self.refresh()
            self.show_tab(RESOLUTION_TAB)
            self.resolve_button.setFocus()
        else:
            self.motions.setFocus()

    # -- resolution and actions ----------------------------------------------------------

    def do_resolve(self) -> None:
        if self._need_item() is not None:
            self.show_tab(RESOLUTION_TAB)

    def do_add_action(self) -> None:
        item = self._need_item()
        if item is not None:
            self.tabs.setCurrentIndex(RESOLUTION_TAB)
            self._open(dialogs.action_dialog(self, self.controller, item))

    def do_update_action(self) -> None:
        key = selected_key(self.actions)
        if key is None:
            rows = self.actions_model.rows
            key = rows[0].key if len(rows) == 1 else None
        if key is None:
            self.controller.refused.emit("Select the action to update in the actions list.")
            self.show_tab(RESOLUTION_TAB)
            self.actions.setFocus()
            return
        self._open(dialogs.update_action_dialog(self, self.controller, key, self.today()))

    def do_public_summary(self) -> None:
        item = self._need_item()
        if item is not None:
            self._open(dialogs.public_summary_dialog(self, self.controller, item))
