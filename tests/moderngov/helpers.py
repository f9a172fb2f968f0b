"""The ModernGov fixtures: answers written after the real web service's structure, with its
quirks (whitespace-only elements, titles escaped twice, Word HTML agenda text, "Councillor"
and "Cllr" in names, a cancelled meeting, expired and deleted committees)."""

from __future__ import annotations

from pathlib import Path

from clerk.domain.entities import CouncilProfile
from clerk.services import setup
from clerk.storage.database import Database

FIXTURES = Path(__file__).parent / "fixtures"
ALL = sorted(FIXTURES.glob("*.xml"))


def fixture(name: str) -> Path:
    return FIXTURES / name


def data(name: str) -> bytes:
    return fixture(name).read_bytes()


def council(database: Database) -> None:
    setup.save_council(database, CouncilProfile(name="Torbay Council", signatory_title="Chairman"))
