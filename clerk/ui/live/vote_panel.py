"""The vote panel: counts checked live against the members eligible to vote.

Every message comes from the domain: the panel asks the service to check the vote it would
record (``MeetingController.check``) as the clerk types, and shows the reason when the numbers
cannot be right. Eligibility and its reasons come from ``clerk.domain.rules.eligibility``.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt, Signal
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
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.actions.motions import Vote
from clerk.domain.enums import MotionKind, VoteMethod, VoteOption, VoteResult
from clerk.domain.errors import RuleViolation
from clerk.domain.names import display_name, join_names
from clerk.domain.rules.eligibility import eligible_voters, ineligibility_reason
from clerk.domain.rules.presence import presiding
from clerk.domain.rules.recorded import budget_decision
from clerk.domain.rules.votes import Tally, decide
from clerk.ui.controller import MeetingController
from clerk.ui.forms import MessageLabel
from clerk.ui.live.tables import table_view
from clerk.ui.models.business import motion_label
from clerk.ui.models.votes import CHOICES, VoteGridModel, voter_rows


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

    def __init__(self, controller: MeetingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.motion_id: int | None = None
        self._tied = False
        self.setObjectName("votePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Vote panel")
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("voteTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)

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
        layout.addWidget(self.grid, 1)

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
        layout.addWidget(self.outcome)

        actions = QHBoxLayout()
        actions.addStretch(1)
        self.record_button = QPushButton("Record the vote  Ctrl+Return")
        self.record_button.setAccessibleName("Record the vote")
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self.record_vote)
        self.cancel_button = QPushButton("Close  Esc")
        self.cancel_button.setAccessibleName("Close the vote panel")
        self.cancel_button.clicked.connect(self.close_panel)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.record_button)
        layout.addLayout(actions)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.record_vote)
        escape = QShortcut(QKeySequence("Esc"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_panel)
        self.hide()

    # -- opening -------------------------------------------------------------------------

    def open_for(self, motion_id: int) -> None:
        record = self.controller.record
        motion = record.motion(motion_id)
        self.motion_id = motion_id
        mover = display_name(record.person(motion.mover_id))
        seconder = (
            f", seconded by {display_name(record.person(motion.seconder_id))}"
            if motion.seconder_id
            else ", not seconded"
        )
        kind = "amendment" if motion.kind is MotionKind.AMENDMENT else "motion"
        self.title.setText(
            f"Vote on {motion_label(record, motion_id).lower()} — the {kind} moved by "
            f"{mover}{seconder}"
        )
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
        self.show()
        self.focus_first()

    def focus_first(self) -> None:
        if self.method() is VoteMethod.RECORDED:
            self.grid.setFocus()
            self.grid.setCurrentIndex(self.grid_model.index(0, VoteGridModel.VOTE))
        else:
            self.spins["yes"].setFocus()
            self.spins["yes"].selectAll()

    def refresh(self) -> None:
        """The record changed (someone left, a declaration): recount who may vote."""
        if self.motion_id is None:
            return
        record = self.controller.record
        motion = record.motions.get(self.motion_id)
        if motion is None or motion.outcome.value != "pending":
            self.close_panel()
            return
        item = record.item(motion.item_id)
        self.grid_model.load(voter_rows(record, item))
        eligible = eligible_voters(record, item)
        names = join_names([record.person(p).name for p in eligible]) or "nobody"
        not_eligible = [
            ineligibility_reason(record, r.key, item)
            for r in self.grid_model.rows
            if not r.eligible
        ]
        text = f"Eligible to vote ({len(eligible)}): {names}."
        if not_eligible and self.method() is not VoteMethod.RECORDED:  # the grid shows why
            text += " Not eligible: " + " ".join(not_eligible)
        self.eligible.setText(text)
        self.all_for.setText(f"A&ll for ({len(eligible)})")
        self.validate()

    # -- the vote being entered ----------------------------------------------------------

    def method(self) -> VoteMethod:
        for method, button in self.method_buttons.items():
            if button.isChecked():
                return method
        return VoteMethod.SHOW_OF_HANDS

    def tally(self) -> Tally:
        method = self.method()
        if method is VoteMethod.ASSENT:
            return Tally(0, 0, 0)
        if method is VoteMethod.RECORDED:
            choices = self.grid_model.choices()
            return Tally(
                sum(1 for c in choices if c.option is VoteOption.YES),
                sum(1 for c in choices if c.option is VoteOption.NO),
                sum(1 for c in choices if c.option is VoteOption.ABSTAIN),
            )
        return Tally(
            self.spins["yes"].value(), self.spins["no"].value(), self.spins["abstain"].value()
        )

    def casting_option(self) -> VoteOption | None:
        button = self.casting_group.checkedButton()
        return VoteOption(button.property("option")) if button is not None else None

    def action(self) -> Vote | None:
        if self.motion_id is None:
            return None
        method = self.method()
        tally = self.tally()
        casting = self.casting_option() if self._tied else None
        record = self.controller.record
        chair = presiding(record, record.motion(self.motion_id).item_id)
        declared = self.declared.currentData() if method is VoteMethod.SHOW_OF_HANDS else None
        return Vote(
            motion=self.motion_id,
            method=method,
            result=declared,
            yes=tally.yes if method is VoteMethod.SHOW_OF_HANDS else 0,
            no=tally.no if method is VoteMethod.SHOW_OF_HANDS else 0,
            abstain=tally.abstain if method is VoteMethod.SHOW_OF_HANDS else 0,
            choices=self.grid_model.choices() if method is VoteMethod.RECORDED else (),
            casting_by=chair if casting is not None else None,
            casting_option=casting,
        )

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
        """Ask the service whether this vote could be recorded; say why not, or the result."""
        if self.motion_id is None:
            return
        record = self.controller.record
        method = self.method()
        tally = self.tally()
        tied = method is not VoteMethod.ASSENT and tally.tied and tally.yes > 0
        chair = presiding(record, record.motion(self.motion_id).item_id)
        if tied:
            who = display_name(record.person(chair)) if chair else "the person presiding"
            self.casting_label.setText(f"The votes are equal: the casting vote of {who}:")
        self._tied = tied
        self.casting.setVisible(tied)
        if not tied:
            self._set_casting(None)
        action = self.action()
        problem = self.controller.check(action) if action is not None else None
        nothing_yet = (method is VoteMethod.SHOW_OF_HANDS and tally == Tally(0, 0, 0)) or (
            method is VoteMethod.RECORDED and not self.grid_model.choices()
        )
        if problem and nothing_yet:
            self.message.show_message(problem, kind="notice")  # nothing typed yet: no alarm
            self.outcome.setText("")
        elif problem:
            self.message.show_message(problem)
            self.outcome.setText("")
        else:
            self.message.clear_message()
            self.outcome.setText(self._outcome_text(method, tally))
        self.record_button.setEnabled(problem is None)

    def _outcome_text(self, method: VoteMethod, tally: Tally) -> str:
        if method is VoteMethod.ASSENT:
            return "Carried by assent (no vote taken)."
        declared = self.declared.currentData()
        if method is VoteMethod.SHOW_OF_HANDS and declared is not None and tally == Tally(0, 0, 0):
            word = "CARRIED" if declared is VoteResult.PASS else "LOST"
            return f"{word}: declared without a count."
        try:
            result = decide(tally, self.casting_option() if self._tied else None)
        except RuleViolation as error:
            return str(error)
        word = "CARRIED" if result.value == "pass" else "LOST"
        counts = f"{tally.yes} for, {tally.no} against, {tally.abstain} abstaining"
        note = ""
        if tally.unanimous:
            note = " — unanimous"
        elif self._tied:
            note = " — on the casting vote"
        return f"{word}: {counts}{note}."

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
        self.hide()
        self.recorded.emit(motion_id)

    def close_panel(self) -> None:
        self.motion_id = None
        self.message.clear_message()
        if self.isVisible():
            self.hide()
            self.closed.emit()


__all__ = ["CHOICES", "VotePanel"]
