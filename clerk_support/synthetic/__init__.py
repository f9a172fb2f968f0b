"""Synthetic councils for benchmarks and tests: realistic archives of any size, built fast.

``generate_archive(database, ArchiveSize(...))`` fills an empty database with a council's
committees and years of recorded meetings (names, political groups, co-optees, votes of every
kind, declarations, exempt items, actions and their progress). Every meeting is recorded with
the real domain actions, so the rules hold, and written as an imported meeting is.
"""

from clerk_support.synthetic.archive import (
    ArchiveSize,
    ArchiveSummary,
    generate_archive,
    meeting_dates,
)
from clerk_support.synthetic.meeting import record_meeting
from clerk_support.synthetic.recorder import MeetingShape, RecordedMeeting

__all__ = [
    "ArchiveSize",
    "ArchiveSummary",
    "MeetingShape",
    "RecordedMeeting",
    "generate_archive",
    "meeting_dates",
    "record_meeting",
]
