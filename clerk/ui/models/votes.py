"""The recorded-vote grid: each member's choice; absent and ineligible members greyed, with the
domain's reason (``clerk.domain.rules.business.voters``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from clerk.domain.entities import AgendaItem, VoteChoice
from clerk.domain.enums import VoteOption
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.business import Standing, Voter, voters
from clerk.ui import labels
from clerk.ui.models.base import Index, RowsModel

#: The choices a clerk can give an eligible member, in the order of keys 1, 2, 3, 0.
CHOICES = (VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN, VoteOption.NOT_VOTING)


@dataclass(frozen=True)
class VoterRow:
    key: str
    name: str
    #: Why not voting (absent, or not eligible), as the domain says it; None when eligible.
    reason: str | None
    option: VoteOption | None = None
    #: A member with a vote on the item who is not in the room: listed as absent.
    absent: bool = False
    standing: Standing = Standing.ELIGIBLE

    @property
    def eligible(self) -> bool:
        return self.standing is Standing.ELIGIBLE


def rows_of(voters: Sequence[Voter]) -> list[VoterRow]:
    """The grid's rows for the domain's voters: eligible ones first, in the body's order."""
    rows = [
        VoterRow(v.person_id, v.name, v.reason, None, v.listed_absent, v.standing) for v in voters
    ]
    return [r for r in rows if r.eligible] + [r for r in rows if not r.eligible]


def voter_rows(record: MeetingRecord, item: AgendaItem) -> list[VoterRow]:
    """Seat holders and attending councillors, eligible ones first in roster order; members
    not in the room are listed as absent, as councils print a recorded vote."""
    return rows_of(voters(record, item))


class VoteGridModel(RowsModel):
    headers = ("Member", "Vote", "Why not voting")
    NAME, VOTE, REASON = range(3)

    #: A choice the grid refused, with the domain's reason.
    refused = Signal(str)

    def load(self, rows: list[VoterRow]) -> None:
        """New voters (keeping choices already given to the same people)."""
        given = {r.key: r.option for r in self._rows}
        self.set_rows([replace(r, option=given.get(r.key)) if r.eligible else r for r in rows])

    def choices(self) -> tuple[VoteChoice, ...]:
        given = [
            VoteChoice(r.key, r.option) for r in self._rows if r.eligible and r.option is not None
        ]
        if not given:
            return ()
        return (*given, *(VoteChoice(r.key, VoteOption.ABSENT) for r in self._rows if r.absent))

    def eligible_keys(self) -> list[str]:
        return [r.key for r in self._rows if r.eligible]

    def set_choice(self, row_number: int, option: VoteOption | None) -> bool:
        return self.setData(self.index(row_number, self.VOTE), option)

    def set_all(self, option: VoteOption) -> None:
        self.set_rows([replace(r, option=option) if r.eligible else r for r in self._rows])

    def cell(self, row: VoterRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.NAME:
                return row.name
            if column == self.VOTE:
                if row.standing is Standing.ABSENT:
                    return "Absent"
                if not row.eligible:
                    return "Not eligible"
                return labels.VOTE_OPTION[row.option] if row.option else "—"
            return row.reason or ""
        if role == Qt.ItemDataRole.EditRole and column == self.VOTE:
            return row.option.value if row.option else ""
        if role == Qt.ItemDataRole.ForegroundRole and not row.eligible:
            palette = QApplication.palette()
            return palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        row = self.row_at(index)
        if row is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if row.eligible and index.column() == self.VOTE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index)
        if row is None or index.column() != self.VOTE or role != Qt.ItemDataRole.EditRole:
            return False
        if not row.eligible:
            self.refused.emit(row.reason or "")
            return False
        option = VoteOption(value) if value else None
        if option is not None and option not in CHOICES:
            return False
        self._rows[index.row()] = replace(row, option=option)
        self.dataChanged.emit(index, index)
        return True
