"""The meeting header: which meeting, its state, the question before the meeting, the quorum
and the procedural controls. What it says comes from the domain's read side
(``clerk.domain.rules.business``): the header counts nothing itself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from clerk.domain.enums import MeetingStatus
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.business import carried_unresolved, question_before_meeting, room
from clerk.domain.timefmt import weekday_date
from clerk.ui import labels
from clerk.ui.forms import keep_short_text
from clerk.ui.models.agenda import item_heading
from clerk.ui.models.business import question_heading, question_words

#: Which procedural commands make sense in each state (the rest are hidden, not just greyed).
PROCEDURAL = {
    MeetingStatus.SCHEDULED: ("start",),
    MeetingStatus.IN_PROGRESS: ("adjourn", "exclude_public", "readmit_public", "close_meeting"),
    MeetingStatus.ADJOURNED: ("resume", "close_meeting"),
    MeetingStatus.CLOSED: (),
    MeetingStatus.CANCELLED: (),
}


class MeetingHeader(QFrame):
    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingHeader")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("meetingTitle")
        self.title.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("meetingState")
        self.state.setWordWrap(True)
        self.question = QLabel()
        self.question.setObjectName("questionLine")
        self.question.setWordWrap(True)
        self.question.setAccessibleName("Before the meeting")
        texts.addWidget(self.title)
        texts.addWidget(self.state)
        texts.addWidget(self.question)
        layout.addLayout(texts, 1)
        self.quorum = QLabel()
        self.quorum.setObjectName("quorate")
        self.quorum.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.quorum.setAccessibleName("Quorum")
        layout.addWidget(self.quorum)
        self.buttons: dict[str, QToolButton] = {}
        for key in ("start", "adjourn", "resume", "exclude_public", "readmit_public"):
            layout.addWidget(self._button(actions[key], key))
        layout.addWidget(self._button(actions["close_meeting"], "close_meeting"))
        self.signoff_button = self._button(actions["signoff"], "signoff")  # always shown
        del self.buttons["signoff"]  # the procedural buttons come and go; this one stays
        layout.addWidget(self.signoff_button)

    def _button(self, action: QAction, key: str) -> QToolButton:
        button = QToolButton()
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        shortcut = action.shortcut().toString()
        text = action.text().replace("&", "").rstrip("…")
        short = {
            "start": "Start",
            "adjourn": "Adjourn",
            "resume": "Resume",
            "exclude_public": "Exclude public…",
            "readmit_public": "Readmit public",
            "close_meeting": "Close meeting",
            "signoff": "Sign-off…",
        }[key]
        keep_short_text(button, action, f"{short}  {shortcut}")
        button.setAccessibleName(text)
        button.setToolTip(f"{text} ({shortcut})")
        self.buttons[key] = button
        return button

    def refresh(self, record: MeetingRecord) -> None:
        meeting = record.meeting
        self.title.setText(record.committee.name)
        parts = [weekday_date(meeting.date), labels.MEETING_STATUS[meeting.status]]
        if meeting.started_at is not None:
            parts[1] += f" (started {labels.at(meeting.started_at)})"
        if meeting.ended_at is not None:
            parts.append(f"ended {labels.at(meeting.ended_at)}")
        if meeting.status is MeetingStatus.SCHEDULED and meeting.scheduled_time is not None:
            parts.append(f"due to start {labels.at(meeting.scheduled_time)}")
        if meeting.venue:
            parts.append(meeting.venue)
        if meeting.public_excluded:
            parts.append("PRESS AND PUBLIC EXCLUDED")
        current = record.current_item()
        if current is not None and meeting.status is not MeetingStatus.CLOSED:
            self.state.setToolTip(f"Under way: {item_heading(current)}")
        self.state.setText(" · ".join(parts))
        self._show_question(record)
        self._show_quorum(record)
        visible = PROCEDURAL[meeting.status]
        for key, button in self.buttons.items():
            if key == "exclude_public":
                button.setVisible(key in visible and not meeting.public_excluded)
            elif key == "readmit_public":
                button.setVisible(key in visible and meeting.public_excluded)
            else:
                button.setVisible(key in visible)

    def _show_question(self, record: MeetingRecord) -> None:
        """The question before the meeting (or the resolution it awaits), whatever tab is
        open."""
        meeting = record.meeting
        current = record.current_item()
        if meeting.status is not MeetingStatus.IN_PROGRESS or current is None:
            self.question.hide()
            return
        motion = question_before_meeting(record)
        carried = carried_unresolved(record, current.id)
        if motion is not None:
            text = f"Before the meeting: {question_heading(record, motion)}"
            self.question.setToolTip(question_words(record, motion))
        elif carried:
            text = f"Motion {carried[-1]} was carried: its resolution is next (Alt+4)."
            self.question.setToolTip("")
        else:
            text = "No motion before the meeting."
            self.question.setToolTip("")
        self.question.setText(text)
        self.question.show()

    def _show_quorum(self, record: MeetingRecord) -> None:
        """The domain's count of the room: who is present, and whom the quorum counts; a
        meeting over shows when it ended, not a live quorum."""
        meeting = record.meeting
        if meeting.status in (MeetingStatus.CLOSED, MeetingStatus.CANCELLED):
            text = labels.MEETING_STATUS[meeting.status]
            if meeting.ended_at is not None:
                text += f" {labels.at(meeting.ended_at)}"
            self._badge("meetingOver", text, f"The meeting is {text.lower()}.")
            return
        count = room(record, meeting.current_item_id)
        word = "Quorate" if count.quorate else "INQUORATE"
        style = "quorate" if count.quorate else "inquorate"
        if not count.quorate and meeting.status is MeetingStatus.IN_PROGRESS:
            word = "INQUORATE: adjourn (F6)?"  # an inquorate meeting cannot resolve anything
        if not count.quorate and meeting.status is MeetingStatus.SCHEDULED:
            style, word = "quorumPending", "Quorum"  # before the roll call: no alarm yet
        self._badge(
            style,
            f"{word}\n{count.describe()}",
            "Present: members of the body in the room (co-opted members and substitutes "
            "included). The quorum counts councillor seats present, less members withdrawn "
            f"for the item: {count.describe()}.",
        )

    def _badge(self, style: str, text: str, tip: str) -> None:
        self.quorum.setText(text)
        self.quorum.setObjectName(style)
        self.quorum.setAccessibleDescription(text.replace("\n", ": "))
        self.quorum.setToolTip(tip)
        self.quorum.style().unpolish(self.quorum)
        self.quorum.style().polish(self.quorum)
