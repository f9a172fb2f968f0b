"""The start views: a welcome for an empty database, else committees and their meetings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.domain.checkout import list_note
from clerk.domain.enums import MeetingStatus
from clerk.domain.timefmt import weekday_date
from clerk.services import catalogue
from clerk.services.catalogue import MeetingSummary
from clerk.storage.database import Database
from clerk.ui.across.search_panel import SearchPanel
from clerk.ui.live.tables import select_key, selected_key, table_view
from clerk.ui.models.setup import CommitteesModel, MeetingsModel

#: The meetings a clerk is offered to resume.
LIVE = (MeetingStatus.IN_PROGRESS, MeetingStatus.ADJOURNED)


def resumable(database: Database) -> list[MeetingSummary]:
    """Meetings left in progress or adjourned, most recent first."""
    found = [m for m in catalogue.meetings(database) if m.meeting.status in LIVE]
    return sorted(found, key=lambda m: m.meeting.date, reverse=True)


def big_button(text: str, detail: str) -> QPushButton:
    button = QPushButton(f"{text}\n{detail}")
    button.setObjectName("bigButton")
    button.setAccessibleName(text.replace("&", ""))
    button.setAccessibleDescription(detail)
    button.setMinimumHeight(button.fontMetrics().lineSpacing() * 3 + 16)
    return button


class WelcomeView(QWidget):
    demo = Signal()
    create_committee = Signal()
    import_record = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        outer.addLayout(column, 3)
        outer.addStretch(1)
        column.addStretch(1)
        title = QLabel("Welcome to Clerk")
        title.setObjectName("welcomeTitle")
        column.addWidget(title)
        intro = QLabel(
            "Record a committee meeting live at the table — attendance, declarations, motions, "
            "votes, resolutions and actions — and produce the minutes and the action tracker. "
            "Everything is saved the moment it is recorded; nothing needs a network."
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.demo_button = big_button(
            "Open the &demo",
            "Torbay's Children and Young People's Overview and Scrutiny Board: "
            "one meeting recorded, the next ready to record",
        )
        self.create_button = big_button(
            "&Create a committee", "Your council, its people, a committee and its first meeting"
        )
        self.import_button = big_button(
            "Im&port a meeting record", "A Clerk meeting record (JSON) exported elsewhere"
        )
        for button, signal in (
            (self.demo_button, self.demo),
            (self.create_button, self.create_committee),
            (self.import_button, self.import_record),
        ):
            button.clicked.connect(signal.emit)
            column.addWidget(button)
        column.addStretch(2)

    def focus_first(self) -> None:
        self.demo_button.setFocus()


class HomeView(QWidget):
    open_meeting = Signal(int)
    #: A search result: the meeting, and the item to show.
    open_meeting_at = Signal(int, int)
    attendance = Signal(str)
    new_meeting = Signal(str)
    edit_committee = Signal(str)
    new_committee = Signal()
    people = Signal()
    council = Signal()
    generate_minutes = Signal(int)
    generate_tracker = Signal(str)
    signoff = Signal(int)
    take_to_laptop = Signal()
    bring_back = Signal(int)

    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.today = today
        self.resume_id: int | None = None
        layout = QVBoxLayout(self)
        self.resume_frame = QFrame()
        self.resume_frame.setObjectName("resumeBanner")
        banner = QHBoxLayout(self.resume_frame)
        self.resume_text = QLabel()
        self.resume_text.setWordWrap(True)
        self.resume_text.setAccessibleName("Meeting left in progress")
        banner.addWidget(self.resume_text, 1)
        self.resume_button = QPushButton("&Resume recording")
        self.resume_button.setAccessibleName("Resume recording the meeting left in progress")
        self.resume_button.setDefault(True)
        self.resume_button.clicked.connect(self._resume)
        banner.addWidget(self.resume_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.resume_frame)
        self.search = SearchPanel(database)
        self.search.open_at.connect(self.open_meeting_at.emit)
        layout.addWidget(self.search, 1)

        columns = QHBoxLayout()
        layout.addLayout(columns, 2)
        left = QVBoxLayout()
        columns.addLayout(left, 2)
        heading = QLabel("Committees")
        heading.setObjectName("panelHeading")
        left.addWidget(heading)
        self.committees_model = CommitteesModel(self)
        self.committees = table_view(self.committees_model, "Committees", stretch=0)
        heading.setBuddy(self.committees)
        left.addWidget(self.committees, 1)
        for text, slot in (
            ("&New committee…", self.new_committee.emit),
            ("Edit &committee…", self._edit_committee),
            ("&People…", self.people.emit),
            ("Council p&rofile…", self.council.emit),
            ("Action trac&ker…", self._tracker),
            ("Attendance recor&d…", self._attendance),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.clicked.connect(slot)
            left.addWidget(button)

        right = QVBoxLayout()
        columns.addLayout(right, 3)
        self.meetings_heading = QLabel("Meetings")
        self.meetings_heading.setObjectName("panelHeading")
        right.addWidget(self.meetings_heading)
        self.meetings_model = MeetingsModel(self)
        self.meetings = table_view(self.meetings_model, "Meetings", stretch=2)
        self.meetings_heading.setBuddy(self.meetings)
        self.meetings.activated.connect(lambda _i: self._open())
        right.addWidget(self.meetings, 1)
        row = QHBoxLayout()
        for text, slot in (
            ("&Open (record)", self._open),
            ("Ne&w meeting…", self._new_meeting),
            ("Generate min&utes…", self._minutes),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.clicked.connect(slot)
            row.addWidget(button)
        self.signoff_button = QPushButton("Sign-off…  F9")  # every letter is taken: F9
        self.signoff_button.setAccessibleName("Sign-off")
        self.signoff_button.setToolTip("Where the minutes stand, and the next step (F9)")
        self.signoff_button.clicked.connect(self._signoff)
        row.addWidget(self.signoff_button)
        row.addStretch(1)
        right.addLayout(row)
        laptop = QHBoxLayout()
        self.take_button = QPushButton("Take to this &laptop…")
        self.take_button.setAccessibleName("Take a meeting from the team's database to this laptop")
        self.take_button.clicked.connect(self.take_to_laptop.emit)
        self.bring_button = QPushButton("Bring bac&k")
        self.bring_button.setAccessibleName("Bring the meeting back to the team's database")
        self.bring_button.clicked.connect(self._bring_back)
        laptop.addWidget(self.take_button)
        laptop.addWidget(self.bring_button)
        laptop.addStretch(1)
        right.addLayout(laptop)
        self.committees.selectionModel().currentRowChanged.connect(self._committee_changed)

    # -- state ---------------------------------------------------------------------------

    def refresh(self) -> None:
        key = selected_key(self.committees)
        self.committees_model.set_rows(catalogue.committee_lines(self.database))
        kept = key is not None and select_key(self.committees, key)
        if not kept and self.committees_model.rowCount():
            self.committees.selectRow(0)
            self.committees.setCurrentIndex(self.committees_model.index(0, 0))
        self._committee_changed()
        self._refresh_resume()
        self.search.refresh()

    def _refresh_resume(self) -> None:
        live = resumable(self.database)
        if not live:
            self.resume_id = None
            self.resume_frame.hide()
            return
        # A meeting left open is rare: only then are the recording service and SQLAlchemy
        # loaded before the first screen is up.
        from clerk.services.recording import MeetingSession
        from clerk.ui.resume import where_we_were

        summary = live[0]
        record = MeetingSession(self.database, summary.id).record
        where = where_we_were(record)
        self.resume_id = summary.id
        others = f" ({len(live) - 1} more left open)" if len(live) > 1 else ""
        self.resume_text.setText(
            f"<b>A meeting was left {record.meeting.status.value.replace('-', ' ')}:</b> "
            f"{record.committee.name}, {weekday_date(record.meeting.date)}{others}.<br>"
            + "<br>".join(where.summary)
        )
        self.resume_frame.show()

    def _committee_changed(self, *_args) -> None:
        slug = selected_key(self.committees)
        meetings = catalogue.meetings(self.database, slug) if slug else []
        key = selected_key(self.meetings)
        today = self.today()
        notes = {
            meeting_id: list_note(checkout, today)
            for meeting_id, checkout in catalogue.checked_out(self.database).items()
        }
        self.meetings_model.set_rows(meetings)
        self.meetings_model.set_notes(notes)
        if key is not None:
            select_key(self.meetings, key)
        elif meetings:
            upcoming = [m for m in meetings if m.meeting.status.value != "closed"]
            select_key(self.meetings, (upcoming or meetings)[0].id)
        name = next((c.name for c in self.committees_model.rows if c.slug == slug), "")
        self.meetings_heading.setText(f"Meetings of the {name}" if name else "Meetings")

    def focus_first(self) -> None:
        if self.resume_id is not None:
            self.resume_button.setFocus()
        else:
            self.meetings.setFocus()

    def selected_committee(self) -> str | None:
        return selected_key(self.committees)

    def selected_meeting(self) -> int | None:
        return selected_key(self.meetings)

    # -- commands ------------------------------------------------------------------------

    def _resume(self) -> None:
        if self.resume_id is not None:
            self.open_meeting.emit(self.resume_id)

    def _open(self) -> None:
        meeting = self.selected_meeting()
        if meeting is not None:
            self.open_meeting.emit(meeting)

    def _new_meeting(self) -> None:
        self.new_meeting.emit(self.selected_committee() or "")

    def _edit_committee(self) -> None:
        slug = self.selected_committee()
        if slug:
            self.edit_committee.emit(slug)

    def _minutes(self) -> None:
        meeting = self.selected_meeting()
        if meeting is not None:
            self.generate_minutes.emit(meeting)

    def _bring_back(self) -> None:
        meeting = self.selected_meeting()
        if meeting is not None:
            self.bring_back.emit(meeting)

    def _signoff(self) -> None:
        meeting = self.selected_meeting()
        if meeting is not None:
            self.signoff.emit(meeting)

    def _attendance(self) -> None:
        self.attendance.emit(self.selected_committee() or "")

    def _tracker(self) -> None:
        slug = self.selected_committee()
        if slug:
            self.generate_tracker.emit(slug)
