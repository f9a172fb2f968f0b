"""The team's database as a laptop reaches it: where it is, how to log in, when it cannot.

Clerk keeps the team database's address without its password (in the laptop's check-out
rows). The password, when the address given to ``clerk checkout --from`` carries one, goes
into the platform's keyring (Windows Credential Manager, macOS Keychain, the Secret Service on
Linux) through the ``keyring`` library, and is looked up there each time. A computer with no
keyring refuses to keep it: give the address without a password and let PostgreSQL find it in
``~/.pgpass`` (``%APPDATA%\\postgresql\\pgpass.conf``), or name a service from a PostgreSQL
service file (``postgresql+psycopg:///?service=clerk-team``). Nothing is ever kept in plain
text by Clerk.
"""

from __future__ import annotations

import logging
import os
import socket
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from clerk.domain.errors import ClerkError, one_line
from clerk.storage.database import Database, open_database
from clerk.storage.engine import database_url, sqlite_path

log = logging.getLogger(__name__)
KEYRING_SERVICE = "Clerk team database"


class TeamUnreachable(ClerkError):
    """The team's database cannot be reached; nothing changed, the laptop keeps working."""


def machine_name() -> str:
    """This computer's name, as the team's database records a check-out to it."""
    return os.environ.get("CLERK_MACHINE") or socket.gethostname() or "this laptop"


def _url(target: str) -> URL:
    try:
        return make_url(database_url(target))
    except ArgumentError:
        raise ClerkError(f"'{target}' is not a database address Clerk understands.") from None


def address(target: str) -> str:
    """The address without any password: what Clerk keeps and shows."""
    # URL.set(password=None) would leave the password as it is: None means "unchanged" there.
    return _url(target)._replace(password=None).render_as_string(hide_password=False)


def describe(target: str) -> str:
    """The address for a sentence: the file, or host/database."""
    url = _url(target)
    path = sqlite_path(url.render_as_string(hide_password=False))
    if path is not None:
        return str(path)
    host = url.host or url.query.get("service") or "localhost"
    return f"{host}/{url.database}" if url.database else str(host)


def _keyring() -> Any | None:
    """The platform's keyring, or None when there is none worth the name (no backend, or one
    that keeps secrets in a plain file)."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except KeyringError:
        return None
    name = f"{type(backend).__module__}.{type(backend).__name__}".lower()
    if any(word in name for word in ("fail", "null", "plaintext", "insecure")):
        return None
    return keyring


def remember(target: str) -> str:
    """Keep the password of ``target`` (if it has one) in the keyring; returns the address
    without it. Refused, with what to do instead, where there is no keyring."""
    url = _url(target)
    kept = address(target)
    if url.password is None:
        return kept
    keyring = _keyring()
    if keyring is None:
        raise ClerkError(
            "This computer has no keyring to keep the team database's password in, and Clerk "
            "never keeps one in plain text: put it in your PostgreSQL password file "
            "(~/.pgpass) or a service file, and give the address without it."
        )
    try:
        keyring.set_password(KEYRING_SERVICE, kept, str(url.password))
    except Exception as error:  # the keyring refused (locked, denied): say so, keep nothing
        raise ClerkError(
            one_line(f"The keyring would not keep the team database's password ({error}).")
        ) from None
    return kept


def with_password(kept: str) -> str:
    """The address with its password from the keyring, when the keyring has one."""
    url = _url(kept)
    if url.password is not None or sqlite_path(kept) is not None:
        return kept
    keyring = _keyring()
    if keyring is None:
        return kept
    try:
        password = keyring.get_password(KEYRING_SERVICE, kept)
    except Exception as error:  # a locked keyring: libpq may still find a password file
        log.warning("the keyring gave no password for %s: %s", kept, error)
        return kept
    if password is None:
        return kept
    return url.set(password=password).render_as_string(hide_password=False)


def forget(kept: str) -> None:
    keyring = _keyring()
    if keyring is not None:
        try:
            keyring.delete_password(KEYRING_SERVICE, kept)
        except Exception as error:  # nothing kept, or a locked keyring: nothing to undo
            log.info("no password forgotten for %s: %s", kept, error)


def unreachable(target: str, reason: str) -> TeamUnreachable:
    return TeamUnreachable(
        one_line(
            f"The team's database ({describe(target)}) cannot be reached ({reason}): nothing "
            "was changed, and this laptop keeps working; try again when it can be reached."
        )
    )


def open_team(target: str) -> Database:
    """Open the team's database (its password from the keyring); ``TeamUnreachable`` when it
    cannot be reached. An SQLite file is a team database only if it exists."""
    kept = address(target)
    path = sqlite_path(database_url(kept))
    if path is not None and not path.exists():
        raise unreachable(kept, "there is no such file")
    try:
        return open_database(with_password(target if _url(target).password else kept))
    except ClerkError as error:
        if path is None and "cannot reach" in str(error):
            reason = str(error).split(": ", 1)[-1].rstrip(".")
            raise unreachable(kept, reason) from None
        raise
