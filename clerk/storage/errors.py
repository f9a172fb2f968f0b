"""What reading and writing the database refuses, in the user's words."""

from __future__ import annotations

from clerk.domain.errors import ClerkError


class NotFound(ClerkError):
    """The named committee or meeting is not in this database."""


class ConcurrentEdit(ClerkError):
    """Someone else recorded an action on this meeting since it was loaded."""
