"""The round trip's test bench: a team database, a laptop, a meeting recorded between them."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from sqlalchemy.engine import make_url

from clerk.domain.actions.attendance import Apologies, Present
from clerk.domain.actions.proceedings import ConfirmMinutes, OpenItem, StartMeeting
from clerk.domain.journal import JournalEntry, verify_chain
from clerk.services import record_json, signoff
from clerk.services.audit import audit_meeting
from clerk.services.demo import load_demo
from clerk.services.recording import MeetingSession
from clerk.storage import repository as repo
from clerk.storage.database import Database
from tests.reliability.script_gen import generate

SEPTEMBER = "cyp-scrutiny-board/2021-09-20"
AUGUST = "cyp-scrutiny-board/2021-08-18"


def team_ready(team: Database) -> None:
    """The demo, with the minutes of 18 August approved: the 20 September meeting (2) is
    ready to record, and will confirm them."""
    load_demo(team)
    signoff.circulate(team, 1, on=date(2021, 8, 19), who="office")
    signoff.approve(team, 1, on=date(2021, 8, 23), who="office")


def local_id(laptop: Database, reference: str = SEPTEMBER) -> int:
    slug, day = reference.split("/")
    with laptop.reading() as conn:
        return repo.find_meeting(conn, slug, date.fromisoformat(day))


def record_meeting(laptop: Database, meeting_id: int, actions: int = 0, seed: int = 7) -> None:
    """At the table: the roll call, the start, the Minutes item confirming 18 August (which
    carries its open actions), then ``actions`` more of the generator's."""
    session = MeetingSession(laptop, meeting_id, who="Jo Smith")
    for person in ("bye", "barnby", "mills", "douglas-dunbar"):
        session.apply(Present(person=person))
    session.apply(Apologies(person="mandy-darling"))
    session.apply(StartMeeting(at=time(9, 30)))
    minutes = next(i.id for i in session.record.agenda() if i.title == "Minutes")
    session.apply(OpenItem(item=minutes, at=time(9, 31)))
    session.apply(ConfirmMinutes(item=minutes, meeting_date=date(2021, 8, 18)))
    if actions:
        generate(laptop, meeting_id, seed, actions)


def export(database: Database, meeting_id: int) -> dict[str, object]:
    return json.loads(record_json.export_meeting(database, meeting_id))


def journal(database: Database, meeting_id: int) -> list[JournalEntry]:
    with database.reading() as conn:
        return repo.load_journal(conn, meeting_id)


def find(database: Database, reference: str) -> int:
    slug, day = reference.split("/")
    with database.reading() as conn:
        return repo.find_meeting(conn, slug, date.fromisoformat(day))


@dataclass(frozen=True)
class Pair:
    team: Database
    laptop: Database


def assert_same_everywhere(team: Database, laptop: Database, reference: str) -> None:
    """The two copies of a meeting: the same export, the same journal, the audit clean."""
    team_id, local = find(team, reference), find(laptop, reference)
    assert export(team, team_id) == export(laptop, local)
    ours, theirs = journal(laptop, local), journal(team, team_id)
    assert [(e.seq, e.hash) for e in ours] == [(e.seq, e.hash) for e in theirs]
    assert verify_chain(theirs) == []
    for database, meeting in ((team, team_id), (laptop, local)):
        report = audit_meeting(database, meeting)
        assert report.ok, report.problems


class Proxy:
    """A TCP forwarder on a loopback port: the network between the laptop and the team's
    server, which a test can cut (``stop``: the port closes) and mend (``start``)."""

    def __init__(self, target_url: str) -> None:
        url = make_url(target_url)
        self.target = (url.host or "127.0.0.1", url.port or 5432)
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.url = url.set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)
        self._server: socket.socket | None = None
        self._links: list[socket.socket] = []

    def start(self) -> None:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(16)
        self._server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self._links += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def stop(self) -> None:
        """Cut the network: the port closes and every open connection drops."""
        if self._server is not None:
            with contextlib.suppress(OSError):
                self._server.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
            self._server.close()
            self._server = None
        for link in self._links:
            try:
                link.shutdown(socket.SHUT_RDWR)
                link.close()
            except OSError:
                pass
        self._links.clear()


def cut_off(team_url: str, tmp: Path) -> tuple[str, object]:
    """An address for the team's database that the test can make unreachable: through a
    proxy (PostgreSQL), or a file that can be moved away (SQLite)."""
    if team_url.startswith("sqlite"):
        return team_url, None
    proxy = Proxy(team_url)
    proxy.start()
    return proxy.url, proxy
