"""The item workspace: the item's heading and one tab each for its minute text, declarations,
motions and vote, resolution and actions (each tab a widget of its own).

The workspace owns the item commands of the registry (``clerk.ui.shortcuts``): the business
commands record on the item under way, whatever item the clerk is looking at.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from clerk.domain.actions.motions import Fall, Withdraw
from clerk.domain.changes import Touched
from clerk.domain.entities import AgendaItem
from clerk.domain.enums import MeetingStatus, MotionKind, MotionOutcome, StandardItem
from clerk.ui import labels
from clerk.ui.controller import MeetingController
from clerk.ui.forms import FormDialog
from clerk.ui.live import dialogs
from clerk.ui.live.business_tabs import DeclarationsTab, MotionsTab
from clerk.ui.live.minute_text import MinuteTextTab
from clerk.ui.live.resolution_tab import ResolutionTab
from clerk.ui.models.agenda import item_heading
from clerk.ui.shortcuts import BY_ID, ITEM, bind, hint

MINUTES_TAB, DECLARATIONS_TAB, MOTIONS_TAB, RESOLUTION_TAB = range(4)


class ItemWorkspace(QWidget):
    #: Something the clerk should know that is not a refusal ("recorded on the item under way").
    notice = Signal(str)

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
        #: Show another item (the meeting view points this at its agenda, so both follow).
        self.go_to_item: Callable[[int], None] = self.show_item
        #: The date of the committee's previous meeting, set by the meeting view when known.
        self.previous_meeting: date | None = None
        self.handlers = bind(
            ITEM,
            {
                "write_minutes": self.do_write_minutes,
                "add_paragraph": self.do_add_paragraph,
                "confirm_minutes": self.do_confirm_minutes,
                "declare": self.do_declare,
                "move_motion": self.do_move_motion,
                "amend": self.do_amend,
                "second": self.do_second,
                "withdraw": self.do_withdraw,
                "fall": self.do_fall,
                "vote": self.do_vote,
                "resolve": self.do_resolve,
                "add_action": self.do_add_action,
                "update_action": self.do_update_action,
                "public_summary": self.do_public_summary,
            },
        )

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

        self.minute_text = MinuteTextTab(controller, lambda: self.item_id, self.do_confirm_minutes)
        self.declarations_tab = DeclarationsTab(self.do_declare)
        self.motions_tab = MotionsTab(controller, self.handlers)
        self.motions_tab.vote_recorded.connect(self._vote_recorded)
        self.resolution_tab = ResolutionTab(controller, self.item, self._resolved, self.handlers)
        self.tabs.addTab(self.minute_text, "Minute text")
        self.tabs.addTab(self.declarations_tab, "Declarations")
        self.tabs.addTab(self.motions_tab, "Motions and vote")
        self.tabs.addTab(self.resolution_tab, "Resolution and actions")
        self.minute_text.confirm_button.setToolTip(hint("confirm_minutes"))
        for number in range(4):
            shortcut = QShortcut(QKeySequence(f"Alt+{number + 1}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda n=number: self.show_tab(n))

        #: The tabs' parts, named for the keyboard paths and the tests.
        self.editor = self.minute_text.editor
        self.paragraphs = self.minute_text.view
        self.paragraphs_model = self.minute_text.model
        self.confirm_button = self.minute_text.confirm_button
        self.add_paragraph_button = self.minute_text.add_button
        self.declarations = self.declarations_tab.view
        self.declarations_model = self.declarations_tab.model
        self.motions = self.motions_tab.view
        self.motions_model = self.motions_tab.model
        self.substantive = self.motions_tab.substantive
        self.vote_panel = self.motions_tab.vote_panel
        self.resolution_editor = self.resolution_tab.editor
        self.resolution_text = self.resolution_editor.resolution_text
        self.unanimous = self.resolution_editor.unanimous
        self.resolve_button = self.resolution_editor.resolve_button
        self.record_resolution = self.resolution_editor.record_resolution
        self.resolutions = self.resolution_tab.resolutions
        self.actions = self.resolution_tab.actions
        self.actions_model = self.resolution_tab.actions_model

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
        self.focus_work()

    def focus_work(self) -> None:
        """The keyboard to the work of the tab shown (never the attendance list, where a
        stray P or A would record attendance)."""
        page = self.tabs.currentWidget()
        if page is self.minute_text:
            self.editor.setFocus()
        elif page is self.motions_tab and self.vote_panel.motion_id is not None:
            self.vote_panel.focus_first()
        elif page is not None:
            page.focus_work()

    def refresh(self, touched: Touched | None = None) -> None:
        """Show the item again: only the tabs fed by what changed (everything if not said)."""
        changed = touched or Touched.everything()
        record = self.controller.record
        item = self.item()
        if item is None:
            self.heading.setText("No item selected")
            self.details.setText("Choose an item in the agenda (Ctrl+1).")
            self.minute_text.refresh()
            self.declarations_tab.refresh(record, None)
            self.motions_tab.refresh(record, None)
            self.resolution_tab.refresh(record, None, True, True)
            return
        if changed.items or changed.meeting:
            self._show_heading(item)
        if not changed.about_item(item.id):
            if changed.attendance and self.vote_panel.motion_id is not None:
                self.vote_panel.refresh()  # who may vote
            return
        if changed.text or changed.items:
            self.minute_text.refresh()
        if changed.business:
            self.declarations_tab.refresh(record, item)
        if changed.business or changed.attendance or changed.items:
            self.motions_tab.refresh(record, item)
        if changed.business or changed.actions or changed.items:
            self.resolution_tab.refresh(record, item, True, True)

    def _show_heading(self, item: AgendaItem) -> None:
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
        self.confirm_button.setVisible(item.standard is StandardItem.MINUTES)

    # -- which item ----------------------------------------------------------------------

    def _need_item(self, command: str) -> AgendaItem | None:
        """The item the command records on: for a command of the item under way (the
        registry says which), the item under way while the meeting is (the clerk may be
        looking at another: it is shown, and said); else the item looked at."""
        record = self.controller.record
        current = record.meeting.current_item_id
        live = record.meeting.status in (MeetingStatus.IN_PROGRESS, MeetingStatus.ADJOURNED)
        elsewhere = current is not None and current != self.item_id and current in record.items
        if BY_ID[command].under_way and live and elsewhere and current is not None:
            self.go_to_item(current)
            if self.item_id != current:
                self.show_item(current)
            self.notice.emit(f"Recording on the item under way: {record.items[current].title}.")
        item = self.item()
        if item is None:
            self.controller.refused.emit("Choose an item in the agenda first (Ctrl+1).")
        return item

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self.focus_work())
        dialog.open()

    # -- minute text ---------------------------------------------------------------------

    def do_write_minutes(self) -> None:
        self.show_tab(MINUTES_TAB)

    def do_add_paragraph(self) -> None:
        self.minute_text.add_paragraph()

    def cancel_edit(self) -> None:
        self.minute_text.cancel_edit()

    def do_confirm_minutes(self) -> None:
        item = self._need_item("confirm_minutes")
        if item is None:
            return
        self._open(
            dialogs.confirm_minutes_dialog(self, self.controller, item, self.previous_meeting)
        )

    # -- declarations and motions --------------------------------------------------------

    def do_declare(self) -> None:
        item = self._need_item("declare")
        if item is not None:
            self.tabs.setCurrentIndex(DECLARATIONS_TAB)
            self._open(dialogs.declare_dialog(self, self.controller, item))

    def do_move_motion(self) -> None:
        item = self._need_item("move_motion")
        if item is not None:
            self.tabs.setCurrentIndex(MOTIONS_TAB)
            self._open(dialogs.motion_dialog(self, self.controller, item))

    def _need_motion(self, command: str, kind: MotionKind | None = None) -> int | None:
        item = self._need_item(command)
        if item is None:
            return None
        motion_id = self.motions_tab.target_motion(item, kind)
        if motion_id is None:
            self.controller.refused.emit(
                "There is no motion awaiting a decision on this item: move one first "
                "(Ctrl+Shift+M)."
            )
        return motion_id

    def do_amend(self) -> None:
        motion_id = self._need_motion("amend", MotionKind.MOTION)
        if motion_id is not None:
            self.tabs.setCurrentIndex(MOTIONS_TAB)
            self._open(dialogs.amendment_dialog(self, self.controller, self.item(), motion_id))

    def do_second(self) -> None:
        motion_id = self._need_motion("second")
        if motion_id is not None:
            self.tabs.setCurrentIndex(MOTIONS_TAB)
            self._open(dialogs.second_dialog(self, self.controller, self.item(), motion_id))

    def do_withdraw(self) -> None:
        motion_id = self._need_motion("withdraw")
        if motion_id is not None:
            self.controller.perform(Withdraw(motion_id))

    def do_fall(self) -> None:
        motion_id = self._need_motion("fall")
        if motion_id is not None:
            self.controller.perform(Fall(motion_id))

    def do_vote(self) -> None:
        motion_id = self._need_motion("vote")
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

    def _resolved(self) -> None:
        self.refresh()

    def do_resolve(self) -> None:
        if self._need_item("resolve") is not None:
            self.show_tab(RESOLUTION_TAB)

    def do_add_action(self) -> None:
        item = self._need_item("add_action")
        if item is not None:
            self.tabs.setCurrentIndex(RESOLUTION_TAB)
            self._open(dialogs.action_dialog(self, self.controller, item))

    def do_update_action(self) -> None:
        key = self.resolution_tab.selected_action()
        if key is None:
            self.controller.refused.emit("Select the action to update in the actions list.")
            self.show_tab(RESOLUTION_TAB)
            self.actions.setFocus()
            return
        self._open(dialogs.update_action_dialog(self, self.controller, key, self.today()))

    def do_public_summary(self) -> None:
        item = self._need_item("public_summary")
        if item is not None:
            self._open(dialogs.public_summary_dialog(self, self.controller, item))
