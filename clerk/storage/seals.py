"""Seals: an optional per-installation key that authenticates the entries Clerk writes.

Without a key, the hash chains prove only that a record agrees with itself: anyone who can
write the database file can rewrite a journal and recompute every hash. With a key, each
journal and register entry this installation writes carries a seal, an HMAC-SHA-256 of the
entry's hash under the key. Someone without the key can still delete entries or strip the
seals, but cannot change a sealed entry, or add one, so that its seal verifies.

The key is 32 random bytes, kept in the operating system's keyring when the ``keyring``
package is installed and has a working backend, else in ``record.key`` in Clerk's data folder
(readable by the user only). A seal is ``<key id>:<hmac>``; the key id (the first 8 hex digits
of the key's SHA-256) tells this installation's seals from others'.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from clerk.domain.errors import ClerkError
from clerk.fileio import write_text
from clerk.storage.engine import data_dir

KEY_FILE = "record.key"
KEYRING_SERVICE = "Clerk"
KEYRING_USER = "record-key"


class SealCheck(StrEnum):
    GOOD = "good"  # sealed with this installation's key, and it verifies
    BROKEN = "broken"  # sealed with this installation's key, and it does not verify
    OTHER = "other"  # sealed with another key (another installation)
    NONE = "none"  # not sealed


@dataclass(frozen=True)
class RecordKey:
    secret: bytes
    where: str

    @property
    def id(self) -> str:
        return hashlib.sha256(self.secret).hexdigest()[:8]

    def seal(self, entry_hash: str) -> str:
        mac = hmac.new(self.secret, entry_hash.encode("ascii"), hashlib.sha256).hexdigest()
        return f"{self.id}:{mac}"

    def check(self, entry_hash: str, seal: str) -> SealCheck:
        if not seal:
            return SealCheck.NONE
        if not seal.startswith(f"{self.id}:"):
            return SealCheck.OTHER
        good = hmac.compare_digest(self.seal(entry_hash), seal)
        return SealCheck.GOOD if good else SealCheck.BROKEN


def key_file() -> Path:
    return data_dir() / KEY_FILE


def _keyring() -> object | None:
    try:
        import keyring  # a dependency since the round trip keeps passwords in it
    except ImportError:
        return None
    return keyring


def _from_keyring() -> bytes | None:
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        value = keyring.get_password(KEYRING_SERVICE, KEYRING_USER)  # type: ignore[attr-defined]
    except Exception:  # no usable backend: the file is used
        return None
    return bytes.fromhex(value) if value else None


@cache
def _load(folder: Path) -> RecordKey | None:
    secret = _from_keyring()
    if secret is not None:
        return RecordKey(secret, "the system keyring")
    path = folder / KEY_FILE
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ClerkError(f"Cannot read the record key {path}: {error.strerror}.") from None
    try:
        return RecordKey(bytes.fromhex(text), str(path))
    except ValueError:
        raise ClerkError(f"The record key {path} is damaged: it is not a key Clerk made.") from None


def installation_key() -> RecordKey | None:
    """This installation's record key, or None when it has none."""
    return _load(data_dir())


def seal(entry_hash: str) -> str:
    """The seal for an entry this installation writes ("" without a key)."""
    key = installation_key()
    return key.seal(entry_hash) if key is not None else ""


def create_key(use_keyring: bool = True) -> RecordKey:
    """Make this installation's record key; refused when it has one already."""
    existing = installation_key()
    if existing is not None:
        raise ClerkError(
            f"This installation already has a record key (id {existing.id}, in "
            f"{existing.where}); a new one would leave the entries sealed so far unverifiable."
        )
    secret = secrets.token_bytes(32)
    keyring = _keyring() if use_keyring else None
    if keyring is not None:
        try:
            keyring.set_password(KEYRING_SERVICE, KEYRING_USER, secret.hex())  # type: ignore[attr-defined]
            _load.cache_clear()
            return RecordKey(secret, "the system keyring")
        except Exception:  # no usable backend: the file
            pass
    path = key_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, secret.hex() + "\n", mode=0o600)  # the user's alone
    _load.cache_clear()
    return RecordKey(secret, str(path))
