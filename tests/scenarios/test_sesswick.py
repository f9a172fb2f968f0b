"""Sesswick Community Council (Wrexham), 24 July 2017: a Welsh community council under the
Welsh model code of conduct. Its numbering runs through the municipal year (17/37, 17/38 ...);
members declare personal interests (staying) and personal and prejudicial interests (leaving)
in items and lettered planning applications further down the agenda, one declaration a row as
the council's table has them; the minutes of two earlier meetings are confirmed under one
minute.

Source: Sesswick Community Council's published minutes of its meeting of 24 July 2017 at
Marchwiel Village Hall (minutes 17/37 to 17/40)."""

from __future__ import annotations

import pytest

from tests.scenarios.helpers import Minutes, in_order, record


def pritchard(item: str) -> str:
    """Councillor Pritchard's declaration in one item: a personal interest, staying."""
    return (
        f"Councillor John Pritchard declared a personal interest in agenda item {item} as he "
        "sits on the county council's planning committee and remained in the meeting."
    )


STATEMENTS = [
    "Councillor John Hurst (Chairman)",
    "Councillor S. Heather Rowland (Vice-Chairman)",
    "Councillors Christine Stead, Elizabeth Griffiths, Raymond Jones, Fern Williams, John "
    "Pritchard and David Williams",
    "(Officers: Ian Griffiths, Clerk and Responsible Financial Officer)",
    "17/37. Apologies of absence",
    "No apologies for absence were received.",
    "17/38. Declarations of interest",
    "Councillor Elizabeth Griffiths declared a personal and prejudicial interest in agenda item "
    "17/45 as she has a close association with the clerk and left the meeting for that item.",
    pritchard("17/56.A"),
    pritchard("17/56.B"),
    "Councillor David Williams declared a personal and prejudicial interest in agenda item "
    "17/56.B as he owns land next to the proposed development and left the meeting for that "
    "item.",
    pritchard("17/56.C"),
    pritchard("17/56.D"),
    pritchard("17/56.E"),
    pritchard("17/58"),
    "17/39. Police",
    "No police officer attended the meeting. The Council had heard that a trailer had lately "
    "been stolen from a property on Kiln Lane.",
    "17/40. Confirmation of minutes from previous meetings",
    "The Minutes of the meeting of the Council held on 15 May 2017 were confirmed as a correct "
    "record and signed by the Chairman.",
    "The Minutes of the meeting of the Council held on 19 June 2017 were confirmed as a correct "
    "record and signed by the Chairman.",
]


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Minutes]:
    return record("sesswick-2017-community-council", tmp_path_factory.mktemp("sesswick"))


def test_welsh_code_declarations_and_two_sets_of_minutes_confirmed(
    minutes: dict[bool, Minutes],
) -> None:
    public = minutes[False]
    in_order(STATEMENTS, public.lines)
    assert public.lines[1] == "24 July 2017 at 6.30 pm"
    # The Welsh code has no disclosable pecuniary interests; nothing is worded as one.
    assert not any("pecuniary" in line for line in public.lines)
    assert public.pdf_matches_word
