"""The ModernGov web service over HTTP, when the laptop is online.

``mgWebService.asmx/<Operation>?params`` answers plain XML. Every request has a timeout; a
network that is not there, an address that does not answer, or an error page is one
sentence, and nothing is imported. Files saved from the service import the same way offline.
"""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlsplit

import httpx

from clerk.services.moderngov.answers import (
    Answer,
    Committees,
    Councillors,
    MeetingList,
    MgMeeting,
)
from clerk.services.moderngov.reader import MAX_BYTES, ModernGovError, read_as
from clerk.services.moderngov.text import format_date

SERVICE = "mgWebService.asmx"
#: Seconds to connect, and to wait for each answer.
TIMEOUT = httpx.Timeout(20.0, connect=10.0)


def service_url(base: str) -> str:
    """``https://democracy.council.gov.uk`` (or the full ``.../mgWebService.asmx``) to the
    service's address."""
    text = base.strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ModernGovError(
            f"'{base}' is not a web address (like https://democracy.council.gov.uk); "
            "nothing imported."
        )
    if text.lower().endswith(SERVICE.lower()):
        return text
    return f"{text}/{SERVICE}"


class ModernGovClient:
    def __init__(self, base: str, transport: httpx.BaseTransport | None = None) -> None:
        self.url = service_url(base)
        self.host = urlsplit(self.url).netloc
        self.client = httpx.Client(timeout=TIMEOUT, transport=transport, follow_redirects=True)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> ModernGovClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def get(self, operation: str, params: dict[str, str]) -> bytes:
        url = f"{self.url}/{operation}"
        try:
            with self.client.stream("GET", url, params=params) as response:
                if response.status_code >= 400:
                    raise ModernGovError(
                        f"{self.host} answered {operation} with HTTP {response.status_code} "
                        f"({response.reason_phrase}): check the address; nothing imported."
                    )
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > MAX_BYTES:
                        raise ModernGovError(
                            f"{self.host}'s {operation} answer is too large; nothing imported."
                        )
                return bytes(body)
        except httpx.TimeoutException:
            raise ModernGovError(
                f"{self.host} did not answer {operation} in time; nothing imported. Try again "
                "later, or import answers saved as files."
            ) from None
        except httpx.ConnectError:
            raise ModernGovError(
                f"Cannot reach {self.host}: the laptop may be offline, or the address is wrong; "
                "nothing imported. Answers saved as files import without a network."
            ) from None
        except httpx.HTTPError as error:
            raise ModernGovError(
                f"{self.host} could not be asked for {operation} ({type(error).__name__}); "
                "nothing imported."
            ) from None

    def committees(self) -> Committees:
        data = self.get("GetCommittees", {"lDummy": "0"})
        return read_as(data, f"{self.host} GetCommittees", Committees)

    def meetings(self, committee_id: str, start: date, end: date) -> MeetingList:
        params = {
            "lCommitteeId": committee_id,
            "sFromDate": format_date(start),
            "sToDate": format_date(end),
        }
        data = self.get("GetMeetings", params)
        return read_as(data, f"{self.host} GetMeetings", MeetingList)

    def meeting(self, meeting_id: str) -> MgMeeting:
        data = self.get("GetMeeting", {"lMeetingId": meeting_id})
        return read_as(data, f"{self.host} GetMeeting {meeting_id}", MgMeeting)

    def councillors(self) -> Councillors:
        data = self.get("GetCouncillorsByWard", {})
        return read_as(data, f"{self.host} GetCouncillorsByWard", Councillors)


def fetch_answers(
    base: str,
    committee_id: str,
    start: date,
    include_cancelled: bool = False,
    transport: httpx.BaseTransport | None = None,
) -> list[tuple[str, Answer]]:
    """A committee's meetings from ``start`` for a year, each in full, with the committees
    and the councillors: everything an import needs, asked for before anything is written."""
    if not committee_id.strip().isdigit():
        raise ModernGovError(
            f"'{committee_id}' is not a ModernGov committee id (a number); nothing imported."
        )
    with ModernGovClient(base, transport) as client:
        answers: list[tuple[str, Answer]] = [
            ("GetCommittees", client.committees()),
            ("GetCouncillorsByWard", client.councillors()),
        ]
        listed = client.meetings(committee_id.strip(), start, start + timedelta(days=366))
        answers.append(("GetMeetings", listed))
        for summary in listed.meetings:
            if summary.cancelled and not include_cancelled:
                continue
            answers.append((f"GetMeeting {summary.id}", client.meeting(summary.id)))
    return answers
