"""The main window's dialogs: setting up, importing, publishing, documents and help.

A mixin of ``MainWindow`` (``clerk.ui.window``): it uses the window's database, clock, pool,
home view, controller and status bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from clerk import APP_NAME, __version__
from clerk.domain.errors import ClerkError
from clerk.domain.timefmt import long_date
from clerk.services import catalogue

if TYPE_CHECKING:
    from clerk.ui.agenda_pack import AgendaPackDialog
    from clerk.ui.moderngov import ImportDialog
    from clerk.ui.publish import PublishDialog


class WindowDialogs:
    """The dialogs the main window opens (each imported when first used)."""

    database: Any
    clock: Any
    pool: Any
    home: Any
    controller: Any
    dialog: QWidget | None

    # -- set-up --------------------------------------------------------------------------

    def _open(self, dialog: QWidget) -> QWidget:
        self.dialog = dialog
        dialog.open()
        return dialog

    def new_meeting(self, committee: str | None) -> None:
        from clerk.ui.setup.meeting import meeting_dialog

        if not catalogue.committees(self.database):
            self.create_committee()
            return
        if committee is None and self.controller is not None:
            committee = self.controller.record.committee.slug
        if committee is None:
            committee = self.home.selected_committee()
        self._open(
            meeting_dialog(self, self.database, self.clock().date(), committee, self.open_meeting)
        )

    def create_committee(self) -> None:
        from clerk.ui.setup.committee import CommitteeEditor
        from clerk.ui.setup.council import council_dialog

        if catalogue.council(self.database) is None:
            self._open(council_dialog(self, self.database, saved=self._council_then_committee))
            return
        self._open(CommitteeEditor(self.database, None, self, saved=self._committee_saved))

    def _council_then_committee(self) -> None:
        from clerk.ui.setup.committee import CommitteeEditor

        self.editor_after_council = CommitteeEditor(
            self.database, None, self, saved=self._committee_saved
        )
        self._open(self.editor_after_council)

    def _committee_saved(self, _committee) -> None:
        self.show_home()

    def edit_committee(self, slug: str) -> None:
        from clerk.ui.setup.committee import CommitteeEditor

        committee = catalogue.committee(self.database, slug)
        self._open(CommitteeEditor(self.database, committee, self, saved=self._committee_saved))

    def show_people(self) -> None:
        from clerk.ui.setup.people import PeopleDialog

        self._open(PeopleDialog(self.database, self))

    def edit_council(self) -> None:
        from clerk.ui.setup.council import council_dialog

        self._open(council_dialog(self, self.database))

    def import_record(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            "Import a meeting record",
            str(Path.home()),
            "Meeting records (*.clerkmeeting *.json)",
        )
        if path:
            self.import_record_file(Path(path))

    def import_record_file(self, path: Path) -> int | None:
        from clerk.services.record_json import import_file
        from clerk.services.recording import current_user

        try:
            meeting_id = import_file(self.database, path, who=current_user())
        except ClerkError as error:
            self.show_problem(str(error))
            return None
        self.show_home()
        self.statusBar().showMessage(f"Imported {path.name} as meeting {meeting_id}.", 10000)
        return meeting_id

    def import_moderngov(self) -> ImportDialog:
        from clerk.ui.moderngov import ImportDialog

        dialog = ImportDialog(
            self.database,
            self,
            pool=self.pool,
            imported=self._imported_from_moderngov,
            today=QDate(self.clock().date()),
        )
        self._open(dialog)
        return dialog

    def _imported_from_moderngov(self, done) -> None:
        if self.controller is not None:
            self.controller.reload()  # the meeting open may be one just imported
        if self.stack.currentWidget() in (self.home, self.welcome):
            self.show_home()
        self.statusBar().showMessage(f"Imported {len(done)} meeting(s) from ModernGov.", 10000)

    def publish(self, slug: str | None) -> PublishDialog:
        if slug is None and self.controller is not None:
            slug = self.controller.record.committee.slug
        if slug is None and self.stack.currentWidget() is self.home:
            slug = self.home.selected_committee()
        from clerk.ui.publish import PublishDialog

        dialog = PublishDialog(self.database, self, committee=slug, pool=self.pool)
        self._open(dialog)
        return dialog

    # -- documents -----------------------------------------------------------------------

    def generate_minutes(self, meeting_id: int | None) -> None:
        if meeting_id is None and self.controller is not None:
            meeting_id = self.controller.meeting_id
        if meeting_id is None:
            meeting_id = self.home.selected_meeting()
        if meeting_id is None:
            self.show_problem("Choose a meeting first.")
            return
        summary = next(m for m in catalogue.meetings(self.database) if m.id == meeting_id)
        committee = catalogue.committee(self.database, summary.committee)
        title = f"Minutes of the {committee.name}, {long_date(summary.meeting.date)}."
        from clerk.ui.documents import GenerateDialog

        self._open(
            GenerateDialog(self.database, self, meeting_id=meeting_id, title=title, pool=self.pool)
        )

    def generate_tracker(self, slug: str | None) -> None:
        if slug is None and self.controller is not None:
            slug = self.controller.record.committee.slug
        if slug is None:
            slug = self.home.selected_committee()
        if slug is None:
            self.show_problem("Choose a committee first.")
            return
        committee = catalogue.committee(self.database, slug)
        title = f"The action tracker of the {committee.name}."
        from clerk.ui.documents import GenerateDialog

        self._open(GenerateDialog(self.database, self, committee=slug, title=title, pool=self.pool))

    def agenda_pack(self, meeting_id: int | None) -> AgendaPackDialog | None:
        if meeting_id is None:
            meeting_id = self._meeting_for_command()
        if meeting_id is None:
            self.show_problem("Choose a meeting first (File, Meetings and committees: Ctrl+O).")
            return None
        from clerk.ui.agenda_pack import AgendaPackDialog

        dialog = AgendaPackDialog(
            self.database, meeting_id, self.clock().date(), self, pool=self.pool
        )
        self._open(dialog)
        return dialog

    # -- help and messages ---------------------------------------------------------------

    def show_shortcuts(self) -> None:
        from clerk.ui.help import ShortcutsDialog

        self._open(ShortcutsDialog(self))

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(f"About {APP_NAME}")
        box.setText(
            f"<b>{APP_NAME} {__version__}</b><br>Live meeting recording, minutes and action "
            "trackers for council committee clerks.<br>Database: "
            f"{self.database.describe()}"
        )
        self._open(box)

    def show_problem(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, message, parent=self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._open(box)
