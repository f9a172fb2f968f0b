"""Herefordshire Council, annual meeting 2015: candidates for office declare pecuniary interests
(the council's name for disclosable pecuniary interests) and leave for their election; two
candidates for the same office are minuted in one sentence; the new Chairman takes the chair."""

from __future__ import annotations

import pytest

from tests.scenarios.helpers import Minutes, in_order, record

STATEMENTS = [
    "Councillor J Stone (Chairman)",
    "1. Election of Chairman",
    "Councillor AW Johnson proposed and Councillor TM James seconded a motion, which was agreed.",
    "Resolved:",
    "That Councillor DB Wilcox be elected Chairman of the Council for the forthcoming municipal "
    "year.",
    "Councillor DB Wilcox took the chair.",
    "2. Appointment of Vice-Chairman",
    "3. Declarations of Interest",
    "Councillor DB Wilcox declared a pecuniary interest in Minute 1 as a candidate for the office "
    "and left the meeting for that item.",
    "Councillors MD Lloyd-Hayes and PJ McCaull declared pecuniary interests in Minute 2 as "
    "candidates for the office and left the meeting for that item.",
]


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Minutes]:
    return record("herefordshire-2015-annual-council", tmp_path_factory.mktemp("herefordshire"))


def test_candidates_declare_and_leave_and_two_for_one_office_are_one_sentence(
    minutes: dict[bool, Minutes],
) -> None:
    public = minutes[False]
    in_order(STATEMENTS, public.lines)
    assert not any("disclosable pecuniary" in line for line in public.lines)
    assert public.pdf_matches_word
