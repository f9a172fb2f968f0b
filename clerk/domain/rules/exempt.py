"""Exempt business (Local Government Act 1972, Schedule 12A): what makes minutes confidential."""

from __future__ import annotations

from clerk.domain.record import MeetingRecord


def has_exempt_business(record: MeetingRecord) -> bool:
    """Whether anything minuted at the meeting was exempt: only then is there a confidential
    version of its minutes (one without would be the public minutes stamped confidential)."""
    return any(i.exempt for i in record.items.values() if i.minute_number is not None)
