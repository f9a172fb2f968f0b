"""The team database's password: in the platform's keyring, or in PostgreSQL's own files;
never in Clerk's database or settings in plain text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from sqlalchemy.engine import make_url

from clerk.domain.errors import ClerkError
from clerk.services import team as teams
from clerk.services.checkin import check_in
from clerk.services.checkout import check_out
from clerk.storage.database import Database
from tests.roundtrip.helpers import SEPTEMBER, local_id

SECRET = "Meadfoot-Room-2021"


class MemoryKeyring(KeyringBackend):
    """The platform's keyring, as the ``keyring`` library sees one, held in memory (a test
    machine has no Secret Service running)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ours = MemoryKeyring()
    keyring.set_keyring(ours)
    yield ours
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_a_password_goes_to_the_keyring_and_nowhere_else(memory_keyring: MemoryKeyring) -> None:
    url = f"postgresql+psycopg://clerk:{SECRET}@dbserver/democratic_services"
    kept = teams.remember(url)
    assert kept == "postgresql+psycopg://clerk@dbserver/democratic_services"
    assert memory_keyring.kept == {(teams.KEYRING_SERVICE, kept): SECRET}
    assert make_url(teams.with_password(kept)).password == SECRET
    assert teams.describe(kept) == "dbserver/democratic_services"
    teams.forget(kept)
    assert teams.with_password(kept) == kept


def test_no_keyring_no_password_kept(no_keyring: None) -> None:
    with pytest.raises(ClerkError) as refused:
        teams.remember(f"postgresql+psycopg://clerk:{SECRET}@dbserver/ds")
    message = str(refused.value)
    assert "never keeps one in plain text" in message and "~/.pgpass" in message
    # Without a password in the address there is nothing to keep: libpq finds it.
    assert teams.remember("postgresql+psycopg://clerk@dbserver/ds").endswith("@dbserver/ds")


@pytest.mark.postgres
def test_a_round_trip_with_the_password_in_the_keyring(
    postgres_team: tuple[Database, str],
    laptop: Database,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    _team, url = postgres_team
    with_secret = make_url(url).set(password=SECRET).render_as_string(hide_password=False)
    check_out(laptop, SEPTEMBER, with_secret)
    kept = teams.address(with_secret)
    assert memory_keyring.kept[(teams.KEYRING_SERVICE, kept)] == SECRET
    assert laptop.path is not None
    laptop.dispose()
    for path in [laptop.path, *Path(str(tmp_path)).rglob("*.json")]:
        assert SECRET.encode() not in Path(path).read_bytes(), path
    check_in(laptop, local_id(laptop))  # found the password in the keyring
    memory_keyring.kept.clear()


@pytest.mark.postgres
def test_a_round_trip_through_a_postgresql_service_file(
    postgres_team: tuple[Database, str],
    laptop: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _team, url = postgres_team
    parts = make_url(url)
    services = tmp_path / "pg_service.conf"
    services.write_text(
        "[clerk-team]\n"
        f"host={parts.host}\nport={parts.port}\nuser={parts.username}\ndbname={parts.database}\n"
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    address = "postgresql+psycopg:///?service=clerk-team"
    done = check_out(laptop, SEPTEMBER, address)
    assert done.team == "clerk-team"
    back = check_in(laptop, local_id(laptop))
    assert not back.anyway
