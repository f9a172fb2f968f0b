"""The item's proceedings as the minute-text tab lists them: paragraphs among the steps.

Paragraphs can be dragged to another place; the model turns a drop into a request to move the
paragraph by so many places (``move_requested``), which the tab records as an action. Steps
(motions, votes...) are shown in the minutes' words, in grey, and stay where they happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from clerk.domain.entities import Motion, ProceduralEvent, StepRef, VoteEvent
from clerk.domain.enums import MotionKind
from clerk.domain.names import display_name
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.proceedings import EntryKind
from clerk.services.minute_preview import item_preview
from clerk.ui import labels
from clerk.ui.models.base import Index, RowsModel

MIME = "application/x-clerk-paragraph"
STEP_COLOUR = QColor("#5a5a5a")

TAGS = {
    EntryKind.MOTION: "Motion",
    EntryKind.OUTCOME: "Motion",
    EntryKind.VOTE: "Vote",
    EntryKind.RESOLUTION: "Resolution",
    EntryKind.ADJOURNED: "Adjourned",
    EntryKind.RESUMED: "Resumed",
    EntryKind.PUBLIC_EXCLUDED: "Press and public excluded",
    EntryKind.PUBLIC_READMITTED: "Press and public readmitted",
    EntryKind.NOTE: "Note",
    EntryKind.PRESIDING: "Chair",
    EntryKind.ARRIVED: "Arrived",
    EntryKind.LEFT: "Left",
}


@dataclass(frozen=True)
class SequenceRow:
    key: StepRef
    kind: EntryKind
    tag: str
    text: str
    movable: bool

    @property
    def paragraph_id(self) -> int | None:
        return self.key.id if self.kind is EntryKind.PARAGRAPH else None


def _fallback(record: MeetingRecord, row_kind: EntryKind, entity: object) -> str:
    """A step the minutes give no words of its own, said briefly."""
    if isinstance(entity, Motion):
        mover = display_name(record.person(entity.mover_id))
        seconder = (
            f", seconded by {display_name(record.person(entity.seconder_id))}"
            if entity.seconder_id
            else ""
        )
        return f"moved by {mover}{seconder} (minuted by its resolution alone)"
    if isinstance(entity, VoteEvent):
        outcome = labels.OUTCOME[record.motions[entity.motion_id].outcome].lower()
        return f"on motion {entity.motion_id}: {outcome} (minuted by its resolution alone)"
    if isinstance(entity, ProceduralEvent) and entity.at is not None:
        return f"at {labels.at(entity.at)} (minuted with the adjournment)"
    return row_kind.value


def sequence_rows(record: MeetingRecord, item_id: int) -> list[SequenceRow]:
    rows = []
    for preview in item_preview(record, item_id):
        kind = preview.kind
        text = preview.text or _fallback(record, kind, preview.entry.entity)
        tag = "" if kind is EntryKind.PARAGRAPH else TAGS.get(kind, kind.value)
        if kind in (EntryKind.MOTION, EntryKind.OUTCOME):
            motion = record.motions[preview.step.id]
            noun = "Amendment" if motion.kind is MotionKind.AMENDMENT else "Motion"
            tag = f"{noun} {motion.id}" + (" settled" if kind is EntryKind.OUTCOME else "")
        rows.append(SequenceRow(preview.step, kind, tag, text, preview.movable))
    return rows


class ProceedingsModel(RowsModel):
    headers = ("Proceedings",)
    #: A paragraph dropped elsewhere: its id, and how many places to move it (-1 up, 1 down).
    move_requested = Signal(int, int)

    def cell(self, row: SequenceRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text if not row.tag else f"{row.tag}: {row.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.movable:
                return "Minute text: drag it, or Alt+Up / Alt+Down, to move it."
            return f"{row.tag}: stays where it happened."
        if role == Qt.ItemDataRole.ForegroundRole and not row.movable:
            return QBrush(STEP_COLOUR)
        if role == Qt.ItemDataRole.FontRole and row.kind is not EntryKind.PARAGRAPH:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    # -- drag and drop: paragraphs only, dropped between rows ----------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags | Qt.ItemFlag.ItemIsDropEnabled
        row = self.row_at(index)
        if row is not None and row.movable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        movable = [r for r in rows if self.rows[r].movable]
        if movable:
            data.setData(MIME, QByteArray(str(movable[0]).encode("ascii")))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        source = int(bytes(data.data(MIME).data()).decode("ascii"))
        if not 0 <= source < self.rowCount():
            return False
        gap = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        by = gap - source if gap < source else gap - 1 - source
        paragraph = self.rows[source].paragraph_id
        if by and paragraph is not None:
            self.move_requested.emit(paragraph, by)
        return False  # the record moves it; the list is rebuilt from the record
