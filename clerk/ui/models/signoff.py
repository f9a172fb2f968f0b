"""The sign-off steps taken: what the record says, who recorded each and when."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from clerk.services.signoff import SIGNED_PDF, StepRecord, local_time
from clerk.storage.attachments import Attachment
from clerk.ui import labels
from clerk.ui.models.base import RowsModel

STEP_NAMES = {
    "circulated": "Circulated",
    "approved": "Approved",
    "confirmed": "Confirmed",
    "signed": "Signed",
    "signed-copy-attached": "Copy attached",
}


@dataclass(frozen=True)
class StepRow:
    key: int
    step: StepRecord


def step_rows(steps: tuple[StepRecord, ...]) -> list[StepRow]:
    return [StepRow(number, step) for number, step in enumerate(steps, start=1)]


def recorded_text(step: StepRecord) -> str:
    if step.recorded_at is None:
        return ""
    moment = local_time(step.recorded_at)
    return f"{labels.day(moment.date())}, {labels.at(moment.time())}"


class StepsModel(RowsModel):
    headers = ("Step", "What the record says", "Recorded by", "Recorded")
    STEP, TEXT, BY, AT = range(4)

    def cell(self, row: StepRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            step = row.step
            return (
                f"{row.key}. {STEP_NAMES.get(step.step.value, step.step.value)}",
                step.text,
                step.recorded_by,
                recorded_text(step),
            )[column]
        return None


class KeptFilesModel(RowsModel):
    headers = ("Kept with the meeting", "Size", "SHA-256")

    def key(self, row: Attachment) -> int:
        return row.id

    def cell(self, row: Attachment, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            what = "signed PDF" if row.purpose == SIGNED_PDF else "scanned signed copy"
            return (f"{row.file_name} ({what})", f"{row.size:,} bytes", row.sha256[:16] + "…")[
                column
            ]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.file_name}: SHA-256 {row.sha256}, kept by {row.who}"
        return None
