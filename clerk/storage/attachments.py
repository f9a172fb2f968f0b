"""Files kept with a meeting (the scanned signed copy, the digitally signed PDF, the reports
attached to agenda items), by SHA-256."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select

from clerk.storage.models import AttachmentRow, table_of


@dataclass(frozen=True)
class Attachment:
    id: int
    meeting_id: int
    purpose: str
    file_name: str
    media_type: str
    sha256: str
    size: int
    attached_at: datetime
    who: str


def add(
    conn: Connection,
    meeting_id: int,
    purpose: str,
    file_name: str,
    content: bytes,
    who: str,
    media_type: str = "application/pdf",
) -> Attachment:
    digest = hashlib.sha256(content).hexdigest()
    attached_at = datetime.now(UTC).replace(tzinfo=None)
    result = conn.execute(
        insert(table_of(AttachmentRow)).values(
            meeting_id=meeting_id,
            purpose=purpose,
            file_name=file_name,
            media_type=media_type,
            sha256=digest,
            size=len(content),
            content=content,
            attached_at=attached_at,
            who=who,
        )
    )
    attachment_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    return Attachment(
        attachment_id,
        meeting_id,
        purpose,
        file_name,
        media_type,
        digest,
        len(content),
        attached_at,
        who,
    )


def list_for(conn: Connection, meeting_id: int) -> list[Attachment]:
    table = table_of(AttachmentRow)
    rows = conn.execute(
        select(*[c for c in table.c if c.name != "content"])
        .where(table.c.meeting_id == meeting_id)
        .order_by(table.c.id)
    ).mappings()
    return [Attachment(**dict(row)) for row in rows]


def content(conn: Connection, attachment_id: int) -> bytes:
    found = conn.execute(
        select(AttachmentRow.content).where(AttachmentRow.id == attachment_id)
    ).scalar()
    if found is None:
        raise KeyError(attachment_id)
    return bytes(found)


def find(conn: Connection, meeting_id: int, purpose: str, sha256: str) -> bytes | None:
    """The content of a file kept with the meeting for ``purpose``, by its SHA-256."""
    found = conn.execute(
        select(AttachmentRow.content)
        .where(
            AttachmentRow.meeting_id == meeting_id,
            AttachmentRow.purpose == purpose,
            AttachmentRow.sha256 == sha256,
        )
        .limit(1)
    ).scalar()
    return bytes(found) if found is not None else None
