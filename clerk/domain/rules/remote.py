"""Attending by video: when a member attending remotely is present at the meeting.

In Wales a member attending a meeting through remote means is present: the Local Government
(Wales) Measure 2011 (s.4) allowed remote attendance, and the Local Government and Elections
(Wales) Act 2021 (Part 3, Chapter 4: multi-location meetings) requires councils to provide for
it. In England remote attendance was attendance only under the Coronavirus flexibility
regulations (SI 2020/392, reg. 5), for meetings from 4 April 2020 to 6 May 2021; since then
being present means being physically at the meeting's place (Hertfordshire CC v SSHCLG [2021]
EWHC 1093 (Admin)). Elsewhere a member watching by video is a remote observer: not present for
quorum or voting.

The council's jurisdiction is read from its code of conduct: the Welsh model code is used by
Welsh councils only.
"""

from __future__ import annotations

from datetime import date

from clerk.domain.entities import CouncilProfile
from clerk.domain.enums import CodeOfConduct

#: The Local Authorities and Police and Crime Panels (Coronavirus) (Flexibility of Local
#: Authority and Police and Crime Panel Meetings) (England and Wales) Regulations 2020
#: (SI 2020/392): remote attendance was attendance for meetings in this window.
FLEXIBILITY_FROM = date(2020, 4, 4)
FLEXIBILITY_UNTIL = date(2021, 5, 6)


def welsh(council: CouncilProfile) -> bool:
    return council.code_of_conduct is CodeOfConduct.WELSH_MODEL


def under_flexibility_regulations(day: date) -> bool:
    return FLEXIBILITY_FROM <= day <= FLEXIBILITY_UNTIL


def remote_presence_allowed(council: CouncilProfile, day: date) -> bool:
    """Whether a member attending remotely on ``day`` is present at the meeting."""
    return welsh(council) or under_flexibility_regulations(day)


def remote_presence_refusal(council: CouncilProfile, day: date, name: str) -> str | None:
    """None when ``name`` may be recorded as present remotely; else the one sentence why not."""
    if remote_presence_allowed(council, day):
        return None
    return (
        f"In England a member attending remotely is present only at meetings from 4 April 2020 "
        f"to 6 May 2021 (the Coronavirus flexibility regulations, SI 2020/392; Hertfordshire CC "
        f"v SSHCLG [2021] EWHC 1093), so record {name} as a remote observer instead."
    )
