"""Models for an item's business: minute paragraphs, declarations, motions and actions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from clerk.documents.decision_wording import amendment_operation
from clerk.domain.entities import Motion
from clerk.domain.enums import MotionKind
from clerk.domain.names import display_name
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.interests import declaration_category
from clerk.domain.rules.motions import LETTERS, substantive_parts
from clerk.ui import labels
from clerk.ui.models.base import RowsModel
from clerk.ui.partstext import parts_summary, parts_to_text


@dataclass(frozen=True)
class ParagraphRow:
    key: int
    position: int
    text: str


def paragraph_rows(record: MeetingRecord, item_id: int) -> list[ParagraphRow]:
    return [
        ParagraphRow(p.id, n, p.text) for n, p in enumerate(record.paragraphs_for(item_id), start=1)
    ]


class ParagraphsModel(RowsModel):
    headers = ("Minute text",)

    def cell(self, row: ParagraphRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.text
        return None


@dataclass(frozen=True)
class DeclarationRow:
    key: int
    member: str
    interest: str
    nature: str
    conduct: str


def declaration_rows(record: MeetingRecord, item_id: int) -> list[DeclarationRow]:
    rows = []
    for declaration in record.for_item("declarations", item_id):
        nature = "(sensitive: not minuted)" if declaration.sensitive else declaration.nature
        conduct = labels.CONDUCT[declaration.conduct]
        if declaration.dispensation_ref:
            conduct += f" ({declaration.dispensation_ref})"
        rows.append(
            DeclarationRow(
                declaration.id,
                display_name(record.person(declaration.person_id)),
                labels.interest_label(declaration_category(record.council, declaration)),
                nature,
                conduct,
            )
        )
    return rows


class DeclarationsModel(RowsModel):
    headers = ("Member", "Interest", "Nature", "Conduct")

    def cell(self, row: DeclarationRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (row.member, row.interest, row.nature, row.conduct)[column]
        return None


@dataclass(frozen=True)
class MotionRow:
    key: int
    label: str
    mover: str
    seconder: str
    outcome: str
    wording: str
    pending: bool
    amendment: bool


def motion_label(record: MeetingRecord, motion_id: int) -> str:
    motion = record.motions[motion_id]
    if motion.kind is MotionKind.AMENDMENT:
        op = labels.AMENDMENT_OP[motion.op] if motion.op else "Amendment"
        target = f" {motion.target_part}" if motion.target_part else ""
        return f"Amendment {motion.id} to motion {motion.amends_id} ({op.lower()}{target})"
    return f"Motion {motion.id}"


def question_words(record: MeetingRecord, motion: Motion) -> str:
    """The words put to the meeting, in full: a motion as it stands (its carried amendments
    applied), or what an amendment does and its words."""
    if motion.kind is MotionKind.AMENDMENT:
        words = parts_to_text(motion.parts) if motion.parts else ""
        return f"{amendment_operation(motion).capitalize()}:\n{words}".rstrip(":\n")
    text = parts_to_text(substantive_parts(record, motion))
    return f"{motion.preamble.strip()}\n{text}".strip()


def question_heading(record: MeetingRecord, motion: Motion) -> str:
    """ "Motion 1, moved by Councillor Mills, seconded by Councillor Barnby"."""
    mover = display_name(record.person(motion.mover_id))
    seconder = (
        f", seconded by {display_name(record.person(motion.seconder_id))}"
        if motion.seconder_id
        else ", not seconded"
    )
    return f"{motion_label(record, motion.id)}, moved by {mover}{seconder}"


def motion_rows(record: MeetingRecord, item_id: int) -> list[MotionRow]:
    rows = []
    for motion in record.for_item("motions", item_id):
        votes = record.votes_for(motion.id)
        outcome = labels.OUTCOME[motion.outcome]
        if votes:
            vote = votes[-1]
            if vote.method.value != "assent":
                outcome += f" ({vote.yes}–{vote.no}–{vote.abstain})"
        wording = parts_summary(motion.parts) if motion.parts else ""
        if motion.preamble:
            wording = f"{motion.preamble} {wording}"
        rows.append(
            MotionRow(
                key=motion.id,
                label=motion_label(record, motion.id),
                mover=record.person(motion.mover_id).name,
                seconder=record.person(motion.seconder_id).name if motion.seconder_id else "—",
                outcome=outcome,
                wording=wording,
                pending=motion.outcome.value == "pending",
                amendment=motion.kind is MotionKind.AMENDMENT,
            )
        )
    return rows


class MotionsModel(RowsModel):
    headers = ("Motion", "Mover", "Seconder", "Outcome", "Wording")

    def cell(self, row: MotionRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (row.label, row.mover, row.seconder, row.outcome, row.wording)[column]
        return None


@dataclass(frozen=True)
class ActionRow:
    key: int
    minute: str
    text: str
    owner: str
    due: str
    status: str
    comment: str


def action_text(text_part: Any) -> str:
    subs = " ".join(f"{LETTERS[n]}. {p.text}" for n, p in enumerate(text_part.parts))
    return f"{text_part.text} {subs}".strip()


def action_rows(record: MeetingRecord, item_id: int | None = None) -> list[ActionRow]:
    rows = []
    for action in sorted(record.actions.values(), key=lambda a: a.id):
        if item_id is not None and action.item_id != item_id:
            continue
        item = record.items.get(action.item_id)
        minute = str(item.minute_number) if item and item.minute_number is not None else ""
        latest = action.comments[-1] if action.comments else None
        comment = f"{latest.text} ({latest.on:%d/%m/%y})" if latest else ""
        rows.append(
            ActionRow(
                key=action.id,
                minute=minute,
                text=action_text(action.text),
                owner=action.owner,
                due=labels.day(action.due),
                status=labels.ACTION_STATUS[action.status],
                comment=comment,
            )
        )
    return rows


class ActionsModel(RowsModel):
    headers = ("Minute", "Action", "Owner", "Due", "Status", "Latest comment")

    def cell(self, row: ActionRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (row.minute, row.text, row.owner, row.due, row.status, row.comment)
            return values[column]
        return None
