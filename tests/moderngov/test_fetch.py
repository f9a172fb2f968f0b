"""The URL form against a real HTTP server on this machine: the answers fetched and imported;
a server that does not answer, an error page and the wrong answer refused in one sentence."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest

from clerk.domain.errors import ClerkError
from clerk.services import catalogue
from clerk.services.moderngov.fetch import fetch_answers, service_url
from clerk.services.moderngov.importer import import_answers
from clerk.storage.database import Database
from tests.moderngov.helpers import council, data
from tests.reliability.fuzzing import fingerprint


class Service(BaseHTTPRequestHandler):
    """``/democracy/mgWebService.asmx/<Operation>`` answered from the fixtures."""

    broken: str = ""
    asked: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        operation = url.path.rsplit("/", 1)[-1]
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        type(self).asked.append(f"{operation} {sorted(params.items())}")
        if self.broken == "500" or not url.path.startswith("/democracy/mgWebService.asmx/"):
            self.send_error(500 if self.broken == "500" else 404)
            return
        name = {
            "GetCommittees": "GetCommittees.xml",
            "GetCouncillorsByWard": "GetCouncillorsByWard.xml",
            "GetMeetings": "GetMeetings-184.xml",
            "GetMeeting": f"GetMeeting-{params.get('lMeetingId')}.xml",
        }.get(operation, "")
        if self.broken == "wrong" and operation == "GetMeeting":
            name = "GetCommittees.xml"
        try:
            body = data(name)
        except OSError:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Service.broken, Service.asked = "", []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Service)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/democracy"
    httpd.shutdown()
    httpd.server_close()


def test_a_committee_fetched_and_imported(server: str, sqlite_database: Database) -> None:
    council(sqlite_database)
    answers = fetch_answers(server, "184", date(2021, 9, 1))
    assert (
        "GetMeetings [('lCommitteeId', '184'), ('sFromDate', '01/09/2021'), "
        "('sToDate', '02/09/2022')]" in Service.asked
    )
    assert not any("11051" in asked for asked in Service.asked)  # cancelled: not asked for
    _plan, done = import_answers(sqlite_database, answers)
    assert [d.reference.split("/")[1] for d in done] == ["2021-08-18", "2021-09-20", "2021-11-22"]
    assert len(catalogue.meetings(sqlite_database)) == 3


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_server_that_does_not_answer(sqlite_database: Database) -> None:
    before = fingerprint(sqlite_database)
    with pytest.raises(ClerkError) as caught:
        fetch_answers(f"http://127.0.0.1:{_closed_port()}", "184", date(2021, 9, 1))
    assert str(caught.value).startswith("Cannot reach 127.0.0.1:")
    assert "the laptop may be offline" in str(caught.value)
    assert fingerprint(sqlite_database) == before


@pytest.mark.parametrize(
    ("broken", "words"),
    [
        ("500", "answered GetCommittees with HTTP 500"),
        ("wrong", "is a GetCommittees answer, not the GetMeeting answer asked for"),
    ],
)
def test_error_pages_and_wrong_answers(server: str, broken: str, words: str) -> None:
    Service.broken = broken
    with pytest.raises(ClerkError, match=words):
        fetch_answers(server, "184", date(2021, 9, 1))


def test_addresses() -> None:
    assert service_url("https://democracy.example.gov.uk/") == (
        "https://democracy.example.gov.uk/mgWebService.asmx"
    )
    assert service_url("https://x.gov.uk/mgWebService.asmx") == "https://x.gov.uk/mgWebService.asmx"
    with pytest.raises(ClerkError, match="is not a web address"):
        service_url("democracy.example.gov.uk")
    with pytest.raises(ClerkError, match="is not a ModernGov committee id"):
        fetch_answers("https://x.gov.uk", "board", date(2021, 9, 1))


def test_a_server_that_never_replies_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    import httpx

    from clerk.services.moderngov import fetch

    monkeypatch.setattr(fetch, "TIMEOUT", httpx.Timeout(0.5))
    with socket.socket() as silent:  # listens, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        with pytest.raises(ClerkError, match=r"did not answer GetCommittees in time"):
            fetch_answers(f"http://127.0.0.1:{port}", "184", date(2021, 9, 1))
