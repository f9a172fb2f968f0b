"""The attendance record as a document: a title, the range, the table, and the notes.

The rows come ready-made from the attendance service (the same rows the window and the CSV
show); this composer only lays them out. The record holds names and counts, never minute
text, so the one document is fit to publish.
"""

from __future__ import annotations

from collections.abc import Sequence

from clerk.documents.model import (
    Block,
    Cell,
    Column,
    Document,
    Furniture,
    Heading,
    Metadata,
    Para,
    Table,
)

#: Narrow count columns; the names, dates and the rule's words take the rest.
WIDE = {"Member": (3.0, 30.0), "Committee": (3.0, 30.0), "Standing": (1.0, 22.0)}
DATES = {"Last attended", "Six months end", "Late / left early"}


def compose_attendance(
    council: str,
    title: str,
    subtitle: str,
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    notes: Sequence[str],
    empty: str = "",
) -> Document:
    columns = tuple(_column(h) for h in headings)
    blocks: list[Block] = [
        Heading(f"Attendance record: {title}", level=0),
        Para(subtitle, italic=True),
    ]
    if rows:
        table_rows = tuple(tuple(Cell((Para(value),)) for value in row) for row in rows)
        blocks.append(Table(columns, table_rows))
    else:
        blocks.append(Para(empty or "No attendance to report."))
    blocks.extend(Para(note) for note in notes)
    return Document(
        metadata=Metadata(title=f"Attendance record: {title}", subject=title, author=council),
        furniture=Furniture(running_left=f"Attendance record: {title}", running_right=subtitle),
        blocks=tuple(blocks),
        landscape=True,
    )


def _column(heading: str) -> Column:
    if heading in WIDE:
        weight, width = WIDE[heading]
        return Column(heading, weight=weight, min_mm=width)
    if heading in DATES:
        return Column(heading, weight=0.0, min_mm=21)
    return Column(heading, weight=0.0, min_mm=22)
