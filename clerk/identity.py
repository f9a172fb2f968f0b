"""Who is acting: the name the journal and the register record."""

from __future__ import annotations

import getpass
import os


def current_user() -> str:
    """Who the journal says acted: ``CLERK_USER``, else the operating-system user."""
    override = os.environ.get("CLERK_USER")
    if override:
        return override
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "clerk"
