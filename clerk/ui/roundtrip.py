"""Taking a meeting to this laptop and bringing it back, from the window.

The dialogs ask; ``clerk.services.checkout`` and ``clerk.services.checkin`` decide, off the
window's thread. A check-in refused for conflicts shows each conflict, and offers what the
service allows: apply anyway, or save the laptop's record for the team.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.checkout import list_note
from clerk.domain.timefmt import long_date
from clerk.services import catalogue
from clerk.services import team as teams
from clerk.services.checkin import BroughtBack, CheckinConflicts, check_in, save_for_team
from clerk.services.checkout import CheckedOut, break_checkout, check_out, checked_out, team_address
from clerk.storage.database import Database
from clerk.ui.background import start
from clerk.ui.forms import add_labelled_row


def _message(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TakeDialog(QDialog):
    """ "Take to this laptop": the team's database, its meetings, and the one to take."""

    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        done: Callable[[CheckedOut], None] | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.on_taken = done
        self.pool = pool
        self.job = None
        self.meetings: list[int] = []
        self.setWindowTitle("Take a meeting to this laptop")
        layout = QVBoxLayout(self)
        layout.addWidget(
            _message(
                self,
                "Copy a meeting from the team's database to this laptop, with everything it "
                "needs to be recorded with no network. Until it is brought back, the team's "
                "database shows it checked out to this laptop and nobody records on it there.",
            )
        )
        form = QFormLayout()
        layout.addLayout(form)
        self.address = QLineEdit(team_address(database) or os.environ.get("CLERK_TEAM_DB", ""))
        self.address.setPlaceholderText("postgresql+psycopg://clerk@dbserver/democratic_services")
        add_labelled_row(form, "&Team database:", self.address)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        add_labelled_row(
            form,
            "&Password:",
            self.password,
            "Kept in this computer's keyring, never in a file; leave empty to use ~/.pgpass.",
        )
        self.connect_button = QPushButton("&Show its meetings")
        self.connect_button.clicked.connect(self.load_meetings)
        layout.addWidget(self.connect_button)
        self.list = QListWidget()
        self.list.setAccessibleName("The team's meetings")
        self.list.itemActivated.connect(lambda _item: self.take())
        layout.addWidget(self.list, 1)
        self.status = _message(self, "")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.take_button = buttons.addButton(
            "&Take to this laptop", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.take_button.setEnabled(False)
        buttons.accepted.connect(self.take)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def _target(self) -> str:
        address = self.address.text().strip()
        secret = self.password.text()
        if not secret or "://" not in address:
            return address
        from sqlalchemy.engine import make_url

        return make_url(address).set(password=secret).render_as_string(hide_password=False)

    def load_meetings(self) -> None:
        target = self._target()
        if not target:
            self.status.setText("Give the team database's address first.")
            return
        self.status.setText(f"Connecting to {teams.describe(target)}…")
        self.job = start(self.pool, lambda: _team_meetings(target), self._listed, self._failed)

    def _listed(self, rows: list[tuple[int, str]]) -> None:
        self.list.clear()
        self.meetings = [meeting_id for meeting_id, _text in rows]
        for _meeting_id, text in rows:
            self.list.addItem(text)
        self.take_button.setEnabled(bool(rows))
        if rows:
            self.list.setCurrentRow(0)
            self.list.setFocus()
        self.status.setText(f"{len(rows)} meetings in the team's database.")

    def _failed(self, message: str) -> None:
        self.status.setText(message)

    def take(self) -> None:
        row = self.list.currentRow()
        if row < 0 or row >= len(self.meetings):
            return
        meeting, target = str(self.meetings[row]), self._target()
        self.status.setText("Copying the meeting to this laptop…")
        self.take_button.setEnabled(False)
        self.job = start(
            self.pool, lambda: check_out(self.database, meeting, target), self._taken, self._failed
        )

    def _taken(self, done: CheckedOut) -> None:
        self.accept()
        if self.on_taken is not None:
            self.on_taken(done)


def _team_meetings(target: str) -> list[tuple[int, str]]:
    team = teams.open_team(target)
    try:
        held = checked_out(team)
        rows = []
        committees = {c.slug: c.name for c in catalogue.committees(team)}
        today = date.today()
        for summary in catalogue.meetings(team):
            note = list_note(held.get(summary.id), today)
            rows.append(
                (
                    summary.id,
                    f"{committees.get(summary.committee, summary.committee)}, "
                    f"{long_date(summary.meeting.date)} ({summary.meeting.status.value})"
                    + (f": {note}" if note else ""),
                )
            )
        return rows
    finally:
        team.dispose()


class ConflictsDialog(QDialog):
    """The check-in was refused: each conflict, and what can be done about it."""

    def __init__(self, conflicts: CheckinConflicts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = ""
        self.setWindowTitle("Not brought back: conflicts")
        layout = QVBoxLayout(self)
        offer = (
            "Apply anyway records the laptop's actions again on the team's meeting as it is "
            "now, through the same rules, journaled as such; or save the laptop's record as a "
            "file for the team."
            if conflicts.anyway
            else "It cannot be applied anyway: save the laptop's record as a file for the team."
        )
        layout.addWidget(_message(self, f"{conflicts.lead} {offer}"))
        self.list = QListWidget()
        self.list.setAccessibleName("Conflicts")
        self.list.setWordWrap(True)
        for conflict in conflicts.conflicts:
            self.list.addItem(conflict.text)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.anyway_button = buttons.addButton(
            "&Apply anyway", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.anyway_button.setEnabled(conflicts.anyway)
        if not conflicts.anyway:
            self.anyway_button.setToolTip("A conflict here cannot be applied anyway.")
        self.save_button = buttons.addButton(
            "&Save for the team…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.anyway_button.clicked.connect(lambda: self._choose("anyway"))
        self.save_button.clicked.connect(lambda: self._choose("save"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class BringBack:
    """ "Bring back": the check-in, then the conflicts dialog if it was refused."""

    def __init__(
        self,
        window: QWidget,
        database: Database,
        meeting_id: int,
        finished: Callable[[str], None],
        problem: Callable[[str], None],
        pool: QThreadPool | None = None,
    ) -> None:
        self.window = window
        self.database = database
        self.meeting_id = meeting_id
        self.finished = finished
        self.problem = problem
        self.pool = pool
        self.job = None
        self.dialog: ConflictsDialog | None = None

    def run(self, anyway: bool = False) -> None:
        self.job = start(
            self.pool,
            lambda: _check_in(self.database, self.meeting_id, anyway),
            self._done,
            self.problem,
        )

    def _done(self, result: BroughtBack | CheckinConflicts) -> None:
        if isinstance(result, CheckinConflicts):
            self.dialog = ConflictsDialog(result, self.window)
            self.dialog.finished.connect(lambda _code: self._chosen())
            self.dialog.open()
            return
        how = " anyway (journaled as such)" if result.anyway else ""
        plural = "entry" if result.applied == 1 else "entries"
        self.finished(
            f"Brought back {result.subject} to the team's database{how}: "
            f"{result.applied} {plural} applied."
        )

    def _chosen(self) -> None:
        choice = self.dialog.choice if self.dialog else ""
        if choice == "anyway":
            self.run(anyway=True)
        elif choice == "save":
            path, _filter = QFileDialog.getSaveFileName(
                self.window,
                "Save the laptop's record for the team",
                str(Path.home() / "meeting.clerkmeeting"),
                "Meeting records (*.clerkmeeting *.json)",
            )
            if path:
                self.save(Path(path))

    def save(self, path: Path) -> None:
        def work() -> str:
            files, told = save_for_team(self.database, self.meeting_id, path)
            return f"Saved {', '.join(f.name for f in files)} for the team. {told}"

        self.job = start(self.pool, work, self.finished, self.problem)


def _check_in(database: Database, meeting_id: int, anyway: bool) -> object:
    try:
        return check_in(database, meeting_id, anyway=anyway)
    except CheckinConflicts as conflicts:
        return conflicts  # not a failure: the dialog offers what can be done


class BreakDialog(QDialog):
    """An administrator ends a check-out on the team's database, with the reason."""

    def __init__(
        self, database: Database, meeting_id: int, holder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.meeting_id = meeting_id
        self.setWindowTitle("Break the check-out")
        layout = QVBoxLayout(self)
        layout.addWidget(
            _message(
                self,
                f"{holder}. Breaking the check-out lets the office record on the meeting "
                "again; it is journaled with the reason, and the laptop is told when it brings "
                "the meeting back.",
            )
        )
        form = QFormLayout()
        layout.addLayout(form)
        self.reason = QLineEdit()
        add_labelled_row(form, "&Reason:", self.reason)
        self.status = _message(self, "")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.break_button = buttons.addButton(
            "&Break the check-out", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.do_break)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def do_break(self) -> None:
        from clerk.domain.errors import ClerkError

        try:
            break_checkout(self.database, str(self.meeting_id), self.reason.text())
        except ClerkError as error:
            self.status.setText(str(error))
            return
        self.accept()
