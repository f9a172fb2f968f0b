"""The vote panel: widgets, a draft vote, the domain's preview of it, rendered.

The panel decides nothing: as the clerk types it builds a draft ``Vote`` from the widgets and
asks ``clerk.domain.rules.business.preview_vote`` what it would record: who may vote (the
absent apart from the ineligible, each with the domain's reason), the tally, a tie and who
holds the casting vote (the person presiding over the item), and the result or the refusal.
``Vote.apply`` records what the same function decides, so the preview cannot disagree with it.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.actions.motions import Vote
from clerk.domain.enums import MeetingStatus, MotionOutcome, VoteMethod, VoteOption, VoteResult
from clerk.domain.names import display_name, join_names
from clerk.domain.rules.business import VotePreview, preview_vote
from clerk.domain.rules.recorded import budget_decision
from clerk.ui.controller import MeetingController
from clerk.ui.forms import MessageLabel
from clerk.ui.live.tables import table_view
from clerk.ui.models.business import question_heading, question_words
from clerk.ui.models.votes import CHOICES, VoteGridModel, rows_of


class GridView(QTableView):
    """The recorded-vote grid: 1, 2, 3, 0 give the member's vote and move to the next."""

    KEYS: ClassVar[dict[Qt.Key, VoteOption]] = {
        Qt.Key.Key_1: VoteOption.YES,
        Qt.Key.Key_2: VoteOption.NO,
        Qt.Key.Key_3: VoteOption.ABSTAIN,
        Qt.Key.Key_0: VoteOption.NOT_VOTING,
    }

    def keyPressEvent(self, event) -> None:
        model = self.model()
        row = self.currentIndex().row()
        if event.key() in self.KEYS and row >= 0:
            if model.set_choice(row, self.KEYS[event.key()]) and row + 1 < model.rowCount():
                self.setCurrentIndex(model.index(row + 1, model.VOTE))
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and row >= 0:
            model.set_choice(row, None)
            return
        super().keyPressEvent(event)


class VotePanel(QFrame):
    #: A vote was recorded on this motion.
    recorded = Signal(int)
    closed = Signal()
    #: The panel opened (True) or closed (False): the commands that open it wait meanwhile.
    open_changed = Signal(bool)

    def __init__(self, controller: MeetingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.motion_id: int | None = None
        #: What the domain says of the vote as entered (None while the panel is closed).
        self.preview: VotePreview[Vote] | None = None
        self.setObjectName("votePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Vote panel")
        # Everything at its full height, the question's words above all: on a window too small
        # for the whole panel, the panel scrolls as one (nothing is squeezed over anything).
        self.body = QWidget()
        self.body.setObjectName("votePanelBody")
        self.body.installEventFilter(self)
        scroll = QScrollArea()
        scroll.setObjectName("votePanelScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        self.scroll = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(2, 2, 2, 2)
        outer.addWidget(scroll)
        layout = QVBoxLayout(self.body)
        layout.setSpacing(4)
        layout.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel()
        self.title.setObjectName("voteTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        # The words put to the vote, in full: a label that wraps and grows, never a box of its
        # own to scroll.
        self.question = QLabel()
        self.question.setObjectName("question")
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.question.setAccessibleName("The question put to the vote")
        self.question.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout.addWidget(self.question)

        methods = QHBoxLayout()
        self.method_group = QButtonGroup(self)
        self.method_buttons: dict[VoteMethod, QRadioButton] = {}
        for method, text in (
            (VoteMethod.SHOW_OF_HANDS, "Sho&w of hands"),
            (VoteMethod.RECORDED, "&Recorded vote (names)"),
            (VoteMethod.ASSENT, "Assent (&no vote taken)"),
        ):
            button = QRadioButton(text)
            button.setAccessibleName(text.replace("&", ""))
            self.method_group.addButton(button)
            self.method_buttons[method] = button
            methods.addWidget(button)
            button.toggled.connect(self._method_changed)
        methods.addStretch(1)
        layout.addLayout(methods)

        self.counts = QWidget()
        grid = QGridLayout(self.counts)
        grid.setContentsMargins(0, 0, 0, 0)
        self.spins: dict[str, QSpinBox] = {}
        for column, (key, text) in enumerate(
            (("yes", "F&or"), ("no", "Ag&ainst"), ("abstain", "A&bstain"))
        ):
            label = QLabel(text)
            spin = QSpinBox()
            spin.setRange(0, 999)
            spin.setAccessibleName(text.replace("&", ""))
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0000") + 40)
            label.setBuddy(spin)
            spin.valueChanged.connect(self.validate)
            self.spins[key] = spin
            grid.addWidget(label, 0, column * 2)
            grid.addWidget(spin, 0, column * 2 + 1)
        self.all_for = QPushButton("A&ll for")
        self.all_for.setAccessibleName("All eligible members voted for")
        self.all_for.clicked.connect(self.fill_all_for)
        grid.addWidget(self.all_for, 0, 6)
        self.declared = QComboBox()
        self.declared.setAccessibleName("Result declared")
        self.declared.setToolTip("A result declared without a count: leave the counts at 0.")
        for text, result in (
            ("As counted", None),
            ("Declared carried (no count)", VoteResult.PASS),
            ("Declared lost (no count)", VoteResult.FAIL),
        ):
            self.declared.addItem(text, result)
        # narrow when closed (the list shows each choice in full): the row fits the panel
        self.declared.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.declared.setMinimumContentsLength(9)
        self.declared.currentIndexChanged.connect(self.validate)
        grid.addWidget(self.declared, 0, 7)
        grid.setColumnStretch(8, 1)
        layout.addWidget(self.counts)

        self.grid_model = VoteGridModel(self)
        self.grid = GridView()
        self.grid.setModel(self.grid_model)
        configured = table_view(self.grid_model, "Recorded vote", stretch=VoteGridModel.REASON)
        # take the configuration of a standard table, keep the key handling of GridView
        self.grid.setSelectionBehavior(configured.selectionBehavior())
        self.grid.setSelectionMode(configured.selectionMode())
        self.grid.setEditTriggers(configured.editTriggers())
        self.grid.setAlternatingRowColors(True)
        self.grid.setWordWrap(True)
        self.grid.verticalHeader().hide()
        self.grid.verticalHeader().setSectionResizeMode(
            self.grid.verticalHeader().ResizeMode.ResizeToContents
        )
        self.grid.setAccessibleName("Recorded vote: 1 for, 2 against, 3 abstain, 0 not voting")
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.horizontalHeader().setSectionResizeMode(
            0, self.grid.horizontalHeader().ResizeMode.ResizeToContents
        )
        configured.deleteLater()
        self.grid_model.dataChanged.connect(self.validate)
        self.grid_model.modelReset.connect(self.validate)
        self.grid_model.refused.connect(self._grid_refused)
        layout.addWidget(self.grid, 100)  # the recorded vote's grid takes the room

        self.eligible = QLabel()
        self.eligible.setWordWrap(True)
        self.eligible.setObjectName("hint")
        layout.addWidget(self.eligible)

        self.casting = QWidget()
        casting_row = QHBoxLayout(self.casting)
        casting_row.setContentsMargins(0, 0, 0, 0)
        self.casting_label = QLabel()
        self.casting_label.setWordWrap(True)
        casting_row.addWidget(self.casting_label, 1)
        self.casting_group = QButtonGroup(self)
        self.casting_for = QRadioButton("&Casting vote for")
        self.casting_against = QRadioButton("Casting &vote against")
        for button, option in (
            (self.casting_for, VoteOption.YES),
            (self.casting_against, VoteOption.NO),
        ):
            button.setProperty("option", option.value)
            button.setAccessibleName(button.text().replace("&", ""))
            self.casting_group.addButton(button)
            button.toggled.connect(self.validate)
            casting_row.addWidget(button)
        layout.addWidget(self.casting)

        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName("Result")

        actions = QHBoxLayout()  # the result beside the button that records it
        actions.addWidget(self.outcome, 1)
        self.record_button = QPushButton("Record the vote  Ctrl+Return")
        self.record_button.setAccessibleName("Record the vote")
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self.record_vote)
        self.cancel_button = QPushButton("Close  Esc")
        self.cancel_button.setAccessibleName("Close the vote panel")
        self.cancel_button.clicked.connect(self.close_panel)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.record_button)
        layout.addStretch(1)  # a show of hands: the room left goes below, not between rows
        layout.addLayout(actions)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.record_vote)
        escape = QShortcut(QKeySequence("Esc"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_panel)
        self.hide()

    # -- the words in full ----------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        if watched is self.body and event.type() == QEvent.Type.Resize:
            self._fit_question()
        return super().eventFilter(watched, event)

    def _fit_question(self) -> None:
        """The words take the height they need at the panel's width: the panel grows (the
        splitter gives it the room) rather than cut the question short."""
        width = self.question.width()
        if width <= 0:
            return
        needed = self.question.heightForWidth(width)
        if needed > 0 and needed != self.question.minimumHeight():
            self.question.setMinimumHeight(needed)

    def _set_question(self, text: str) -> None:
        self.question.setText(text)
        self._fit_question()

    # -- opening -------------------------------------------------------------------------

    def open_for(self, motion_id: int) -> None:
        record = self.controller.record
        motion = record.motion(motion_id)
        self.motion_id = motion_id
        self.title.setText(f"Vote on {question_heading(record, motion)}")
        self._set_question(question_words(record, motion))
        for spin in self.spins.values():
            spin.blockSignals(True)
            spin.setValue(0)
            spin.blockSignals(False)
        self.grid_model.set_rows([])
        self.declared.setCurrentIndex(0)
        self._set_casting(None)
        budget = budget_decision(record, motion)  # the domain's reason, word for word
        self.method_buttons[VoteMethod.SHOW_OF_HANDS].setEnabled(budget is None)
        self.method_buttons[VoteMethod.ASSENT].setEnabled(budget is None)
        start = VoteMethod.RECORDED if budget else VoteMethod.SHOW_OF_HANDS
        self.method_buttons[VoteMethod.RECORDED].setToolTip(budget or "")
        self.method_buttons[start].setChecked(True)
        self.refresh()
        was_open = self.isVisible()
        self.show()
        if not was_open:
            self.open_changed.emit(True)
        self.focus_first()

    def focus_first(self) -> None:
        if self.method() is VoteMethod.RECORDED:
            self.grid.setFocus()
            self.grid.setCurrentIndex(self.grid_model.index(0, VoteGridModel.VOTE))
        else:
            self.spins["yes"].setFocus()
            self.spins["yes"].selectAll()

    def refresh(self) -> None:
        """The record changed (someone left, a declaration): ask again who may vote."""
        if self.motion_id is None:
            return
        record = self.controller.record
        motion = record.motions.get(self.motion_id)
        over = record.meeting.status in (MeetingStatus.CLOSED, MeetingStatus.CANCELLED)
        if motion is None or motion.outcome is not MotionOutcome.PENDING or over:
            self.close_panel()
            return
        self._set_question(question_words(record, motion))  # amendments carried since
        preview = self.ask()
        self.grid_model.load(rows_of(preview.voters))
        self.validate()

    def _eligible_text(self, preview: VotePreview[Vote]) -> str:
        record = self.controller.record

        def names(voters) -> str:
            return join_names([record.person(v.person_id).name for v in voters])

        text = f"Eligible to vote ({len(preview.eligible)}): {names(preview.eligible) or 'nobody'}."
        if self.method() is not VoteMethod.RECORDED:  # the grid shows each one's reason
            if preview.absent:
                text += f" Absent ({len(preview.absent)}): {names(preview.absent)}."
            if preview.not_eligible:
                text += " Not eligible: " + " ".join(v.reason or "" for v in preview.not_eligible)
        return text

    # -- the vote being entered ----------------------------------------------------------

    def method(self) -> VoteMethod:
        for method, button in self.method_buttons.items():
            if button.isChecked():
                return method
        return VoteMethod.SHOW_OF_HANDS

    def casting_option(self) -> VoteOption | None:
        button = self.casting_group.checkedButton()
        return VoteOption(button.property("option")) if button is not None else None

    def draft(self) -> Vote | None:
        """The vote as the widgets give it (the casting vote's giver is the domain's to say)."""
        if self.motion_id is None:
            return None
        method = self.method()
        counted = method is VoteMethod.SHOW_OF_HANDS
        return Vote(
            motion=self.motion_id,
            method=method,
            result=self.declared.currentData() if counted else None,
            yes=self.spins["yes"].value() if counted else 0,
            no=self.spins["no"].value() if counted else 0,
            abstain=self.spins["abstain"].value() if counted else 0,
            choices=self.grid_model.choices() if method is VoteMethod.RECORDED else (),
            casting_option=self.casting_option(),  # dropped by the preview unless tied
        )

    def ask(self) -> VotePreview[Vote]:
        """The domain's preview of the vote as entered."""
        draft = self.draft()
        assert draft is not None
        self.preview = preview_vote(self.controller.record, draft)
        return self.preview

    def action(self) -> Vote | None:
        """The vote to record: the draft as the preview completed it."""
        if self.motion_id is None:
            return None
        return self.ask().draft

    def _method_changed(self) -> None:
        if not self.sender() or not self.sender().isChecked():
            return  # the button unchecked by the change: the checked one does the work
        self.refresh()
        method = self.method()
        self.counts.setVisible(method is VoteMethod.SHOW_OF_HANDS)
        self.grid.setVisible(method is VoteMethod.RECORDED)
        if method is VoteMethod.RECORDED and self.grid_model.rowCount():
            self.grid.setCurrentIndex(self.grid_model.index(0, VoteGridModel.VOTE))
            self.grid.setFocus()  # Alt+R, then the digits at once (no Tab to the grid)
        self.validate()

    def _set_casting(self, chair: str | None) -> None:
        """Clear the casting vote (it belongs to one tie only)."""
        if chair is None and self.casting_group.checkedButton() is not None:
            self.casting_group.setExclusive(False)
            for button in (self.casting_for, self.casting_against):
                button.blockSignals(True)
                button.setChecked(False)
                button.blockSignals(False)
            self.casting_group.setExclusive(True)
        self.casting.setVisible(chair is not None)

    def validate(self) -> None:
        """Ask the domain what this vote would record; show why not, or the result."""
        if self.motion_id is None:
            return
        preview = self.ask()
        if preview.tied:
            chair = preview.casting_by
            who = display_name(self.controller.record.person(chair)) if chair else None
            self.casting_label.setText(
                f"The votes are equal: the casting vote of {who or 'the person presiding'}:"
            )
        else:
            self._set_casting(None)  # a casting vote belongs to one tie only
        self.casting.setVisible(preview.tied)
        self.eligible.setText(self._eligible_text(preview))
        self.all_for.setText(f"A&ll for ({len(preview.eligible)})")
        if preview.refusal and not preview.blank:
            self.message.show_message(preview.refusal)
        else:
            self.message.clear_message()
        # the result beside the Record button; with nothing typed yet, what is wanted (no alarm)
        hint = preview.blank and preview.refusal is not None
        self.outcome.setObjectName("hint" if hint else "outcome")
        self.outcome.style().unpolish(self.outcome)
        self.outcome.style().polish(self.outcome)
        self.outcome.setText(preview.refusal if hint else preview.summary())
        self.record_button.setEnabled(preview.refusal is None)
        if preview.refusal is None and self.isVisible():  # the result and its button in view,
            QTimer.singleShot(0, self._show_record_button)  # once the rows shown are laid out

    def _show_record_button(self) -> None:
        if self.isVisible():
            self.scroll.ensureWidgetVisible(self.record_button, 0, 4)

    def _grid_refused(self, reason: str) -> None:
        self.message.show_message(reason)

    # -- commands ------------------------------------------------------------------------

    def fill_all_for(self) -> None:
        if self.method() is VoteMethod.RECORDED:
            self.grid_model.set_all(VoteOption.YES)
            return
        eligible = len(self.grid_model.eligible_keys())
        self.spins["no"].setValue(0)
        self.spins["abstain"].setValue(0)
        self.spins["yes"].setValue(eligible)
        self.record_button.setFocus()

    def record_vote(self) -> None:
        action = self.action()
        if action is None or not self.isVisible():
            return
        motion_id = action.motion
        problem = self.controller.submit(action)  # the refresh it causes closes the panel
        if problem:
            self.message.show_message(problem)
            return
        self.motion_id = None
        self.preview = None
        if self.isVisible():
            self.hide()
            self.open_changed.emit(False)
        self.recorded.emit(motion_id)

    def close_panel(self) -> None:
        self.motion_id = None
        self.preview = None
        self.message.clear_message()
        if self.isVisible():
            self.hide()
            self.open_changed.emit(False)
            self.closed.emit()


__all__ = ["CHOICES", "VotePanel"]
