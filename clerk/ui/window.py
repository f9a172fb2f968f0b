"""The main window: start views, the meeting view, menus from the command table, status bar.

It is given its services (the database, the clock) and owns no global state: a test makes
as many windows as it likes, each on its own temporary database.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from clerk import APP_NAME
from clerk.domain.clocks import Clock, local_now
from clerk.domain.errors import ClerkError
from clerk.domain.timefmt import long_date
from clerk.services import catalogue
from clerk.storage.database import Database
from clerk.ui import labels
from clerk.ui.laptop import LaptopCommands
from clerk.ui.live.readonly import set_recording_actions
from clerk.ui.setup.home import HomeView, WelcomeView
from clerk.ui.shortcuts import ATTENDANCE_LIST, BY_ID, COMMANDS, WINDOW, bind, keys_text
from clerk.ui.window_dialogs import WindowDialogs

if TYPE_CHECKING:
    from clerk.ui.across.attendance_dialog import AttendanceDialog
    from clerk.ui.controller import MeetingController
    from clerk.ui.live.view import MeetingView
    from clerk.ui.signoff.reports import AuditDialog, VerifyDialog
    from clerk.ui.signoff.view import SignoffView

# Only what the first screen (the welcome, or the list of meetings) needs is imported here;
# each other view, dialog and service is imported when first used, so the window is up before
# SQLAlchemy, the live view or the sign-off views are loaded (see docs/performance.md).

MENUS = {
    "File": "&File",
    "Edit": "&Edit",
    "Meeting": "&Meeting",
    "Agenda": "A&genda",
    "Attendance": "A&ttendance",
    "Item": "&Item",
    "Set up": "&Set up",
    "Help": "&Help",
}


class MainWindow(WindowDialogs, LaptopCommands, QMainWindow):
    def __init__(
        self,
        database: Database,
        clock: Clock = local_now,
        pool: QThreadPool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.clock = clock
        self.pool = pool
        self.controller: MeetingController | None = None
        self.meeting_view: MeetingView | None = None
        self.dialog: QWidget | None = None
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.actions: dict[str, QAction] = {}
        #: The registry's window-wide commands and what runs them.
        self.handlers = bind(
            WINDOW,
            {
                "home": self.show_home,
                "search": self.show_search,
                "attendance": lambda: self.show_attendance(None),
                "new_meeting": lambda: self.new_meeting(None),
                "import_record": self.import_record,
                "import_moderngov": self.import_moderngov,
                "publish": lambda: self.publish(None),
                "generate_minutes": lambda: self.generate_minutes(None),
                "generate_tracker": lambda: self.generate_tracker(None),
                "agenda_pack": lambda: self.agenda_pack(None),
                "quit": self.close,
                "undo": self.undo,
                "redo": self.redo,
                "shortcuts": self.show_shortcuts,
                "about": self.show_about,
                "signoff": lambda: self.show_signoff(None),
                "verify": self.verify_pdf,
                "audit": lambda: self.audit(None),
            },
        )
        self._build_menus()
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.welcome = WelcomeView()
        self.home = HomeView(database, today=lambda: self.clock().date())
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.home)
        self.welcome.demo.connect(self.open_demo)
        self.welcome.create_committee.connect(self.create_committee)
        self.welcome.import_record.connect(self.import_record)
        self.home.open_meeting.connect(self.open_meeting)
        self.home.open_meeting_at.connect(self.open_meeting_at)
        self.home.attendance.connect(lambda slug: self.show_attendance(slug or None))
        self.home.new_meeting.connect(lambda slug: self.new_meeting(slug or None))
        self.home.new_committee.connect(self.create_committee)
        self.home.edit_committee.connect(self.edit_committee)
        self.home.people.connect(self.show_people)
        self.home.council.connect(self.edit_council)
        self.home.generate_minutes.connect(self.generate_minutes)
        self.home.generate_tracker.connect(self.generate_tracker)
        self.home.signoff.connect(self.show_signoff)
        self._signoff_view: SignoffView | None = None
        self.home.take_to_laptop.connect(self.take_to_laptop)
        self.home.bring_back.connect(self.bring_back)
        self._signoff_return: QWidget | None = None
        self.checkout_label = QLabel("")
        self.checkout_label.setObjectName("checkoutStatus")
        self.checkout_label.setAccessibleName("Check-out")
        self.statusBar().addPermanentWidget(self.checkout_label)
        self.saved_label = QLabel("")
        self.saved_label.setAccessibleName("Last saved")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.show_start()

    @property
    def signoff_view(self) -> SignoffView:
        """The sign-off view, made the first time it is wanted."""
        if self._signoff_view is None:
            from clerk.ui.signoff.view import SignoffView

            view = SignoffView(self.database, lambda: self.clock().date(), pool=self.pool)
            self.stack.addWidget(view)
            view.changed.connect(self.reload_meeting)
            view.back.connect(self._signoff_back)
            view.open_meeting.connect(self.open_meeting)
            view.edit_council.connect(self._signing_mode)
            self._signoff_view = view
        return self._signoff_view

    # -- menus ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menus = {name: self.menuBar().addMenu(title) for name, title in MENUS.items()}
        for command in COMMANDS:
            action = QAction(command.text, self)
            action.setObjectName(command.id)
            if command.where and command.where != ATTENDANCE_LIST:
                action.setText(f"{command.text}\t{keys_text(command)}")  # keys live in a panel
            elif command.keys:
                action.setShortcuts([QKeySequence(k) for k in command.keys])
            if command.keys:
                action.setToolTip(f"{command.text.replace('&', '')} ({keys_text(command)})")
            action.triggered.connect(lambda _checked=False, c=command.id: self.run_command(c))
            self.addAction(action)
            menus[command.group].addAction(action)
            self.actions[command.id] = action
        setup = menus["Set up"]
        meeting = menus["Meeting"]
        meeting.addSeparator()
        for name, text, slot in (
            ("take_to_laptop", "Take to this &laptop…", self.take_to_laptop),
            ("bring_back", "Bring bac&k", lambda: self.bring_back(None)),
            ("break_checkout", "Brea&k the check-out…", lambda: self.break_checkout(None)),
        ):
            action = meeting.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(slot)
            self.actions[name] = action
        for text, slot in (
            ("&Committees and meetings", self.show_home),
            ("&New committee…", self.create_committee),
            ("&People…", self.show_people),
            ("Council &profile…", self.edit_council),
        ):
            action = setup.addAction(text)
            action.triggered.connect(slot)
        self.actions["undo"].setEnabled(False)
        self.actions["redo"].setEnabled(False)

    def run_command(self, name: str) -> None:
        """Run a command of the registry: the window's own, else the open meeting's."""
        if BY_ID[name].scope == WINDOW:
            self.handlers[name]()
            return
        handler = self.meeting_view.command(name) if self.meeting_view is not None else None
        if handler is None:
            self.statusBar().showMessage("Open a meeting first (File, Meetings: Ctrl+O).", 8000)
            return
        if self.stack.currentWidget() is not self.meeting_view:
            self.stack.setCurrentWidget(self.meeting_view)
        handler()

    # -- start ---------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not catalogue.committee_lines(self.database) and not catalogue.meetings(
            self.database
        )

    def show_start(self) -> None:
        if self.is_empty():
            self.stack.setCurrentWidget(self.welcome)
            self.welcome.focus_first()
        else:
            self.show_home()

    def show_home(self) -> None:
        if self.is_empty():
            self.stack.setCurrentWidget(self.welcome)
            return
        self.home.refresh()
        self.stack.setCurrentWidget(self.home)
        self.home.focus_first()

    def open_demo(self) -> None:
        from clerk.services.demo import load_demo

        try:
            load_demo(self.database)
        except ClerkError as error:
            self.show_problem(str(error))
            return
        self.show_home()

    # -- the meeting ---------------------------------------------------------------------

    def open_meeting(self, meeting_id: int) -> MeetingView:
        from clerk.services.recording import MeetingSession
        from clerk.ui.controller import MeetingController
        from clerk.ui.live.view import MeetingView

        self.close_meeting_view()
        session = MeetingSession(self.database, meeting_id, clock=self.clock)
        controller = MeetingController(session, self)
        previous = self._previous_meeting(
            session.record.committee.slug, session.record.meeting.date
        )
        view = MeetingView(
            controller,
            self.actions,
            today=lambda: self.clock().date(),
            previous_meeting=previous,
            audit=lambda: self.audit(meeting_id),
        )
        self.controller = controller
        self.meeting_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        controller.saved.connect(self._saved)
        controller.changed.connect(self._undo_changed)  # a reload can lock the meeting
        controller.refused.connect(lambda message: self.statusBar().showMessage(message, 15000))
        controller.undo_stack.indexChanged.connect(self._undo_changed)
        self._undo_changed()
        record = session.record
        self.setWindowTitle(
            f"{record.committee.name}, {long_date(record.meeting.date)} — {APP_NAME}"
        )
        self.saved_label.setText("All changes are saved as you record them.")
        self._show_checkout(session)
        self._keep_drafts(view, meeting_id)
        view.focus_start()
        return view

    def _keep_drafts(self, view: MeetingView, meeting_id: int) -> None:
        """Minute text typed and not added is written as it is typed, and shown again when the
        meeting is opened again (after going home, quitting, or a crash)."""
        from clerk.ui.live.drafts import DraftStore

        store = DraftStore.beside(self.database.path, self.database.describe())
        minute_text = view.workspace.minute_text
        minute_text.drafts = store.load(meeting_id)
        minute_text.persist = lambda drafts: store.save(meeting_id, drafts)
        minute_text.restore_draft(view.workspace.item_id)

    def open_meeting_at(self, meeting_id: int, item_id: int) -> MeetingView:
        """Open a meeting showing one item (a search result)."""
        view = self.open_meeting(meeting_id)
        view.agenda.select_item(item_id)
        return view

    def show_search(self) -> None:
        """Ctrl+F: the home page's search box."""
        if self.is_empty():
            self.statusBar().showMessage("There are no meetings to search yet.", 8000)
            return
        if self.stack.currentWidget() is not self.home:
            self.show_home()
        self.home.search.focus_box()

    def show_attendance(self, subject: str | None) -> AttendanceDialog:
        """The attendance record of a committee (the selected one) or a person."""
        if subject is None and self.stack.currentWidget() is self.home:
            subject = self.home.selected_committee()
        if subject is None and self.controller is not None:
            subject = self.controller.record.committee.slug
        from clerk.ui.across.attendance_dialog import AttendanceDialog

        dialog = AttendanceDialog(self.database, subject, today=self.clock().date(), parent=self)
        self._open(dialog)
        return dialog

    def _previous_meeting(self, slug: str, day: date) -> date | None:
        earlier = [
            m.meeting.date for m in catalogue.meetings(self.database, slug) if m.meeting.date < day
        ]
        return max(earlier) if earlier else None

    def close_meeting_view(self) -> None:
        if self.meeting_view is not None:
            minute_text = self.meeting_view.workspace.minute_text
            minute_text.save_drafts()  # kept on disk as typed; once more, to be sure
            minute_text.persist = None
            self.stack.removeWidget(self.meeting_view)
            self.meeting_view.deleteLater()
            self.meeting_view = None
        if self.controller is not None:
            self.controller.deleteLater()
            self.controller = None
        set_recording_actions(self.actions, None)
        self._show_checkout(None)
        self.actions["undo"].setEnabled(False)
        self.actions["redo"].setEnabled(False)

    def _saved(self, label: str) -> None:
        session = self.controller.session if self.controller else None
        when = session.last_saved if session else None
        stamp = labels.at(when.time()) if when else ""
        self.saved_label.setText(f"Saved {stamp}: {label}")
        self.statusBar().clearMessage()

    def _undo_changed(self, *_args) -> None:
        stack = self.controller.undo_stack if self.controller else None
        session = self.controller.session if self.controller is not None else None
        if session is not None and (session.lock_reason or session.checkout_refusal):
            stack = None  # approved minutes: nothing to undo or redo (the service agrees)
        undo, redo = self.actions["undo"], self.actions["redo"]
        undo.setEnabled(bool(stack and stack.canUndo()))
        redo.setEnabled(bool(stack and stack.canRedo()))
        undo.setText(f"&Undo: {stack.undoText()}" if stack and stack.canUndo() else "&Undo")
        redo.setText(f"&Redo: {stack.redoText()}" if stack and stack.canRedo() else "&Redo")

    def undo(self) -> None:
        if self.controller is not None:
            self.controller.undo()

    def redo(self) -> None:
        if self.controller is not None:
            self.controller.redo()

    def reload_meeting(self) -> None:
        """A sign-off step was recorded: the meeting held open may have changed (locked, or
        confirmed the previous minutes), so read it again."""
        if self.controller is not None:
            self.controller.reload()
        if self.stack.currentWidget() is self.home:
            self.home.refresh()

    # -- sign-off ------------------------------------------------------------------------

    def _meeting_for_command(self) -> int | None:
        """The meeting a command is about: the one on screen, else the one selected."""
        current = self.stack.currentWidget()
        signoff = self._signoff_view
        if signoff is not None and current is signoff and signoff.meeting_id is not None:
            return signoff.meeting_id
        if current is not self.home and self.controller is not None:
            return self.controller.meeting_id
        return self.home.selected_meeting()

    def show_signoff(self, meeting_id: int | None = None) -> SignoffView | None:
        if meeting_id is None:
            meeting_id = self._meeting_for_command()
        if meeting_id is None:
            self.show_problem("Choose a meeting first (File, Meetings and committees: Ctrl+O).")
            return None
        current = self.stack.currentWidget()
        if current is not self.signoff_view:
            self._signoff_return = current
        self.signoff_view.show_meeting(meeting_id)
        self.stack.setCurrentWidget(self.signoff_view)
        self.setWindowTitle(f"Sign-off: {self.signoff_view.title.text()} — {APP_NAME}")
        self.signoff_view.focus_start()
        return self.signoff_view

    def _signoff_back(self) -> None:
        target = self._signoff_return
        if target is not None and target is self.meeting_view and self.controller is not None:
            self.stack.setCurrentWidget(target)
            record = self.controller.record
            self.setWindowTitle(
                f"{record.committee.name}, {long_date(record.meeting.date)} — {APP_NAME}"
            )
            self.meeting_view.focus_start()
            return
        self.setWindowTitle(APP_NAME)
        self.show_home()

    def _signing_mode(self) -> None:
        from clerk.ui.setup.council import council_dialog

        self._open(council_dialog(self, self.database, saved=self.signoff_view.refresh))

    def verify_pdf(self, path: Path | None = None) -> VerifyDialog:
        from clerk.ui.signoff.reports import VerifyDialog

        dialog = VerifyDialog(self, path, self.pool)
        self._open(dialog)
        if path is not None:
            dialog.run()
        return dialog

    def audit(self, meeting_id: int | None = None) -> AuditDialog | None:
        if meeting_id is None:
            meeting_id = self._meeting_for_command()
        if meeting_id is None:
            self.show_problem("Choose a meeting first (File, Meetings and committees: Ctrl+O).")
            return None
        from clerk.ui.signoff.reports import AuditDialog

        summary = next(m for m in catalogue.meetings(self.database) if m.id == meeting_id)
        subject = f"the meeting of {long_date(summary.meeting.date)}"
        dialog = AuditDialog(self, self.database, meeting_id, subject, self.pool)
        self._open(dialog)
        dialog.run()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        # Nothing to save: every action was committed when it was acknowledged.
        self.close_meeting_view()
        event.accept()


__all__ = ["MainWindow"]
